import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc, ks, rocCurve } from './ranking.ts';

/** AUC by definition: share of (bad, good) pairs ranked correctly, ties counting one half. */
function pairwiseAuc(y: number[], p: number[]): number {
  let s = 0;
  let pairs = 0;
  y.forEach((yi, i) => {
    if (yi !== 1) return;
    y.forEach((yj, j) => {
      if (yj !== 0) return;
      pairs++;
      s += p[i]! > p[j]! ? 1 : p[i] === p[j] ? 0.5 : 0;
    });
  });
  return s / pairs;
}

/** KS by definition: max over thresholds t of |F_good(t) − F_bad(t)| with F(t) = share with p ≤ t. */
function bruteKs(y: number[], p: number[]): number {
  const nb = y.filter((v) => v === 1).length;
  const ng = y.length - nb;
  let best = 0;
  for (const t of p) {
    const fb = y.filter((v, i) => v === 1 && p[i]! <= t).length / nb;
    const fg = y.filter((v, i) => v === 0 && p[i]! <= t).length / ng;
    best = Math.max(best, Math.abs(fg - fb));
  }
  return best;
}

const sample = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 8 })), {
    minLength: 2,
    maxLength: 60,
  })
  .filter((xs) => xs.some(([y]) => y === 1) && xs.some(([y]) => y === 0));

describe('AUC, KS and ROC with ties', () => {
  it('AUC equals the pairwise definition and the area under the ROC curve', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const y = xs.map(([v]) => v);
        const p = xs.map(([, s]) => s / 8);
        const a = auc(y, p);
        expect(a).toBeCloseTo(pairwiseAuc(y, p), 12);
        const roc = rocCurve(y, p);
        let area = 0;
        for (let i = 1; i < roc.length; i++)
          area += ((roc[i]!.fpr - roc[i - 1]!.fpr) * (roc[i]!.tpr + roc[i - 1]!.tpr)) / 2;
        expect(area).toBeCloseTo(a, 12);
      }),
      { numRuns: 100 },
    );
  });
  it('KS equals the largest CDF gap over thresholds', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const y = xs.map(([v]) => v);
        const p = xs.map(([, s]) => s / 8);
        expect(ks(y, p).ks).toBeCloseTo(bruteKs(y, p), 12);
      }),
      { numRuns: 100 },
    );
  });
});

describe('reference values', () => {
  it('AUC of a small example with a tie', () => {
    // Pairs (bad, good): (0.35 vs 0.1) win, (0.35 vs 0.4) loss, (0.8 vs 0.1) win, (0.8 vs 0.4) win → 3/4.
    expect(auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    // A tied pair counts one half: bads {0.5}, goods {0.5, 0.2} → (0.5 + 1) / 2.
    expect(auc([1, 0, 0], [0.5, 0.5, 0.2])).toBe(0.75);
    expect(Number.isNaN(auc([1, 1], [0.1, 0.2]))).toBe(true);
  });
});
