/*
 * Textbook 等额本息: 100,000.00 CNY at 4.9 % a year, 12 monthly equal instalments, no multiple.
 *
 * r = 0.049 / 12 = 0.00408333…; annuity = 100000 × r / (1 − (1 + r)^−12) = 8,556.1662… → 8,556.17.
 * Period 1: interest 100000 × r = 408.333… → 408.33; principal 8556.17 − 408.33 = 8147.84;
 *           balance 91,852.16.
 * Period 2: interest 91852.16 × r = 375.0630… → 375.06; principal 8181.11; balance 83,671.05.
 * Period 11: interest 69.45, principal 8486.72, balance 8,521.32.
 * Period 12: principal 8,521.32 (the residual), interest 8521.32 × r = 34.7954 → 34.80,
 *            total 8,556.12. Total interest 2,673.99 (checked with Python's decimal module).
 * Annualised (cn_irr, no fees): the periodic IRR is ≈ r, so the nominal rate ≈ 4.90 %.
 */
import { describe, expect, it } from 'vitest';
import { scheduleAnnualizedRate } from '../../rate/schedule-rate.ts';
import { CNY, d, rows } from '../../test-support.ts';
import { generateSchedule } from '../generate-schedule.ts';

describe('100,000 CNY at 4.9 % over 12 months', () => {
  const schedule = generateSchedule({
    principalMinor: 10_000_000,
    currency: CNY,
    annualRate: '0.049',
    repayments: 12,
    disbursementDate: d('2024-01-15'),
  });
  const r = rows(schedule);

  it('instalment 8,556.17', () => {
    expect(schedule.installmentMinor).toBe(855_617);
    for (const row of r.slice(0, 11)) expect(row[5]).toBe('8556.17');
  });

  it('periods', () => {
    expect(r[0]).toEqual([1, '2024-02-15', '8147.84', '408.33', '0.00', '8556.17', '91852.16']);
    expect(r[1]).toEqual([2, '2024-03-15', '8181.11', '375.06', '0.00', '8556.17', '83671.05']);
    expect(r[10]).toEqual([11, '2024-12-15', '8486.72', '69.45', '0.00', '8556.17', '8521.32']);
    expect(r[11]).toEqual([12, '2025-01-15', '8521.32', '34.80', '0.00', '8556.12', '0.00']);
    expect(schedule.totals.interestMinor).toBe(267_399);
  });

  it('annualised rate ≈ 4.90 %', () => {
    const rate = scheduleAnnualizedRate(schedule, 'cn_irr');
    expect(rate.ok && rate.nominalAnnualRate).toBeCloseTo(0.049, 5);
  });
});
