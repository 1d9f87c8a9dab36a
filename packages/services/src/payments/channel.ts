import { AppError } from '@puhui/core';
import type { ServiceContext } from '../context.ts';

/** What Puhui asks a payment channel to collect from a borrower for a loan. */
export interface CollectionRequest {
  /** Puhui's payment id: the channel's merchant order number, so a repeated request is one order. */
  readonly paymentId: string;
  readonly loanId: string;
  readonly borrowerId: string;
  readonly amountMinor: number;
  readonly currency: string;
}

/** The channel's first answer to a collection request. */
export interface CollectionResult {
  /**
   * `succeeded`: the channel captured the money synchronously (the repayment is booked at once);
   * `pending`: the channel will confirm later through its callback; `failed`: refused at once.
   */
  readonly status: 'pending' | 'succeeded' | 'failed';
  /** The channel's own reference for the collection (trade number). */
  readonly reference: string;
  readonly failureReason?: string | undefined;
}

/** A callback (webhook) request as it arrived: headers and the exact body bytes. */
export interface ChannelCallback {
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly rawBody: string;
}

/** What an authentic callback says about one payment. */
export interface ChannelConfirmation {
  readonly paymentId: string;
  readonly reference: string;
  readonly status: 'succeeded' | 'failed';
  readonly amountMinor: number;
  readonly failureReason?: string | undefined;
}

/**
 * The payment-channel port: how Puhui collects a repayment through a wallet, bank or agent
 * network. An adapter translates between Puhui and one provider's API; it books nothing itself —
 * the payment use cases book the repayment (exactly once) when the channel reports success.
 *
 * Contract for adapters:
 * - `initiate` runs inside the payment's database transaction: keep it short, and make it
 *   idempotent by `paymentId` (providers' merchant order number), since a rolled-back transaction
 *   may be retried with the same id.
 * - `verifyCallback` authenticates a callback with the provider's own scheme (signature,
 *   certificate) and throws `AppError('payment_callback_invalid')` when it is not authentic.
 *
 * @example const result = await channel.initiate({ paymentId, loanId, borrowerId, amountMinor: 85_000, currency: 'CNY' });
 */
export interface PaymentChannel {
  /** Stable id used in requests and stored on payments and loan transactions (`sandbox-wallet`). */
  readonly id: string;
  /** True for a channel that moves no real money (demo and test installs). */
  readonly sandbox: boolean;
  initiate(request: CollectionRequest): Promise<CollectionResult>;
  verifyCallback(callback: ChannelCallback): ChannelConfirmation;
}

/** The channels configured in `ctx` (none unless the install configured some). */
export function paymentChannelsOf(ctx: ServiceContext): readonly PaymentChannel[] {
  return ctx.paymentChannels ?? [];
}

/**
 * The configured channel with this id, or `payment_channel_unknown`.
 *
 * @example const channel = channelOf(ctx, 'sandbox-wallet');
 */
export function channelOf(ctx: ServiceContext, id: string, path = 'body.channel'): PaymentChannel {
  const found = paymentChannelsOf(ctx).find((c) => c.id === id);
  if (!found)
    throw new AppError('payment_channel_unknown', `No payment channel ${id}`, [
      {
        path,
        message: `one of: ${
          paymentChannelsOf(ctx)
            .map((c) => c.id)
            .join(', ') || 'none configured'
        }`,
      },
    ]);
  return found;
}
