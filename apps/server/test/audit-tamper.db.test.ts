import { verifyAudit } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, type Harness, openHarness } from './harness.ts';

describeEachDatabase('audit chain', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(db);
  });
  afterAll(async () => h?.close());

  it('records sign-ins and changes and verifies intact', async () => {
    const res = await h.app.inject({
      url: '/api/v1/audit/verify',
      headers: bearer(h.tokens.auditor as string),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(true);
    expect(res.json().records).toBeGreaterThan(10);
    const list = await h.app.inject({
      url: '/api/v1/audit?limit=5',
      headers: bearer(h.tokens.auditor as string),
    });
    expect(list.json().items[0].action).toBe('auth.sign_in');
  });

  it('orders concurrent appends into one unbroken chain', async () => {
    await Promise.all(
      ['admin', 'pm', 'risk', 'officer', 'ops', 'auditor', 'admin', 'pm'].map((u) =>
        h.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { username: u, password: 'Puhui-demo-2026' },
        }),
      ),
    );
    expect((await verifyAudit(h.store.db)).ok).toBe(true);
  });

  it('reports the first broken link when a record is altered', async () => {
    const victim = await h.store.db
      .selectFrom('audit_log')
      .select(['seq', 'id'])
      .orderBy('seq')
      .offset(4)
      .limit(1)
      .executeTakeFirstOrThrow();
    await h.store.db
      .updateTable('audit_log')
      .set({ actor: 'user:someone_else' })
      .where('seq', '=', victim.seq)
      .execute();
    const result = await verifyAudit(h.store.db);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toEqual({ seq: Number(victim.seq), id: victim.id, reason: 'hash_mismatch' });
    const res = await h.app.inject({
      url: '/api/v1/audit/verify',
      headers: bearer(h.tokens.auditor as string),
    });
    expect(res.json().firstBreak.seq).toBe(Number(victim.seq));
  });

  it('reports a deleted record as a gap', async () => {
    const rows = await h.store.db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
    const last = rows.at(-1)?.seq as number;
    await h.store.db.deleteFrom('audit_log').where('seq', '=', last).execute();
    const result = await verifyAudit(h.store.db);
    expect(result.ok).toBe(false);
  });
});
