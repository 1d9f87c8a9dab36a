import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, type Harness, idemKey, openHarness } from './harness.ts';

describeEachDatabase('idempotency', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(db);
  });
  afterAll(async () => h?.close());

  const create = (key: string | undefined, payload: unknown) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/borrowers',
      headers: { ...bearer(h.tokens.officer as string), ...(key ? { 'idempotency-key': key } : {}) },
      payload: payload as object,
    });
  const count = async () => (await h.store.db.selectFrom('borrowers').selectAll().execute()).length;

  it('requires the header on creating requests', async () => {
    const res = await create(undefined, { phone: '+8613811110000', fullName: 'A' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toMatch(/^(idempotency_key_required|validation_failed)$/);
  });

  it('replays the first response for the same key and body, writing once', async () => {
    const before = await count();
    const key = idemKey();
    const body = { phone: '+8613811110001', fullName: 'Sun Hao 孙浩' };
    const first = await create(key, body);
    const second = await create(key, body);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same key with a different body (409) and writes nothing', async () => {
    const key = idemKey();
    await create(key, { phone: '+8613811110002', fullName: 'Ma Lin' });
    const before = await count();
    const res = await create(key, { phone: '+8613811110003', fullName: 'Ma Lin' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('idempotency_key_conflict');
    expect(await count()).toBe(before);
  });

  it('keeps keys of different callers apart', async () => {
    const key = idemKey();
    const staff = await create(key, { phone: '+8613811110004', fullName: 'Gao Yu' });
    const partner = await h.partner({
      method: 'POST',
      url: '/api/v1/borrowers',
      headers: { 'idempotency-key': key },
      payload: { phone: '+8613811110005', fullName: 'Gao Yu', externalRef: 'VM-77' },
    });
    expect(staff.statusCode).toBe(201);
    expect(partner.statusCode).toBe(201);
    expect(partner.json().id).not.toBe(staff.json().id);
  });

  it('runs concurrent repeats of one key exactly once', async () => {
    const before = await count();
    const key = idemKey();
    const body = { phone: '+8613811110006', fullName: 'Xu Jing' };
    const results = await Promise.all(Array.from({ length: 8 }, () => create(key, body)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('does not store failed attempts, so a corrected retry with a new key works', async () => {
    const key = idemKey();
    const bad = await create(key, { phone: 'not-a-phone', fullName: 'X' });
    expect(bad.statusCode).toBe(400);
    const again = await create(key, { phone: 'not-a-phone', fullName: 'X' });
    expect(again.statusCode).toBe(400);
  });
});
