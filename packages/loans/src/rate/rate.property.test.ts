import { fromEpochDay } from '@puhui/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualizedRate, type DatedCashFlow, RATE_METHODS } from './annualized-rate.ts';
import { irr, pmt } from './spreadsheet.ts';

describe('rate invariants', () => {
  it('irr recovers the rate that priced an annuity', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.05, max: 0.3, noNaN: true }),
        fc.integer({ min: 1, max: 360 }),
        (r, n) => {
          const payment = -pmt(r, n, 1000);
          const values = [-1000, ...Array<number>(n).fill(payment)];
          expect(irr(values, 0.01)).toBeCloseTo(r, 8);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('all three conventions agree on regular monthly flows where they should', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0001, max: 0.05, noNaN: true }),
        fc.integer({ min: 2, max: 120 }),
        (r, n) => {
          const start = 19_000; // 2022-01-08
          const payment = -pmt(r, n, 1000);
          const flows: DatedCashFlow[] = [{ date: fromEpochDay(start), amount: -1000 }];
          const c = new Date(start * 86_400_000);
          for (let k = 1; k <= n; k++) {
            const due = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + k, c.getUTCDate()) / 86_400_000;
            flows.push({ date: fromEpochDay(due), amount: payment });
          }
          const cn = annualizedRate(flows, 'cn_irr');
          const us = annualizedRate(flows, 'us_actuarial');
          const eu = annualizedRate(flows, 'eu_aprc');
          expect(cn.ok && us.ok && eu.ok).toBe(true);
          if (!cn.ok || !us.ok || !eu.ok) return;
          // whole unit periods: cn_irr and Regulation Z coincide and recover the monthly rate
          expect(cn.periodicRate).toBeCloseTo(r, 9);
          expect(us.periodicRate).toBeCloseTo(r, 9);
          expect(cn.nominalAnnualRate).toBeCloseTo(12 * r, 8);
          // actual days differ from equal months slightly; the EU effective rate stays close
          expect(Math.abs(eu.effectiveAnnualRate - cn.effectiveAnnualRate)).toBeLessThan(
            0.01 + cn.effectiveAnnualRate * 0.05,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the solved rate zeroes the NPV for random two-sided flows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 1e6 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom(...RATE_METHODS),
        (payments, advance, method) => {
          const flows: DatedCashFlow[] = [
            { date: fromEpochDay(19_000), amount: -advance },
            ...payments.map(([day, amount]) => ({ date: fromEpochDay(19_000 + day), amount })),
          ];
          const r = annualizedRate(flows, method, { every: 1, frequency: 'days' });
          if (!r.ok) {
            expect(r.code).toBe('no_rate');
            return;
          }
          // With a daily unit period every method is (1 + i)^t discounting over days.
          const i = method === 'eu_aprc' ? (1 + r.effectiveAnnualRate) ** (1 / 365) - 1 : r.periodicRate;
          const npv = flows.reduce(
            (s, f) =>
              s + f.amount * (1 + i) ** -((Date.parse(f.date) - Date.parse(flows[0]!.date)) / 86_400_000),
            0,
          );
          const scale = flows.reduce((s, f) => s + Math.abs(f.amount), 0);
          expect(Math.abs(npv) / scale).toBeLessThan(1e-8);
        },
      ),
      { numRuns: 200 },
    );
  });
});
