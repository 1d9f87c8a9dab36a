import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from './audit.ts';
import { insertIdempotencyRecord } from './idempotency.ts';
import { claimPendingEvents, enqueueEvent, markEventDispatched } from './outbox.ts';
import { insertPartner, rememberNonce } from './partners.ts';
import { resetDatabase } from './reset.ts';
import type { Store } from './store.ts';
import { describeEachDatabase } from './testing.ts';
import { countUsers, insertUser } from './users.ts';

const T = '2026-01-01T00:00:00.000Z';

describeEachDatabase('store', (db) => {
  let store: Store;
  beforeAll(async () => {
    store = await db.open();
  });
  afterAll(async () => db.dispose(store));

  it('is fully migrated, and migrating again applies nothing', async () => {
    expect((await store.migrationStatus()).pending).toEqual([]);
    expect(await store.migrate()).toEqual([]);
    await store.ping();
  });

  it('rolls a transaction back completely when it throws', async () => {
    const user = {
      id: 'usr_tx',
      username: 'tx',
      display_name: 'T',
      password_hash: 'h',
      roles: '["auditor"]',
      status: 'active' as const,
      failed_attempts: 0,
      locked_until: null,
      password_changed_at: T,
      created_at: T,
      updated_at: T,
    };
    await expect(
      store.transaction(async (tx) => {
        await insertUser(tx, user);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await countUsers(store.db)).toBe(0);
    await store.transaction((tx) => insertUser(tx, user));
    expect(await countUsers(store.db)).toBe(1);
  });

  it('remembers each nonce once, even under concurrency', async () => {
    await insertPartner(store.db, {
      id: 'ptn_1',
      name: 'P',
      api_key: 'pk_1',
      secret: 's',
      status: 'active',
      created_at: T,
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => rememberNonce(store.db, 'ptn_1', 'nonce-same', T)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await rememberNonce(store.db, 'ptn_1', 'nonce-other', T)).toBe(true);
  });

  it('stores an idempotency record once per scope and key', async () => {
    const row = {
      scope: 'user:u1',
      key: 'key-1',
      request_hash: 'h',
      status_code: 201,
      response_body: '{}',
      created_at: T,
    };
    expect(await insertIdempotencyRecord(store.db, row)).toBe(true);
    expect(await insertIdempotencyRecord(store.db, { ...row, request_hash: 'other' })).toBe(false);
    expect(await insertIdempotencyRecord(store.db, { ...row, scope: 'user:u2' })).toBe(true);
  });

  it('keeps the audit chain intact under concurrent appends and returns sequence numbers as numbers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.transaction((tx) =>
          appendAudit(tx, store, {
            id: `aud_${i}`,
            occurredAt: T,
            actor: 'system:test',
            action: 'test.append',
            subjectType: 'test',
            subjectId: String(i),
            after: { i },
          }),
        ),
      ),
    );
    const result = await verifyAudit(store.db, 7);
    expect(result).toMatchObject({ ok: true, records: 20 });
    const seqs = (await store.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map(
      (r) => r.seq,
    );
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('claims outbox events in order, and on PostgreSQL two claimers never take the same event', async () => {
    await store.transaction(async (tx) => {
      for (let i = 0; i < 10; i++) {
        await enqueueEvent(tx, {
          id: `evt_${i}`,
          subject: `s:${i % 3}`,
          type: 't',
          payload: { i },
          createdAt: T,
        });
      }
    });
    if (store.capabilities.skipLocked) {
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let firstIds: string[] = [];
      const first = store.transaction(async (tx) => {
        firstIds = (await claimPendingEvents(tx, store, T, 4)).map((e) => e.id);
        await held;
      });
      await new Promise((r) => setTimeout(r, 100));
      const secondIds = await store.transaction(async (tx) =>
        (await claimPendingEvents(tx, store, T, 4)).map((e) => e.id),
      );
      release();
      await first;
      expect(firstIds).toEqual(['evt_0', 'evt_1', 'evt_2', 'evt_3']);
      expect(secondIds).toEqual(['evt_4', 'evt_5', 'evt_6', 'evt_7']);
    } else {
      const ids = await store.transaction(async (tx) =>
        (await claimPendingEvents(tx, store, T, 4)).map((e) => e.id),
      );
      expect(ids).toEqual(['evt_0', 'evt_1', 'evt_2', 'evt_3']);
    }
    const firstSeq = (
      await store.db.selectFrom('outbox').select('seq').where('id', '=', 'evt_0').executeTakeFirstOrThrow()
    ).seq;
    await markEventDispatched(store.db, Number(firstSeq), T);
    const next = await store.transaction((tx) => claimPendingEvents(tx, store, T, 1));
    expect(next.map((e) => e.id)).toEqual(['evt_1']);
  });

  it('resets every table and the audit head', async () => {
    await resetDatabase(store);
    expect(await countUsers(store.db)).toBe(0);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, records: 0 });
    expect((await store.db.selectFrom('outbox').selectAll().execute()).length).toBe(0);
  });
});
