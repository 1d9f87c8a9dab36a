import { DEMO_PASSWORD } from '@puhui/services';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Harness, lastOtp, openHarness } from './harness.ts';

describeEachDatabase('authentication', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(db);
  });
  afterAll(async () => h?.close());

  const signIn = (username: string, password: string) =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });

  it('issues a token that identifies the user and its permissions', async () => {
    const res = await h.app.inject({ url: '/api/v1/auth/me', headers: bearer(h.tokens.auditor as string) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'user', username: 'auditor', roles: ['auditor'] });
    expect(res.json().permissions).toContain('audit:verify');
    expect(res.json().permissions).not.toContain('users:manage');
  });

  it('rejects a wrong password and an unknown user with the same code', async () => {
    const wrong = await signIn('pm', 'not-the-password-1');
    const unknown = await signIn('nobody', 'not-the-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().code).toBe('invalid_credentials');
  });

  it('locks an account after five failures in a row, even for the right password, until the lock expires', async () => {
    for (let i = 0; i < 4; i++)
      expect((await signIn('risk', 'wrong-password-1')).json().code).toBe('invalid_credentials');
    expect((await signIn('risk', 'wrong-password-1')).json().code).toBe('account_locked');
    const locked = await signIn('risk', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('account_locked');
    h.clock.advance(16 * 60_000);
    expect((await signIn('risk', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses expired, tampered and revoked tokens with distinct codes', async () => {
    const res = await signIn('ops', DEMO_PASSWORD);
    const token = res.json().accessToken as string;
    const [header, body, sig] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'usr_other' })).toString('base64url')}.${sig}`;
    expect((await h.app.inject({ url: '/api/v1/auth/me', headers: bearer(forged) })).json().code).toBe(
      'token_invalid',
    );
    expect(
      (await h.app.inject({ url: '/api/v1/auth/me', headers: { authorization: 'Basic abc' } })).json().code,
    ).toBe('token_invalid');

    expect(
      (await h.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: bearer(token) }))
        .statusCode,
    ).toBe(204);
    const revoked = await h.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('token_revoked');

    const fresh = (await signIn('ops', DEMO_PASSWORD)).json().accessToken as string;
    h.clock.advance(16 * 60_000);
    const expired = await h.app.inject({ url: '/api/v1/auth/me', headers: bearer(fresh) });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('token_expired');
  });

  describe('password change', () => {
    it('enforces the policy, revokes old sessions and accepts the new password', async () => {
      const token = (await signIn('pm', DEMO_PASSWORD)).json().accessToken as string;
      const weak = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: bearer(token),
        payload: { currentPassword: DEMO_PASSWORD, newPassword: 'short1' },
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().code).toBe('password_too_weak');
      const wrongCurrent = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: bearer(token),
        payload: { currentPassword: 'nope-nope-1', newPassword: 'A-much-better-pass-9' },
      });
      expect(wrongCurrent.json().code).toBe('invalid_credentials');
      const ok = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: bearer(token),
        payload: { currentPassword: DEMO_PASSWORD, newPassword: 'A-much-better-pass-9' },
      });
      expect(ok.statusCode).toBe(204);
      expect((await h.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).json().code).toBe(
        'token_revoked',
      );
      expect((await signIn('pm', DEMO_PASSWORD)).statusCode).toBe(401);
      expect((await signIn('pm', 'A-much-better-pass-9')).statusCode).toBe(200);
    });
  });

  describe('borrower one-time codes', () => {
    const phone = '+8613800000002';
    it('signs a borrower in with the code sent through the outbox, once', async () => {
      const sent = await h.app.inject({ method: 'POST', url: '/api/v1/auth/otp', payload: { phone } });
      expect(sent.statusCode).toBe(202);
      const code = await lastOtp(h.store, phone);
      expect(code).toMatch(/^[0-9]{6}$/);
      const ok = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/otp/verify',
        payload: { phone, code },
      });
      expect(ok.statusCode).toBe(200);
      const me = await h.app.inject({ url: '/api/v1/auth/me', headers: bearer(ok.json().accessToken) });
      expect(me.json()).toMatchObject({ kind: 'borrower' });
      const again = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/otp/verify',
        payload: { phone, code },
      });
      expect(again.json().code).toBe('otp_invalid');
    });

    it('answers the same for unknown numbers and sends them nothing', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/otp',
        payload: { phone: '+8613899999999' },
      });
      expect(res.statusCode).toBe(202);
      const rows = await h.store.db
        .selectFrom('outbox')
        .selectAll()
        .where('subject', '=', 'phone:+8613899999999')
        .execute();
      expect(rows).toHaveLength(0);
    });

    it('expires codes and kills them after too many wrong tries', async () => {
      await h.app.inject({ method: 'POST', url: '/api/v1/auth/otp', payload: { phone } });
      const code = await lastOtp(h.store, phone);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) {
        const r = await h.app.inject({
          method: 'POST',
          url: '/api/v1/auth/otp/verify',
          payload: { phone, code: wrong },
        });
        expect(r.json().code).toBe('otp_invalid');
      }
      const late = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/otp/verify',
        payload: { phone, code },
      });
      expect(late.json().code).toBe('otp_invalid');

      await h.app.inject({ method: 'POST', url: '/api/v1/auth/otp', payload: { phone } });
      const code2 = await lastOtp(h.store, phone);
      h.clock.advance(6 * 60_000);
      const expired = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/otp/verify',
        payload: { phone, code: code2 },
      });
      expect(expired.json().code).toBe('otp_invalid');
    });

    it('limits how many codes one number can request per hour', async () => {
      const p = '+8613800000001';
      h.clock.advance(2 * 3_600_000);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++)
        codes.push(
          (await h.app.inject({ method: 'POST', url: '/api/v1/auth/otp', payload: { phone: p } })).statusCode,
        );
      expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
    });
  });
});
