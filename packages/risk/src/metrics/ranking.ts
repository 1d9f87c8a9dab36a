/** Rows sorted by ascending prediction, with the boundaries of runs of equal predictions. */
export interface TieGroups {
  /** Row positions sorted by ascending prediction (stable). */
  readonly order: Uint32Array;
  /** `starts[g]` is the position in `order` where tie group g begins; a final entry equals n. */
  readonly starts: Uint32Array;
}

/**
 * Sorts predictions once and marks runs of equal values, the shared first step of AUC, KS and
 * ROC computations that treat ties exactly.
 *
 * @example tieGroups([0.2, 0.1, 0.2]).starts; // Uint32Array [0, 1, 3]
 */
export function tieGroups(p: ArrayLike<number>): TieGroups {
  const n = p.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const pv = Float64Array.from(p as ArrayLike<number>);
  order.sort((a, b) => pv[a]! - pv[b]! || a - b);
  const starts: number[] = [];
  for (let k = 0; k < n; k++) if (k === 0 || pv[order[k]!] !== pv[order[k - 1]!]) starts.push(k);
  starts.push(n);
  return { order, starts: Uint32Array.from(starts) };
}

function checkLengths(y: ArrayLike<number>, p: ArrayLike<number>): void {
  if (y.length !== p.length) throw new Error(`lengths differ: ${y.length} outcomes, ${p.length} predictions`);
}

/**
 * Area under the ROC curve, exact with ties (a tied bad/good pair counts one half), optionally
 * with row weights (used by the bootstrap). `y` is 1 for bad; higher `p` means riskier.
 * NaN when either class is absent.
 *
 * @example auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 */
export function auc(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  weights?: ArrayLike<number>,
  groups?: TieGroups,
): number {
  checkLengths(y, p);
  const { order, starts } = groups ?? tieGroups(p);
  let negBelow = 0;
  let area = 0;
  let totPos = 0;
  for (let g = 0; g + 1 < starts.length; g++) {
    let pos = 0;
    let neg = 0;
    for (let k = starts[g]!; k < starts[g + 1]!; k++) {
      const i = order[k]!;
      const w = weights ? weights[i]! : 1;
      if (y[i] === 1) pos += w;
      else neg += w;
    }
    area += pos * (negBelow + 0.5 * neg);
    negBelow += neg;
    totPos += pos;
  }
  return totPos === 0 || negBelow === 0 ? Number.NaN : area / (totPos * negBelow);
}

/**
 * Gini coefficient (accuracy ratio) = 2·AUC − 1.
 *
 * @example gini([0, 1], [0.2, 0.9]); // 1
 */
export function gini(y: ArrayLike<number>, p: ArrayLike<number>): number {
  return 2 * auc(y, p) - 1;
}

/** One point of a ROC curve (false-positive rate, true-positive rate at a threshold). */
export interface RocPoint {
  readonly threshold: number;
  readonly fpr: number;
  readonly tpr: number;
}

/**
 * ROC curve: for each distinct prediction taken as the cut-off (flag as bad when p ≥ threshold),
 * the share of goods flagged (fpr) and of bads flagged (tpr), from (0,0) to (1,1).
 *
 * @example rocCurve([0, 1], [0.2, 0.9]).map((r) => [r.fpr, r.tpr]); // [[0,0],[0,1],[1,1]]
 */
export function rocCurve(y: ArrayLike<number>, p: ArrayLike<number>): RocPoint[] {
  checkLengths(y, p);
  const { order, starts } = tieGroups(p);
  let totPos = 0;
  for (let i = 0; i < y.length; i++) totPos += y[i] === 1 ? 1 : 0;
  const totNeg = y.length - totPos;
  const pts: RocPoint[] = [{ threshold: Number.POSITIVE_INFINITY, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let g = starts.length - 2; g >= 0; g--) {
    for (let k = starts[g]!; k < starts[g + 1]!; k++) {
      if (y[order[k]!] === 1) tp++;
      else fp++;
    }
    pts.push({
      threshold: p[order[starts[g]!]!]!,
      fpr: totNeg ? fp / totNeg : 0,
      tpr: totPos ? tp / totPos : 0,
    });
  }
  return pts;
}

/** KS statistic and where it is reached. */
export interface KsResult {
  readonly ks: number;
  /** The prediction at which the distance is largest (flag as bad when p ≥ threshold). */
  readonly threshold: number;
}

/**
 * Kolmogorov–Smirnov statistic: the largest distance between the cumulative distributions of
 * predictions for bads and goods, evaluated only between tie groups (ties never split).
 *
 * @example ks([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4]).ks; // 1
 */
export function ks(y: ArrayLike<number>, p: ArrayLike<number>): KsResult {
  checkLengths(y, p);
  const { order, starts } = tieGroups(p);
  let totPos = 0;
  for (let i = 0; i < y.length; i++) totPos += y[i] === 1 ? 1 : 0;
  const totNeg = y.length - totPos;
  if (totPos === 0 || totNeg === 0) return { ks: Number.NaN, threshold: Number.NaN };
  let cp = 0;
  let cn = 0;
  let best = 0;
  let threshold = Number.POSITIVE_INFINITY;
  for (let g = 0; g + 1 < starts.length; g++) {
    for (let k = starts[g]!; k < starts[g + 1]!; k++) {
      if (y[order[k]!] === 1) cp++;
      else cn++;
    }
    const d = Math.abs(cn / totNeg - cp / totPos);
    if (d > best) {
      best = d;
      const next = starts[g + 1]!;
      threshold = next < y.length ? p[order[next]!]! : Number.POSITIVE_INFINITY;
    }
  }
  return { ks: best, threshold };
}
