import {
  claimPendingEvents,
  markEventDispatched,
  markEventFailed,
  type OutboxRow,
  subjectsBlockedBefore,
} from '@puhui/store';
import { nowIso, type ServiceContext } from '../context.ts';

/** Where events go: webhooks, an SMS gateway, a message broker. Throwing means "try again later". */
export interface EventSink {
  deliver(event: {
    id: string;
    subject: string;
    type: string;
    payload: unknown;
    createdAt: string;
  }): Promise<void>;
}

export interface DispatchSummary {
  readonly delivered: number;
  readonly failed: number;
  readonly deferred: number;
}

/**
 * Delivers one batch of pending outbox events to `sink`, at least once and in order per subject:
 * an event waits while an older event of its subject is still undelivered, and a failure retries
 * with exponential back-off. Safe to run from several processes at once on PostgreSQL (claimed rows
 * are locked with SKIP LOCKED).
 *
 * @example await dispatchOutbox(ctx, sink, 100);
 */
export async function dispatchOutbox(
  ctx: ServiceContext,
  sink: EventSink,
  batch = 100,
): Promise<DispatchSummary> {
  return ctx.store.transaction(async (tx) => {
    const rows = await claimPendingEvents(tx, ctx.store, nowIso(ctx), batch);
    if (rows.length === 0) return { delivered: 0, failed: 0, deferred: 0 };
    const first = rows[0] as OutboxRow;
    const blocked = await subjectsBlockedBefore(tx, first.seq, [...new Set(rows.map((r) => r.subject))]);
    let delivered = 0;
    let failed = 0;
    let deferred = 0;
    for (const row of rows) {
      if (blocked.has(row.subject)) {
        deferred++;
        continue;
      }
      try {
        await sink.deliver({
          id: row.id,
          subject: row.subject,
          type: row.type,
          payload: JSON.parse(row.payload),
          createdAt: row.created_at,
        });
        await markEventDispatched(tx, row.seq, nowIso(ctx));
        delivered++;
      } catch (error) {
        const backoffMs = Math.min(60 * 60_000, 1_000 * 2 ** Math.min(row.attempts, 12));
        const retryAt = new Date(ctx.clock.now().getTime() + backoffMs).toISOString();
        await markEventFailed(tx, row.seq, error instanceof Error ? error.message : String(error), retryAt);
        blocked.add(row.subject);
        failed++;
      }
    }
    return { delivered, failed, deferred };
  });
}
