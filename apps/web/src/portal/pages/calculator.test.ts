import { calculateSchedule } from '@puhui/services';
import { describe, expect, it } from 'vitest';
import { type CalculatorInput, toScheduleSpec } from './calculator.ts';

const base: CalculatorInput = {
  amount: '10,000',
  rate: '12',
  months: '6',
  method: 'equal_principal',
  fee: '',
  start: '2026-01-15',
};

describe('toScheduleSpec', () => {
  it('builds the spec the loan engine accepts', () => {
    const result = toScheduleSpec(base);
    expect(result).toEqual({
      ok: true,
      spec: {
        principal: '10000',
        currency: 'CNY',
        annualRate: '12%',
        repayments: 6,
        every: 1,
        frequency: 'months',
        disbursementDate: '2026-01-15',
        amortization: 'equal_principal',
      },
    });
    if (!result.ok) return;
    // The same engine the endpoint runs: 6 instalments, principal repaid exactly.
    const schedule = calculateSchedule(result.spec);
    expect(schedule.ok).toBe(true);
    if (schedule.ok) {
      expect(schedule.value.periods.filter((p) => p.n > 0)).toHaveLength(6);
      expect(schedule.value.totals.principal).toBe('10000.00');
    }
  });

  it('adds a one-off fee at pay-out, which raises the annualised rate', () => {
    const withFee = toScheduleSpec({ ...base, fee: '100' });
    const without = toScheduleSpec(base);
    expect(withFee.ok && withFee.spec.fees).toEqual([
      { name: 'fee', type: 'flat', amount: '100', at: 'disbursement' },
    ]);
    if (!withFee.ok || !without.ok) return;
    const a = calculateSchedule(withFee.spec);
    const b = calculateSchedule(without.spec);
    if (!a.ok || !b.ok) throw new Error('engine refused the spec');
    expect(Number(a.value.annualizedRate?.nominal)).toBeGreaterThan(Number(b.value.annualizedRate?.nominal));
  });

  it('names every field typed wrong', () => {
    expect(
      toScheduleSpec({ ...base, amount: 'abc', rate: '1.2.3', months: '0', fee: 'x', start: '' }),
    ).toEqual({
      ok: false,
      invalid: ['amount', 'rate', 'months', 'fee', 'start'],
    });
    expect(toScheduleSpec({ ...base, amount: '0' })).toEqual({ ok: false, invalid: ['amount'] });
    expect(toScheduleSpec({ ...base, months: '361' })).toEqual({ ok: false, invalid: ['months'] });
  });

  it('accepts a percent sign and full-width commas', () => {
    const r = toScheduleSpec({ ...base, amount: '12，000.50', rate: '7.2%' });
    expect(r.ok && [r.spec.principal, r.spec.annualRate]).toEqual(['12000.50', '7.2%']);
  });
});
