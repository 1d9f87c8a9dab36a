import { describe, expect, it } from 'vitest';
import { minorToAmount } from '../../../shared/decimal.ts';
import {
  amountFor,
  componentParts,
  historyOf,
  instalmentStatus,
  type LoanTransaction,
  type Payment,
  presetAmounts,
} from './loans.ts';

describe('instalmentStatus', () => {
  it('is paid when nothing is left, overdue after the due date, else upcoming', () => {
    expect(instalmentStatus({ dueDate: '2026-04-02', outstandingMinor: 0 }, '2026-05-01')).toBe('paid');
    expect(instalmentStatus({ dueDate: '2026-04-02', outstandingMinor: 1 }, '2026-04-03')).toBe('overdue');
    expect(instalmentStatus({ dueDate: '2026-04-02', outstandingMinor: 1 }, '2026-04-02')).toBe('upcoming');
  });
});

describe('amounts offered on the repay screen', () => {
  it('offers the next payment and the payoff, dropping the next payment when it is the payoff', () => {
    expect(presetAmounts({ nextPaymentMinor: 105_417, payoffMinor: 1_206_000 })).toEqual([
      { choice: 'next', minor: 105_417 },
      { choice: 'payoff', minor: 1_206_000 },
    ]);
    expect(presetAmounts({ nextPaymentMinor: 9_000, payoffMinor: 9_000 })).toEqual([
      { choice: 'payoff', minor: 9_000 },
    ]);
    expect(presetAmounts({ nextPaymentMinor: 0, payoffMinor: 0 })).toEqual([]);
  });

  it('reads another amount exactly, refusing zero, negatives and fractions of a fen', () => {
    const due = { nextPaymentMinor: 100, payoffMinor: 200 };
    expect(amountFor('next', '', due)).toBe(100);
    expect(amountFor('payoff', 'x', due)).toBe(200);
    expect(amountFor('other', '500.5', due)).toBe(50_050);
    expect(amountFor('other', '1,000', due)).toBe(100_000);
    expect(amountFor('other', '0', due)).toBeNull();
    expect(amountFor('other', '-5', due)).toBeNull();
    expect(amountFor('other', '0.001', due)).toBeNull();
    expect(minorToAmount(amountFor('other', '0.1', due) ?? 0)).toBe('0.10');
  });

  it('names only the non-zero parts of an amount', () => {
    expect(
      componentParts({ principalMinor: 90_000, interestMinor: 15_000, feeMinor: 0, penaltyMinor: 12 }),
    ).toEqual([
      { part: 'principal', minor: 90_000 },
      { part: 'interest', minor: 15_000 },
      { part: 'penalty', minor: 12 },
    ]);
  });
});

describe('historyOf', () => {
  const txn = (id: string, createdAt: string, extra: Partial<LoanTransaction> = {}): LoanTransaction => ({
    id,
    loanId: 'l',
    type: 'repayment',
    businessDate: createdAt.slice(0, 10),
    valueDate: createdAt.slice(0, 10),
    amountMinor: 100,
    channel: 'sandbox-wallet',
    allocation: null,
    reversedBy: null,
    journalEntries: [],
    createdAt,
    ...extra,
  });
  const payment = (id: string, status: Payment['status'], createdAt: string): Payment => ({
    id,
    loanId: 'l',
    channel: 'sandbox-bank',
    amountMinor: 500,
    currency: 'CNY',
    status,
    reference: null,
    transactionId: status === 'succeeded' ? 't2' : null,
    failureReason: null,
    createdAt,
    settledAt: null,
  });

  it('lists transactions and unbooked payments newest first, without reversed ones or booked payments twice', () => {
    const items = historyOf(
      [
        txn('t1', '2026-03-02T08:00:00Z', { type: 'disbursement' }),
        txn('t2', '2026-03-05T08:00:00Z'),
        txn('t3', '2026-03-06T08:00:00Z', { reversedBy: 't4' }),
        txn('t4', '2026-03-07T08:00:00Z', { type: 'reversal' }),
      ],
      [
        payment('p1', 'succeeded', '2026-03-05T08:00:00Z'),
        payment('p2', 'pending', '2026-03-09T08:00:00Z'),
        payment('p3', 'failed', '2026-03-04T08:00:00Z'),
      ],
    );
    expect(items.map((i) => i.key)).toEqual(['p2', 't2', 'p3', 't1']);
  });
});
