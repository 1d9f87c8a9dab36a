/*
 * Flat interest (等本等息 style): 10,000.00 CNY, 12 % a year flat, 12 monthly instalments.
 * Total interest = principal × rate × term = 10000 × 0.12 × 12/12 = 1,200.00, spread evenly:
 * 1200 / 12 = 100.00 a period. Principal 10000 / 12 = 833.333… → 833.33 for periods 1–11, the last
 * takes 10000 − 11 × 833.33 = 833.37. Totals: 933.33 × 11 and 933.37.
 * With installmentMultipleOf 10.00: instalment (10000 + 1200) / 12 = 933.33 → 930.00; principal
 * 930 − 100 = 830.00 for periods 1–11; the last takes 10000 − 9130 = 870.00 (+ 100.00 interest).
 */
import { describe, expect, it } from 'vitest';
import { CNY, d, rows } from '../../test-support.ts';
import { generateSchedule } from '../generate-schedule.ts';

const base = {
  principalMinor: 1_000_000,
  currency: CNY,
  annualRate: '0.12',
  repayments: 12,
  disbursementDate: d('2024-01-31'),
  interestMethod: 'flat',
} as const;

describe('flat interest', () => {
  it('spreads principal × rate × term evenly', () => {
    const s = generateSchedule(base);
    const r = rows(s);
    for (const row of r.slice(0, 11))
      expect([row[2], row[3], row[5]]).toEqual(['833.33', '100.00', '933.33']);
    expect(r[11]).toEqual([12, '2025-01-31', '833.37', '100.00', '0.00', '933.37', '0.00']);
    expect(s.totals.interestMinor).toBe(120_000);
    // month-end anchor: Jan 31 → Feb 29 → Mar 31
    expect(r[0]?.[1]).toBe('2024-02-29');
    expect(r[1]?.[1]).toBe('2024-03-31');
  });

  it('rounds the flat instalment to a multiple', () => {
    const s = generateSchedule({ ...base, installmentMultipleOfMinor: 1000 });
    const r = rows(s);
    for (const row of r.slice(0, 11)) expect([row[2], row[5]]).toEqual(['830.00', '930.00']);
    expect([r[11]?.[2], r[11]?.[5]]).toEqual(['870.00', '970.00']);
  });
});
