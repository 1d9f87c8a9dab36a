import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, type Clock } from '@puhui/core';
import type { ChannelCallback, ChannelConfirmation, PaymentChannel } from './channel.ts';

/** Headers of a sandbox callback. */
export const SANDBOX_HEADERS = {
  timestamp: 'x-sandbox-timestamp',
  signature: 'x-sandbox-signature',
} as const;

/** Options of {@link sandboxChannel}. */
export interface SandboxOptions {
  readonly id: string;
  /** Key of the callback signatures (HMAC-SHA256), at least 32 characters. */
  readonly secret: string;
  /**
   * `instant`: every collection succeeds at once (the repayment is booked in the same request);
   * `callback`: collections stay pending until a signed callback confirms or fails them.
   */
  readonly confirm: 'instant' | 'callback';
  readonly clock: Clock;
  /** Accepted age of a callback's timestamp. Default 300 s. */
  readonly windowSeconds?: number;
}

/**
 * The signature of a sandbox callback: lowercase hex HMAC-SHA256 of `timestamp + "\n" + body`.
 *
 * @example signSandboxCallback(secret, '1767225600', '{"paymentId":"pay_1",…}');
 */
export function signSandboxCallback(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${rawBody}`).digest('hex');
}

function invalid(detail: string): AppError {
  return new AppError('payment_callback_invalid', detail);
}

function parseConfirmation(rawBody: string): ChannelConfirmation {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw invalid('The callback body is not JSON');
  }
  const b = body as Record<string, unknown>;
  const text = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 128;
  if (
    typeof b !== 'object' ||
    b === null ||
    !text(b.paymentId) ||
    !text(b.reference) ||
    (b.status !== 'succeeded' && b.status !== 'failed') ||
    !Number.isSafeInteger(b.amountMinor) ||
    (b.amountMinor as number) <= 0 ||
    (b.failureReason !== undefined && !text(b.failureReason))
  )
    throw invalid('The callback needs paymentId, reference, status (succeeded or failed) and amountMinor');
  return {
    paymentId: b.paymentId as string,
    reference: b.reference as string,
    status: b.status,
    amountMinor: b.amountMinor as number,
    ...(b.failureReason ? { failureReason: b.failureReason as string } : {}),
  };
}

/**
 * The built-in sandbox payment channel: moves no money, works offline, and exercises the same
 * path as a real provider — initiation, then a signed confirmation that books the repayment.
 * Its reference for a payment is `sbx_<paymentId>` (the same for a repeated request).
 *
 * @example const wallet = sandboxChannel({ id: 'sandbox-wallet', secret, confirm: 'instant', clock: systemClock });
 */
export function sandboxChannel(options: SandboxOptions): PaymentChannel {
  if (options.secret.length < 32) throw new Error('a sandbox channel secret must be at least 32 characters');
  const window = options.windowSeconds ?? 300;
  return {
    id: options.id,
    sandbox: true,
    async initiate(request) {
      const reference = `sbx_${request.paymentId}`;
      return { status: options.confirm === 'instant' ? 'succeeded' : 'pending', reference };
    },
    verifyCallback(callback: ChannelCallback) {
      const timestamp = callback.headers[SANDBOX_HEADERS.timestamp] ?? '';
      const given = callback.headers[SANDBOX_HEADERS.signature] ?? '';
      if (!/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(given))
        throw invalid(`The callback needs ${SANDBOX_HEADERS.timestamp} and ${SANDBOX_HEADERS.signature}`);
      const expected = Buffer.from(signSandboxCallback(options.secret, timestamp, callback.rawBody), 'hex');
      if (!timingSafeEqual(expected, Buffer.from(given, 'hex')))
        throw invalid('The callback signature does not match');
      const age = Math.abs(options.clock.now().getTime() / 1000 - Number(timestamp));
      if (age > window) throw invalid(`The callback timestamp is ${Math.round(age)} s away from now`);
      return parseConfirmation(callback.rawBody);
    },
  };
}

/**
 * The demo install's two sandbox channels (a wallet and a bank card), each with a secret derived
 * from `masterSecret`, so no extra setting is needed and the secrets differ per install.
 *
 * @example const channels = sandboxChannels({ masterSecret: tokenSecret, confirm: 'instant', clock });
 */
export function sandboxChannels(options: {
  masterSecret: string;
  confirm: 'instant' | 'callback';
  clock: Clock;
}): PaymentChannel[] {
  return ['sandbox-wallet', 'sandbox-bank'].map((id) =>
    sandboxChannel({
      id,
      secret: sandboxSecret(options.masterSecret, id),
      confirm: options.confirm,
      clock: options.clock,
    }),
  );
}

/** The callback secret of the sandbox channel `id` under `masterSecret`. */
export function sandboxSecret(masterSecret: string, id: string): string {
  return createHmac('sha256', masterSecret).update(`puhui:payment-channel:${id}`).digest('hex');
}
