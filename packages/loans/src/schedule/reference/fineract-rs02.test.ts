/*
 * Apache Fineract reference scenario "RS02": 5,000.00 EUR, 12 % a year, declining balance,
 * interest same as repayment period, equal installments, 18 monthly repayments (disbursed
 * 2022-11-01), installment amount in multiples of 1, HALF_EVEN.
 *
 * Periodic rate r = 12 % / 12 = 1 %.
 * Annuity = 5000 × 0.01 / (1 − 1.01^−18) = 304.9102…, rounded to a multiple of 1.00 → 305.00.
 * Period 1: interest 5000.00 × 1 % = 50.00; principal 305.00 − 50.00 = 255.00; balance 4745.00.
 * Period 2: interest 4745.00 × 1 % = 47.45; principal 257.55; balance 4487.45.
 * …
 * Period 17: interest 599.23 × 1 % = 5.9923 → 5.99; principal 299.01; balance 300.22.
 * Period 18 (last takes the residual): principal 300.22, interest 300.22 × 1 % = 3.0022 → 3.00;
 * total 303.22. Total interest = 17 × 305.00 + 303.22 − 5000.00 = 488.22.
 */
import { describe, expect, it } from 'vitest';
import { d, EUR, rows } from '../../test-support.ts';
import { generateSchedule } from '../generate-schedule.ts';

describe('Fineract RS02', () => {
  const schedule = generateSchedule({
    principalMinor: 500_000,
    currency: EUR,
    annualRate: '12%',
    repayments: 18,
    every: 1,
    frequency: 'months',
    disbursementDate: d('2022-11-01'),
    amortization: 'equal_installments',
    interestMethod: 'declining_balance',
    interestPeriod: 'same_as_repayment',
    installmentMultipleOfMinor: 100,
    rounding: 'half_even',
  });
  const r = rows(schedule);

  it('rounds the instalment to a multiple of 1.00', () => {
    expect(schedule.installmentMinor).toBe(30_500);
  });

  it('periods 1–17 total 305.00', () => {
    for (const row of r.slice(0, 17)) expect(row[5]).toBe('305.00');
  });

  it('matches the published periods', () => {
    expect(r[0]).toEqual([1, '2022-12-01', '255.00', '50.00', '0.00', '305.00', '4745.00']);
    expect(r[1]).toEqual([2, '2023-01-01', '257.55', '47.45', '0.00', '305.00', '4487.45']);
    expect(r[16]).toEqual([17, '2024-04-01', '299.01', '5.99', '0.00', '305.00', '300.22']);
    expect(r[17]).toEqual([18, '2024-05-01', '300.22', '3.00', '0.00', '303.22', '0.00']);
  });

  it('totals', () => {
    expect(schedule.totals).toEqual({
      principalMinor: 500_000,
      interestMinor: 48_822,
      feesMinor: 0,
      totalMinor: 548_822,
    });
  });
});
