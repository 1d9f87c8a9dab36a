import { manualClock, sequentialIds } from '@puhui/core';
import type { Store } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultAuthSettings, type ServiceContext } from '../context.ts';
import { dispatchOutbox, type EventSink } from './dispatcher.ts';
import { emit } from './events.ts';
import { outboxNotifier } from './outbox-notifier.ts';

describeEachDatabase('outbox dispatcher', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  const clock = manualClock('2026-01-01T00:00:00Z');
  beforeAll(async () => {
    store = await db.open();
    ctx = {
      store,
      clock,
      ids: sequentialIds(),
      notifier: outboxNotifier(
        () => ctx,
        () => {},
      ),
      auth: { ...defaultAuthSettings, tokenSecret: 'x'.repeat(40) },
    };
  });
  afterAll(async () => db.dispose(store));

  it('delivers at least once, in order per subject, holding back a subject behind a failure', async () => {
    await store.transaction(async (tx) => {
      for (const [subject, n] of [
        ['a', 1],
        ['b', 1],
        ['a', 2],
        ['b', 2],
        ['a', 3],
      ] as const) {
        await emit(ctx, tx, subject, 'test.event', { n });
      }
    });
    const seen: string[] = [];
    let failB = true;
    const sink: EventSink = {
      async deliver(e) {
        const label = `${e.subject}${(e.payload as { n: number }).n}`;
        if (e.subject === 'b' && failB) throw new Error('gateway down');
        seen.push(label);
      },
    };
    const first = await dispatchOutbox(ctx, sink);
    expect(first).toEqual({ delivered: 3, failed: 1, deferred: 1 });
    expect(seen).toEqual(['a1', 'a2', 'a3']);
    // Retry is not due yet.
    expect(await dispatchOutbox(ctx, sink)).toEqual({ delivered: 0, failed: 0, deferred: 1 });
    failB = false;
    clock.advance(5_000);
    expect(await dispatchOutbox(ctx, sink)).toEqual({ delivered: 2, failed: 0, deferred: 0 });
    expect(seen).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    const failed = await store.db
      .selectFrom('outbox')
      .selectAll()
      .where('subject', '=', 'b')
      .orderBy('seq')
      .execute();
    expect(failed[0]?.attempts).toBe(2);
    expect(await dispatchOutbox(ctx, sink)).toEqual({ delivered: 0, failed: 0, deferred: 0 });
  });

  it('writes an event only when its transaction commits', async () => {
    await expect(
      store.transaction(async (tx) => {
        await emit(ctx, tx, 'c', 'test.event', { n: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    expect(await store.db.selectFrom('outbox').selectAll().where('subject', '=', 'c').execute()).toHaveLength(
      0,
    );
  });
});
