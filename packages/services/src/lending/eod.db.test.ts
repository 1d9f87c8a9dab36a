import type { AppError } from '@puhui/core';
import { findLoan, journalCounts, type Store } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../context.ts';
import { encodeEodInput, type ServicingAccount } from './account.ts';
import { businessDate } from './books.ts';
import { endOfDay } from './eod.ts';
import { classifyLoanByStaff, getLoan, repayLoan } from './loans.ts';
import { portfolioAt, reconcileBooks, trialBalanceReport } from './reports.ts';
import { activeLoan, activeProduct, STAFF, testContext } from './test-support.ts';

describeEachDatabase('end of day', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  let loanId: string;
  let paidId: string;
  beforeAll(async () => {
    store = await db.open();
    ctx = testContext(store, '2026-01-05T02:00:00.000Z');
    await activeProduct(ctx, 'MICRO');
    loanId = await activeLoan(ctx, { productCode: 'MICRO', principalMinor: 1_200_000, repayments: 12 });
    paidId = await activeLoan(ctx, { productCode: 'MICRO', principalMinor: 600_000, repayments: 6 });
  });
  afterAll(async () => db.dispose(store));

  it('accrues a period’s interest by its due date and opens the next business date', async () => {
    expect(await businessDate(ctx, store.db)).toBe('2026-01-05');
    const r = await endOfDay(ctx, { date: '2026-02-05', batchSize: 1 });
    // Catch-up: every date from the open one to the target, in order.
    expect(r.days.map((d) => d.date)[0]).toBe('2026-01-05');
    expect(r.days).toHaveLength(32);
    expect(r.openDate).toBe('2026-02-06');
    const loan = await getLoan(ctx, STAFF.officer, loanId);
    const first = loan.installments[0];
    expect(loan.position.interestMinor).toBe(first?.dueMinor.interest);
    expect(loan.dpd).toBe(0);
    expect(loan.nextDueDate).toBe('2026-02-05');
    expect((await reconcileBooks(ctx, store.db)).balanced).toBe(true);
  });

  it('counts days past due, charges penalties after the grace days, worsens the classification and provisions', async () => {
    const inst = (await getLoan(ctx, STAFF.officer, paidId)).installments;
    // Keep the second loan current.
    await store.transaction((tx) =>
      repayLoan(ctx, tx, STAFF.officer, paidId, {
        amountMinor: (inst[0]?.outstandingMinor ?? 0) + (inst[1]?.outstandingMinor ?? 0),
        channel: 'bank',
      }),
    );
    await endOfDay(ctx, { date: '2026-03-10' });
    const loan = await getLoan(ctx, STAFF.officer, loanId);
    expect(loan.dpd).toBe(33); // 2026-02-05 → 2026-03-10
    expect(loan.classification).toBe('special_mention');
    expect(loan.position.penaltiesMinor).toBeGreaterThan(0);
    const current = await getLoan(ctx, STAFF.officer, paidId);
    expect(current.dpd).toBe(0);
    expect(current.classification).toBe('normal');
    const events = await store.db.selectFrom('outbox').select(['type', 'subject']).execute();
    expect(events.filter((e) => e.subject === `loan:${loanId}`).map((e) => e.type)).toEqual(
      expect.arrayContaining(['loan.payment_due_soon', 'loan.overdue', 'loan.classification_changed']),
    );
    const summary = await portfolioAt(ctx);
    const cny = summary.par.currencies[0];
    expect(cny?.par.par30.loans).toBe(1);
    expect(cny?.par.par60.loans).toBe(0);
    const classes = summary.classification.rows.filter((r) => r.loans > 0);
    // Held equals required after end of day, per category.
    for (const c of classes) expect(c.held).toBe(c.required);
    expect((await reconcileBooks(ctx, store.db)).balanced).toBe(true);
    expect((await trialBalanceReport(ctx)).balanced).toBe(true);
  });

  it('changes nothing when a closed date is run again', async () => {
    const before = await journalCounts(store.db);
    const row = await findLoan(store.db, loanId);
    const r = await endOfDay(ctx, { date: '2026-03-10' });
    expect(r.days[0]?.alreadyClosed).toBe(true);
    expect(await journalCounts(store.db)).toEqual(before);
    expect(await findLoan(store.db, loanId)).toEqual(row);
    expect(await endOfDay(ctx, { date: '2026-01-02' }).catch((e: AppError) => e.code)).toBe(
      'eod_date_invalid',
    );
  });

  it('lets staff classify worse than the floor, never better; end of day keeps the worse', async () => {
    const bad = await store
      .transaction((tx) => classifyLoanByStaff(ctx, tx, STAFF.ops, loanId, 'normal'))
      .catch((e: AppError) => e.code);
    expect(bad).toBe('classification_below_floor');
    await store.transaction((tx) => classifyLoanByStaff(ctx, tx, STAFF.ops, loanId, 'doubtful'));
    await endOfDay(ctx, { date: '2026-03-11' });
    const classified = await getLoan(ctx, STAFF.officer, loanId);
    expect(classified.classification).toBe('doubtful');
    // The history: end of day moved the loan out of normal as arrears grew, then staff made it
    // worse; end of day after that changed nothing (the staff category is kept).
    const history = classified.classificationHistory.map((h) => [h.source, h.from, h.to]);
    expect(history[0]).toEqual(['end_of_day', 'normal', 'special_mention']);
    expect(history.at(-1)).toEqual(['staff', 'special_mention', 'doubtful']);
    expect(classified.classificationHistory.at(-1)?.actor).toBe(`user:${STAFF.ops.id}`);
    const summary = await portfolioAt(ctx, '2026-03-11');
    expect(summary.classification.rows.find((r) => r.category === 'doubtful')?.loans).toBe(1);
    expect((await reconcileBooks(ctx, store.db)).balanced).toBe(true);
  });

  it('records a transaction that brings the loan back to normal in the classification history', async () => {
    const loan = await getLoan(ctx, STAFF.officer, paidId);
    const before = loan.classificationHistory.length;
    // Let the second loan fall behind, then pay everything overdue.
    await endOfDay(ctx, { date: '2026-05-20' });
    const late = await getLoan(ctx, STAFF.officer, paidId);
    expect(late.classification).not.toBe('normal');
    // A little more than the overdue figure of the last end of day covers penalties accrued since.
    await store.transaction((tx) =>
      repayLoan(ctx, tx, STAFF.officer, paidId, { amountMinor: late.overdueMinor + 10_000, channel: 'bank' }),
    );
    const cured = await getLoan(ctx, STAFF.officer, paidId);
    expect({ c: cured.classification, dpd: cured.dpd, overdue: cured.overdueMinor }).toEqual({
      c: 'normal',
      dpd: 0,
      overdue: 0,
    });
    const last = cured.classificationHistory.at(-1);
    expect(last).toMatchObject({ source: 'transaction', from: late.classification, to: 'normal', dpd: 0 });
    expect(cured.classificationHistory.length).toBeGreaterThan(before + 1);
  });
});

describeEachDatabase('end of day on loans stored before end-of-day inputs', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  beforeAll(async () => {
    store = await db.open();
    ctx = testContext(store, '2026-01-05T02:00:00.000Z');
    await activeProduct(ctx, 'MICRO');
  });
  afterAll(async () => db.dispose(store));

  it('makes a missing input from the servicing state and books the same as with one', async () => {
    const kept = await activeLoan(ctx, { productCode: 'MICRO', principalMinor: 800_000, repayments: 8 });
    const lost = await activeLoan(ctx, { productCode: 'MICRO', principalMinor: 800_000, repayments: 8 });
    await store.db.deleteFrom('loan_eod_inputs').where('loan_id', '=', lost).execute();
    await endOfDay(ctx, { date: '2026-01-20' });
    const inputs = await store.db.selectFrom('loan_eod_inputs').selectAll().orderBy('loan_id').execute();
    expect(inputs.map((i) => i.loan_id).sort()).toEqual([kept, lost].sort());
    const state = (await findLoan(store.db, lost))?.state as string;
    expect(inputs.find((i) => i.loan_id === lost)?.input).toBe(
      encodeEodInput(JSON.parse(state) as ServicingAccount),
    );
    const [a, b] = [await getLoan(ctx, STAFF.officer, kept), await getLoan(ctx, STAFF.officer, lost)];
    expect(b.position).toEqual(a.position);
    expect(b.position.interestMinor).toBeGreaterThan(0);
    expect((await reconcileBooks(ctx, store.db)).balanced).toBe(true);
  });
});

describeEachDatabase('end of day with two workers', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  beforeAll(async () => {
    store = await db.open();
    ctx = testContext(store, '2026-01-05T02:00:00.000Z');
    await activeProduct(ctx, 'MICRO');
    for (let i = 0; i < 30; i++)
      await activeLoan(ctx, { productCode: 'MICRO', principalMinor: 300_000 + i * 1_000, repayments: 6 });
  });
  afterAll(async () => db.dispose(store));

  it('shares the run without processing a loan twice', async () => {
    const [a, b] = await Promise.all([
      endOfDay(ctx, { date: '2026-01-09', batchSize: 4, worker: 'a', pollMs: 20 }),
      endOfDay(ctx, { date: '2026-01-09', batchSize: 4, worker: 'b', pollMs: 20 }),
    ]);
    const batches = await store.db.selectFrom('eod_batches').selectAll().execute();
    // Every loan processed exactly once per date, whichever worker took it.
    for (const date of ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09']) {
      expect(batches.filter((x) => x.business_date === date).reduce((s, x) => s + x.loans, 0)).toBe(30);
    }
    const here = (a?.days ?? []).concat(b?.days ?? []).reduce((s, d) => s + d.processedHere, 0);
    expect(here).toBe(150);
    if (store.capabilities.skipLocked)
      expect(new Set(batches.map((x) => x.worker))).toEqual(new Set(['a', 'b']));
    expect((await reconcileBooks(ctx, store.db)).balanced).toBe(true);
    expect(await businessDate(ctx, store.db)).toBe('2026-01-10');
  });
});
