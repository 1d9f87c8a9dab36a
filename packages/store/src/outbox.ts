import type { Selectable } from 'kysely';
import type { OutboxTable } from './schema.ts';
import type { Executor, Store, Tx } from './store.ts';

export type OutboxRow = Selectable<OutboxTable>;

/** An event to publish after the transaction that caused it commits. */
export interface OutboxEvent {
  readonly id: string;
  /** What the event is about (`loan:ln_…`); delivery is in order per subject. */
  readonly subject: string;
  readonly type: string;
  readonly payload: unknown;
  readonly createdAt: string;
}

/** Writes an event in the caller's transaction (the transactional outbox). */
export async function enqueueEvent(tx: Tx, event: OutboxEvent): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({
      id: event.id,
      subject: event.subject,
      type: event.type,
      payload: JSON.stringify(event.payload),
      created_at: event.createdAt,
      dispatched_at: null,
      attempts: 0,
      last_error: null,
      next_attempt_at: null,
    })
    .execute();
}

/**
 * The oldest undelivered events, in `seq` order. On PostgreSQL the rows are locked with
 * `FOR UPDATE SKIP LOCKED` so several dispatchers never take the same event.
 */
export async function claimPendingEvents(
  tx: Tx,
  store: Pick<Store, 'capabilities'>,
  now: string,
  limit: number,
): Promise<OutboxRow[]> {
  let q = tx
    .selectFrom('outbox')
    .selectAll()
    .where('dispatched_at', 'is', null)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .orderBy('seq')
    .limit(limit);
  if (store.capabilities.skipLocked) q = q.forUpdate().skipLocked();
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** Subjects that have an undelivered event older than `seq` (delivery must wait for it). */
export async function subjectsBlockedBefore(
  db: Executor,
  seq: number,
  subjects: readonly string[],
): Promise<Set<string>> {
  if (subjects.length === 0) return new Set();
  const rows = await db
    .selectFrom('outbox')
    .select('subject')
    .distinct()
    .where('dispatched_at', 'is', null)
    .where('seq', '<', seq)
    .where('subject', 'in', subjects)
    .execute();
  return new Set(rows.map((r) => r.subject));
}

/** Marks an event delivered. */
export async function markEventDispatched(db: Executor, seq: number, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ dispatched_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('seq', '=', seq)
    .execute();
}

/** Records a failed delivery and when to try again. */
export async function markEventFailed(
  db: Executor,
  seq: number,
  error: string,
  retryAt: string,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 500),
      next_attempt_at: retryAt,
    }))
    .where('seq', '=', seq)
    .execute();
}

/** Events newest first, optionally by subject or type, for operators. */
export async function listEvents(
  db: Executor,
  filter: {
    subject?: string | undefined;
    type?: string | undefined;
    pending?: boolean | undefined;
    limit: number;
  },
): Promise<OutboxRow[]> {
  let q = db.selectFrom('outbox').selectAll();
  if (filter.subject) q = q.where('subject', '=', filter.subject);
  if (filter.type) q = q.where('type', '=', filter.type);
  if (filter.pending) q = q.where('dispatched_at', 'is', null);
  const rows = await q.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
