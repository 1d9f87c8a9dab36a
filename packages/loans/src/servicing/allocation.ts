import type { LocalDate } from '@puhui/money';
import { type Component, type MutableComponents, zeroComponents } from './components.ts';
import { outstanding, type WorkingInstallment } from './installment.ts';

/**
 * How one group of instalments is paid: the component order, and whether to go instalment by
 * instalment (`per_installment`: all components of the oldest instalment, then the next) or
 * component by component across the group (`horizontal`: the first component of every instalment,
 * then the second …).
 */
export interface AllocationStep {
  readonly components: readonly Component[];
  readonly mode: 'per_installment' | 'horizontal';
}

/**
 * What an advance payment (beyond everything due) does to the instalments not yet due:
 * `reduce_next` pays them in order (the next one first), `reduce_last` pays from the last one
 * backwards (shortening the term), `reamortize` spreads the principal part evenly over all of them
 * (lowering every remaining instalment; interest is not recalculated).
 */
export type AdvancePayment = 'reduce_next' | 'reduce_last' | 'reamortize';

/** A payment allocation order (Fineract's "transaction processing strategy"). */
export interface AllocationRule {
  readonly name: string;
  /** Instalments due on or before the payment date, oldest first. */
  readonly due: AllocationStep;
  /** Instalments due after the payment date. */
  readonly advance: AllocationStep;
  readonly advancePayment: AdvancePayment;
}

const PFIP: readonly Component[] = ['penalty', 'fee', 'interest', 'principal'];
const IPPF: readonly Component[] = ['interest', 'principal', 'penalty', 'fee'];
const PPFI: readonly Component[] = ['principal', 'penalty', 'fee', 'interest'];
const PIPF: readonly Component[] = ['penalty', 'interest', 'principal', 'fee'];

/**
 * Named allocation orders, after Fineract's strategies:
 * - `mifos_standard`: penalties → fees → interest → principal, instalment by instalment;
 * - `interest_principal_penalties_fees`: interest, then principal, then penalties, then fees, each
 *   across all due instalments before the next component;
 * - `due_penalty_fee_interest_principal_in_advance_principal_penalty_fee_interest`: due
 *   instalments penalties → fees → interest → principal, then future ones principal first;
 * - `due_penalty_interest_principal_fee_in_advance_penalty_interest_principal_fee`.
 * Override `advancePayment` with a spread: `{ ...ALLOCATION_RULES.mifos_standard, advancePayment: 'reduce_last' }`.
 */
export const ALLOCATION_RULES = {
  mifos_standard: {
    name: 'mifos_standard',
    due: { components: PFIP, mode: 'per_installment' },
    advance: { components: PFIP, mode: 'per_installment' },
    advancePayment: 'reduce_next',
  },
  interest_principal_penalties_fees: {
    name: 'interest_principal_penalties_fees',
    due: { components: IPPF, mode: 'horizontal' },
    advance: { components: IPPF, mode: 'horizontal' },
    advancePayment: 'reduce_next',
  },
  due_penalty_fee_interest_principal_in_advance_principal_penalty_fee_interest: {
    name: 'due_penalty_fee_interest_principal_in_advance_principal_penalty_fee_interest',
    due: { components: PFIP, mode: 'per_installment' },
    advance: { components: PPFI, mode: 'per_installment' },
    advancePayment: 'reduce_next',
  },
  due_penalty_interest_principal_fee_in_advance_penalty_interest_principal_fee: {
    name: 'due_penalty_interest_principal_fee_in_advance_penalty_interest_principal_fee',
    due: { components: PIPF, mode: 'per_installment' },
    advance: { components: PIPF, mode: 'per_installment' },
    advancePayment: 'reduce_next',
  },
} as const satisfies Record<string, AllocationRule>;

/** Names of {@link ALLOCATION_RULES}. */
export type AllocationRuleName = keyof typeof ALLOCATION_RULES;

/** What one payment paid on one instalment. */
export interface InstallmentAllocation {
  readonly n: number;
  readonly paid: MutableComponents;
}

/** The result of {@link allocatePayment}: per component, per instalment, and the excess. */
export interface PaymentAllocation {
  readonly allocated: MutableComponents;
  readonly installments: InstallmentAllocation[];
  readonly overpaymentMinor: number;
}

class Allocator {
  remaining: number;
  readonly allocated = zeroComponents();
  readonly byInstallment = new Map<number, MutableComponents>();

  constructor(amount: number) {
    this.remaining = amount;
  }

  pay(i: WorkingInstallment, c: Component, cap = Number.POSITIVE_INFINITY): void {
    const amount = Math.min(this.remaining, outstanding(i, c), cap);
    if (amount <= 0) return;
    i.paid[c] += amount;
    this.remaining -= amount;
    this.allocated[c] += amount;
    let row = this.byInstallment.get(i.n);
    if (!row) {
      row = zeroComponents();
      this.byInstallment.set(i.n, row);
    }
    row[c] += amount;
  }

  step(list: readonly WorkingInstallment[], step: AllocationStep): void {
    if (step.mode === 'per_installment') {
      for (const i of list) for (const c of step.components) this.pay(i, c);
    } else {
      for (const c of step.components) for (const i of list) this.pay(i, c);
    }
  }

  /** Spreads the remaining amount evenly over the principal of `list` (water-filling). */
  spreadPrincipal(list: readonly WorkingInstallment[]): void {
    let active = list.filter((i) => outstanding(i, 'principal') > 0);
    while (this.remaining > 0 && active.length > 0) {
      const each = Math.floor(this.remaining / active.length);
      if (each === 0) {
        for (const i of active) this.pay(i, 'principal', 1);
      } else {
        for (const i of active) this.pay(i, 'principal', each);
      }
      active = active.filter((i) => outstanding(i, 'principal') > 0);
    }
  }
}

/**
 * Allocates a payment made on `date` across working instalments (mutating them): instalments due
 * on or before the date oldest first by `rule.due`, then the ones not yet due by `rule.advance`
 * and `rule.advancePayment`. Every minor unit is accounted for: Σ allocated + overpayment = amount.
 *
 * @example allocatePayment(work, localDate('2024-03-15'), 100_000, ALLOCATION_RULES.mifos_standard)
 */
export function allocatePayment(
  installments: WorkingInstallment[],
  date: LocalDate,
  amountMinor: number,
  rule: AllocationRule,
): PaymentAllocation {
  const a = new Allocator(amountMinor);
  const due: WorkingInstallment[] = [];
  const future: WorkingInstallment[] = [];
  for (const i of installments) (i.dueDate <= date ? due : future).push(i);
  due.sort((x, y) => x.n - y.n);
  future.sort((x, y) => x.n - y.n);
  a.step(due, rule.due);
  if (a.remaining > 0 && future.length > 0) {
    switch (rule.advancePayment) {
      case 'reduce_next':
        a.step(future, rule.advance);
        break;
      case 'reduce_last':
        a.step([...future].reverse(), rule.advance);
        break;
      case 'reamortize':
        a.spreadPrincipal(future);
        a.step(future, rule.advance);
        break;
    }
  }
  const rows: InstallmentAllocation[] = [...a.byInstallment.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([n, paid]) => ({ n, paid }));
  return { allocated: a.allocated, installments: rows, overpaymentMinor: a.remaining };
}
