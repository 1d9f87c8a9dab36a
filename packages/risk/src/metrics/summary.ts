import { brier, logLoss } from './probability-metrics.ts';
import { auc, ks } from './ranking.ts';

/** Headline discrimination and accuracy figures of a set of predictions. */
export interface MetricSummary {
  readonly rows: number;
  readonly bads: number;
  readonly auc: number;
  readonly gini: number;
  readonly ks: number;
  readonly brier: number;
  readonly logLoss: number;
}

/**
 * AUC, Gini, KS, Brier and log loss in one pass over outcomes (1 = bad) and bad probabilities.
 *
 * @example summarize([0, 1], [0.2, 0.7]).auc; // 1
 */
export function summarize(y: ArrayLike<number>, p: ArrayLike<number>): MetricSummary {
  let bads = 0;
  for (let i = 0; i < y.length; i++) bads += y[i]!;
  const a = auc(y, p);
  return {
    rows: y.length,
    bads,
    auc: a,
    gini: 2 * a - 1,
    ks: ks(y, p).ks,
    brier: brier(y, p),
    logLoss: logLoss(y, p),
  };
}
