import { AppError, manualClock, sequentialIds } from '@puhui/core';
import type { Store } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultAuthSettings, type ServiceContext } from '../context.ts';
import { runIdempotent } from './idempotency.ts';
import { outboxNotifier } from './outbox-notifier.ts';

describeEachDatabase('idempotent use cases', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  beforeAll(async () => {
    store = await db.open();
    ctx = {
      store,
      clock: manualClock('2026-01-01T00:00:00Z'),
      ids: sequentialIds(),
      notifier: outboxNotifier(
        () => ctx,
        () => {},
      ),
      auth: { ...defaultAuthSettings, tokenSecret: 'x'.repeat(40) },
    };
  });
  afterAll(async () => db.dispose(store));

  const request = (key: string) => ({ scope: 'user:usr_t', key, fingerprint: { body: { n: 1 } } });

  // Needs a second connection committing while the first transaction is open: PostgreSQL only
  // (SQLite has one writer, so there the twin can only commit between the two awaits).
  it.runIf(db.name === 'postgres')(
    'answers with the winner’s response when a concurrent twin committed while this attempt failed a use-case check',
    async () => {
      const key = 'race-key-0001';
      // The twin commits after this request looked for a stored answer and while its own
      // transaction runs: the use case then refuses ("already exists"), which must not reach the
      // caller — the twin's stored answer is the answer.
      let twinDone = false;
      const result = await runIdempotent(ctx, request(key), async () => {
        if (!twinDone) {
          twinDone = true;
          await runIdempotent(ctx, request(key), async () => ({ status: 201, body: { id: 'first' } }));
        }
        throw new AppError('conflict', 'A borrower with this phone number exists');
      });
      expect(result).toEqual({ status: 201, body: { id: 'first' }, replayed: true });
    },
  );

  it('still reports a use case’s refusal when no twin succeeded, and stores nothing', async () => {
    const key = 'race-key-0002';
    await expect(
      runIdempotent(ctx, request(key), async () => {
        throw new AppError('conflict', 'A borrower with this phone number exists');
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const ok = await runIdempotent(ctx, request(key), async () => ({ status: 201, body: { id: 'later' } }));
    expect(ok).toEqual({ status: 201, body: { id: 'later' } });
  });
});
