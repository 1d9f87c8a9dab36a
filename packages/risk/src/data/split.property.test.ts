import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stratifiedFolds, stratifiedSplit } from './split.ts';

const outcomes = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 300 });

describe('stratified splits', () => {
  it('partition the rows, keep each class share within one row, and repeat for a seed', () => {
    fc.assert(
      fc.property(
        outcomes,
        fc.integer(),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (ys, seed, frac) => {
          const y = Uint8Array.from(ys);
          const { train, test } = stratifiedSplit(y, frac, seed);
          expect([...train, ...test].sort((a, b) => a - b)).toEqual(ys.map((_, i) => i));
          for (const cls of [0, 1]) {
            const total = ys.filter((v) => v === cls).length;
            const inTest = test.filter((i) => ys[i] === cls).length;
            expect(inTest).toBe(Math.round(frac * total));
          }
          expect(stratifiedSplit(y, frac, seed)).toEqual({ train, test });
        },
      ),
      { numRuns: 60 },
    );
  });
  it('deal each class evenly over the folds', () => {
    fc.assert(
      fc.property(outcomes, fc.integer({ min: 2, max: 10 }), fc.integer(), (ys, k, seed) => {
        const fold = stratifiedFolds(Uint8Array.from(ys), k, seed);
        for (const cls of [0, 1]) {
          const sizes = new Array(k).fill(0);
          ys.forEach((v, i) => {
            if (v === cls) sizes[fold[i]!]++;
          });
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
