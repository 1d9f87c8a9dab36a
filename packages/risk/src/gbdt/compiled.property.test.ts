import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeatureColumn } from '../data/features.ts';
import { createRng } from '../random.ts';
import { compileEnsemble } from './compiled.ts';
import { type Ensemble, ensembleMargin, ensembleShap } from './ensemble.ts';
import { binMatrix, fitEncoders } from './feature-encoder.ts';
import { trainGbdt } from './train-gbdt.ts';

/** x0 numeric with missing values, x1 numeric, c categorical (5 labels), noisy outcome. */
function dataset(n: number, seed: number): { cols: FeatureColumn[]; y: Uint8Array } {
  const rng = createRng(seed);
  const x0 = new Float64Array(n);
  const x1 = new Float64Array(n);
  const c: (string | null)[] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x0[i] = rng.next() < 0.15 ? Number.NaN : Math.round(rng.next() * 50);
    x1[i] = rng.next() * 6 - 3;
    const k = rng.int(5);
    c.push(rng.next() < 0.05 ? null : `k${k}`);
    const z =
      (Number.isNaN(x0[i]!) ? 0.8 : 0.05 * x0[i]! - 1) + x1[i]! * x1[i]! * 0.3 - 1 + (k === 3 ? 1 : 0);
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

describe('compiled ensemble (fast scoring and TreeSHAP)', () => {
  const { cols, y } = dataset(1200, 4);
  const m = binMatrix(cols, fitEncoders(cols));
  // Depths 1–5 use the per-leaf TreeSHAP tables, depth 7 the recursive algorithm.
  const ensembles: Ensemble[] = [1, 3, 4, 5, 7].flatMap((maxDepth) => {
    const fit = trainGbdt(m, y, { nTrees: 12, maxDepth, learningRate: 0.3, seed: maxDepth });
    const e = { trees: fit.trees, baseMargin: fit.baseMargin, featureCount: 3, float32: false };
    return [e, { ...e, float32: true }];
  });
  // Codes: numeric bins (NaN = missing), categorical codes including "other", missing and out of range.
  const row = fc.tuple(
    fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 60 })),
    fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 255 })),
    fc.integer({ min: -1, max: 9 }),
  );

  it('gives exactly the margin of ensembleMargin and TreeSHAP values of ensembleShap', () => {
    const compiled = ensembles.map(compileEnsemble);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ensembles.length - 1 }), row, (i, x) => {
        const e = ensembles[i]!;
        const c = compiled[i]!;
        expect(c.margin(x)).toBe(ensembleMargin(e, x));
        const phi = new Float64Array(3);
        c.shap(x, phi);
        const ref = ensembleShap(e, x);
        for (let f = 0; f < 3; f++) expect(phi[f]).toBeCloseTo(ref.phi[f]!, 12);
        // Additivity: contributions sum to margin − expected margin.
        if (!e.float32) expect(phi.reduce((a, b) => a + b, ref.expected)).toBeCloseTo(c.margin(x), 10);
      }),
      { numRuns: 300 },
    );
  });
});
