import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@puhui/core';

/** The claims of a Puhui access token. */
export interface TokenClaims {
  /** Subject id (`usr_…` or `bor_…`). */
  readonly sub: string;
  /** Subject kind. */
  readonly typ: 'user' | 'borrower';
  /** Session id; sign-out revokes it. */
  readonly jti: string;
  /** Issued-at and expiry, seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

/**
 * Signs claims as a compact JWT (HS256).
 *
 * @example signToken({ sub: 'usr_1', typ: 'user', jti: 'ses_1', iat, exp }, secret);
 */
export function signToken(claims: TokenClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const data = `${HEADER}.${body}`;
  return `${data}.${sign(data, secret)}`;
}

/**
 * Verifies a token's signature and expiry and returns its claims; `token_invalid` or
 * `token_expired` otherwise. (Revocation is checked against the session table by the caller.)
 *
 * @example const claims = verifyToken(token, secret, Date.now() / 1000);
 */
export function verifyToken(token: string, secret: string, nowSeconds: number): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) throw new AppError('token_invalid');
  const [header, body, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${header}.${body}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new AppError('token_invalid');
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    throw new AppError('token_invalid');
  }
  if (
    typeof claims.sub !== 'string' ||
    typeof claims.jti !== 'string' ||
    (claims.typ !== 'user' && claims.typ !== 'borrower') ||
    typeof claims.exp !== 'number'
  ) {
    throw new AppError('token_invalid');
  }
  if (claims.exp <= nowSeconds) throw new AppError('token_expired');
  return claims;
}
