import { describe, expect, it } from 'vitest';
import type { VariableBinning } from '../binning/variable-binning.ts';
import { buildScorecard, compileScorecard } from './scorecard.ts';

// Reference scenario: a two-variable scorecard scaled at 600 points for 50:1 good:bad, PDO 20.
//   factor = 20 / ln 2 = 28.853901
//   offset = 600 − 28.853901 × ln 50 = 600 − 28.853901 × 3.912023 = 487.122876
//   intercept β0 = −1; β = [−0.8, −0.5]; m = 2 variables, offset/m = 243.561438
// Applicant: income bin WOE 0.4, tenure bin WOE −0.2.
//   logit = −1 + (−0.8)(0.4) + (−0.5)(−0.2) = −1.22 → P(bad) = 1 / (1 + e^1.22) = 1 / (1 + 3.387188) = 0.227936
//   income points = −(−0.32 − 0.5) × 28.853901 + 243.561438 = 23.660199 + 243.561438 = 267.22 → 267
//   tenure points = −(0.10 − 0.5) × 28.853901 + 243.561438 = 11.541560 + 243.561438 = 255.10 → 255
//   score = 267 + 255 = 522 (unrounded 522.324 = 487.122876 + 28.853901 × 1.22)
//   best income bin (WOE 0.9): −(−0.72 − 0.5) × 28.853901 + 243.561438 = 278.76 → 279, so income costs 12 points;
//   best tenure bin (WOE 0.3): −(−0.15 − 0.5) × 28.853901 + 243.561438 = 262.32 → 262, so tenure costs 7 points.
const bin = (label: string, lower: number | null, upper: number | null, w: number) => ({
  label,
  type: 'interval' as const,
  lower,
  upper,
  count: 10,
  goods: 5,
  bads: 5,
  badRate: 0.5,
  share: 0.5,
  woe: w,
  iv: 0,
});
const income: VariableBinning = {
  name: 'income',
  kind: 'numeric',
  trend: 'descending',
  iv: 0.3,
  bins: [bin('< 3000', null, 3000, 0.4), bin('≥ 3000', 3000, null, 0.9)],
};
const tenure: VariableBinning = {
  name: 'tenure',
  kind: 'numeric',
  trend: 'descending',
  iv: 0.1,
  bins: [bin('< 2', null, 2, -0.2), bin('≥ 2', 2, null, 0.3)],
};

describe('two-variable scorecard scenario', () => {
  const card = buildScorecard(
    [income, tenure],
    -1,
    [-0.8, -0.5],
    { baseScore: 600, baseOdds: 50, pdo: 20 },
    true,
  );
  it('scales points per attribute', () => {
    expect(card.variables.map((v) => v.points)).toEqual([
      [267, 279],
      [255, 262],
    ]);
  });
  it('scores an applicant: probability, points total and reasons', () => {
    const r = compileScorecard(card)({ income: 2500, tenure: 1 });
    expect(r.probability).toBeCloseTo(0.227936, 6);
    expect(r.score).toBe(522);
    expect(r.reasons).toEqual([
      { variable: 'income', bin: '< 3000', pointsLost: 12 },
      { variable: 'tenure', bin: '< 2', pointsLost: 7 },
    ]);
  });
});
