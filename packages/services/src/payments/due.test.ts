import { ALLOCATION_RULES } from '@puhui/loans';
import { describe, expect, it } from 'vitest';
import { applyAccountEvent, openAccount, type ServicingAccount } from '../lending/account.ts';
import { defaultProductConfig, scheduleSpecOf } from '../lending/product-config.ts';
import { amountDue } from './due.ts';

const config = defaultProductConfig();

function disbursed(): ServicingAccount {
  const opened = openAccount(scheduleSpecOf(config, 1_200_000, 12, '2026-03-02'), {
    allocation: ALLOCATION_RULES[config.allocation],
    penalty: config.penalty,
  });
  if (!opened.ok) throw new Error(opened.message);
  return apply(opened.account, { type: 'disburse', id: 'd1', date: '2026-03-02' });
}

function apply(account: ServicingAccount, event: Parameters<typeof applyAccountEvent>[1]): ServicingAccount {
  const r = applyAccountEvent(account, event);
  if (!r.ok) throw new Error(r.message);
  return r.account;
}

describe('amountDue', () => {
  it('shows the first instalment as next, by component, before anything is due', () => {
    const account = disbursed();
    const first = account.engine.installments[0];
    const due = amountDue(account, '2026-03-10', 9_999_999);
    expect(due.overdue.totalMinor).toBe(0);
    expect(due.next).toMatchObject({
      n: 1,
      dueDate: first?.dueDate,
      principalMinor: first?.due.principal,
      interestMinor: first?.due.interest,
      feeMinor: first?.due.fee,
    });
    expect(due.nextPaymentMinor).toBe(due.next?.totalMinor);
  });

  it('counts an unpaid past instalment (and its penalty after grace) as overdue and adds it to the next payment', () => {
    const account = disbursed();
    const [first, second] = account.engine.installments;
    const due = amountDue(account, '2026-05-20', 9_999_999);
    expect(due.overdue.principalMinor).toBe((first?.due.principal ?? 0) + (second?.due.principal ?? 0));
    expect(due.overdue.penaltyMinor).toBeGreaterThan(0);
    expect(due.next?.n).toBe(3);
    expect(due.nextPaymentMinor).toBe(due.overdue.totalMinor + (due.next?.totalMinor ?? 0));
  });

  it('moves on to the second instalment once the first is paid, and never asks more than the payoff', () => {
    const account = disbursed();
    const first = account.engine.installments[0];
    const total = (first?.due.principal ?? 0) + (first?.due.interest ?? 0) + (first?.due.fee ?? 0);
    const paid = apply(account, { type: 'repay', id: 'r1', date: '2026-03-20', amountMinor: total });
    const due = amountDue(paid, '2026-03-20', 1_000);
    expect(due.next?.n).toBe(2);
    expect(due.overdue.totalMinor).toBe(0);
    expect(due.nextPaymentMinor).toBe(1_000);
  });

  it('counts unpaid charges as overdue', () => {
    const charged = apply(disbursed(), {
      type: 'charge',
      id: 'c1',
      date: '2026-03-05',
      component: 'fee',
      amountMinor: 2_000,
    });
    expect(amountDue(charged, '2026-03-05', 9_999_999).overdue.feeMinor).toBe(2_000);
  });
});
