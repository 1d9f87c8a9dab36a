import type { ManualClock } from '@puhui/core';
import { findOpenDate, type Store } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../context.ts';
import { businessDate } from './books.ts';
import { parseEodSchedule, runScheduledEod } from './eod-schedule.ts';
import { activeLoan, activeProduct, testContext } from './test-support.ts';

const SCHEDULE = parseEodSchedule('00:30', 'Asia/Shanghai');

describeEachDatabase('scheduled end of day', (db) => {
  let store: Store;
  let ctx: ServiceContext & { clock: ManualClock };
  beforeAll(async () => {
    store = await db.open();
    // 10:00 in Shanghai on 5 January.
    ctx = testContext(store, '2026-01-05T02:00:00.000Z');
  });
  afterAll(async () => db.dispose(store));

  it('does nothing before any business date was opened', async () => {
    expect(await runScheduledEod(ctx, SCHEDULE)).toBeUndefined();
    expect(await findOpenDate(store.db)).toBeUndefined();
  });

  it('closes nothing on the open date itself, then catches up every missed date in order', async () => {
    await activeProduct(ctx, 'MICRO');
    await activeLoan(ctx, { productCode: 'MICRO', principalMinor: 500_000, repayments: 6 });
    expect(await businessDate(ctx, store.db)).toBe('2026-01-05');
    expect(await runScheduledEod(ctx, SCHEDULE)).toBeUndefined();

    // 00:29 on 6 January: not yet.
    ctx.clock.set('2026-01-05T16:29:00.000Z');
    expect(await runScheduledEod(ctx, SCHEDULE)).toBeUndefined();
    // 00:30: 5 January closes.
    ctx.clock.set('2026-01-05T16:30:00.000Z');
    const first = await runScheduledEod(ctx, SCHEDULE);
    expect(first?.days.map((d) => d.date)).toEqual(['2026-01-05']);
    expect(first?.openDate).toBe('2026-01-06');
    // A second tick the same night changes nothing.
    expect(await runScheduledEod(ctx, SCHEDULE)).toBeUndefined();

    // The server was down for three days: the next tick closes 6, 7 and 8 January in order.
    ctx.clock.set('2026-01-09T03:00:00.000Z');
    const caughtUp = await runScheduledEod(ctx, SCHEDULE);
    expect(caughtUp?.days.map((d) => [d.date, d.alreadyClosed, d.loans])).toEqual([
      ['2026-01-06', false, 1],
      ['2026-01-07', false, 1],
      ['2026-01-08', false, 1],
    ]);
    expect(await findOpenDate(store.db)).toBe('2026-01-09');
  });
});
