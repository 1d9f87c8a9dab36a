/*
 * Fees and the annualised rate (PBoC No. 3: the rate covers every fee).
 * A "0 % interest" instalment loan: 12,000.00 CNY, 12 monthly equal principal instalments of
 * 1,000.00, a monthly fee of 0.5 % of the principal (60.00), and a 100.00 fee at disbursement.
 * Each instalment is 1,060.00; fees total 12 × 60 + 100 = 820.00.
 * Borrower flows: −(12000 − 100) = −11,900.00 at disbursement, +1,060.00 × 12 monthly.
 * cn_irr: periodic i solves 11900 = 1060 × (1 − (1+i)^−12)/i → i = RATE(12, −1060, 11900);
 * nominal = 12 × i ≈ 12.5 %, far above the "0.5 % a month" headline (6 % a year).
 */
import { describe, expect, it } from 'vitest';
import { scheduleAnnualizedRate } from '../../rate/schedule-rate.ts';
import { rate } from '../../rate/spreadsheet.ts';
import { CNY, d, rows } from '../../test-support.ts';
import { generateSchedule } from '../generate-schedule.ts';
import { scheduleToJson } from '../schedule-json.ts';

describe('fees', () => {
  const s = generateSchedule({
    principalMinor: 1_200_000,
    currency: CNY,
    annualRate: '0',
    repayments: 12,
    disbursementDate: d('2024-01-15'),
    amortization: 'equal_principal',
    fees: [
      { name: 'service', type: 'percent', rate: '0.5%', at: 'installment' },
      { name: 'arrangement', type: 'flat', amountMinor: 10_000, at: 'disbursement' },
    ],
  });

  it('charges instalment and disbursement fees', () => {
    for (const r of rows(s)) expect([r[2], r[4], r[5]]).toEqual(['1000.00', '60.00', '1060.00']);
    expect(s.disbursementFeesMinor).toBe(10_000);
    expect(s.totals).toEqual({
      principalMinor: 1_200_000,
      interestMinor: 0,
      feesMinor: 82_000,
      totalMinor: 1_282_000,
    });
  });

  it('the annualised rate includes the fees', () => {
    const apr = scheduleAnnualizedRate(s, 'cn_irr');
    const i = rate(12, -1060, 11_900);
    expect(apr.ok).toBe(true);
    if (!apr.ok) return;
    expect(apr.periodicRate).toBeCloseTo(i, 12);
    expect(apr.nominalAnnualRate).toBeCloseTo(12 * i, 12);
    expect(apr.effectiveAnnualRate).toBeCloseTo((1 + i) ** 12 - 1, 12);
  });

  it('JSON shows the disbursement fee as row 0', () => {
    const json = scheduleToJson(s);
    expect(json.periods[0]).toEqual({
      n: 0,
      dueDate: '2024-01-15',
      days: 0,
      principal: '0.00',
      interest: '0.00',
      fees: '100.00',
      total: '100.00',
      balance: '12000.00',
    });
    expect(json.totals).toEqual({
      principal: '12000.00',
      interest: '0.00',
      fees: '820.00',
      total: '12820.00',
    });
  });
});
