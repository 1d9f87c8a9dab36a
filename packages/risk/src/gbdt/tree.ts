/**
 * One regression tree in flat arrays. Node 0 is the root; a leaf has `feature = −1`. A numeric
 * node sends x left when x < threshold and NaN the `defaultLeft` way. A categorical node sends x
 * right when `categoriesRight` holds it (x an integer code), left otherwise; NaN goes the
 * `defaultLeft` way.
 */
export interface Tree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly defaultLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
  /** Sum of hessians (training weight) reaching the node; TreeSHAP uses it. */
  readonly cover: Float64Array;
  /** Loss reduction of the split (0 at leaves); feature importance uses it. */
  readonly gain: Float64Array;
  /** Per node: membership mask of the codes that go right, or null for a numeric node. */
  readonly categoriesRight: readonly (Uint8Array | null)[];
}

/** A tree as stored in a JSON artefact (plain arrays, categorical sets as code lists). */
export interface TreeJson {
  readonly feature: number[];
  readonly threshold: number[];
  readonly defaultLeft: number[];
  readonly left: number[];
  readonly right: number[];
  readonly value: number[];
  readonly cover: number[];
  readonly gain: number[];
  readonly categories: { readonly node: number; readonly right: number[] }[];
}

/**
 * The child a value goes to at an internal node.
 *
 * @example childOf(tree, 0, 3.2); // 1 or 2
 */
export function childOf(tree: Tree, node: number, x: number): number {
  if (Number.isNaN(x)) return tree.defaultLeft[node] ? tree.left[node]! : tree.right[node]!;
  const cats = tree.categoriesRight[node];
  if (cats) {
    const c = x | 0;
    return c >= 0 && c < cats.length && cats[c] ? tree.right[node]! : tree.left[node]!;
  }
  return x < tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
}

/**
 * The leaf a row of codes reaches (`x[offset + feature]`).
 *
 * @example leafOf(tree, codes, 0); // leaf node index
 */
export function leafOf(tree: Tree, x: ArrayLike<number>, offset = 0): number {
  let node = 0;
  const feature = tree.feature;
  while (feature[node]! >= 0) node = childOf(tree, node, x[offset + feature[node]!]!);
  return node;
}

/**
 * Converts a tree to its JSON form.
 *
 * @example treeToJson(tree).feature; // [2, 0, -1, …]
 */
export function treeToJson(t: Tree): TreeJson {
  const categories: { node: number; right: number[] }[] = [];
  t.categoriesRight.forEach((m, node) => {
    if (!m) return;
    const right: number[] = [];
    m.forEach((v, c) => {
      if (v) right.push(c);
    });
    categories.push({ node, right });
  });
  return {
    feature: Array.from(t.feature),
    threshold: Array.from(t.threshold),
    defaultLeft: Array.from(t.defaultLeft),
    left: Array.from(t.left),
    right: Array.from(t.right),
    value: Array.from(t.value),
    cover: Array.from(t.cover),
    gain: Array.from(t.gain),
    categories,
  };
}

/**
 * Rebuilds a tree from its JSON form, checking the arrays agree in length and children exist.
 *
 * @example treeFromJson(treeToJson(tree)); // equal to tree
 */
export function treeFromJson(j: TreeJson): Tree {
  const n = j.feature.length;
  for (const k of ['threshold', 'defaultLeft', 'left', 'right', 'value', 'cover', 'gain'] as const) {
    if (!Array.isArray(j[k]) || j[k].length !== n)
      throw new Error(`tree array '${k}' must have ${n} entries`);
  }
  const categoriesRight: (Uint8Array | null)[] = new Array(n).fill(null);
  for (const c of j.categories ?? []) {
    const max = c.right.reduce((a, b) => Math.max(a, b), -1);
    const m = new Uint8Array(max + 1);
    for (const v of c.right) m[v] = 1;
    categoriesRight[c.node] = m;
  }
  const tree: Tree = {
    feature: Int32Array.from(j.feature),
    threshold: Float64Array.from(j.threshold.map((v) => (v === null ? Number.NaN : v))),
    defaultLeft: Uint8Array.from(j.defaultLeft),
    left: Int32Array.from(j.left),
    right: Int32Array.from(j.right),
    value: Float64Array.from(j.value),
    cover: Float64Array.from(j.cover),
    gain: Float64Array.from(j.gain),
    categoriesRight,
  };
  for (let i = 0; i < n; i++) {
    if (tree.feature[i]! < 0) continue;
    const l = tree.left[i]!;
    const r = tree.right[i]!;
    if (!(l > 0 && l < n && r > 0 && r < n)) throw new Error(`tree node ${i} has a child out of range`);
  }
  return tree;
}
