import { manualClock } from '@puhui/core';
import { describe, expect, it } from 'vitest';
import { SANDBOX_HEADERS, sandboxChannel, sandboxSecret, signSandboxCallback } from './sandbox.ts';

const clock = manualClock('2026-01-01T00:00:00Z');
const secret = sandboxSecret('m'.repeat(64), 'sandbox-wallet');
const body = JSON.stringify({
  paymentId: 'pay_1',
  reference: 'sbx_pay_1',
  status: 'succeeded',
  amountMinor: 500,
});
const now = String(Math.floor(clock.now().getTime() / 1000));

describe('sandbox payment channel', () => {
  it('answers instantly or leaves the collection pending, with a stable reference', async () => {
    const request = { paymentId: 'pay_1', loanId: 'l', borrowerId: 'b', amountMinor: 500, currency: 'CNY' };
    const instant = sandboxChannel({ id: 'w', secret, confirm: 'instant', clock });
    const later = sandboxChannel({ id: 'w', secret, confirm: 'callback', clock });
    expect(await instant.initiate(request)).toEqual({ status: 'succeeded', reference: 'sbx_pay_1' });
    expect(await later.initiate(request)).toEqual({ status: 'pending', reference: 'sbx_pay_1' });
  });

  it('accepts a callback signed with its secret and refuses forged, stale or malformed ones', () => {
    const channel = sandboxChannel({ id: 'w', secret, confirm: 'callback', clock });
    const signed = (raw: string, ts = now, key = secret) => ({
      headers: {
        [SANDBOX_HEADERS.timestamp]: ts,
        [SANDBOX_HEADERS.signature]: signSandboxCallback(key, ts, raw),
      },
      rawBody: raw,
    });
    expect(channel.verifyCallback(signed(body))).toEqual({
      paymentId: 'pay_1',
      reference: 'sbx_pay_1',
      status: 'succeeded',
      amountMinor: 500,
    });
    const refused = (cb: Parameters<typeof channel.verifyCallback>[0]) => {
      try {
        channel.verifyCallback(cb);
        return 'accepted';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(refused(signed(body, now, sandboxSecret('m'.repeat(64), 'sandbox-bank')))).toBe(
      'payment_callback_invalid',
    );
    expect(refused({ ...signed(body), rawBody: body.replace('500', '50000') })).toBe(
      'payment_callback_invalid',
    );
    expect(refused(signed(body, String(Number(now) - 301)))).toBe('payment_callback_invalid');
    expect(refused({ headers: {}, rawBody: body })).toBe('payment_callback_invalid');
    expect(refused(signed('{"paymentId":"pay_1"}'))).toBe('payment_callback_invalid');
    expect(refused(signed(body.replace('500', '-5')))).toBe('payment_callback_invalid');
  });

  it('derives a different secret per channel and per install', () => {
    expect(sandboxSecret('a'.repeat(64), 'x')).not.toBe(sandboxSecret('a'.repeat(64), 'y'));
    expect(sandboxSecret('a'.repeat(64), 'x')).not.toBe(sandboxSecret('b'.repeat(64), 'x'));
    expect(() => sandboxChannel({ id: 'w', secret: 'short', confirm: 'instant', clock })).toThrow();
  });
});
