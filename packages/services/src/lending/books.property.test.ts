import { AppError } from '@puhui/core';
import { DEFAULT_CLASSIFICATION_THRESHOLDS } from '@puhui/loans';
import { addDays, type LocalDate } from '@puhui/money';
import { accountTotalsOf, listLoanTransactions, type Store } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../context.ts';
import { decodeEodInput, encodeEodInput, type ServicingAccount, snapshotOf } from './account.ts';
import { CHART } from './books.ts';
import { endOfDay } from './eod.ts';
import {
  chargeLoan,
  payoffLoan,
  recoverLoan,
  repayLoan,
  reverseTransaction,
  waiveLoan,
  writeOffLoan,
} from './loans.ts';
import { reconcileBooks, trialBalanceReport } from './reports.ts';
import { activeLoan, activeProduct, STAFF, testContext } from './test-support.ts';

/** One random operation on one of the run's loans. */
type Op =
  | { kind: 'repay'; loan: number; amount: number; channel: 'alipay' | 'wechat' }
  | { kind: 'charge'; loan: number; component: 'fee' | 'penalty'; amount: number }
  | { kind: 'waive'; loan: number; component: 'interest' | 'fee' | 'penalty' }
  | { kind: 'payoff'; loan: number }
  | { kind: 'write_off'; loan: number }
  | { kind: 'recover'; loan: number; amount: number }
  | { kind: 'reverse'; loan: number; pick: number }
  | { kind: 'eod'; days: number };

const loanIndex = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('repay' as const),
      loan: loanIndex,
      amount: fc.integer({ min: 1, max: 400_000 }),
      channel: fc.constantFrom('alipay' as const, 'wechat' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('charge' as const),
      loan: loanIndex,
      component: fc.constantFrom('fee' as const, 'penalty' as const),
      amount: fc.integer({ min: 1, max: 5_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('waive' as const),
      loan: loanIndex,
      component: fc.constantFrom('interest' as const, 'fee' as const, 'penalty' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('payoff' as const), loan: loanIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('write_off' as const), loan: loanIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('recover' as const),
      loan: loanIndex,
      amount: fc.integer({ min: 1, max: 50_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('reverse' as const), loan: loanIndex, pick: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('eod' as const), days: fc.integer({ min: 1, max: 20 }) }),
  },
);

describeEachDatabase('books under random operations (property)', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  beforeAll(async () => {
    store = await db.open();
    ctx = testContext(store, '2026-01-05T02:00:00.000Z');
    await activeProduct(ctx, 'ACCR', {});
    await activeProduct(ctx, 'CASH', { basis: 'cash' });
  });
  afterAll(async () => db.dispose(store));

  /** Σ debits = Σ credits; sub-ledger = control accounts (in total and per loan); nothing negative. */
  async function checkBooks(): Promise<void> {
    const tb = await trialBalanceReport(ctx);
    expect(tb.balanced).toBe(true);
    const rec = await reconcileBooks(ctx, store.db);
    expect(rec.loanDifferences).toEqual([]);
    expect(rec.balanced).toBe(true);
    for (const t of await accountTotalsOf(store.db)) {
      const code = t.account.split(':')[0] as string;
      const account = CHART.byCode.get(code);
      const normal =
        account?.normalSide === 'debit' ? t.debitMinor - t.creditMinor : t.creditMinor - t.debitMinor;
      // Receivables, loans, payables, allowances and overpayments never go below zero; cash at a
      // channel may (the lender funds disbursements from elsewhere), income and expense are flows.
      if (['1132', '1133', '1134', '1303', '1304', '2202', '2241'].includes(code))
        expect(normal, t.account).toBeGreaterThanOrEqual(0);
    }
    const negative = await store.db
      .selectFrom('loans')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('principal_outstanding_minor', '<', 0),
          eb('interest_receivable_minor', '<', 0),
          eb('fees_receivable_minor', '<', 0),
          eb('penalties_receivable_minor', '<', 0),
          eb('overpayment_minor', '<', 0),
          eb('total_outstanding_minor', '<', 0),
        ]),
      )
      .execute();
    expect(negative).toEqual([]);
    // End of day reads the compact input: it must always be the account's, and give the same snapshot.
    const open = (await store.db.selectFrom('business_date').select('open_date').executeTakeFirstOrThrow())
      .open_date;
    const stored = await store.db
      .selectFrom('loan_states')
      .innerJoin('loan_eod_inputs', 'loan_eod_inputs.loan_id', 'loan_states.loan_id')
      .select(['loan_states.loan_id', 'loan_states.state', 'loan_eod_inputs.input'])
      .execute();
    expect(stored.length).toBe(
      await store.db
        .selectFrom('loans')
        .select('id')
        .execute()
        .then((r) => r.length),
    );
    const rules = { basis: 'accrual' as const, thresholds: DEFAULT_CLASSIFICATION_THRESHOLDS };
    for (const s of stored) {
      const account = JSON.parse(s.state) as ServicingAccount;
      expect(s.input, s.loan_id).toBe(encodeEodInput(account));
      for (const date of [open, addDays(open as LocalDate, 45)])
        expect(snapshotOf(decodeEodInput(s.input), date, rules)).toEqual(snapshotOf(account, date, rules));
    }
  }

  it('keeps the books balanced and reconciled whatever happens', { timeout: 600_000 }, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
        run++;
        const loans = [
          await activeLoan(ctx, { productCode: 'ACCR', principalMinor: 600_000, repayments: 6 }),
          await activeLoan(ctx, { productCode: 'CASH', principalMinor: 300_000, repayments: 3 }),
          await activeLoan(ctx, {
            productCode: 'ACCR',
            principalMinor: 900_000,
            repayments: 12,
            merchant: `shop-${run}`,
          }),
        ];
        for (const o of ops) {
          try {
            if (o.kind === 'eod') {
              const open = (
                await store.db.selectFrom('business_date').select('open_date').executeTakeFirstOrThrow()
              ).open_date;
              const d = new Date(`${open}T00:00:00Z`);
              d.setUTCDate(d.getUTCDate() + o.days - 1);
              await endOfDay(ctx, { date: d.toISOString().slice(0, 10), batchSize: 2 });
              continue;
            }
            const id = loans[o.loan] as string;
            await store.transaction(async (tx) => {
              switch (o.kind) {
                case 'repay':
                  return repayLoan(ctx, tx, STAFF.officer, id, { amountMinor: o.amount, channel: o.channel });
                case 'charge':
                  return chargeLoan(ctx, tx, STAFF.ops, id, {
                    component: o.component,
                    amountMinor: o.amount,
                  });
                case 'waive':
                  return waiveLoan(ctx, tx, STAFF.ops, id, { component: o.component });
                case 'payoff':
                  return payoffLoan(ctx, tx, STAFF.officer, id, { channel: 'bank' });
                case 'write_off':
                  return writeOffLoan(ctx, tx, STAFF.ops, id);
                case 'recover':
                  return recoverLoan(ctx, tx, STAFF.ops, id, { amountMinor: o.amount, channel: 'bank' });
                case 'reverse': {
                  const txns = (await listLoanTransactions(tx, id)).filter(
                    (t) => t.reversed_by === null && !['reversal', 'disbursement'].includes(t.type),
                  );
                  const target = txns[o.pick % Math.max(1, txns.length)];
                  if (!target) return undefined;
                  return reverseTransaction(ctx, tx, STAFF.ops, id, target.id);
                }
              }
            });
          } catch (error) {
            // Refusals are expected (repaying a closed loan, reversing twice); anything else is a bug.
            if (!(error instanceof AppError) || error.status >= 500) throw error;
          }
          await checkBooks();
        }
      }),
      {
        numRuns: Number(process.env.PUHUI_PROPERTY_RUNS ?? 5),
        endOnFailure: true,
        ...(process.env.PUHUI_PROPERTY_RUNS ? {} : { seed: 20260305 }),
      },
    );
  });
});
