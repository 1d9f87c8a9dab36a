import type { Tx } from '@puhui/store';

/** A message to a person (an SMS today; e-mail or app push later). */
export interface Notification {
  readonly channel: 'sms';
  /** Phone number in E.164. */
  readonly to: string;
  readonly template: 'otp' | (string & {});
  readonly params: Readonly<Record<string, string>>;
}

/**
 * The notification port. `send` runs inside the caller's transaction so a message is recorded if
 * and only if the action that caused it commits. A real SMS gateway is an adapter delivering the
 * `notification.sms` outbox events.
 */
export interface Notifier {
  send(tx: Tx, notification: Notification): Promise<void>;
}
