import type { components } from '../../../api/schema.d.ts';
import { amountToMinor } from '../../../shared/decimal.ts';

export type LoanDetail = components['schemas']['LoanDetail'];
export type AmountDue = components['schemas']['AmountDue'];
export type Payment = components['schemas']['Payment'];
export type LoanTransaction = components['schemas']['LoanTransaction'];
export type Instalment = LoanDetail['installments'][number];

/** Where an instalment stands on a business date. */
export type InstalmentStatus = 'paid' | 'overdue' | 'upcoming';

/**
 * Paid when nothing is left; overdue when something is left after its due date; else upcoming.
 *
 * @example instalmentStatus({ dueDate: '2026-04-02', outstandingMinor: 0, … }, '2026-05-01'); // 'paid'
 */
export function instalmentStatus(
  i: Pick<Instalment, 'dueDate' | 'outstandingMinor'>,
  date: string,
): InstalmentStatus {
  if (i.outstandingMinor <= 0) return 'paid';
  return i.dueDate < date ? 'overdue' : 'upcoming';
}

/** An instalment's scheduled total and what has been paid of it, in minor units. */
export function instalmentTotals(i: Instalment): { dueMinor: number; paidMinor: number } {
  const sum = (c: Instalment['dueMinor']) => c.principal + c.interest + c.fee + c.penalty;
  return { dueMinor: sum(i.dueMinor), paidMinor: sum(i.paidMinor) };
}

/** The parts of an amount worth naming (non-zero), in the order a borrower reads them. */
export function componentParts(
  c: Pick<AmountDue['overdue'], 'principalMinor' | 'interestMinor' | 'feeMinor' | 'penaltyMinor'>,
): { part: 'principal' | 'interest' | 'fee' | 'penalty'; minor: number }[] {
  return (
    [
      ['principal', c.principalMinor],
      ['interest', c.interestMinor],
      ['fee', c.feeMinor],
      ['penalty', c.penaltyMinor],
    ] as const
  )
    .filter(([, minor]) => minor > 0)
    .map(([part, minor]) => ({ part, minor }));
}

/** What the borrower can choose to pay. */
export type AmountChoice = 'next' | 'payoff' | 'other';

/**
 * The preset amounts offered on the repay screen: the next payment (overdue plus the next
 * instalment) and the payoff amount; the next payment is left out when it equals the payoff
 * (the last instalment) or is zero.
 *
 * @example presetAmounts({ nextPaymentMinor: 105_000, payoffMinor: 1_210_000 }); // [{ choice: 'next', … }, { choice: 'payoff', … }]
 */
export function presetAmounts(
  due: Pick<AmountDue, 'nextPaymentMinor' | 'payoffMinor'>,
): { choice: Exclude<AmountChoice, 'other'>; minor: number }[] {
  const out: { choice: Exclude<AmountChoice, 'other'>; minor: number }[] = [];
  if (due.nextPaymentMinor > 0 && due.nextPaymentMinor < due.payoffMinor)
    out.push({ choice: 'next', minor: due.nextPaymentMinor });
  if (due.payoffMinor > 0) out.push({ choice: 'payoff', minor: due.payoffMinor });
  return out;
}

/**
 * The amount to pay in minor units for a choice, or null when an "other" amount is not a positive
 * amount with at most two decimals.
 *
 * @example amountFor('other', '500.5', due); // 50050
 */
export function amountFor(
  choice: AmountChoice,
  otherText: string,
  due: Pick<AmountDue, 'nextPaymentMinor' | 'payoffMinor'>,
): number | null {
  if (choice === 'next') return due.nextPaymentMinor;
  if (choice === 'payoff') return due.payoffMinor;
  const minor = amountToMinor(otherText);
  return minor !== null && minor > 0 ? minor : null;
}

/** One line of a loan's history: a booked transaction, or a payment not booked (pending or failed). */
export type HistoryItem =
  | { kind: 'transaction'; key: string; date: string; type: string; minor: number; channel: string | null }
  | {
      kind: 'payment';
      key: string;
      date: string;
      status: 'pending' | 'failed';
      minor: number;
      channel: string;
    };

/**
 * A loan's history, newest first: its transactions (reversed ones left out) and the payments that
 * did not become a transaction (pending or failed). A succeeded payment is its repayment.
 *
 * @example historyOf(transactions, payments)[0]?.kind; // 'payment' while one is pending
 */
export function historyOf(
  transactions: readonly LoanTransaction[],
  payments: readonly Payment[],
): HistoryItem[] {
  const items: HistoryItem[] = [
    ...transactions
      .filter((t) => t.reversedBy === null && t.type !== 'reversal')
      .map(
        (t): HistoryItem => ({
          kind: 'transaction',
          key: t.id,
          date: t.createdAt,
          type: t.type,
          minor: t.amountMinor,
          channel: t.channel,
        }),
      ),
    ...payments
      .filter((p) => p.status !== 'succeeded')
      .map(
        (p): HistoryItem => ({
          kind: 'payment',
          key: p.id,
          date: p.createdAt,
          status: p.status as 'pending' | 'failed',
          minor: p.amountMinor,
          channel: p.channel,
        }),
      ),
  ];
  return items.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
