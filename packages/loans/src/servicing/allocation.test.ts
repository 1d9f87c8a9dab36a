/*
 * Three instalments, each principal 1,000.00, interest 100.00, fee 10.00; instalment 1 also carries
 * a 5.00 penalty. Instalments 1 and 2 are due by the payment date 2024-03-10, instalment 3 is not.
 * A payment of 1,200.00 under each order:
 * - mifos_standard (penalty, fee, interest, principal per instalment): #1 5 + 10 + 100 + 1000 =
 *   1115.00, then #2 fee 10, interest 75.00 (85 left).
 * - interest_principal_penalties_fees (horizontal): interest #1 100, #2 100; principal #1 1000 →
 *   0 left after 1,200.00 — penalty and fees stay unpaid.
 * - advance variants: paying 2,600.00 clears #1 and #2 (2,225.00) and leaves 375.00 for #3:
 *   due-then-in-advance-principal-first puts all 375.00 on #3's principal; mifos_standard pays
 *   #3's fee 10 and interest 100 first, then 265.00 principal.
 * - reduce_last vs reduce_next with a payment that is all advance (nothing due yet).
 * - reamortize spreads the advance principal evenly over the future instalments.
 */
import { describe, expect, it } from 'vitest';
import { d } from '../test-support.ts';
import { ALLOCATION_RULES, allocatePayment } from './allocation.ts';
import { zeroComponents } from './components.ts';
import type { WorkingInstallment } from './installment.ts';

function book(): WorkingInstallment[] {
  return [1, 2, 3].map((n) => ({
    n,
    fromDate: d(`2024-0${n}-10`),
    dueDate: d(`2024-0${n + 1}-10`),
    due: { principal: 100_000, interest: 10_000, fee: 1_000, penalty: n === 1 ? 500 : 0 },
    paid: zeroComponents(),
    waived: zeroComponents(),
    writtenOff: zeroComponents(),
    penaltyAccruedTo: null,
    penaltyPendingMinor: 0,
  }));
}

describe('allocatePayment', () => {
  it('mifos_standard pays each instalment penalties → fees → interest → principal, oldest first', () => {
    const work = book();
    const r = allocatePayment(work, d('2024-03-10'), 120_000, ALLOCATION_RULES.mifos_standard);
    expect(r.allocated).toEqual({ principal: 100_000, interest: 17_500, fee: 2_000, penalty: 500 });
    expect(r.overpaymentMinor).toBe(0);
    expect(r.installments).toEqual([
      { n: 1, paid: { principal: 100_000, interest: 10_000, fee: 1_000, penalty: 500 } },
      { n: 2, paid: { principal: 0, interest: 7_500, fee: 1_000, penalty: 0 } },
    ]);
    expect(work[1]?.paid.interest).toBe(7_500);
  });

  it('interest_principal_penalties_fees goes component by component', () => {
    const r = allocatePayment(
      book(),
      d('2024-03-10'),
      120_000,
      ALLOCATION_RULES.interest_principal_penalties_fees,
    );
    expect(r.allocated).toEqual({ principal: 100_000, interest: 20_000, fee: 0, penalty: 0 });
  });

  it('due first, then in advance principal first', () => {
    const rule =
      ALLOCATION_RULES.due_penalty_fee_interest_principal_in_advance_principal_penalty_fee_interest;
    const r = allocatePayment(book(), d('2024-03-10'), 260_000, rule);
    expect(r.installments.at(-1)).toEqual({
      n: 3,
      paid: { principal: 37_500, interest: 0, fee: 0, penalty: 0 },
    });
    const standard = allocatePayment(book(), d('2024-03-10'), 260_000, ALLOCATION_RULES.mifos_standard);
    expect(standard.installments.at(-1)).toEqual({
      n: 3,
      paid: { principal: 26_500, interest: 10_000, fee: 1_000, penalty: 0 },
    });
  });

  it('advance payments reduce the next or the last instalments', () => {
    const rule = {
      ...ALLOCATION_RULES.due_penalty_fee_interest_principal_in_advance_principal_penalty_fee_interest,
    };
    // Nothing is due on 2024-01-20. Next: #1 principal 1000 + penalty 5 + fee 10 + interest 100 =
    // 1115.00, then #2 principal 385.00.
    const next = allocatePayment(book(), d('2024-01-20'), 150_000, {
      ...rule,
      advancePayment: 'reduce_next',
    });
    expect(next.installments.map((x) => [x.n, x.paid.principal])).toEqual([
      [1, 100_000],
      [2, 38_500],
    ]);
    // Last: #3 principal 1000 + fee 10 + interest 100 = 1110.00, then #2 principal 390.00.
    const last = allocatePayment(book(), d('2024-01-20'), 150_000, {
      ...rule,
      advancePayment: 'reduce_last',
    });
    expect(last.installments.map((x) => [x.n, x.paid.principal])).toEqual([
      [2, 39_000],
      [3, 100_000],
    ]);
  });

  it('reamortize spreads the principal evenly over the future instalments', () => {
    const r = allocatePayment(book(), d('2024-01-20'), 150_001, {
      ...ALLOCATION_RULES.mifos_standard,
      advancePayment: 'reamortize',
    });
    // 150,001 over 3 instalments: 50,000 each, then the last unit to the first
    expect(r.installments.map((x) => x.paid.principal)).toEqual([50_001, 50_000, 50_000]);
    expect(r.allocated.interest).toBe(0);
  });

  it('the excess becomes an overpayment', () => {
    const r = allocatePayment(book(), d('2024-05-10'), 400_000, ALLOCATION_RULES.mifos_standard);
    // everything outstanding: 3 × 111,000 + 500 = 333,500
    expect(r.overpaymentMinor).toBe(66_500);
  });
});
