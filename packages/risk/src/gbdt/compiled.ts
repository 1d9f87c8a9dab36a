import type { Ensemble } from './ensemble.ts';
import type { Tree } from './tree.ts';
import { treeShap } from './tree-shap.ts';

/**
 * Leaves × one-patterns × unique path features of a tree above which its TreeSHAP table is not
 * precomputed (depth 4: 16 × 16 × 4 = 1,024 entries; depth 5: 5,120; depth 6: 24,576).
 */
const TABLE_BUDGET = 8192;

/** An ensemble prepared for fast single-record scoring and explanation (see {@link compileEnsemble}). */
export interface CompiledEnsemble {
  readonly featureCount: number;
  /** Margin (log-odds) of one row of codes; equal to `ensembleMargin`. */
  margin(x: ArrayLike<number>): number;
  /**
   * Adds each feature's path-dependent TreeSHAP contribution for one row of codes to `phi`
   * (zero it first); equal to `ensembleShap(…).phi` up to rounding.
   */
  shap(x: ArrayLike<number>, phi: Float64Array): void;
}

/**
 * Path-dependent TreeSHAP values of one leaf for every pattern of the path's unique features:
 * `out[p · k + j]` is feature j's contribution when the row follows the path exactly at the
 * features whose bit is set in p (Lundberg et al. 2018, Algorithm 2, at that leaf: the path is
 * extended with each feature's zero fraction (share of training cover going this way) and one
 * fraction (1 if the row goes this way), and the feature's weight is the unwound sum).
 */
function leafTable(zero: readonly number[], value: number, out: Float64Array, at: number): void {
  const k = zero.length;
  const w = new Float64Array(k + 1);
  const one = new Float64Array(k + 1);
  const z = new Float64Array(k + 1);
  for (let p = 0; p < 1 << k; p++) {
    // Extend from the empty path (the root's dummy element with zero = one = 1).
    w[0] = 1;
    z[0] = 1;
    one[0] = 1;
    for (let d = 1; d <= k; d++) {
      z[d] = zero[d - 1]!;
      one[d] = (p >> (d - 1)) & 1;
      w[d] = 0;
      for (let i = d - 1; i >= 0; i--) {
        w[i + 1]! += (one[d]! * w[i]! * (i + 1)) / (d + 1);
        w[i] = (z[d]! * w[i]! * (d - i)) / (d + 1);
      }
    }
    for (let j = 1; j <= k; j++) {
      // Unwound sum for element j (as in tree-shap.ts).
      const o = one[j]!;
      const zz = z[j]!;
      let next = w[k]!;
      let total = 0;
      if (o !== 0) {
        for (let i = k - 1; i >= 0; i--) {
          const tmp = next / ((i + 1) * o);
          total += tmp;
          next = w[i]! - tmp * zz * (k - i);
        }
      } else for (let i = k - 1; i >= 0; i--) total += w[i]! / (zz * (k - i));
      out[at + p * k + j - 1] = total * (k + 1) * (o - zz) * value;
    }
  }
}

/**
 * Flattens an ensemble into typed arrays and precomputes, for every tree small enough (depth ≤ 5
 * in practice), a TreeSHAP table per leaf: explaining a row then costs one pass over the nodes
 * (which way the row goes) and one table look-up per leaf, with no allocation. Larger trees use
 * the recursive algorithm ({@link treeShap}).
 *
 * @example const c = compileEnsemble(ensemble); const phi = new Float64Array(F); c.shap(codes, phi);
 */
export function compileEnsemble(e: Ensemble): CompiledEnsemble {
  const trees = e.trees;
  let total = 0;
  for (const t of trees) total += t.feature.length;
  const root = new Int32Array(trees.length);
  const feature = new Int32Array(total);
  const threshold = new Float64Array(total);
  const defaultLeft = new Uint8Array(total);
  const left = new Int32Array(total);
  const right = new Int32Array(total);
  const value = new Float64Array(total);
  const catAt = new Int32Array(total).fill(-1);
  const catLen = new Int32Array(total);
  const catBytes: number[] = [];
  // Per tree with a table: its leaves, and per leaf the path steps and table offset.
  const tabled = new Uint8Array(trees.length);
  const leafStart = new Int32Array(trees.length + 1);
  const leafFrom: number[] = [];
  const leafTo: number[] = [];
  const leafK: number[] = [];
  const leafTableAt: number[] = [];
  const leafFeatureAt: number[] = [];
  const stepNode: number[] = [];
  const stepLeft: number[] = [];
  const stepBit: number[] = [];
  const uniqueFeature: number[] = [];
  const tables: Float64Array[] = [];
  let tableSize = 0;
  let base = 0;
  trees.forEach((t: Tree, ti) => {
    root[ti] = base;
    const m = t.feature.length;
    for (let i = 0; i < m; i++) {
      const g = base + i;
      feature[g] = t.feature[i]!;
      threshold[g] = t.threshold[i]!;
      defaultLeft[g] = t.defaultLeft[i]!;
      left[g] = base + t.left[i]!;
      right[g] = base + t.right[i]!;
      value[g] = t.value[i]!;
      const cats = t.categoriesRight[i];
      if (cats) {
        catAt[g] = catBytes.length;
        catLen[g] = cats.length;
        for (const c of cats) catBytes.push(c);
      }
    }
    // Root-to-leaf paths: (node, went left) pairs.
    const paths: { leaf: number; steps: [number, boolean][] }[] = [];
    const walk = (node: number, steps: [number, boolean][]): void => {
      if (t.feature[node]! < 0) {
        paths.push({ leaf: node, steps });
        return;
      }
      walk(t.left[node]!, [...steps, [node, true]]);
      walk(t.right[node]!, [...steps, [node, false]]);
    };
    walk(0, []);
    let need = 0;
    const uniques = paths.map(({ steps }) => {
      const feats: number[] = [];
      for (const [node] of steps) if (!feats.includes(t.feature[node]!)) feats.push(t.feature[node]!);
      need += (1 << feats.length) * feats.length;
      return feats;
    });
    leafStart[ti + 1] = leafStart[ti]!;
    if (need <= TABLE_BUDGET) {
      tabled[ti] = 1;
      paths.forEach(({ leaf, steps }, li) => {
        const feats = uniques[li]!;
        const k = feats.length;
        const zero = feats.map(() => 1);
        leafFrom.push(stepNode.length);
        leafK.push(k);
        leafFeatureAt.push(uniqueFeature.length);
        for (const f of feats) uniqueFeature.push(f);
        for (const [node, wentLeft] of steps) {
          const j = feats.indexOf(t.feature[node]!);
          const child = wentLeft ? t.left[node]! : t.right[node]!;
          const cover = t.cover[node]!;
          zero[j]! *= cover > 0 ? t.cover[child]! / cover : 0;
          stepNode.push(base + node);
          stepLeft.push(wentLeft ? 1 : 0);
          stepBit.push(1 << j);
        }
        leafTo.push(stepNode.length);
        const table = new Float64Array((1 << k) * k);
        leafTable(zero, t.value[leaf]!, table, 0);
        leafTableAt.push(tableSize);
        tableSize += table.length;
        tables.push(table);
        leafStart[ti + 1]!++;
      });
    }
    base += m;
  });
  const stepsFrom = Int32Array.from(leafFrom);
  const stepsTo = Int32Array.from(leafTo);
  const table = new Float64Array(tableSize);
  {
    let at = 0;
    for (const t of tables) {
      table.set(t, at);
      at += t.length;
    }
  }
  const leafKA = Int32Array.from(leafK);
  const leafTableA = Int32Array.from(leafTableAt);
  const leafFeatureA = Int32Array.from(leafFeatureAt);
  const stepNodeA = Int32Array.from(stepNode);
  const stepLeftA = Uint8Array.from(stepLeft);
  const stepBitA = Int32Array.from(stepBit);
  const uniqueFeatureA = Int32Array.from(uniqueFeature);
  const cat = Uint8Array.from(catBytes);
  const goesLeft = new Uint8Array(total);
  const float32 = e.float32;
  const nTrees = trees.length;

  /** Whether x goes left at global node g (as `childOf`). */
  const goLeft = (g: number, x: number): boolean => {
    if (Number.isNaN(x)) return defaultLeft[g] === 1;
    const at = catAt[g]!;
    if (at >= 0) {
      const c = x | 0;
      return !(c >= 0 && c < catLen[g]! && cat[at + c] === 1);
    }
    return x < threshold[g]!;
  };

  return {
    featureCount: e.featureCount,
    margin(x) {
      const nTrees = root.length;
      if (float32) {
        let m = Math.fround(e.baseMargin);
        for (let ti = 0; ti < nTrees; ti++) {
          let g = root[ti]!;
          for (let f = feature[g]!; f >= 0; f = feature[g]!) g = goLeft(g, x[f]!) ? left[g]! : right[g]!;
          m = Math.fround(m + value[g]!);
        }
        return m;
      }
      let m = e.baseMargin;
      for (let ti = 0; ti < nTrees; ti++) {
        let g = root[ti]!;
        for (let f = feature[g]!; f >= 0; f = feature[g]!) g = goLeft(g, x[f]!) ? left[g]! : right[g]!;
        m += value[g]!;
      }
      return m;
    },
    shap(x, phi) {
      // Locals, so the loops below keep the arrays in registers.
      const feat = feature;
      const dirs = goesLeft;
      const kOf = leafKA;
      const from_ = stepsFrom;
      const to_ = stepsTo;
      const sNode = stepNodeA;
      const sLeft = stepLeftA;
      const sBit = stepBitA;
      const tAt = leafTableA;
      const fAt = leafFeatureA;
      const uf = uniqueFeatureA;
      const tab = table;
      let li = 0;
      for (let ti = 0; ti < nTrees; ti++) {
        if (tabled[ti] === 0) {
          treeShap(trees[ti]!, x, phi);
          continue;
        }
        const end = ti + 1 < nTrees ? root[ti + 1]! : total;
        for (let g = root[ti]!; g < end; g++) {
          const f = feat[g]!;
          if (f >= 0) dirs[g] = goLeft(g, x[f]!) ? 1 : 0;
        }
        for (const last = leafStart[ti + 1]!; li < last; li++) {
          const k = kOf[li]!;
          let p = (1 << k) - 1;
          for (let s = from_[li]!, e2 = to_[li]!; s < e2; s++)
            if (dirs[sNode[s]!] !== sLeft[s]) p &= ~sBit[s]!;
          const at = tAt[li]! + p * k;
          const fa = fAt[li]!;
          for (let j = 0; j < k; j++) phi[uf[fa + j]!]! += tab[at + j]!;
        }
      }
    },
  };
}
