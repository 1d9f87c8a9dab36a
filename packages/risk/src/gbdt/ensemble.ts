import { leafOf, type Tree } from './tree.ts';
import { treeExpectation, treeShap } from './tree-shap.ts';

/**
 * An additive tree ensemble: margin = baseMargin + Σ tree outputs; P(bad) = sigmoid(margin).
 * With `float32` the sum and the sigmoid are rounded to single precision after every step, as
 * XGBoost does, so imported models reproduce its predictions.
 */
export interface Ensemble {
  readonly trees: readonly Tree[];
  readonly baseMargin: number;
  readonly featureCount: number;
  readonly float32: boolean;
}

/**
 * Margin (log-odds of bad) for one row of codes at `x[offset .. offset + featureCount)`.
 *
 * @example ensembleMargin(ensemble, codes); // e.g. -1.23
 */
export function ensembleMargin(e: Ensemble, x: ArrayLike<number>, offset = 0): number {
  if (e.float32) {
    let m = Math.fround(e.baseMargin);
    for (const t of e.trees) m = Math.fround(m + t.value[leafOf(t, x, offset)]!);
    return m;
  }
  let m = e.baseMargin;
  for (const t of e.trees) m += t.value[leafOf(t, x, offset)]!;
  return m;
}

/**
 * The logistic link, in double or (as XGBoost computes it) single precision.
 *
 * @example marginToProbability(0, false); // 0.5
 */
export function marginToProbability(margin: number, float32: boolean): number {
  if (!float32) return 1 / (1 + Math.exp(-margin));
  return Math.fround(1 / Math.fround(Math.fround(Math.exp(-margin)) + 1));
}

/**
 * Per-feature TreeSHAP contributions to the margin of one row, and the expected margin; the
 * contributions sum to `margin − expected`.
 *
 * @example const { phi, expected } = ensembleShap(ensemble, codes);
 */
export function ensembleShap(
  e: Ensemble,
  x: ArrayLike<number>,
  offset = 0,
): { phi: Float64Array; expected: number } {
  const phi = new Float64Array(e.featureCount);
  let expected = e.baseMargin;
  for (const t of e.trees) {
    treeShap(t, x, phi, offset);
    expected += treeExpectation(t);
  }
  return { phi, expected };
}

/**
 * Total split gain per feature across all trees (a global importance measure).
 *
 * @example featureGain(ensemble); // Float64Array with one entry per feature
 */
export function featureGain(e: Ensemble): Float64Array {
  const out = new Float64Array(e.featureCount);
  for (const t of e.trees)
    for (let i = 0; i < t.feature.length; i++) if (t.feature[i]! >= 0) out[t.feature[i]!]! += t.gain[i]!;
  return out;
}
