import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logitToScore, probabilityToScore, scalingConstants, scoreToProbability } from './scaling.ts';

const scaling = fc.record({
  baseScore: fc.double({ min: 100, max: 1000, noNaN: true }),
  baseOdds: fc.double({ min: 0.5, max: 200, noNaN: true }),
  pdo: fc.double({ min: 5, max: 100, noNaN: true }),
});

describe('points scaling', () => {
  it('score ↔ probability round-trips', () => {
    fc.assert(
      fc.property(scaling, fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (s, p) => {
        expect(scoreToProbability(probabilityToScore(p, s), s)).toBeCloseTo(p, 9);
      }),
      { numRuns: 200 },
    );
  });
  it('base odds give the base score and PDO points double the odds', () => {
    fc.assert(
      fc.property(scaling, fc.double({ min: -8, max: 8, noNaN: true }), (s, logit) => {
        expect(probabilityToScore(1 / (1 + s.baseOdds), s)).toBeCloseTo(s.baseScore, 8);
        const score = logitToScore(logit, s);
        // doubling good:bad odds = lowering the logit of bad by ln 2
        expect(logitToScore(logit - Math.LN2, s) - score).toBeCloseTo(s.pdo, 8);
        expect(scalingConstants(s).factor).toBeCloseTo(s.pdo / Math.LN2, 10);
      }),
      { numRuns: 200 },
    );
  });
});
