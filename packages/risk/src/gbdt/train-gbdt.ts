import { boost, type GbdtFit, type GbdtParams, localBackend, type ValidationSet } from './booster.ts';
import type { BinnedMatrix } from './feature-encoder.ts';
import { threadedBackend } from './threads/pool.ts';

export type { GbdtFit, GbdtParams, ValidationSet } from './booster.ts';

/** How {@link trainGbdt} runs; never changes the trained model. */
export interface GbdtExecution {
  /**
   * Threads to split the boosting kernels across (the calling thread included). Default: every
   * available core when the data has at least {@link PARALLEL_MIN_ROWS} rows, otherwise 1.
   * Worker threads need shared WebAssembly memory and, when running from TypeScript sources,
   * tsx; if they cannot start, training silently runs on one thread.
   */
  readonly threads?: number;
}

/** Rows from which {@link trainGbdt} uses worker threads by default. */
export const PARALLEL_MIN_ROWS = 20_000;

/**
 * Trains binary gradient-boosted trees (log loss) on pre-binned data, the histogram way: per
 * node, gradient/hessian histograms over the uint8 bins are built for the smaller child only and
 * the sibling is the parent minus it. Depth-wise growth, L2-regularised leaf weights, learned
 * default direction for missing values, categorical splits by sorting categories on their
 * gradient ratio, monotone constraints (bounds passed down to children), row and column
 * subsampling, and early stopping on a validation set. The inner loops run as WebAssembly
 * kernels. Deterministic for a given seed; on large data the kernels' work is split across
 * worker threads (histograms by feature, partitions by node, gradients by row), which gives the
 * same model byte for byte (see `execution`).
 *
 * @example const fit = trainGbdt(binned, y, { nTrees: 100, maxDepth: 3 }); fit.trees.length; // 100
 */
export function trainGbdt(
  data: BinnedMatrix,
  y: ArrayLike<number>,
  params: GbdtParams = {},
  validation?: ValidationSet,
  execution: GbdtExecution = {},
): GbdtFit {
  const backend = threadedBackend(execution.threads, data.rows >= PARALLEL_MIN_ROWS) ?? localBackend();
  return boost(data, y, params, validation, backend);
}
