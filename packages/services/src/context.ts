import type { Clock, IdSource } from '@puhui/core';
import type { Store } from '@puhui/store';
import type { PaymentChannel } from './payments/channel.ts';
import type { Notifier } from './platform/notifier.ts';

/** Security settings the use cases need. */
export interface AuthSettings {
  /** Secret for signing access tokens (HMAC-SHA256), at least 32 bytes. */
  readonly tokenSecret: string;
  /** Lifetime of a staff or borrower access token. */
  readonly tokenTtlSeconds: number;
  /** Failed sign-ins in a row before a staff account is locked. */
  readonly maxFailedSignIns: number;
  readonly lockoutMinutes: number;
  /** Lifetime of a borrower one-time code. */
  readonly otpTtlSeconds: number;
  readonly otpMaxAttempts: number;
  /** Codes one phone number may request per hour. */
  readonly otpPerHour: number;
  /** Accepted clock skew of a partner request's timestamp. */
  readonly signatureWindowSeconds: number;
}

export const defaultAuthSettings: Omit<AuthSettings, 'tokenSecret'> = {
  tokenTtlSeconds: 15 * 60,
  maxFailedSignIns: 5,
  lockoutMinutes: 15,
  otpTtlSeconds: 5 * 60,
  otpMaxAttempts: 5,
  otpPerHour: 5,
  signatureWindowSeconds: 300,
};

/**
 * Everything a use case needs from the outside world, passed in explicitly: the store, the clock,
 * the id source and the ports (notifications). Adapters (HTTP, CLI, batch) build one and share it.
 */
export interface ServiceContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly notifier: Notifier;
  readonly auth: AuthSettings;
  /**
   * The lender's business time zone (IANA, e.g. Asia/Shanghai): "today" for a new business
   * calendar, the demo book and the scheduled end of day. Default UTC.
   */
  readonly timeZone?: string;
  /** Payment channels borrowers may pay through (none when absent). */
  readonly paymentChannels?: readonly PaymentChannel[] | undefined;
}

/** The authenticated caller of a use case. */
export type Principal =
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly username: string;
      readonly roles: readonly import('@puhui/core').Role[];
      readonly sessionId: string;
    }
  | { readonly kind: 'borrower'; readonly id: string; readonly sessionId: string }
  | { readonly kind: 'partner'; readonly id: string }
  | { readonly kind: 'system'; readonly id: string };

/** How a principal appears in the audit log (`user:usr_…`, `partner:ptn_…`). */
export function actorOf(principal: Principal): string {
  return `${principal.kind}:${principal.id}`;
}

/** The current instant as ISO-8601 UTC text, the store's timestamp format. */
export function nowIso(ctx: Pick<ServiceContext, 'clock'>): string {
  return ctx.clock.now().toISOString();
}
