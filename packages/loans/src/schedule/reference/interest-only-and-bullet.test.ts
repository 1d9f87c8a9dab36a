/*
 * 先息后本 (interest_only): 50,000.00 CNY at 7.2 %, 6 monthly periods.
 * Interest each period 50000 × 0.072 / 12 = 300.00; principal 0 until the last, which pays
 * 50,000.00 + 300.00 = 50,300.00. Total interest 1,800.00.
 *
 * 到期一次还本付息 (bullet): 20,000.00 CNY at 6 %, 6 monthly periods: each period accrues
 * 20000 × 0.005 = 100.00 but nothing is due until maturity: 20,000.00 + 600.00 = 20,600.00.
 * A one-period bullet of 6 months (every 6 months): 20000 × 0.06 × 6/12 = 600.00, the same.
 */
import { describe, expect, it } from 'vitest';
import { CNY, d, rows } from '../../test-support.ts';
import { generateSchedule } from '../generate-schedule.ts';

describe('interest only and bullet', () => {
  it('interest only', () => {
    const s = generateSchedule({
      principalMinor: 5_000_000,
      currency: CNY,
      annualRate: '7.2%',
      repayments: 6,
      disbursementDate: d('2024-05-20'),
      amortization: 'interest_only',
    });
    const r = rows(s);
    for (const row of r.slice(0, 5))
      expect([row[2], row[3], row[5], row[6]]).toEqual(['0.00', '300.00', '300.00', '50000.00']);
    expect(r[5]).toEqual([6, '2024-11-20', '50000.00', '300.00', '0.00', '50300.00', '0.00']);
  });

  it('bullet over 6 monthly periods', () => {
    const s = generateSchedule({
      principalMinor: 2_000_000,
      currency: CNY,
      annualRate: '0.06',
      repayments: 6,
      disbursementDate: d('2024-05-20'),
      amortization: 'bullet',
    });
    const r = rows(s);
    for (const row of r.slice(0, 5)) expect(row[5]).toBe('0.00');
    expect(r[5]).toEqual([6, '2024-11-20', '20000.00', '600.00', '0.00', '20600.00', '0.00']);
  });

  it('one-period bullet every 6 months', () => {
    const s = generateSchedule({
      principalMinor: 2_000_000,
      currency: CNY,
      annualRate: '0.06',
      repayments: 1,
      every: 6,
      disbursementDate: d('2024-05-20'),
      amortization: 'bullet',
    });
    expect(rows(s)).toEqual([[1, '2024-11-20', '20000.00', '600.00', '0.00', '20600.00', '0.00']]);
  });
});
