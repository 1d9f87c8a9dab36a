import type { ServiceContext } from '../context.ts';
import { emit } from './events.ts';
import type { Notifier } from './notifier.ts';

/**
 * The built-in notifier: each message becomes a `notification.<channel>` outbox event (so it is
 * sent only if the transaction commits) and a log line through `log`. Replace with a gateway
 * adapter to send real SMS.
 *
 * @example const notifier = outboxNotifier(() => ctx, (m) => logger.info(m));
 */
export function outboxNotifier(
  context: () => ServiceContext,
  log: (message: string, fields: Record<string, unknown>) => void,
): Notifier {
  return {
    async send(tx, n) {
      await emit(context(), tx, `phone:${n.to}`, `notification.${n.channel}`, n);
      log(`notification queued: ${n.template} to ${maskPhone(n.to)}`, {
        channel: n.channel,
        template: n.template,
        to: maskPhone(n.to),
        ...(n.template === 'otp' ? { code: n.params.code } : {}),
      });
    },
  };
}

/** `+8613812345678` → `+86138****5678`. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '***';
  return `${phone.slice(0, phone.length - 8)}****${phone.slice(-4)}`;
}
