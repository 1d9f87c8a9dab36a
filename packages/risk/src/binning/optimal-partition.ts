import { ivTerm } from './woe.ts';

/** The shape the bad rate must follow across ordered bins. */
export type Trend = 'ascending' | 'descending' | 'peak' | 'valley';

/** Constraints for {@link optimalPartition}. */
export interface PartitionConstraints {
  readonly trend: Trend;
  readonly maxBins: number;
  /** Minimum rows in each merged group. */
  readonly minCount: number;
}

/**
 * Merges ordered fine bins into contiguous groups that maximise total information value, exactly,
 * by dynamic programming: every group holds at least `minCount` rows, there are at most `maxBins`
 * groups, and the groups' bad rates follow `trend` strictly (ascending, descending, rising then
 * falling for `peak`, falling then rising for `valley`). Returns the start index of each group,
 * or `[0]` (one group) when no split satisfies the constraints.
 *
 * @example optimalPartition([10, 10, 10], [1, 5, 9], 30, 15, { trend: 'ascending', maxBins: 3, minCount: 5 }).starts; // [0, 1, 2]
 */
export function optimalPartition(
  goods: readonly number[],
  bads: readonly number[],
  totalGoods: number,
  totalBads: number,
  c: PartitionConstraints,
): { starts: number[]; iv: number } {
  const n = goods.length;
  if (n === 0) return { starts: [], iv: 0 };
  const cg = [0];
  const cb = [0];
  for (let i = 0; i < n; i++) {
    cg.push(cg[i]! + goods[i]!);
    cb.push(cb[i]! + bads[i]!);
  }
  const G = (j: number, i: number): number => cg[i + 1]! - cg[j]!;
  const B = (j: number, i: number): number => cb[i + 1]! - cb[j]!;
  const rate = (j: number, i: number): number => {
    const t = G(j, i) + B(j, i);
    return t ? B(j, i) / t : 0;
  };
  const ok = (j: number, i: number): boolean => G(j, i) + B(j, i) >= c.minCount;
  const ivOf = (j: number, i: number): number => ivTerm(G(j, i), B(j, i), totalGoods, totalBads);
  const K = Math.max(1, Math.min(c.maxBins, n));
  // phase 0: before the turn (rising for ascending/peak, falling for descending/valley); phase 1: after it.
  const phases = c.trend === 'peak' || c.trend === 'valley' ? 2 : 1;
  const rising0 = c.trend === 'ascending' || c.trend === 'peak';
  const size = K * n * n * phases;
  const best = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
  const prev = new Int32Array(size).fill(-1);
  const at = (k: number, i: number, j: number, ph: number): number => ((k * n + i) * n + j) * phases + ph;
  for (let i = 0; i < n; i++) if (ok(0, i)) best[at(0, i, 0, 0)] = ivOf(0, i);
  for (let k = 1; k < K; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 1; j <= i; j++) {
        if (!ok(j, i)) continue;
        const r = rate(j, i);
        const gain = ivOf(j, i);
        for (let l = 0; l < j; l++) {
          const rl = rate(l, j - 1);
          for (let ph = 0; ph < phases; ph++) {
            const v = best[at(k - 1, j - 1, l, ph)]!;
            if (v === Number.NEGATIVE_INFINITY) continue;
            const up = r > rl;
            const down = r < rl;
            // Allowed target phase given the step direction.
            let to = -1;
            if (ph === 0 && (rising0 ? up : down)) to = 0;
            else if (phases === 2 && (rising0 ? down : up)) to = 1;
            if (to < 0) continue;
            const idx = at(k, i, j, to);
            if (v + gain > best[idx]!) {
              best[idx] = v + gain;
              prev[idx] = (l * phases + ph) | 0;
            }
          }
        }
      }
    }
  }
  let bestVal = Number.NEGATIVE_INFINITY;
  let bk = -1;
  let bj = -1;
  let bph = 0;
  for (let k = 0; k < K; k++)
    for (let j = 0; j < n; j++)
      for (let ph = 0; ph < phases; ph++) {
        const v = best[at(k, n - 1, j, ph)]!;
        // Prefer fewer groups on ties (strictly greater needed to add a group).
        if (v > bestVal + 1e-12) {
          bestVal = v;
          bk = k;
          bj = j;
          bph = ph;
        }
      }
  if (bk < 0) return { starts: [0], iv: ivOf(0, n - 1) };
  const starts: number[] = [];
  let i = n - 1;
  let j = bj;
  let ph = bph;
  for (let k = bk; k >= 0; k--) {
    starts.push(j);
    if (k === 0) break;
    const p = prev[at(k, i, j, ph)]!;
    i = j - 1;
    j = Math.floor(p / phases);
    ph = p % phases;
  }
  starts.reverse();
  return { starts, iv: bestVal };
}
