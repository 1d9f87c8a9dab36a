import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureColumn } from '../../data/features.ts';
import { createRng } from '../../random.ts';
import { binMatrix, codeMatrix, fitEncoders } from '../feature-encoder.ts';
import { PARALLEL_MIN_ROWS, trainGbdt } from '../train-gbdt.ts';
import { treeToJson } from '../tree.ts';
import { startWorkers, threadStats } from './pool.ts';

/** n rows: five numeric columns (one with missing values), two categorical ones, a noisy logistic outcome. */
function dataset(n: number, seed: number): { cols: FeatureColumn[]; y: Uint8Array } {
  const rng = createRng(seed);
  const num = Array.from({ length: 5 }, () => new Float64Array(n));
  const cat: (string | null)[][] = [[], []];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 5; j++) num[j]![i] = j === 0 && rng.next() < 0.1 ? Number.NaN : rng.next() * 10;
    const a = `a${rng.int(6)}`;
    cat[0]!.push(rng.next() < 0.05 ? null : a);
    cat[1]!.push(`b${rng.int(3)}`);
    const x0 = num[0]![i]!;
    const z = (Number.isNaN(x0) ? 0.5 : 0.3 * x0 - 1.5) + Math.sin(num[1]![i]!) + (a === 'a2' ? 1 : 0);
    y[i] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  const cols: FeatureColumn[] = num.map((values, j) => ({
    spec: { name: `x${j}`, kind: 'numeric', specialValues: [] },
    kind: 'numeric',
    values,
  }));
  cat.forEach((labels, j) => {
    cols.push({
      spec: { name: `c${j}`, kind: 'categorical', specialValues: [] },
      kind: 'categorical',
      labels,
    });
  });
  return { cols, y };
}

const modelBytes = (fit: ReturnType<typeof trainGbdt>): string =>
  JSON.stringify({
    base: fit.baseMargin,
    best: fit.bestIteration,
    loss: fit.validationLoss,
    trees: fit.trees.map(treeToJson),
  });

describe('worker-thread training', () => {
  const { cols, y } = dataset(4000, 21);
  const enc = fitEncoders(cols);
  const m = binMatrix(cols, enc);

  beforeAll(async () => {
    // Workers load TypeScript through tsx's require hook: this checks that works under vitest.
    expect(await startWorkers(2)).toBe(true);
  });

  it.each([
    ['plain', { nTrees: 25, maxDepth: 4 }],
    [
      'subsampled, monotone, categorical-heavy',
      { nTrees: 25, maxDepth: 5, subsample: 0.7, colsample: 0.6, monotone: [1, 0, 0, -1], seed: 9 },
    ],
    ['leaf-limited', { nTrees: 15, maxDepth: 6, maxLeaves: 7, minChildWeight: 3, gamma: 0.05 }],
  ])('gives the byte-identical model on 1, 2 and 3 threads (%s)', (_name, params) => {
    const before = threadStats().workerChunks;
    const one = modelBytes(trainGbdt(m, y, params, undefined, { threads: 1 }));
    const two = modelBytes(trainGbdt(m, y, params, undefined, { threads: 2 }));
    const three = modelBytes(trainGbdt(m, y, params, undefined, { threads: 3 }));
    expect(two).toBe(one);
    expect(three).toBe(one);
    // The workers did compute part of the work.
    expect(threadStats().workerChunks).toBeGreaterThan(before);
  });

  // SHA-256 (first 16 hex digits) of the models the earlier pure-JavaScript booster trained on
  // this data: the WebAssembly kernels give the same numbers operation for operation, so the
  // trees are the same bytes.
  it.each([
    ['plain', { nTrees: 40, maxDepth: 4 }, '711e1ac7f411fa0f'],
    ['sampled', { nTrees: 40, maxDepth: 5, subsample: 0.7, colsample: 0.6, seed: 9 }, 'fcca59432a6aa243'],
    [
      'monotone',
      { nTrees: 30, maxDepth: 4, subsample: 0.8, monotone: [1, 0, 0, -1], seed: 3 },
      '176d16b309c29736',
    ],
    [
      'leaf-limited',
      { nTrees: 20, maxDepth: 6, maxLeaves: 7, minChildWeight: 3, gamma: 0.05 },
      '5dc09c8b623e7be0',
    ],
  ])('gives the same model as the reference implementation (%s)', (_name, params, hash) => {
    const golden = dataset(3001, 21);
    const gm = binMatrix(golden.cols, fitEncoders(golden.cols));
    for (const threads of [1, 2]) {
      const bytes = modelBytes(trainGbdt(gm, golden.y, params, undefined, { threads }));
      expect(createHash('sha256').update(bytes).digest('hex').slice(0, 16)).toBe(hash);
    }
  });

  it('gives the byte-identical early-stopped model on 2 threads', () => {
    const half = 3000;
    const train = { ...m, rows: half, bins: m.bins.subarray(0, half * m.features) };
    const codes = codeMatrix(cols, enc);
    const validation = { codes: codes.subarray(half * m.features), y: y.subarray(half) };
    const params = { nTrees: 400, learningRate: 0.3, earlyStoppingRounds: 10, subsample: 0.8 };
    const one = trainGbdt(train, y.subarray(0, half), params, validation, { threads: 1 });
    const two = trainGbdt(train, y.subarray(0, half), params, validation, { threads: 2 });
    expect(one.trees.length).toBeLessThan(400);
    expect(modelBytes(two)).toBe(modelBytes(one));
  });

  it(`uses workers by default from ${PARALLEL_MIN_ROWS} rows when there is more than one core`, () => {
    const big = dataset(PARALLEL_MIN_ROWS, 5);
    const mb = binMatrix(big.cols, fitEncoders(big.cols));
    const params = { nTrees: 3, maxDepth: 3 };
    const small = {
      ...mb,
      rows: PARALLEL_MIN_ROWS - 1,
      bins: mb.bins.subarray(0, (PARALLEL_MIN_ROWS - 1) * mb.features),
    };
    const runsBefore = threadStats().runs;
    trainGbdt(small, big.y.subarray(0, PARALLEL_MIN_ROWS - 1), params);
    expect(threadStats().runs).toBe(runsBefore);
    const fit = trainGbdt(mb, big.y, params);
    expect(threadStats().runs).toBe(runsBefore + (availableParallelism() > 1 ? 1 : 0));
    expect(modelBytes(fit)).toBe(modelBytes(trainGbdt(mb, big.y, params, undefined, { threads: 1 })));
  });
});
