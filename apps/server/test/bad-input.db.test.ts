import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, type Harness, idemKey, openHarness } from './harness.ts';

describeEachDatabase('bad input', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(db, { bodyLimitBytes: 4_096 });
  });
  afterAll(async () => h?.close());

  const counts = async () => ({
    users: (await h.store.db.selectFrom('users').select('id').execute()).length,
    audit: (await h.store.db.selectFrom('audit_log').select('seq').execute()).length,
  });
  const post = (payload: string, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload,
      headers: {
        ...bearer(h.tokens.admin as string),
        'idempotency-key': idemKey(),
        'content-type': 'application/json',
        ...headers,
      },
    });
  const valid = { username: 'new.user', displayName: 'New', password: 'Valid-pass-2026', roles: ['auditor'] };

  it.each([
    ['malformed JSON', '{"username": ', 'malformed_json', 400],
    ['a wrong type', JSON.stringify({ ...valid, roles: 'auditor' }), 'validation_failed', 400],
    [
      'a missing field',
      JSON.stringify({ username: 'x.y', password: 'Valid-pass-2026', roles: ['auditor'] }),
      'validation_failed',
      400,
    ],
    ['an unknown field', JSON.stringify({ ...valid, isAdmin: true }), 'validation_failed', 400],
    ['an unknown role', JSON.stringify({ ...valid, roles: ['superuser'] }), 'validation_failed', 400],
    ['a weak password', JSON.stringify({ ...valid, password: 'password' }), 'password_too_weak', 400],
    [
      'an oversize body',
      JSON.stringify({ ...valid, displayName: 'x'.repeat(5_000) }),
      'payload_too_large',
      413,
    ],
  ])('answers %s with a specific problem and writes nothing', async (_name, payload, code, status) => {
    const before = await counts();
    const res = await post(payload);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code, status, type: `urn:puhui:error:${code}` });
    expect(res.json().instance).toMatch(/^req_/);
    expect(await counts()).toEqual(before);
  });

  it('names the offending field', async () => {
    const res = await post(JSON.stringify({ ...valid, isAdmin: true }));
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.isAdmin' })]);
    const typed = await post(JSON.stringify({ ...valid, roles: 'auditor' }));
    expect(typed.json().errors[0].path).toBe('body.roles');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await post('username=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
  });

  it('answers unknown routes and bad query parameters with problems', async () => {
    const missing = await h.app.inject({ url: '/api/v1/nope', headers: bearer(h.tokens.admin as string) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const query = await h.app.inject({
      url: '/api/v1/users?limit=100000',
      headers: bearer(h.tokens.admin as string),
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].path).toBe('querystring.limit');
  });

  it('sends security headers and a request id', async () => {
    const res = await h.app.inject({ url: '/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toMatch(/^req_/);
  });
});
