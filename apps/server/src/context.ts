import { type Clock, type IdSource, randomIds, systemClock } from '@puhui/core';
import { type AuthSettings, defaultAuthSettings, outboxNotifier, type ServiceContext } from '@puhui/services';
import type { Store } from '@puhui/store';

/**
 * Wires a service context for the server and the CLI: the store, the real clock and random ids
 * unless given, and the built-in outbox notifier writing to `log`.
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
  };
  return ctx;
}
