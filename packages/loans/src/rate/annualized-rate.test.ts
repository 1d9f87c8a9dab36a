/*
 * Hand-checkable cases for the three conventions.
 *
 * Odd first period, single payment: 1,000 advanced 2024-01-01, 1,050 repaid 2024-02-16 (one month
 * to Feb 1, then 15 days; unit period 1 month, so t = 1 and f = 15/30 = 0.5).
 * - us_actuarial: 1000 = 1050 / ((1 + 0.5 i)(1 + i)) ⇒ 0.5 i² + 1.5 i − 0.05 = 0
 *   ⇒ i = −1.5 + √(2.25 + 0.1) = 0.0329709…; APR = 12 i.
 * - cn_irr: (1 + i)^1.5 = 1.05 ⇒ i = 1.05^(2/3) − 1 = 0.0330589…
 * - eu_aprc: 46 days: (1 + X)^(46/365) = 1.05 ⇒ X = 1.05^(365/46) − 1 = 0.4729…
 * One year at 10 %: −1000 on 2023-01-01, +1100 on 2024-01-01 (365 days): APRC exactly 10 %.
 * Counting back whole months: payment 2024-03-31, advance 2024-01-15 → back 2 months is
 * 2024-01-31 (not before the advance), back 3 is 2023-12-31 (before): t = 2, f = 16/30.
 */
import { civilToEpochDay } from '@puhui/money';
import { describe, expect, it } from 'vitest';
import { d } from '../test-support.ts';
import { annualizedRate, inferUnitPeriod, unitPeriodTime } from './annualized-rate.ts';

const oddPeriod = [
  { date: d('2024-01-01'), amount: -1000 },
  { date: d('2024-02-16'), amount: 1050 },
];
const monthly = { every: 1, frequency: 'months' } as const;

describe('annualizedRate', () => {
  it('us_actuarial: fractional period at simple interest', () => {
    const r = annualizedRate(oddPeriod, 'us_actuarial', monthly);
    const i = -1.5 + Math.sqrt(2.35);
    expect(r.ok && r.periodicRate).toBeCloseTo(i, 12);
    expect(r.ok && r.nominalAnnualRate).toBeCloseTo(12 * i, 11);
  });

  it('cn_irr: fractional period compounds', () => {
    const r = annualizedRate(oddPeriod, 'cn_irr', monthly);
    const i = 1.05 ** (2 / 3) - 1;
    expect(r.ok && r.periodicRate).toBeCloseTo(i, 12);
    expect(r.ok && r.effectiveAnnualRate).toBeCloseTo((1 + i) ** 12 - 1, 10);
  });

  it('eu_aprc: actual days / 365, effective annual', () => {
    expect(
      annualizedRate(oddPeriod, 'eu_aprc', monthly).ok && annualizedRate(oddPeriod, 'eu_aprc', monthly),
    ).toMatchObject({
      effectiveAnnualRate: expect.closeTo(1.05 ** (365 / 46) - 1, 10),
    });
    const year = annualizedRate(
      [
        { date: d('2023-01-01'), amount: -1000 },
        { date: d('2024-01-01'), amount: 1100 },
      ],
      'eu_aprc',
    );
    expect(year.ok && year.effectiveAnnualRate).toBeCloseTo(0.1, 12);
  });

  it('multiple advances (Regulation Z) are discounted like payments', () => {
    // 500 now and 500 in one month, 1,020 repaid in two months at 1 % a month:
    // 500 + 500/1.01 = 1020/1.01² ⇔ 500·1.0201 + 505 = 1015.05 ≠ 1020, so solve numerically and
    // check the equation holds at the solution.
    const r = annualizedRate(
      [
        { date: d('2024-01-10'), amount: -500 },
        { date: d('2024-02-10'), amount: -500 },
        { date: d('2024-03-10'), amount: 1020 },
      ],
      'us_actuarial',
      monthly,
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      const i = r.periodicRate;
      expect(-500 - 500 / (1 + i) + 1020 / (1 + i) ** 2).toBeCloseTo(0, 9);
    }
  });

  it('reports flows without a rate', () => {
    expect(annualizedRate([{ date: d('2024-01-01'), amount: -1 }], 'cn_irr')).toMatchObject({
      ok: false,
      code: 'no_flows',
    });
    expect(
      annualizedRate(
        [
          { date: d('2024-01-01'), amount: 100 },
          { date: d('2024-02-01'), amount: 100 },
        ],
        'cn_irr',
      ),
    ).toMatchObject({ ok: false, code: 'no_sign_change' });
  });

  it('refuses a rate float64 cannot represent', () => {
    // 2 lent, 1 repaid the next day: (1 + X)^(1/365) = 1/2 ⇒ X = 2^−365 − 1, indistinguishable from −100 %
    const r = annualizedRate(
      [
        { date: d('2024-01-01'), amount: -2 },
        { date: d('2024-01-02'), amount: 1 },
      ],
      'eu_aprc',
    );
    expect(r).toMatchObject({ ok: false, code: 'no_rate' });
  });

  it('counts whole unit periods back from the payment date', () => {
    expect(unitPeriodTime(civilToEpochDay(2024, 1, 15), civilToEpochDay(2024, 3, 31), monthly)).toEqual({
      whole: 2,
      fraction: 16 / 30,
    });
    expect(unitPeriodTime(0, 10, { every: 1, frequency: 'weeks' })).toEqual({ whole: 1, fraction: 3 / 7 });
  });

  it('infers the unit period', () => {
    const flows = (dates: string[]) => dates.map((x, i) => ({ date: d(x), amount: i === 0 ? -100 : 30 }));
    expect(inferUnitPeriod(flows(['2024-01-15', '2024-02-15', '2024-03-15', '2024-04-15']))).toEqual(monthly);
    expect(inferUnitPeriod(flows(['2024-01-31', '2024-02-29', '2024-03-31']))).toEqual(monthly);
    expect(inferUnitPeriod(flows(['2024-01-01', '2024-04-01', '2024-07-01']))).toEqual({
      every: 3,
      frequency: 'months',
    });
    expect(inferUnitPeriod(flows(['2024-01-01', '2024-01-15', '2024-01-29']))).toEqual({
      every: 2,
      frequency: 'weeks',
    });
    expect(inferUnitPeriod(flows(['2024-01-01', '2024-01-11', '2024-01-21']))).toEqual({
      every: 10,
      frequency: 'days',
    });
    expect(inferUnitPeriod(flows(['2024-01-01', '2025-01-01']))).toEqual({ every: 1, frequency: 'years' });
  });
});
