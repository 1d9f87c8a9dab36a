import { describe, expect, it } from 'vitest';
import { bandLabels, fairness } from './fairness.ts';

// Scenario: cut-off 0.5 (approve when p < 0.5), groups A (4 rows) and B (4 rows).
//   A: p = [0.1 good, 0.2 good, 0.3 bad, 0.7 good] → approved 3/4 = 0.75; TPR (goods approved) 2/3; FPR (bads approved) 1/1
//   B: p = [0.6 good, 0.8 bad, 0.4 good, 0.9 bad]  → approved 1/4 = 0.25; TPR 1/2; FPR 0/2
//   reference = A (highest approval): DI(B) = 0.25 / 0.75 = 1/3 < 0.8 → violation
//   SPD(B) = 0.25 − 0.75 = −0.5; EOD(B) = 1/2 − 2/3 = −1/6; AOD(B) = ((0 − 1) + (−1/6)) / 2 = −7/12
describe('fairness at a cut-off', () => {
  const y = [0, 0, 1, 0, 0, 1, 0, 1];
  const p = [0.1, 0.2, 0.3, 0.7, 0.6, 0.8, 0.4, 0.9];
  const g = ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B'];
  const r = fairness(y, p, g, { column: 'group', cutoff: 0.5 });
  it('measures each group against the reference', () => {
    const b = r.groups.find((x) => x.group === 'B')!;
    expect(r.reference).toBe('A');
    expect(b.approvalRate).toBe(0.25);
    expect(b.disparateImpact).toBeCloseTo(1 / 3, 12);
    expect(b.statisticalParityDifference).toBeCloseTo(-0.5, 12);
    expect(b.equalOpportunityDifference).toBeCloseTo(-1 / 6, 12);
    expect(b.averageOddsDifference).toBeCloseTo(-7 / 12, 12);
    expect(r.violations).toEqual(['B']);
  });
  it('takes an explicit reference group and bands numeric columns', () => {
    const s = fairness(y, p, g, { column: 'group', cutoff: 0.5, reference: 'B' });
    expect(s.groups.find((x) => x.group === 'A')!.disparateImpact).toBeCloseTo(3, 12);
    expect(() => fairness(y, p, g, { column: 'group', cutoff: 0.5, reference: 'C' })).toThrow(
      /does not occur/,
    );
    expect(bandLabels([19, 25, 40, Number.NaN], [25])).toEqual(['< 25', '≥ 25', '≥ 25', 'missing']);
  });
});
