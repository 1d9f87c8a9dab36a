import { fromEpochDay, ROUNDING_MODES } from '@puhui/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CNY } from '../test-support.ts';
import { annuityMinor, exactAnnuityMinor } from './annuity.ts';
import { generateSchedule } from './generate-schedule.ts';
import { AMORTIZATIONS, type ScheduleSpec, validateScheduleSpec } from './schedule-spec.ts';

/** Random valid specs covering every option. */
const specArb: fc.Arbitrary<ScheduleSpec> = fc
  .record({
    principalMinor: fc.integer({ min: 1, max: 1e11 }),
    rateBp: fc.integer({ min: 0, max: 10_000 }),
    repayments: fc.integer({ min: 1, max: 60 }),
    every: fc.integer({ min: 1, max: 3 }),
    frequency: fc.constantFrom('days', 'weeks', 'months', 'years'),
    disbursementDay: fc.integer({ min: 0, max: 20_000 }),
    brokenDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    amortization: fc.constantFrom(...AMORTIZATIONS),
    interestMethod: fc.constantFrom('declining_balance', 'flat'),
    interestPeriod: fc.constantFrom('same_as_repayment', 'daily'),
    daysInYear: fc.constantFrom('actual', 360, 364, 365),
    daysInMonth: fc.constantFrom('actual', 30),
    graces: fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5)),
    multiple: fc.constantFrom(1, 100, 1000),
    rounding: fc.constantFrom(...ROUNDING_MODES),
    fee: fc.nat(500),
    shares: fc.array(fc.nat(100), { minLength: 60, maxLength: 60 }),
  })
  .map((r): ScheduleSpec => {
    const n = r.repayments;
    const amortizing = r.amortization === 'equal_installments' || r.amortization === 'equal_principal';
    const shares: string[] = r.shares.slice(0, n).map(String);
    if (!shares.some((s) => s !== '0')) shares[n - 1] = '1';
    return {
      principalMinor: r.principalMinor,
      currency: CNY,
      annualRate: (r.rateBp / 10_000).toString(),
      repayments: n,
      every: r.every,
      frequency: r.frequency as ScheduleSpec['frequency'],
      disbursementDate: fromEpochDay(r.disbursementDay),
      firstDueDate: r.brokenDays === undefined ? undefined : fromEpochDay(r.disbursementDay + r.brokenDays),
      amortization: r.amortization,
      interestMethod: r.interestMethod as ScheduleSpec['interestMethod'],
      interestPeriod: r.interestPeriod as ScheduleSpec['interestPeriod'],
      daysInYear: r.daysInYear as ScheduleSpec['daysInYear'],
      daysInMonth: r.daysInMonth as ScheduleSpec['daysInMonth'],
      graceOnPrincipal: amortizing ? Math.min(r.graces[0], n - 1) : 0,
      graceOnInterestPayment: Math.min(r.graces[1], n - 1),
      graceOnInterestCharged: Math.min(r.graces[2], n),
      installmentMultipleOfMinor: r.amortization === 'equal_installments' ? r.multiple : 1,
      rounding: r.rounding,
      fees: [
        { name: 'flat', type: 'flat', amountMinor: r.fee, at: 'installment' },
        { name: 'pct', type: 'percent', rate: '0.25%', at: 'disbursement' },
      ],
      principalShares: r.amortization === 'custom_principal' ? shares : undefined,
    };
  });

describe('schedule invariants', () => {
  it('generated specs are valid', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        expect(validateScheduleSpec(spec)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('Σ principal = principal, balances never negative, totals add up, dates increase', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const s = generateSchedule(spec);
        expect(s.periods).toHaveLength(spec.repayments);
        let principal = 0;
        let interest = 0;
        let fees = 0;
        let balance = spec.principalMinor;
        let previous = spec.disbursementDate as string;
        for (const p of s.periods) {
          expect(p.principalMinor).toBeGreaterThanOrEqual(0);
          expect(p.interestMinor).toBeGreaterThanOrEqual(0);
          expect(p.balanceMinor).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(p.interestMinor)).toBe(true);
          balance -= p.principalMinor;
          expect(p.balanceMinor).toBe(balance);
          expect(p.totalMinor).toBe(p.principalMinor + p.interestMinor + p.feesMinor);
          expect(p.dueDate > previous).toBe(true);
          expect(p.fromDate).toBe(previous);
          previous = p.dueDate;
          principal += p.principalMinor;
          interest += p.interestMinor;
          fees += p.feesMinor;
        }
        expect(principal).toBe(spec.principalMinor);
        expect(s.periods.at(-1)?.balanceMinor).toBe(0);
        expect(s.totals.interestMinor).toBe(interest);
        expect(s.totals.feesMinor).toBe(fees + s.disbursementFeesMinor);
        expect(s.totals.totalMinor).toBe(principal + interest + fees + s.disbursementFeesMinor);
      }),
      { numRuns: 300 },
    );
  });

  it('equal instalments: every period but the last totals the instalment when nothing is clamped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 1e10 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 2, max: 120 }),
        (principalMinor, rateBp, n) => {
          const s = generateSchedule({
            principalMinor,
            currency: CNY,
            annualRate: `${rateBp / 100}%`,
            repayments: n,
            disbursementDate: fromEpochDay(19_000),
          });
          for (const p of s.periods.slice(0, -1)) expect(p.totalMinor).toBe(s.installmentMinor);
          // The last period's residual comes from rounding the instalment and each interest (≤ 1 minor
          // unit a period), compounded at the periodic rate r: at most Σ (1 + r)^k = ((1 + r)^n − 1) / r.
          const r = rateBp / 10_000 / 12;
          const bound = ((1 + r) ** n - 1) / r;
          const last = s.periods.at(-1)!;
          expect(Math.abs(last.totalMinor - (s.installmentMinor as number))).toBeLessThanOrEqual(bound);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('zero-rate schedules charge no interest', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const s = generateSchedule({ ...spec, annualRate: '0' });
        expect(s.totals.interestMinor).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('the float annuity fast path equals the exact bigint evaluation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e13 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom(1_000, 12_000, 1_200_000, 36_500_000),
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom(1, 100, 1000),
        fc.constantFrom(...ROUNDING_MODES),
        (p, a, b, n, m, mode) => {
          expect(annuityMinor(p, a, b, n, m, mode)).toBe(
            exactAnnuityMinor(p, BigInt(a), BigInt(b), n, m, mode),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('exact ties go through the bigint path (1,000.00 at 0 % over 8 periods = 125.00)', () => {
    // 100000 / 8 = 12500 exactly; with a tiny rate the float result sits within tolerance of a tie.
    expect(annuityMinor(100_000, 0, 1, 8, 1, 'up')).toBe(12_500);
    expect(annuityMinor(3, 0, 1, 2, 1, 'half_even')).toBe(2);
    expect(annuityMinor(5, 0, 1, 2, 1, 'half_even')).toBe(2);
  });
});
