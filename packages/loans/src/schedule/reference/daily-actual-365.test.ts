/*
 * Daily interest, Actual/365: 10,000.00 CNY at 7.3 % (0.02 % a day with a 365-day year),
 * 3 monthly equal instalments from 2023-01-01.
 * The instalment uses the periodic rate 7.3 % / 12 (Fineract): 10000 × r / (1 − (1 + r)^−3)
 * = 3,373.9708… → 3,373.97. Each period's interest follows its own days:
 * P1 (31 days): 10000 × 0.0002 × 31 = 62.00; principal 3,311.97; balance 6,688.03.
 * P2 (28 days): 6688.03 × 0.0002 × 28 = 37.452968 → 37.45; principal 3,336.52; balance 3,351.51.
 * P3 (31 days): 3351.51 × 0.0002 × 31 = 20.779362 → 20.78; principal 3,351.51; total 3,372.29.
 *
 * daysInYear 'actual' splits a period over the year end: 10,000.00 at 7.3 % from 2023-12-15 to
 * 2024-01-15 = 10000 × 0.073 × (17/365 + 14/366) = 61.9234… → 61.92.
 */
import { describe, expect, it } from 'vitest';
import { CNY, d, rows } from '../../test-support.ts';
import { generateSchedule } from '../generate-schedule.ts';

describe('daily interest', () => {
  it('Actual/365 with a periodic-rate instalment', () => {
    const s = generateSchedule({
      principalMinor: 1_000_000,
      currency: CNY,
      annualRate: '0.073',
      repayments: 3,
      disbursementDate: d('2023-01-01'),
      interestPeriod: 'daily',
      daysInYear: 365,
    });
    expect(s.installmentMinor).toBe(337_397);
    expect(rows(s)).toEqual([
      [1, '2023-02-01', '3311.97', '62.00', '0.00', '3373.97', '6688.03'],
      [2, '2023-03-01', '3336.52', '37.45', '0.00', '3373.97', '3351.51'],
      [3, '2023-04-01', '3351.51', '20.78', '0.00', '3372.29', '0.00'],
    ]);
  });

  it('actual days in year split at the year end', () => {
    const s = generateSchedule({
      principalMinor: 1_000_000,
      currency: CNY,
      annualRate: '0.073',
      repayments: 1,
      disbursementDate: d('2023-12-15'),
      amortization: 'bullet',
      interestPeriod: 'daily',
      daysInYear: 'actual',
    });
    expect(rows(s)).toEqual([[1, '2024-01-15', '10000.00', '61.92', '0.00', '10061.92', '0.00']]);
  });

  it('30-day months count every month as 30 days', () => {
    // 10000 × 0.073 × 30/365 = 60.00 in each period regardless of the calendar
    const s = generateSchedule({
      principalMinor: 1_000_000,
      currency: CNY,
      annualRate: '0.073',
      repayments: 3,
      disbursementDate: d('2023-01-01'),
      amortization: 'interest_only',
      interestPeriod: 'daily',
      daysInYear: 365,
      daysInMonth: 30,
    });
    expect(rows(s).map((r) => r[3])).toEqual(['60.00', '60.00', '60.00']);
  });
});
