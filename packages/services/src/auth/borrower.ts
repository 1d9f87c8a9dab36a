import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { AppError } from '@puhui/core';
import {
  consumeOtp,
  countOtpsSince,
  findBorrowerByPhone,
  insertOtp,
  latestOtp,
  recordOtpAttempt,
} from '@puhui/store';
import { nowIso, type ServiceContext } from '../context.ts';
import { audit } from '../platform/audit.ts';
import { type IssuedToken, issueToken } from './staff.ts';

/** Phone numbers are E.164: `+` then 8–15 digits. */
export const PHONE_PATTERN = /^\+[1-9][0-9]{7,14}$/;

function hashCode(phone: string, code: string, secret: string): string {
  return createHash('sha256').update(`${secret}:${phone}:${code}`).digest('hex');
}

/**
 * Sends a six-digit one-time code to a borrower's phone through the notification port. The answer
 * is the same whether or not the number belongs to a borrower (no account discovery); at most
 * `otpPerHour` codes per number per hour (`otp_too_many_requests`).
 *
 * @example await requestOtp(ctx, '+8613800000001');
 */
export async function requestOtp(ctx: ServiceContext, phone: string): Promise<{ expiresAt: string }> {
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.auth.otpTtlSeconds * 1000).toISOString();
  const borrower = await findBorrowerByPhone(ctx.store.db, phone);
  if (!borrower) return { expiresAt };
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  if ((await countOtpsSince(ctx.store.db, phone, hourAgo)) >= ctx.auth.otpPerHour) {
    throw new AppError('otp_too_many_requests');
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.store.transaction(async (tx) => {
    await insertOtp(tx, {
      id: ctx.ids.next('otp'),
      phone,
      code_hash: hashCode(phone, code, ctx.auth.tokenSecret),
      expires_at: expiresAt,
      attempts: 0,
      consumed_at: null,
      created_at: now.toISOString(),
    });
    await ctx.notifier.send(tx, { channel: 'sms', to: phone, template: 'otp', params: { code } });
  });
  return { expiresAt };
}

/**
 * Exchanges a phone number and its latest one-time code for a borrower token. A code works once,
 * expires after `otpTtlSeconds` and dies after `otpMaxAttempts` wrong tries (`otp_invalid`).
 *
 * @example const { accessToken } = await verifyOtp(ctx, '+8613800000001', '123456');
 */
export async function verifyOtp(ctx: ServiceContext, phone: string, code: string): Promise<IssuedToken> {
  const otp = await latestOtp(ctx.store.db, phone);
  const now = ctx.clock.now();
  if (!otp || new Date(otp.expires_at) <= now || otp.attempts >= ctx.auth.otpMaxAttempts) {
    throw new AppError('otp_invalid');
  }
  const expected = Buffer.from(otp.code_hash, 'hex');
  const given = Buffer.from(hashCode(phone, code, ctx.auth.tokenSecret), 'hex');
  if (!timingSafeEqual(expected, given)) {
    await recordOtpAttempt(ctx.store.db, otp.id);
    throw new AppError('otp_invalid');
  }
  const borrower = await findBorrowerByPhone(ctx.store.db, phone);
  if (!borrower) throw new AppError('otp_invalid');
  const consumed = await ctx.store.transaction(async (tx) => {
    if (!(await consumeOtp(tx, otp.id, nowIso(ctx)))) return false;
    await audit(
      ctx,
      tx,
      { kind: 'borrower', id: borrower.id, sessionId: '' },
      {
        action: 'auth.borrower_sign_in',
        subjectType: 'borrower',
        subjectId: borrower.id,
      },
    );
    return true;
  });
  if (!consumed) throw new AppError('otp_invalid');
  return issueToken(ctx, 'borrower', borrower.id);
}
