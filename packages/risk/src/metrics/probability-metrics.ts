/**
 * Brier score: mean squared difference between predicted bad probability and outcome (0/1).
 *
 * @example brier([0, 1], [0.2, 0.6]); // (0.04 + 0.16) / 2 = 0.1
 */
export function brier(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (p[i]! - y[i]!) ** 2;
  return s / y.length;
}

/**
 * Mean log loss (cross-entropy, natural log), with probabilities clipped to [1e-15, 1 − 1e-15].
 *
 * @example logLoss([1], [0.5]); // ln 2 ≈ 0.6931
 */
export function logLoss(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i]!, 1e-15), 1 - 1e-15);
    s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return s / y.length;
}

/** One row of a calibration, gains or lift table (a group of rows by predicted risk). */
export interface RiskBand {
  readonly band: number;
  readonly count: number;
  readonly bads: number;
  readonly minProbability: number;
  readonly maxProbability: number;
  readonly meanProbability: number;
  readonly badRate: number;
  /** Share of all bads in this band and every riskier band. */
  readonly cumulativeBadShare: number;
  /** Share of all rows in this band and every riskier band. */
  readonly cumulativeShare: number;
  /** cumulativeBadShare ÷ cumulativeShare. */
  readonly cumulativeLift: number;
}

/**
 * Splits rows into `bands` equal-count groups by predicted probability, riskiest first (band 1),
 * and reports observed vs predicted bad rate (calibration) plus cumulative gains and lift.
 *
 * @example riskBands([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8], 2)[0].badRate; // 1
 */
export function riskBands(y: ArrayLike<number>, p: ArrayLike<number>, bands = 10): RiskBand[] {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
  let totBad = 0;
  for (let i = 0; i < n; i++) totBad += y[i]!;
  const out: RiskBand[] = [];
  let cumBad = 0;
  let cumN = 0;
  const k = Math.min(bands, n);
  for (let b = 0; b < k; b++) {
    const lo = Math.floor((b * n) / k);
    const hi = Math.floor(((b + 1) * n) / k);
    let bads = 0;
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let q = lo; q < hi; q++) {
      const i = order[q]!;
      bads += y[i]!;
      sum += p[i]!;
      min = Math.min(min, p[i]!);
      max = Math.max(max, p[i]!);
    }
    const count = hi - lo;
    cumBad += bads;
    cumN += count;
    const cumulativeBadShare = totBad ? cumBad / totBad : 0;
    const cumulativeShare = cumN / n;
    out.push({
      band: b + 1,
      count,
      bads,
      minProbability: min,
      maxProbability: max,
      meanProbability: count ? sum / count : 0,
      badRate: count ? bads / count : 0,
      cumulativeBadShare,
      cumulativeShare,
      cumulativeLift: cumulativeShare ? cumulativeBadShare / cumulativeShare : 0,
    });
  }
  return out;
}

/** Counts at a cut-off: rows with probability ≥ cutoff are predicted bad (declined). */
export interface ConfusionMatrix {
  readonly cutoff: number;
  readonly truePositive: number;
  readonly falsePositive: number;
  readonly trueNegative: number;
  readonly falseNegative: number;
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly approvalRate: number;
}

/**
 * Confusion matrix at a probability cut-off; "positive" is a predicted bad (p ≥ cutoff).
 *
 * @example confusionMatrix([0, 1], [0.2, 0.7], 0.5).truePositive; // 1
 */
export function confusionMatrix(y: ArrayLike<number>, p: ArrayLike<number>, cutoff: number): ConfusionMatrix {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < y.length; i++) {
    const flag = p[i]! >= cutoff;
    if (y[i] === 1) flag ? tp++ : fn++;
    else flag ? fp++ : tn++;
  }
  const n = y.length || 1;
  return {
    cutoff,
    truePositive: tp,
    falsePositive: fp,
    trueNegative: tn,
    falseNegative: fn,
    accuracy: (tp + tn) / n,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    approvalRate: (tn + fn) / n,
  };
}
