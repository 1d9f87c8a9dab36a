import { describe, expect, it } from 'vitest';
import { signPartnerRequest, stringToSign } from './partner.ts';
import { signToken, verifyToken } from './tokens.ts';

const secret = 'k'.repeat(40);
const claims = { sub: 'usr_1', typ: 'user' as const, jti: 'ses_1', iat: 1_000, exp: 1_900 };

describe('access tokens', () => {
  it('round-trips claims while unexpired', () => {
    expect(verifyToken(signToken(claims, secret), secret, 1_500)).toEqual(claims);
  });
  it('rejects expiry, another secret and altered payloads with distinct codes', () => {
    const token = signToken(claims, secret);
    expect(() => verifyToken(token, secret, 1_900)).toThrow(
      expect.objectContaining({ code: 'token_expired' }),
    );
    expect(() => verifyToken(token, 'z'.repeat(40), 1_500)).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
    expect(() => verifyToken(`${token}x`, secret, 1_500)).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
    expect(() => verifyToken('a.b', secret, 1_500)).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
  });
});

describe('partner request signing (the worked example in docs/security.md)', () => {
  it('signs method, path, timestamp, nonce and body hash', () => {
    const req = {
      method: 'POST',
      path: '/api/v1/borrowers',
      timestamp: '1767225600',
      nonce: 'c0ffee00c0ffee00',
      body: '{"phone":"+8613800000009","fullName":"Wu Di"}',
    };
    // sha256 of the body bytes, then HMAC-SHA256 of the five lines under the demo partner's secret.
    expect(stringToSign(req)).toBe(
      'POST\n/api/v1/borrowers\n1767225600\nc0ffee00c0ffee00\n7cf553df27dca9eed799fb309d579652127a6fd8d324ea2570d91ee30933f10d',
    );
    expect(signPartnerRequest('sk_demo_village_mall_0123456789abcdef0123456789abcdef', req)).toBe(
      'c57a7bb8ce97f7a0940e8a1d88f2dd56ccfa8258af80037c7afb9134d18bec60',
    );
  });
  it('changes with any signed part', () => {
    const base = {
      method: 'GET',
      path: '/api/v1/auth/me',
      timestamp: '1767225600',
      nonce: 'n0n0n0n0',
      body: '',
    };
    const sig = signPartnerRequest('sk_test', base);
    for (const change of [
      { method: 'POST' },
      { path: '/api/v1/borrowers' },
      { timestamp: '1767225601' },
      { nonce: 'n1n1n1n1' },
      { body: ' ' },
    ]) {
      expect(signPartnerRequest('sk_test', { ...base, ...change })).not.toBe(sig);
    }
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
  });
});
