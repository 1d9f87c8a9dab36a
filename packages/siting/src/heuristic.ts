import { nearestAssignment, type Solution } from './evaluate.ts';
import { buildCoverage, type Coverage, type Instance } from './instance.ts';

/** Limits of the vertex-interchange phase. */
export interface HeuristicOptions {
  /** Most improving swaps applied (default 10 000). */
  readonly maxSwaps?: number;
}

const DEFAULT_MAX_SWAPS = 10_000;

/**
 * Greedy construction followed by vertex interchange (Teitz–Bart with Whitaker's fast swap
 * evaluation) for an uncapacitated instance. Fixed sites open first and are never swapped out.
 * Every choice scans sites in id order and takes a strictly better move only, so equal moves fall
 * to the smaller id and the answer is deterministic.
 *
 * @example const sol = greedyInterchange(inst); sol.open; // 1 for each chosen site
 */
export function greedyInterchange(inst: Instance, options: HeuristicOptions = {}): Solution {
  if (inst.capacity !== undefined)
    throw new Error('greedyInterchange: capacitated instances need the exact solver');
  const maxSwaps = options.maxSwaps ?? DEFAULT_MAX_SWAPS;
  switch (inst.model) {
    case 'mclp':
      return nearestAssignment(inst, maxCover(inst, inst.coverage!, inst.weight, inst.p, maxSwaps));
    case 'lscp':
      return nearestAssignment(inst, setCover(inst, inst.coverage!, maxSwaps));
    case 'pmedian':
    case 'pcenter':
      return nearestAssignment(inst, assignmentModel(inst, maxSwaps));
  }
}

/**
 * Maximal-covering local search from a given set of open sites (which must include the fixed
 * ones and number p): best-improvement swaps until none raises the covered weight.
 *
 * @example const better = improveCover(inst, lagrangianSites);
 */
export function improveCover(inst: Instance, start: Uint8Array, options: HeuristicOptions = {}): Uint8Array {
  const state = new CoverState(inst.coverage!, inst.m, inst.n);
  for (let j = 0; j < inst.m; j++) if (start[j]) state.add(j);
  coverInterchange(inst, state, inst.weight, options.maxSwaps ?? DEFAULT_MAX_SWAPS);
  return state.open;
}

/** Incremental state of a covering solution: how many open sites cover each point, and which. */
class CoverState {
  readonly open: Uint8Array;
  readonly count: Int32Array;
  /** Sum of the indices of the open sites covering each point (= the site itself when count is 1). */
  readonly owner: Float64Array;
  constructor(
    readonly cov: Coverage,
    m: number,
    n: number,
  ) {
    this.open = new Uint8Array(m);
    this.count = new Int32Array(n);
    this.owner = new Float64Array(n);
  }
  add(j: number): void {
    this.open[j] = 1;
    const { siteStart, siteDemand } = this.cov;
    for (let k = siteStart[j]!; k < siteStart[j + 1]!; k++) {
      const i = siteDemand[k]!;
      this.count[i]!++;
      this.owner[i]! += j;
    }
  }
  remove(j: number): void {
    this.open[j] = 0;
    const { siteStart, siteDemand } = this.cov;
    for (let k = siteStart[j]!; k < siteStart[j + 1]!; k++) {
      const i = siteDemand[k]!;
      this.count[i]!--;
      this.owner[i]! -= j;
    }
  }
}

/**
 * Maximal covering: greedy by marginal covered weight, then best-improvement swaps. For a closed
 * site j and an open site k the change is gain(j) − loss(k) + shared(j, k), where gain(j) is the
 * uncovered weight j would cover, loss(k) the weight only k covers, and shared(j, k) the part of
 * loss(k) that j covers too; one pass over j's coverage list computes shared(j, ·) for every k.
 */
function maxCover(
  inst: Instance,
  cov: Coverage,
  weight: Float64Array,
  p: number,
  maxSwaps: number,
): Uint8Array {
  const { n, m } = inst;
  const { siteStart, siteDemand, demandStart, demandSite } = cov;
  const state = new CoverState(cov, m, n);
  const gain = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let k = siteStart[j]!; k < siteStart[j + 1]!; k++) gain[j]! += weight[siteDemand[k]!]!;
  }
  let opened = 0;
  const openGreedy = (j: number): void => {
    for (let k = siteStart[j]!; k < siteStart[j + 1]!; k++) {
      const i = siteDemand[k]!;
      if (state.count[i] !== 0) continue;
      for (let q = demandStart[i]!; q < demandStart[i + 1]!; q++) gain[demandSite[q]!]! -= weight[i]!;
    }
    state.add(j);
    opened++;
  };
  for (let j = 0; j < m; j++) if (inst.fixed[j]) openGreedy(j);
  while (opened < p) {
    let best = -1;
    for (let j = 0; j < m; j++) {
      if (!state.open[j] && (best < 0 || gain[j]! > gain[best]!)) best = j;
    }
    openGreedy(best);
  }
  coverInterchange(inst, state, weight, maxSwaps);
  return state.open;
}

/** Best-improvement swaps on a covering state until none improves the covered weight. */
function coverInterchange(inst: Instance, state: CoverState, weight: Float64Array, maxSwaps: number): void {
  const { m } = inst;
  const { siteStart, siteDemand } = state.cov;
  let total = 0;
  for (const w of weight) total += w;
  const eps = 1e-9 * Math.max(1, total);
  const loss = new Float64Array(m);
  const shared = new Float64Array(m);
  const touched: number[] = [];
  for (let swap = 0; swap < maxSwaps; swap++) {
    const removable: number[] = [];
    for (let k = 0; k < m; k++) {
      if (!state.open[k] || inst.fixed[k]) continue;
      removable.push(k);
      let l = 0;
      for (let q = siteStart[k]!; q < siteStart[k + 1]!; q++) {
        const i = siteDemand[q]!;
        if (state.count[i] === 1) l += weight[i]!;
      }
      loss[k] = l;
    }
    if (removable.length === 0) return;
    let bestDelta = eps;
    let bestJ = -1;
    let bestK = -1;
    for (let j = 0; j < m; j++) {
      if (state.open[j]) continue;
      let g = 0;
      for (let q = siteStart[j]!; q < siteStart[j + 1]!; q++) {
        const i = siteDemand[q]!;
        const c = state.count[i]!;
        if (c === 0) g += weight[i]!;
        else if (c === 1) {
          const k = state.owner[i]!;
          if (shared[k] === 0) touched.push(k);
          shared[k]! += weight[i]!;
        }
      }
      // shared(j, k) ≤ loss(k), so no swap bringing j in can gain more than g.
      if (g > bestDelta) {
        for (const k of removable) {
          const delta = g - loss[k]! + shared[k]!;
          if (delta > bestDelta) {
            bestDelta = delta;
            bestJ = j;
            bestK = k;
          }
        }
      }
      for (const k of touched) shared[k] = 0;
      touched.length = 0;
    }
    if (bestJ < 0) return;
    state.remove(bestK);
    state.add(bestJ);
  }
}

/**
 * Set covering: greedy by the number of uncovered points a site reaches, drop redundant sites,
 * then try to do with one site fewer by maximal-covering swaps on unit weights (accepted only when
 * they reach full coverage), repeating while that succeeds.
 */
function setCover(inst: Instance, cov: Coverage, maxSwaps: number): Uint8Array {
  const { n, m } = inst;
  const { siteStart, siteDemand } = cov;
  const unit = new Float64Array(n).fill(1);
  const state = new CoverState(cov, m, n);
  const order: number[] = [];
  for (let j = 0; j < m; j++) if (inst.fixed[j]) state.add(j);
  let uncovered = 0;
  for (let i = 0; i < n; i++) if (state.count[i] === 0) uncovered++;
  while (uncovered > 0) {
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < m; j++) {
      if (state.open[j]) continue;
      let g = 0;
      for (let q = siteStart[j]!; q < siteStart[j + 1]!; q++) if (state.count[siteDemand[q]!] === 0) g++;
      if (g > bestGain) {
        bestGain = g;
        best = j;
      }
    }
    state.add(best);
    order.push(best);
    uncovered -= bestGain;
  }
  const dropRedundant = (s: CoverState, candidates: readonly number[]): void => {
    for (const k of candidates) {
      if (!s.open[k] || inst.fixed[k]) continue;
      let needed = false;
      for (let q = siteStart[k]!; q < siteStart[k + 1]! && !needed; q++)
        needed = s.count[siteDemand[q]!] === 1;
      if (!needed) s.remove(k);
    }
  };
  dropRedundant(state, [...order].reverse());
  let best = state.open.slice();
  for (;;) {
    const openNow: number[] = [];
    for (let j = 0; j < m; j++) if (best[j] && !inst.fixed[j]) openNow.push(j);
    if (openNow.length === 0) break;
    // Close one site (smallest loss first, at most 10 tries), then swap to regain full coverage.
    const base = new CoverState(cov, m, n);
    for (let j = 0; j < m; j++) if (best[j]) base.add(j);
    const lossOf = (k: number): number => {
      let l = 0;
      for (let q = siteStart[k]!; q < siteStart[k + 1]!; q++) if (base.count[siteDemand[q]!] === 1) l++;
      return l;
    };
    const drops = openNow
      .map((k) => ({ k, loss: lossOf(k) }))
      .sort((a, b) => a.loss - b.loss || a.k - b.k)
      .slice(0, 10);
    let trial: CoverState | undefined;
    for (const { k } of drops) {
      const t = new CoverState(cov, m, n);
      for (let j = 0; j < m; j++) if (best[j] && j !== k) t.add(j);
      coverInterchange(inst, t, unit, maxSwaps);
      let full = true;
      for (let i = 0; i < n && full; i++) full = t.count[i]! > 0;
      if (full) {
        trial = t;
        break;
      }
    }
    if (trial === undefined) break;
    dropRedundant(
      trial,
      Array.from({ length: m }, (_, j) => j),
    );
    best = trial.open.slice();
  }
  return best;
}

/** Nearest and second-nearest open site of every demand point. */
interface Nearest {
  readonly c1: Int32Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
}

function nearestTwo(inst: Instance, open: Uint8Array): Nearest {
  const { n, m, cost } = inst;
  const c1 = new Int32Array(n).fill(-1);
  const d1 = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const d2 = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const openList: number[] = [];
  for (let j = 0; j < m; j++) if (open[j]) openList.push(j);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (const j of openList) {
      const d = cost[row + j]!;
      if (d < d1[i]!) {
        d2[i] = d1[i]!;
        d1[i] = d;
        c1[i] = j;
      } else if (d < d2[i]!) d2[i] = d;
    }
  }
  return { c1, d1, d2 };
}

/**
 * p-median and p-center: greedy (add the site that lowers the objective most), then
 * best-improvement swaps evaluated with nearest/second-nearest distances: after swapping j in and
 * k out, point i costs min(d₂ᵢ, dᵢⱼ) if k served it, else min(d₁ᵢ, dᵢⱼ).
 */
function assignmentModel(inst: Instance, maxSwaps: number): Uint8Array {
  const open = assignmentGreedy(inst);
  assignmentInterchange(inst, open, maxSwaps);
  if (inst.model === 'pcenter') {
    const byRadius = pcenterByRadius(inst, maxCostOf(inst, open), maxSwaps);
    if (byRadius !== undefined) {
      assignmentInterchange(inst, byRadius, maxSwaps);
      if (maxCostOf(inst, byRadius) < maxCostOf(inst, open)) return byRadius;
    }
  }
  return open;
}

/** Largest distance from a demand point to its nearest open site. */
function maxCostOf(inst: Instance, open: Uint8Array): number {
  let max = 0;
  for (const d of nearestTwo(inst, open).d1) max = Math.max(max, d);
  return max;
}

/**
 * Sorted distinct costs in [lo, hi] — the optimal p-center radius is always one of them.
 *
 * @example distinctCosts(inst, 0, 10); // Float64Array of the costs up to 10, ascending
 */
export function distinctCosts(inst: Instance, lo: number, hi: number): Float64Array {
  const picked = inst.cost.filter((c) => c >= lo && c <= hi).sort();
  let k = 0;
  for (let t = 0; t < picked.length; t++)
    if (t === 0 || picked[t] !== picked[t - 1]) picked[k++] = picked[t]!;
  return picked.subarray(0, k);
}

/**
 * p-center through covering: bisect over the distinct costs below `upper` for the smallest radius
 * at which maximal-covering swaps with p sites reach every demand point.
 */
function pcenterByRadius(inst: Instance, upper: number, maxSwaps: number): Uint8Array | undefined {
  const { n, m } = inst;
  const unit = new Float64Array(n).fill(1);
  const radii = distinctCosts(inst, 0, upper);
  let lo = 0;
  let hi = radii.length - 2;
  let best: Uint8Array | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cov = buildCoverage(inst.cost, n, m, radii[mid]!);
    let reachable = true;
    for (let i = 0; i < n && reachable; i++) reachable = cov.demandStart[i + 1]! > cov.demandStart[i]!;
    const open = reachable ? maxCover(inst, cov, unit, inst.p, maxSwaps) : undefined;
    let full = open !== undefined;
    if (open !== undefined) {
      const state = new CoverState(cov, m, n);
      for (let j = 0; j < m; j++) if (open[j]) state.add(j);
      for (let i = 0; i < n && full; i++) full = state.count[i]! > 0;
    }
    if (full) {
      best = open;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return best;
}

/**
 * Greedy for p-median and p-center: open the fixed sites, then repeatedly the site that lowers the
 * objective most (ties to the smaller id).
 *
 * @example const open = assignmentGreedy(inst); // p sites
 */
export function assignmentGreedy(inst: Instance): Uint8Array {
  const { n, m, cost, weight } = inst;
  const median = inst.model === 'pmedian';
  const open = new Uint8Array(m);
  let opened = 0;
  for (let j = 0; j < m; j++) {
    if (inst.fixed[j]) {
      open[j] = 1;
      opened++;
    }
  }
  const d1 = nearestTwo(inst, open).d1;
  while (opened < inst.p) {
    let best = -1;
    let bestValue = Number.POSITIVE_INFINITY;
    for (let j = 0; j < m; j++) {
      if (open[j]) continue;
      let value = 0;
      for (let i = 0; i < n; i++) {
        const d = Math.min(d1[i]!, cost[i * m + j]!);
        value = median ? value + weight[i]! * d : Math.max(value, d);
      }
      if (value < bestValue) {
        bestValue = value;
        best = j;
      }
    }
    open[best] = 1;
    opened++;
    for (let i = 0; i < n; i++) d1[i] = Math.min(d1[i]!, cost[i * m + best]!);
  }
  return open;
}

/** Best-improvement swaps for p-median (weighted sum) or p-center (maximum), in place. */
function assignmentInterchange(inst: Instance, open: Uint8Array, maxSwaps: number): void {
  const { n, m, cost, weight } = inst;
  const median = inst.model === 'pmedian';
  const delta = new Float64Array(m);
  const groupA = new Float64Array(m);
  for (let swap = 0; swap < maxSwaps; swap++) {
    const { c1, d1: near, d2 } = nearestTwo(inst, open);
    let current = 0;
    for (let i = 0; i < n; i++)
      current = median ? current + weight[i]! * near[i]! : Math.max(current, near[i]!);
    const eps = 1e-12 * Math.max(1, Math.abs(current));
    const removable: number[] = [];
    for (let k = 0; k < m; k++) if (open[k] && !inst.fixed[k]) removable.push(k);
    if (removable.length === 0) break;
    let bestValue = current - eps;
    let bestJ = -1;
    let bestK = -1;
    for (let j = 0; j < m; j++) {
      if (open[j]) continue;
      for (const k of removable) {
        delta[k] = median ? 0 : Number.NEGATIVE_INFINITY;
        groupA[k] = Number.NEGATIVE_INFINITY;
      }
      let base = median ? current : 0;
      let top1 = Number.NEGATIVE_INFINITY;
      let top1Site = -1;
      let top2 = Number.NEGATIVE_INFINITY;
      let fixedMax = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        const dij = cost[i * m + j]!;
        const a = Math.min(near[i]!, dij);
        const b = Math.min(d2[i]!, dij);
        const k = c1[i]!;
        if (median) {
          const w = weight[i]!;
          base += w * (a - near[i]!);
          if (!inst.fixed[k]) delta[k]! += w * (b - a);
        } else if (inst.fixed[k]) {
          fixedMax = Math.max(fixedMax, a);
        } else {
          delta[k] = Math.max(delta[k]!, b);
          groupA[k] = Math.max(groupA[k]!, a);
        }
      }
      if (!median) {
        for (const k of removable) {
          const g = groupA[k]!;
          if (g > top1) {
            top2 = top1;
            top1 = g;
            top1Site = k;
          } else if (g > top2) top2 = g;
        }
      }
      for (const k of removable) {
        const value = median
          ? base + delta[k]!
          : Math.max(delta[k]!, fixedMax, k === top1Site ? top2 : top1, 0);
        if (value < bestValue) {
          bestValue = value;
          bestJ = j;
          bestK = k;
        }
      }
    }
    if (bestJ < 0) break;
    open[bestK] = 0;
    open[bestJ] = 1;
  }
}
