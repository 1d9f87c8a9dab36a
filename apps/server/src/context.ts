import { type Clock, type IdSource, randomIds, systemClock } from '@puhui/core';
import {
  type AuthSettings,
  defaultAuthSettings,
  outboxNotifier,
  type PaymentChannel,
  type ServiceContext,
  sandboxChannels,
} from '@puhui/services';
import type { Store } from '@puhui/store';
import type { PaymentSandboxMode } from './config.ts';

/**
 * Wires a service context for the server and the CLI: the store, the real clock and random ids
 * unless given, the built-in outbox notifier writing to `log`, and the payment channels (the
 * sandbox channels when `paymentSandbox` is `instant` or `callback`, with secrets derived from the
 * token secret; none by default).
 *
 * @example const ctx = createContext({ store, auth: { tokenSecret } });
 */
export function createContext(options: {
  store: Store;
  auth: Partial<AuthSettings> & { tokenSecret: string };
  clock?: Clock;
  ids?: IdSource;
  log?: (message: string, fields: Record<string, unknown>) => void;
  /** The business time zone (IANA); default UTC. */
  timeZone?: string;
  paymentSandbox?: PaymentSandboxMode | undefined;
  paymentChannels?: readonly PaymentChannel[];
}): ServiceContext {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const ctx: ServiceContext = {
    store: options.store,
    clock,
    ids: options.ids ?? randomIds(clock),
    notifier: outboxNotifier(() => ctx, log),
    auth: { ...defaultAuthSettings, ...options.auth },
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    paymentChannels: [
      ...(options.paymentSandbox === 'instant' || options.paymentSandbox === 'callback'
        ? sandboxChannels({ masterSecret: options.auth.tokenSecret, confirm: options.paymentSandbox, clock })
        : []),
      ...(options.paymentChannels ?? []),
    ],
  };
  return ctx;
}
