import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@puhui/core';
import { findPartnerByApiKey, rememberNonce } from '@puhui/store';
import { nowIso, type Principal, type ServiceContext } from '../context.ts';

/** The headers a partner request carries. */
export const PARTNER_HEADERS = {
  apiKey: 'x-puhui-key',
  timestamp: 'x-puhui-timestamp',
  nonce: 'x-puhui-nonce',
  signature: 'x-puhui-signature',
} as const;

/** The parts of a request a partner signs. */
export interface SignedRequest {
  readonly method: string;
  /** Path with query string, exactly as sent (`/api/v1/partner/borrowers?limit=10`). */
  readonly path: string;
  /** Unix time in seconds, as a decimal string. */
  readonly timestamp: string;
  readonly nonce: string;
  /** The raw body bytes (empty for GET). */
  readonly body: string | Buffer;
}

/**
 * The text a partner signs: method, path, timestamp, nonce and the hex SHA-256 of the body, one per
 * line.
 *
 * @example stringToSign({ method: 'POST', path: '/api/v1/partner/borrowers', timestamp: '1767225600', nonce: 'n1', body: '{}' });
 * // 'POST\n/api/v1/partner/borrowers\n1767225600\nn1\n44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
 */
export function stringToSign(req: SignedRequest): string {
  const bodyHash = createHash('sha256').update(req.body).digest('hex');
  return `${req.method.toUpperCase()}\n${req.path}\n${req.timestamp}\n${req.nonce}\n${bodyHash}`;
}

/**
 * The hex HMAC-SHA256 signature of a request under a partner's secret (what a partner's client
 * computes; exported for tests, the CLI and SDKs).
 *
 * @example signPartnerRequest(secret, { method: 'GET', path: '/api/v1/partner/me', timestamp, nonce, body: '' });
 */
export function signPartnerRequest(secret: string, req: SignedRequest): string {
  return createHmac('sha256', secret).update(stringToSign(req)).digest('hex');
}

/**
 * Authenticates a partner request: known active API key, timestamp within the window, signature
 * correct, nonce never seen before (recorded atomically, so a replay fails even on another
 * server instance).
 *
 * @example const principal = await authenticatePartner(ctx, { apiKey, signature, method, path, timestamp, nonce, body });
 */
export async function authenticatePartner(
  ctx: ServiceContext,
  req: SignedRequest & { apiKey: string | undefined; signature: string | undefined },
): Promise<Principal> {
  if (!req.apiKey || !req.signature || !req.timestamp || !req.nonce) throw new AppError('signature_missing');
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(req.nonce))
    throw new AppError('signature_invalid', 'Nonce must be 8–64 of A–Z a–z 0–9 _ -');
  const partner = await findPartnerByApiKey(ctx.store.db, req.apiKey);
  if (partner?.status !== 'active') throw new AppError('unknown_api_key');
  if (!/^[0-9]{1,12}$/.test(req.timestamp))
    throw new AppError('signature_stale', 'Timestamp must be Unix seconds');
  const skew = Math.abs(ctx.clock.now().getTime() / 1000 - Number(req.timestamp));
  if (skew > ctx.auth.signatureWindowSeconds) throw new AppError('signature_stale');
  const expected = Buffer.from(signPartnerRequest(partner.secret, req), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/i.test(req.signature) ? req.signature : '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(expected, given))
    throw new AppError('signature_invalid');
  if (!(await rememberNonce(ctx.store.db, partner.id, req.nonce, nowIso(ctx))))
    throw new AppError('nonce_replayed');
  return { kind: 'partner', id: partner.id };
}
