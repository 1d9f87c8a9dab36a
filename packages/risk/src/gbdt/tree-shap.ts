import { childOf, type Tree } from './tree.ts';

interface Path {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

function extend(p: Path, at: number, depth: number, zero: number, one: number, feature: number): void {
  const o = at + depth;
  p.feature[o] = feature;
  p.zero[o] = zero;
  p.one[o] = one;
  p.weight[o] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[at + i + 1]! += (one * p.weight[at + i]! * (i + 1)) / (depth + 1);
    p.weight[at + i] = (zero * p.weight[at + i]! * (depth - i)) / (depth + 1);
  }
}

function unwind(p: Path, at: number, depth: number, index: number): void {
  const one = p.one[at + index]!;
  const zero = p.zero[at + index]!;
  let next = p.weight[at + depth]!;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[at + i]!;
      p.weight[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (p.weight[at + i]! * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[at + i] = (p.weight[at + i]! * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1]!;
    p.zero[at + i] = p.zero[at + i + 1]!;
    p.one[at + i] = p.one[at + i + 1]!;
  }
}

function unwoundSum(p: Path, at: number, depth: number, index: number): number {
  const one = p.one[at + index]!;
  const zero = p.zero[at + index]!;
  let next = p.weight[at + depth]!;
  let total = 0;
  if (one !== 0) {
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = next / ((i + 1) * one);
      total += tmp;
      next = p.weight[at + i]! - tmp * zero * (depth - i);
    }
  } else {
    for (let i = depth - 1; i >= 0; i--) total += p.weight[at + i]! / (zero * (depth - i));
  }
  return total * (depth + 1);
}

function treeDepth(t: Tree): number {
  const depth = (node: number): number =>
    t.feature[node]! < 0 ? 0 : 1 + Math.max(depth(t.left[node]!), depth(t.right[node]!));
  return depth(0);
}

/**
 * Expected output of a tree over its training distribution: Σ leaf value × leaf cover ÷ root cover.
 *
 * @example treeExpectation(tree); // e.g. -0.004
 */
export function treeExpectation(t: Tree): number {
  let s = 0;
  for (let i = 0; i < t.feature.length; i++) if (t.feature[i]! < 0) s += t.value[i]! * t.cover[i]!;
  const root = t.cover[0]!;
  return root > 0 ? s / root : 0;
}

/**
 * Exact path-dependent TreeSHAP (Lundberg et al. 2018, Algorithm 2) for one tree and one row of
 * codes: adds each feature's contribution to `phi` (length ≥ number of features). The
 * contributions of a row sum to the tree's output minus {@link treeExpectation}.
 *
 * @example const phi = new Float64Array(F); treeShap(tree, x, phi);
 */
export function treeShap(t: Tree, x: ArrayLike<number>, phi: Float64Array, offset = 0): void {
  let path = workspaces.get(t);
  if (!path) {
    const maxd = treeDepth(t) + 2;
    const size = ((maxd + 1) * (maxd + 2)) / 2;
    path = {
      feature: new Int32Array(size),
      zero: new Float64Array(size),
      one: new Float64Array(size),
      weight: new Float64Array(size),
    };
    workspaces.set(t, path);
  }
  shapRecurse(t, x, offset, phi, path, 0, 0, 0, 1, 1, -1);
}

const workspaces = new WeakMap<Tree, Path>();

function shapRecurse(
  t: Tree,
  x: ArrayLike<number>,
  offset: number,
  phi: Float64Array,
  path: Path,
  node: number,
  depth: number,
  parentAt: number,
  zero: number,
  one: number,
  feature: number,
): void {
  const at = parentAt + depth;
  for (let i = 0; i < depth; i++) {
    path.feature[at + i] = path.feature[parentAt + i]!;
    path.zero[at + i] = path.zero[parentAt + i]!;
    path.one[at + i] = path.one[parentAt + i]!;
    path.weight[at + i] = path.weight[parentAt + i]!;
  }
  extend(path, at, depth, zero, one, feature);
  const split = t.feature[node]!;
  if (split < 0) {
    const v = t.value[node]!;
    for (let i = 1; i <= depth; i++) {
      const w = unwoundSum(path, at, depth, i);
      phi[path.feature[at + i]!]! += w * (path.one[at + i]! - path.zero[at + i]!) * v;
    }
    return;
  }
  const hot = childOf(t, node, x[offset + split]!);
  const cold = hot === t.left[node] ? t.right[node]! : t.left[node]!;
  const w = t.cover[node]!;
  const hotZero = w > 0 ? t.cover[hot]! / w : 0;
  const coldZero = w > 0 ? t.cover[cold]! / w : 0;
  let inZero = 1;
  let inOne = 1;
  let k = 0;
  for (; k <= depth; k++) if (path.feature[at + k] === split) break;
  let d = depth;
  if (k !== depth + 1) {
    inZero = path.zero[at + k]!;
    inOne = path.one[at + k]!;
    unwind(path, at, d, k);
    d -= 1;
  }
  shapRecurse(t, x, offset, phi, path, hot, d + 1, at, hotZero * inZero, inOne, split);
  shapRecurse(t, x, offset, phi, path, cold, d + 1, at, coldZero * inZero, 0, split);
}
