/*
 * Broken first period: 10,000.00 CNY at 12 % (1 % a month), 3 monthly equal instalments,
 * disbursed 2024-01-10, first due 2024-02-25.
 * From Jan 10: one whole month to Feb 10, then 15 days to Feb 25 over the 29 days of the next month
 * (Feb 10 → Mar 10, 2024 is a leap year): the period is 1 + 15/29 months.
 * Annuity (from the periodic rate, unaffected by the broken period) = 10000 × 0.01 / (1 − 1.01^−3)
 * = 3,400.2211… → 3,400.22.
 * P1: interest 10000 × 0.01 × 44/29 = 151.7241… → 151.72; principal 3,248.50; balance 6,751.50.
 * P2 (Feb 25 → Mar 25): interest 67.515 → 67.52 (half-even: 1 is odd); principal 3,332.70;
 *     balance 3,418.80.
 * P3 (Mar 25 → Apr 25): interest 34.188 → 34.19; principal 3,418.80; total 3,452.99.
 */
import { describe, expect, it } from 'vitest';
import { CNY, d, rows } from '../../test-support.ts';
import { generateSchedule } from '../generate-schedule.ts';

describe('broken first period', () => {
  it('accrues the first period pro rata', () => {
    const s = generateSchedule({
      principalMinor: 1_000_000,
      currency: CNY,
      annualRate: '0.12',
      repayments: 3,
      disbursementDate: d('2024-01-10'),
      firstDueDate: d('2024-02-25'),
    });
    expect(rows(s)).toEqual([
      [1, '2024-02-25', '3248.50', '151.72', '0.00', '3400.22', '6751.50'],
      [2, '2024-03-25', '3332.70', '67.52', '0.00', '3400.22', '3418.80'],
      [3, '2024-04-25', '3418.80', '34.19', '0.00', '3452.99', '0.00'],
    ]);
    expect(s.periods[0]?.days).toBe(46);
  });

  it('a first due date exactly one period out is a regular period', () => {
    const plain = {
      principalMinor: 1_000_000,
      currency: CNY,
      annualRate: '0.12',
      repayments: 3,
      disbursementDate: d('2024-01-10'),
    };
    expect(rows(generateSchedule({ ...plain, firstDueDate: d('2024-02-10') }))).toEqual(
      rows(generateSchedule(plain)),
    );
  });
});
