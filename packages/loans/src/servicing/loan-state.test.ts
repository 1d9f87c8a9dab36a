/*
 * Loan-state scenarios on 3,000.00 CNY at 0 % in 3 monthly equal-principal instalments of
 * 1,000.00, disbursed 2024-01-10 (due 02-10, 03-10, 04-10), mifos_standard allocation, penalty
 * interest 18.25 % a year on overdue principal (Actual/365: 0.05 % a day), 3 grace days.
 *
 * Late by 10 days (paid 02-20): 1000 × 0.1825 × 10 / 365 = 5.00 penalty; 1,005.00 clears #1.
 * Paid 2 days late (02-12, within grace): no penalty.
 * Back-dated payment: B = 1,000.00 on 03-10 first pays #1, 29 days late (Feb 10 → Mar 10, 2024):
 * penalty 1000 × 0.1825 × 29 / 365 = 14.50; principal 985.50. When A = 1,000.00 dated 02-10
 * arrives later, the replay puts A on #1 on time and B on #2 on time: no penalty. Reversing A
 * re-applies B in order: back to 14.50 penalty + 985.50 principal on #1.
 *
 * Payoff on 12,000.00 at 12 %, 3 months from 2024-01-10: #1 interest 120.00 for 31 days; on
 * 01-25 (15 days) earned 120 × 15/31 = 58.0645 → 58.06: quote 12,058.06. Paying 12,100.00
 * closes the loan with 41.94 overpaid and rebates the rest of the interest.
 */
import type { LocalDate } from '@puhui/money';
import { describe, expect, it } from 'vitest';
import { CNY, d } from '../test-support.ts';
import { ALLOCATION_RULES } from './allocation.ts';
import { outstanding } from './installment.ts';
import {
  applyLoanEvent,
  createLoan,
  type LoanEvent,
  type LoanResult,
  type LoanState,
  outstandingBalances,
  payoffQuote,
  replayLoan,
  type ServicingConfig,
} from './loan-state.ts';

const spec = {
  principalMinor: 300_000,
  currency: CNY,
  annualRate: '0',
  repayments: 3,
  disbursementDate: d('2024-01-10'),
  amortization: 'equal_principal',
} as const;
const config: ServicingConfig = {
  allocation: ALLOCATION_RULES.mifos_standard,
  penalty: { annualRate: '18.25%', graceDays: 3, base: 'principal', daysInYear: 365 },
};
const disburse: LoanEvent = { type: 'disburse', id: 'd', date: d('2024-01-10') };

function ok(r: LoanResult): LoanState {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.state;
}
const run = (events: LoanEvent[]) => ok(replayLoan(spec, config, events));
const repay = (id: string, date: string, amountMinor: number): LoanEvent => ({
  type: 'repay',
  id,
  date: d(date),
  amountMinor,
});

describe('loan state', () => {
  it('disburses into a schedule and closes when repaid on time', () => {
    const s = run([
      disburse,
      repay('1', '2024-02-10', 100_000),
      repay('2', '2024-03-10', 100_000),
      repay('3', '2024-04-10', 100_000),
    ]);
    expect(s.status).toBe('closed');
    expect(s.installments.map((i) => i.dueDate)).toEqual(['2024-02-10', '2024-03-10', '2024-04-10']);
    expect(outstandingBalances(s)).toEqual({ principal: 0, interest: 0, fee: 0, penalty: 0 });
  });

  it('charges penalty interest after the grace days', () => {
    const late = run([disburse, repay('1', '2024-02-20', 100_500)]);
    expect(late.installments[0]?.due.penalty).toBe(500);
    expect(late.transactions.at(-1)?.allocation).toEqual({
      principal: 100_000,
      interest: 0,
      fee: 0,
      penalty: 500,
    });
    const inGrace = run([disburse, repay('1', '2024-02-12', 100_000)]);
    expect(inGrace.installments[0]?.due.penalty).toBe(0);
    expect(inGrace.installments[0]?.penaltyPendingMinor).toBe(0);
  });

  it('a back-dated payment re-applies later ones in order, and so does its reversal', () => {
    const bOnly = run([disburse, repay('B', '2024-03-10', 100_000)]);
    expect(bOnly.transactions.at(-1)?.allocation).toEqual({
      principal: 98_550,
      interest: 0,
      fee: 0,
      penalty: 1_450,
    });

    const withA = ok(applyLoanEvent(bOnly, repay('A', '2024-02-10', 100_000)));
    expect(withA.transactions.map((t) => t.eventId)).toEqual(['d', 'A', 'B']);
    expect(withA.installments.map((i) => outstanding(i, 'principal'))).toEqual([0, 0, 100_000]);
    expect(withA.installments[0]?.due.penalty).toBe(0);

    const reversed = ok(
      applyLoanEvent(withA, { type: 'reverse', id: 'rA', date: d('2024-03-15'), targetId: 'A' }),
    );
    expect(reversed.reversed).toEqual(['A']);
    expect(reversed.installments).toEqual(bOnly.installments);
    expect(reversed.transactions).toEqual(bOnly.transactions);
  });

  it('quotes and settles a payoff, rebating unearned interest', () => {
    const loan = ok(
      replayLoan(
        { ...spec, annualRate: '0.12', principalMinor: 1_200_000, amortization: 'equal_installments' },
        config,
        [disburse],
      ),
    );
    const quote = payoffQuote(loan, d('2024-01-25'));
    expect([quote.principalMinor, quote.interestMinor, quote.totalMinor]).toEqual([
      1_200_000, 5_806, 1_205_806,
    ]);
    const paid = ok(applyLoanEvent(loan, repay('p', '2024-01-25', 1_210_000)));
    expect(paid.status).toBe('overpaid');
    expect(paid.overpaymentMinor).toBe(4_194);
    const t = paid.transactions.at(-1)!;
    expect(t.allocation.interest + t.allocation.principal + t.overpaymentMinor).toBe(1_210_000);
    expect(t.rebate.interest).toBeGreaterThan(0);
    expect(outstandingBalances(paid)).toEqual({ principal: 0, interest: 0, fee: 0, penalty: 0 });
  });

  it('waives penalties and writes off, then books recoveries', () => {
    // nothing paid by 02-20: the waiver first accrues the 5.00 penalty, then waives it
    const waived = run([disburse, { type: 'waive', id: 'w', date: d('2024-02-20'), component: 'penalty' }]);
    expect(waived.transactions.at(-1)?.allocation.penalty).toBe(500);
    expect(outstandingBalances(waived).penalty).toBe(0);
    const off = ok(applyLoanEvent(waived, { type: 'write_off', id: 'wo', date: d('2024-09-01') }));
    expect(off.status).toBe('written_off');
    // penalties accrued to 09-01 on the unpaid principal are written off with it
    expect(outstandingBalances(off)).toEqual({ principal: 0, interest: 0, fee: 0, penalty: 0 });
    expect(off.transactions.at(-1)?.allocation.principal).toBe(300_000);
    const recovered = ok(applyLoanEvent(off, repay('r', '2024-10-01', 5_000)));
    expect(recovered.recoveredMinor).toBe(5_000);
    expect(recovered.status).toBe('written_off');
  });

  it('rejects invalid events with stable codes', () => {
    const fresh = ok(createLoan(spec, config));
    expect(applyLoanEvent(fresh, repay('x', '2024-02-10', 1))).toMatchObject({
      ok: false,
      code: 'not_disbursed',
    });
    const live = ok(applyLoanEvent(fresh, disburse));
    expect(applyLoanEvent(live, disburse)).toMatchObject({ ok: false, code: 'duplicate_event_id' });
    expect(applyLoanEvent(live, { ...disburse, id: 'd2' })).toMatchObject({
      ok: false,
      code: 'already_disbursed',
    });
    expect(applyLoanEvent(live, repay('x', '2024-01-01', 1))).toMatchObject({
      ok: false,
      code: 'before_disbursement',
    });
    expect(applyLoanEvent(live, repay('x', '2024-02-01', 0))).toMatchObject({
      ok: false,
      code: 'invalid_amount',
    });
    expect(
      applyLoanEvent(live, { ...repay('x', '2024-02-01', 1), date: '2024-13-01' as LocalDate }),
    ).toMatchObject({ ok: false, code: 'invalid_event' });
    expect(
      applyLoanEvent(live, { type: 'reverse', id: 'r', date: d('2024-02-01'), targetId: 'nope' }),
    ).toMatchObject({
      ok: false,
      code: 'event_not_found',
    });
    const paid = ok(applyLoanEvent(live, repay('p', '2024-02-10', 100_000)));
    expect(
      applyLoanEvent(paid, { type: 'reverse', id: 'r', date: d('2024-02-11'), targetId: 'd' }),
    ).toMatchObject({
      ok: false,
      code: 'cannot_reverse',
    });
    const rev = ok(applyLoanEvent(paid, { type: 'reverse', id: 'r', date: d('2024-02-11'), targetId: 'p' }));
    expect(
      applyLoanEvent(rev, { type: 'reverse', id: 'r2', date: d('2024-02-11'), targetId: 'p' }),
    ).toMatchObject({
      ok: false,
      code: 'already_reversed',
    });
    expect(createLoan({ ...spec, repayments: 0 }, config)).toMatchObject({ ok: false, code: 'invalid_spec' });
  });

  it('is plain JSON', () => {
    const s = run([disburse, repay('1', '2024-02-20', 50_000)]);
    const copy = JSON.parse(JSON.stringify(s)) as LoanState;
    expect(copy).toEqual(s);
    const next = repay('2', '2024-03-25', 200_000);
    expect(ok(applyLoanEvent(copy, next))).toEqual(ok(applyLoanEvent(s, next)));
  });
});
