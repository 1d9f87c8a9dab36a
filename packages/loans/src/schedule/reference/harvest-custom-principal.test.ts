/*
 * Harvest-aligned plan (按季节还款, custom_principal): 30,000.00 CNY for seed and fertiliser at 6 %,
 * 6 monthly periods, interest monthly, principal when the crop is sold.
 *
 * Shares 0,0,0,0,0,100: interest 30000 × 0.005 = 150.00 each month; principal 30,000.00 at the
 * end → last total 30,150.00; total interest 900.00.
 * Shares 0,0,40,0,0,60 (two harvests): period 3 repays 40 % = 12,000.00; interest 150.00 in
 * periods 1–3, then 18000 × 0.005 = 90.00 in periods 4–6; the last repays 18,000.00.
 */
import { describe, expect, it } from 'vitest';
import { CNY, d, rows } from '../../test-support.ts';
import { generateSchedule } from '../generate-schedule.ts';

const base = {
  principalMinor: 3_000_000,
  currency: CNY,
  annualRate: '0.06',
  repayments: 6,
  disbursementDate: d('2024-04-01'),
  amortization: 'custom_principal',
} as const;

describe('custom principal (harvest plan)', () => {
  it('everything at harvest', () => {
    const s = generateSchedule({ ...base, principalShares: ['0', '0', '0', '0', '0', '100'] });
    const r = rows(s);
    for (const row of r.slice(0, 5)) expect([row[2], row[3]]).toEqual(['0.00', '150.00']);
    expect(r[5]).toEqual([6, '2024-10-01', '30000.00', '150.00', '0.00', '30150.00', '0.00']);
    expect(s.totals.interestMinor).toBe(90_000);
  });

  it('two harvests', () => {
    const s = generateSchedule({ ...base, principalShares: ['0', '0', '40', '0', '0', '60'] });
    expect(rows(s).map((r) => [r[2], r[3], r[6]])).toEqual([
      ['0.00', '150.00', '30000.00'],
      ['0.00', '150.00', '30000.00'],
      ['12000.00', '150.00', '18000.00'],
      ['0.00', '90.00', '18000.00'],
      ['0.00', '90.00', '18000.00'],
      ['18000.00', '90.00', '0.00'],
    ]);
  });
});
