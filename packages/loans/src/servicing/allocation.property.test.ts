import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { d } from '../test-support.ts';
import { type AdvancePayment, ALLOCATION_RULES, allocatePayment } from './allocation.ts';
import { COMPONENTS, componentsTotal, zeroComponents } from './components.ts';
import { outstanding, type WorkingInstallment } from './installment.ts';

const installmentsArb = fc
  .array(
    fc.record({
      principal: fc.nat(1e7),
      interest: fc.nat(1e6),
      fee: fc.nat(1e4),
      penalty: fc.nat(1e4),
      paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { minLength: 1, maxLength: 24 },
  )
  .map((list) =>
    list.map((x, k): WorkingInstallment => {
      const paid = zeroComponents();
      paid.principal = Math.floor(x.principal * x.paidShare);
      return {
        n: k + 1,
        fromDate: d(`2024-01-01`),
        dueDate: d(`20${25 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-15`),
        due: { principal: x.principal, interest: x.interest, fee: x.fee, penalty: x.penalty },
        paid,
        waived: zeroComponents(),
        writtenOff: zeroComponents(),
        penaltyAccruedTo: null,
        penaltyPendingMinor: 0,
      };
    }),
  );

describe('allocation invariants', () => {
  it('conserves every minor unit and never pays beyond what is outstanding', () => {
    fc.assert(
      fc.property(
        installmentsArb,
        fc.integer({ min: 1, max: 5e8 }),
        fc.constantFrom(...Object.values(ALLOCATION_RULES)),
        fc.constantFrom<AdvancePayment>('reduce_next', 'reduce_last', 'reamortize'),
        fc.constantFrom('2025-01-01', '2025-06-20', '2026-12-31'),
        (installments, amount, rule, advancePayment, date) => {
          const before = installments.map((i) => COMPONENTS.map((c) => outstanding(i, c)));
          const r = allocatePayment(installments, d(date), amount, { ...rule, advancePayment });
          expect(componentsTotal(r.allocated) + r.overpaymentMinor).toBe(amount);
          expect(r.overpaymentMinor).toBeGreaterThanOrEqual(0);
          const perInstallment = r.installments.reduce((s, x) => s + componentsTotal(x.paid), 0);
          expect(perInstallment).toBe(componentsTotal(r.allocated));
          installments.forEach((i, k) => {
            COMPONENTS.forEach((c, j) => {
              expect(outstanding(i, c)).toBeGreaterThanOrEqual(0);
              expect(outstanding(i, c)).toBeLessThanOrEqual(before[k]![j]!);
            });
          });
          const left = installments.reduce(
            (s, i) => s + COMPONENTS.reduce((t, c) => t + outstanding(i, c), 0),
            0,
          );
          if (r.overpaymentMinor > 0) expect(left).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('overdue instalments are paid before later ones (oldest first)', () => {
    fc.assert(
      fc.property(installmentsArb, fc.integer({ min: 1, max: 5e7 }), (installments, amount) => {
        allocatePayment(installments, d('2027-01-01'), amount, ALLOCATION_RULES.mifos_standard);
        // all due: once an instalment has anything left, every later one is untouched by the payment
        let open = false;
        for (const i of installments) {
          const left = COMPONENTS.reduce((t, c) => t + outstanding(i, c), 0);
          if (open)
            expect(left).toBe(
              i.due.principal - i.paid.principal + i.due.interest + i.due.fee + i.due.penalty,
            );
          if (left > 0) open = true;
        }
      }),
      { numRuns: 200 },
    );
  });
});
