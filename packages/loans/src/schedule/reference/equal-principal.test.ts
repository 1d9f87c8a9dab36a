/*
 * 等额本金: 12,000.00 CNY at 6 % a year, 6 monthly instalments, equal principal.
 * Principal per period 12000 / 6 = 2,000.00; periodic rate 0.5 %.
 * Interest: 12000 × 0.5 % = 60.00, 10000 → 50.00, 8000 → 40.00, 6000 → 30.00, 4000 → 20.00,
 * 2000 → 10.00. Totals 2060, 2050, 2040, 2030, 2020, 2010; interest 210.00.
 * With 1,000.00 over 3 periods the split is 333.33, 333.33 and the last takes 333.34.
 */
import { describe, expect, it } from 'vitest';
import { CNY, d, rows } from '../../test-support.ts';
import { generateSchedule } from '../generate-schedule.ts';

describe('equal principal', () => {
  it('12,000 at 6 % over 6 months', () => {
    const s = generateSchedule({
      principalMinor: 1_200_000,
      currency: CNY,
      annualRate: '6%',
      repayments: 6,
      disbursementDate: d('2024-03-01'),
      amortization: 'equal_principal',
    });
    expect(rows(s).map((r) => [r[2], r[3], r[5]])).toEqual([
      ['2000.00', '60.00', '2060.00'],
      ['2000.00', '50.00', '2050.00'],
      ['2000.00', '40.00', '2040.00'],
      ['2000.00', '30.00', '2030.00'],
      ['2000.00', '20.00', '2020.00'],
      ['2000.00', '10.00', '2010.00'],
    ]);
    expect(s.totals.interestMinor).toBe(21_000);
  });

  it('the last period takes the residual', () => {
    const s = generateSchedule({
      principalMinor: 100_000,
      currency: CNY,
      annualRate: '0',
      repayments: 3,
      disbursementDate: d('2024-03-01'),
      amortization: 'equal_principal',
    });
    expect(rows(s).map((r) => r[2])).toEqual(['333.33', '333.33', '333.34']);
  });
});
