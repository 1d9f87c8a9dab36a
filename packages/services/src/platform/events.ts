import { enqueueEvent, listEvents, type Tx } from '@puhui/store';
import { nowIso, type ServiceContext } from '../context.ts';

/**
 * Writes a domain event to the transactional outbox in the use case's transaction; the dispatcher
 * publishes it after commit, at least once and in order per subject.
 *
 * @example await emit(ctx, tx, `borrower:${id}`, 'borrower.created', { borrowerId: id });
 */
export async function emit(
  ctx: ServiceContext,
  tx: Tx,
  subject: string,
  type: string,
  payload: unknown,
): Promise<string> {
  const id = ctx.ids.next('evt');
  await enqueueEvent(tx, { id, subject, type, payload, createdAt: nowIso(ctx) });
  return id;
}

/** One outbox event as the API shows it. */
export interface OutboxEventView {
  readonly seq: number;
  readonly id: string;
  readonly subject: string;
  readonly type: string;
  readonly createdAt: string;
  readonly dispatchedAt: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
}

/**
 * Outbox events, newest first, filtered by subject, type or still pending.
 *
 * @example const pending = await listOutboxEvents(ctx, { pending: true, limit: 50 });
 */
export async function listOutboxEvents(
  ctx: ServiceContext,
  filter: Parameters<typeof listEvents>[1],
): Promise<OutboxEventView[]> {
  const rows = await listEvents(ctx.store.db, filter);
  return rows.map((e) => ({
    seq: e.seq,
    id: e.id,
    subject: e.subject,
    type: e.type,
    createdAt: e.created_at,
    dispatchedAt: e.dispatched_at,
    attempts: e.attempts,
    lastError: e.last_error,
  }));
}
