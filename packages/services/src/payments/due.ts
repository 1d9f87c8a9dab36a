import { type Components, outstanding } from '@puhui/loans';
import { installmentsAt, outstandingCharge, type ServicingAccount } from '../lending/account.ts';

/** Amounts by component, and their total, in minor units. */
export interface DueComponents {
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feeMinor: number;
  readonly penaltyMinor: number;
  readonly totalMinor: number;
}

/** What a borrower owes now and next, as of a business date. */
export interface AmountDue {
  readonly date: string;
  /** Instalments due before the date and not paid (penalties accrued to the date), plus charges. */
  readonly overdue: DueComponents;
  /** The first instalment due on or after the date with something left to pay. */
  readonly next: (DueComponents & { readonly n: number; readonly dueDate: string }) | null;
  /** What to pay to be up to date after the next due date: overdue plus next, at most the payoff. */
  readonly nextPaymentMinor: number;
  /** What closing the loan on the date costs (the payoff quote's total). */
  readonly payoffMinor: number;
}

function components(c: Components): DueComponents {
  return {
    principalMinor: c.principal,
    interestMinor: c.interest,
    feeMinor: c.fee,
    penaltyMinor: c.penalty,
    totalMinor: c.principal + c.interest + c.fee + c.penalty,
  };
}

/**
 * What is overdue and what falls due next on a loan as of `date` (pure): penalties are accrued to
 * the date as the loan's snapshot does, and unpaid ad-hoc charges count as overdue (they are paid
 * before scheduled amounts). `payoffMinor` comes from the loan's snapshot.
 *
 * @example amountDue(account, '2026-04-01', 1_204_000).next?.dueDate // '2026-04-10'
 */
export function amountDue(account: ServicingAccount, date: string, payoffMinor: number): AmountDue {
  const engine = account.engine;
  const overdue: { -readonly [K in keyof Components]: number } = {
    principal: 0,
    interest: 0,
    fee: 0,
    penalty: 0,
  };
  let next: AmountDue['next'] = null;
  if (engine.disbursementDate !== null && engine.status !== 'written_off') {
    const { at, work } = installmentsAt(account, date);
    for (const i of work) {
      const left: Components = {
        principal: outstanding(i, 'principal'),
        interest: outstanding(i, 'interest'),
        fee: outstanding(i, 'fee'),
        penalty: outstanding(i, 'penalty'),
      };
      const total = left.principal + left.interest + left.fee + left.penalty;
      if (total <= 0) continue;
      if (i.dueDate < at) {
        for (const c of ['principal', 'interest', 'fee', 'penalty'] as const) overdue[c] += left[c];
      } else if (next === null) {
        next = { ...components(left), n: i.n, dueDate: i.dueDate };
      }
    }
    for (const c of account.charges) {
      const left = outstandingCharge(c);
      if (left > 0) overdue[c.component] += left;
    }
  }
  const late = components(overdue);
  return {
    date,
    overdue: late,
    next,
    nextPaymentMinor: Math.min(payoffMinor, late.totalMinor + (next?.totalMinor ?? 0)),
    payoffMinor,
  };
}
