import { createRng } from '../random.ts';
import { auc, tieGroups } from './ranking.ts';

/** A point estimate with a percentile bootstrap interval. */
export interface Interval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly replicates: number;
}

/**
 * Percentile bootstrap confidence interval for AUC: `replicates` resamples of the rows with
 * replacement (as multiplicity weights, so predictions are sorted once), seeded.
 *
 * @example aucBootstrap(y, p, { seed: 7 }); // { estimate: 0.78, lower: 0.73, upper: 0.83, … }
 */
export function aucBootstrap(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  options: { seed: number; replicates?: number; level?: number },
): Interval {
  const reps = options.replicates ?? 500;
  const level = options.level ?? 0.95;
  const groups = tieGroups(p);
  const rng = createRng(options.seed);
  const n = y.length;
  const w = new Float64Array(n);
  const values: number[] = [];
  for (let r = 0; r < reps; r++) {
    w.fill(0);
    for (let k = 0; k < n; k++) w[rng.int(n)]! += 1;
    const a = auc(y, p, w, groups);
    if (!Number.isNaN(a)) values.push(a);
  }
  values.sort((a, b) => a - b);
  const q = (f: number): number =>
    values[Math.min(values.length - 1, Math.max(0, Math.floor(f * values.length)))] ?? Number.NaN;
  return {
    estimate: auc(y, p, undefined, groups),
    lower: q((1 - level) / 2),
    upper: q(1 - (1 - level) / 2),
    level,
    replicates: reps,
  };
}
