import { randomBytes } from 'node:crypto';
import { DEMO_PARTNER, signPartnerRequest } from '@puhui/services';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, type Harness, idemKey, openHarness } from './harness.ts';

describeEachDatabase('partner signatures', (db) => {
  let h: Harness;
  let other: { apiKey: string; secret: string };
  beforeAll(async () => {
    h = await openHarness(db);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { ...bearer(h.tokens.admin as string), 'idempotency-key': idemKey() },
      payload: { name: 'Supply Chain Co 供应链' },
    });
    other = res.json();
  });
  afterAll(async () => h?.close());

  function signed(
    overrides: Partial<{
      timestamp: string;
      nonce: string;
      signature: string;
      apiKey: string;
      body: string;
    }> = {},
  ) {
    const timestamp = overrides.timestamp ?? String(Math.floor(h.clock.now().getTime() / 1000));
    const nonce = overrides.nonce ?? randomBytes(12).toString('hex');
    const body = overrides.body ?? '';
    const signature =
      overrides.signature ??
      signPartnerRequest(DEMO_PARTNER.secret, {
        method: 'GET',
        path: '/api/v1/auth/me',
        timestamp,
        nonce,
        body,
      });
    return {
      'x-puhui-key': overrides.apiKey ?? DEMO_PARTNER.apiKey,
      'x-puhui-timestamp': timestamp,
      'x-puhui-nonce': nonce,
      'x-puhui-signature': signature,
    };
  }

  it('accepts a correctly signed request', async () => {
    const res = await h.app.inject({ url: '/api/v1/auth/me', headers: signed() });
    expect(res.statusCode).toBe(200);
    expect(res.json().kind).toBe('partner');
  });

  it('refuses a replayed nonce', async () => {
    const headers = signed({ nonce: 'nonce-replay-0001' });
    expect((await h.app.inject({ url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
    const replay = await h.app.inject({ url: '/api/v1/auth/me', headers });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('nonce_replayed');
  });

  it('refuses stale and future timestamps outside five minutes', async () => {
    const now = Math.floor(h.clock.now().getTime() / 1000);
    for (const ts of [now - 301, now + 301]) {
      const res = await h.app.inject({ url: '/api/v1/auth/me', headers: signed({ timestamp: String(ts) }) });
      expect(res.json().code).toBe('signature_stale');
    }
    expect(
      (await h.app.inject({ url: '/api/v1/auth/me', headers: signed({ timestamp: String(now - 299) }) }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a wrong signature, an unknown key and missing headers', async () => {
    expect(
      (await h.app.inject({ url: '/api/v1/auth/me', headers: signed({ signature: 'ab'.repeat(32) }) })).json()
        .code,
    ).toBe('signature_invalid');
    expect(
      (await h.app.inject({ url: '/api/v1/auth/me', headers: signed({ apiKey: 'pk_nope_nope' }) })).json()
        .code,
    ).toBe('unknown_api_key');
    const { 'x-puhui-signature': _drop, ...missing } = signed();
    expect((await h.app.inject({ url: '/api/v1/auth/me', headers: missing })).json().code).toBe(
      'signature_missing',
    );
  });

  it('binds the signature to the body: a tampered body fails', async () => {
    const body = JSON.stringify({ phone: '+8613822220001', fullName: 'Tian Tian' });
    const timestamp = String(Math.floor(h.clock.now().getTime() / 1000));
    const nonce = randomBytes(12).toString('hex');
    const signature = signPartnerRequest(DEMO_PARTNER.secret, {
      method: 'POST',
      path: '/api/v1/borrowers',
      timestamp,
      nonce,
      body,
    });
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/borrowers',
      payload: body.replace('Tian Tian', 'Evil Eve'),
      headers: {
        'content-type': 'application/json',
        'idempotency-key': idemKey(),
        'x-puhui-key': DEMO_PARTNER.apiKey,
        'x-puhui-timestamp': timestamp,
        'x-puhui-nonce': nonce,
        'x-puhui-signature': signature,
      },
    });
    expect(res.json().code).toBe('signature_invalid');
    expect(
      await h.store.db.selectFrom('borrowers').selectAll().where('full_name', '=', 'Evil Eve').execute(),
    ).toHaveLength(0);
  });

  it('lets a partner reach only the borrowers it referred', async () => {
    const mine = await h.partner({
      method: 'POST',
      url: '/api/v1/borrowers',
      headers: { 'idempotency-key': idemKey() },
      payload: { phone: '+8613822220002', fullName: 'Referred One', externalRef: 'VM-1002' },
    });
    expect(mine.statusCode).toBe(201);
    const theirs = await h.partner(
      {
        method: 'POST',
        url: '/api/v1/borrowers',
        headers: { 'idempotency-key': idemKey() },
        payload: { phone: '+8613822220003', fullName: 'Referred Two' },
      },
      other,
    );
    expect(theirs.statusCode).toBe(201);
    const staffOnly = await h.app.inject({
      url: '/api/v1/borrowers?limit=200',
      headers: bearer(h.tokens.officer as string),
    });
    const staffBorrower = staffOnly
      .json()
      .items.find((b: { partnerId: string | null }) => b.partnerId === null);

    expect((await h.partner({ url: `/api/v1/borrowers/${mine.json().id}` })).statusCode).toBe(200);
    expect((await h.partner({ url: `/api/v1/borrowers/${theirs.json().id}` })).statusCode).toBe(404);
    expect((await h.partner({ url: `/api/v1/borrowers/${staffBorrower.id}` })).statusCode).toBe(404);
    const list = await h.partner({ url: '/api/v1/borrowers?limit=200' });
    const partnerIds = new Set(list.json().items.map((b: { partnerId: string }) => b.partnerId));
    expect([...partnerIds]).toEqual([mine.json().partnerId]);
    expect((await h.partner({ url: `/api/v1/borrowers/${theirs.json().id}` }, other)).statusCode).toBe(200);
  });

  it('lets a borrower read only its own record', async () => {
    const token = await h.borrowerToken('+8613800000001');
    const me = (await h.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).json();
    expect(
      (await h.app.inject({ url: `/api/v1/borrowers/${me.id}`, headers: bearer(token) })).statusCode,
    ).toBe(200);
    const others = (
      await h.app.inject({ url: '/api/v1/borrowers?limit=200', headers: bearer(h.tokens.officer as string) })
    ).json().items;
    const someoneElse = others.find((b: { id: string }) => b.id !== me.id);
    const res = await h.app.inject({ url: `/api/v1/borrowers/${someoneElse.id}`, headers: bearer(token) });
    expect(res.statusCode).toBe(404);
  });
});
