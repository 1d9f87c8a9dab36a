import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeatureColumn } from '../data/features.ts';
import { auc } from '../metrics/ranking.ts';
import { createRng } from '../random.ts';
import { ensembleMargin, ensembleShap } from './ensemble.ts';
import { binMatrix, codeMatrix, fitEncoders } from './feature-encoder.ts';
import { trainGbdt } from './train-gbdt.ts';
import { childOf, type Tree } from './tree.ts';

/** A seeded dataset: x0 numeric (with missing), x1 numeric, c categorical; risk rises with x0, non-monotone in x1. */
function dataset(n: number, seed: number): { cols: FeatureColumn[]; y: Uint8Array } {
  const rng = createRng(seed);
  const x0 = new Float64Array(n);
  const x1 = new Float64Array(n);
  const c: (string | null)[] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x0[i] = rng.next() < 0.1 ? Number.NaN : Math.round(rng.next() * 100);
    x1[i] = rng.next() * 10 - 5;
    const cat = ['p', 'q', 'r', 's'][rng.int(4)]!;
    c.push(rng.next() < 0.05 ? null : cat);
    const z =
      (Number.isNaN(x0[i]!) ? 1 : 0.03 * x0[i]! - 1.5) +
      Math.sin(x1[i]!) +
      (cat === 'q' ? 1 : 0) +
      (rng.next() - 0.5) * 2;
    y[i] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return {
    cols: [
      { spec: { name: 'x0', kind: 'numeric', specialValues: [] }, kind: 'numeric', values: x0 },
      { spec: { name: 'x1', kind: 'numeric', specialValues: [] }, kind: 'numeric', values: x1 },
      { spec: { name: 'c', kind: 'categorical', specialValues: [] }, kind: 'categorical', labels: c },
    ],
    y,
  };
}

/** Path-dependent Shapley values by enumeration of feature subsets (the definition TreeSHAP computes fast). */
function bruteShap(t: Tree, x: ArrayLike<number>, m: number): number[] {
  const value = (node: number, set: number): number => {
    const f = t.feature[node]!;
    if (f < 0) return t.value[node]!;
    if (set & (1 << f)) return value(childOf(t, node, x[f]!), set);
    const l = t.left[node]!;
    const r = t.right[node]!;
    return (t.cover[l]! * value(l, set) + t.cover[r]! * value(r, set)) / t.cover[node]!;
  };
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const phi = new Array(m).fill(0);
  for (let i = 0; i < m; i++)
    for (let s = 0; s < 1 << m; s++) {
      if (s & (1 << i)) continue;
      const size = s.toString(2).replaceAll('0', '').length;
      phi[i] += ((fact(size) * fact(m - size - 1)) / fact(m)) * (value(0, s | (1 << i)) - value(0, s));
    }
  return phi;
}

describe('gradient-boosted trees', () => {
  const { cols, y } = dataset(1500, 11);
  const enc = fitEncoders(cols);
  const m = binMatrix(cols, enc);
  const codes = codeMatrix(cols, enc);

  it('learns the signal and is deterministic for a seed', () => {
    const fit = trainGbdt(m, y, {
      nTrees: 60,
      maxDepth: 3,
      learningRate: 0.1,
      subsample: 0.8,
      colsample: 0.67,
      seed: 5,
    });
    const ens = { trees: fit.trees, baseMargin: fit.baseMargin, featureCount: 3, float32: false };
    const p = Array.from({ length: y.length }, (_, i) => ensembleMargin(ens, codes, i * 3));
    expect(auc(y, p)).toBeGreaterThan(0.7);
    const again = trainGbdt(m, y, {
      nTrees: 60,
      maxDepth: 3,
      learningRate: 0.1,
      subsample: 0.8,
      colsample: 0.67,
      seed: 5,
    });
    expect(again.trees.map((t) => Array.from(t.value))).toEqual(fit.trees.map((t) => Array.from(t.value)));
  });

  it('stops early on a validation set and keeps the best iteration', () => {
    const half = Math.floor(y.length / 2);
    const trainRows = binMatrix(
      cols.map((c) =>
        c.kind === 'numeric'
          ? { ...c, values: c.values.subarray(0, half) }
          : { ...c, labels: c.labels.slice(0, half) },
      ),
      enc,
    );
    const fit = trainGbdt(
      trainRows,
      y.subarray(0, half),
      { nTrees: 2000, maxDepth: 4, learningRate: 0.3, earlyStoppingRounds: 20 },
      {
        codes: codes.subarray(half * 3),
        y: y.subarray(half),
      },
    );
    expect(fit.trees.length).toBe(fit.bestIteration);
    expect(fit.validationLoss.length).toBeLessThan(2000);
    const best = Math.min(...fit.validationLoss);
    expect(fit.validationLoss[fit.bestIteration - 1]).toBe(best);
  });

  it('respects monotone constraints for every row and every value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, -1), (seed, dir) => {
        const fit = trainGbdt(m, y, {
          nTrees: 15,
          maxDepth: 3,
          learningRate: 0.3,
          monotone: [0, dir, 0],
          seed,
          subsample: 0.7,
        });
        const ens = { trees: fit.trees, baseMargin: fit.baseMargin, featureCount: 3, float32: false };
        const valueBins = enc[1]!.kind === 'numeric' ? enc[1]!.cuts.length + 1 : 0;
        for (let r = 0; r < 40; r++) {
          const row = Array.from(codes.subarray(r * 3, r * 3 + 3));
          let prev = dir * Number.NEGATIVE_INFINITY;
          for (let b = 0; b < valueBins; b++) {
            row[1] = b;
            const v = ensembleMargin(ens, row);
            if (dir > 0) expect(v).toBeGreaterThanOrEqual(prev - 1e-12);
            else expect(v).toBeLessThanOrEqual(prev + 1e-12);
            prev = v;
          }
        }
      }),
      { numRuns: 8 },
    );
  });

  it('TreeSHAP values sum to the margin and equal brute-force Shapley values', () => {
    const fit = trainGbdt(m, y, { nTrees: 8, maxDepth: 4, learningRate: 0.3, seed: 2 });
    const ens = { trees: fit.trees, baseMargin: fit.baseMargin, featureCount: 3, float32: false };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: y.length - 1 }), (r) => {
        const x = codes.subarray(r * 3, r * 3 + 3);
        const { phi, expected } = ensembleShap(ens, x);
        expect(phi.reduce((a, b) => a + b, expected)).toBeCloseTo(ensembleMargin(ens, x), 10);
        const brute = [0, 0, 0];
        for (const t of fit.trees)
          bruteShap(t, x, 3).forEach((v, i) => {
            brute[i]! += v;
          });
        brute.forEach((v, i) => {
          expect(phi[i]).toBeCloseTo(v, 10);
        });
      }),
      { numRuns: 30 },
    );
  });
});
