import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CARD_CLASSIFICATION_THRESHOLDS,
  classificationFloor,
  classifyLoan,
  LOAN_CATEGORIES,
  type LoanCategory,
  thresholdsProblem,
} from './classification.ts';

describe('five-category classification floor', () => {
  it('follows the 2023 rules by default', () => {
    // any overdue → special mention; over 90 → substandard; over 270 → doubtful; over 360 → loss
    const table: [number, LoanCategory][] = [
      [0, 'normal'],
      [1, 'special_mention'],
      [90, 'special_mention'],
      [91, 'substandard'],
      [270, 'substandard'],
      [271, 'doubtful'],
      [360, 'doubtful'],
      [361, 'loss'],
    ];
    for (const [dpd, category] of table) expect(classificationFloor(dpd)).toBe(category);
  });

  it('takes per-product thresholds', () => {
    expect(classificationFloor(125, CREDIT_CARD_CLASSIFICATION_THRESHOLDS)).toBe('doubtful');
    expect(classificationFloor(181, CREDIT_CARD_CLASSIFICATION_THRESHOLDS)).toBe('loss');
    expect(thresholdsProblem(CREDIT_CARD_CLASSIFICATION_THRESHOLDS)).toBeUndefined();
    expect(thresholdsProblem({ specialMention: 1, substandard: 91, doubtful: 61, loss: 361 })).toContain(
      'increase',
    );
  });

  it('restructured loans are at least substandard', () => {
    expect(classificationFloor(0, undefined, { restructured: true })).toBe('substandard');
    expect(classificationFloor(400, undefined, { restructured: true })).toBe('loss');
  });

  it('staff may classify worse than the floor, never better', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.constantFrom(...LOAN_CATEGORIES),
        fc.boolean(),
        (dpd, staff, restructured) => {
          const { category, floor } = classifyLoan({ daysPastDue: dpd, staffCategory: staff, restructured });
          const rank = (c: LoanCategory) => LOAN_CATEGORIES.indexOf(c);
          expect(rank(category)).toBe(Math.max(rank(staff), rank(floor)));
          // the floor never improves as arrears grow
          expect(rank(classificationFloor(dpd + 1))).toBeGreaterThanOrEqual(rank(classificationFloor(dpd)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
