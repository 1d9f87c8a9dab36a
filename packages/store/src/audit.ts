import { type AuditBreak, auditHash, auditVerifier, stateDigest } from '@puhui/core';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from './schema.ts';
import type { Executor, Store, Tx } from './store.ts';

export type AuditRow = Selectable<AuditLogTable>;

/** One auditable action. `before`/`after` are digested, never stored. */
export interface AuditInput {
  readonly id: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Non-personal facts worth reading in the log (amounts, ids, reasons). */
  readonly details?: Record<string, unknown>;
}

/**
 * Appends a record to the hash chain inside the caller's transaction. The chain head row is
 * updated in the same statement sequence, so concurrent appends are ordered by its row lock
 * (PostgreSQL) or by SQLite's single writer.
 */
export async function appendAudit(
  tx: Tx,
  store: Pick<Store, 'capabilities'>,
  input: AuditInput,
): Promise<AuditRow> {
  let headQuery = tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (store.capabilities.rowLocks) headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();
  const row: AuditRow = {
    seq: Number(head.seq) + 1,
    id: input.id,
    occurred_at: input.occurredAt,
    actor: input.actor,
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    before_digest: stateDigest(input.before),
    after_digest: stateDigest(input.after),
    details: input.details ? JSON.stringify(input.details) : null,
    prev_hash: head.hash,
    hash: '',
  };
  row.hash = auditHash(toLink(row));
  await tx.insertInto('audit_log').values(row).execute();
  await tx.updateTable('audit_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
  return row;
}

function toLink(row: AuditRow) {
  return {
    seq: Number(row.seq),
    id: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    beforeDigest: row.before_digest,
    afterDigest: row.after_digest,
    details: row.details,
    prevHash: row.prev_hash,
  };
}

/** The outcome of {@link verifyAudit}. */
export interface AuditVerification {
  readonly ok: boolean;
  readonly records: number;
  readonly head: string;
  readonly firstBreak?: AuditBreak;
}

/**
 * Re-computes the whole chain in `seq` order, a page at a time, and reports the first broken link.
 * Also checks that the head row agrees with the last record (so deleting the newest rows is caught).
 */
export async function verifyAudit(db: Executor, pageSize = 2_000): Promise<AuditVerification> {
  const verifier = auditVerifier();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const broken = verifier.check(toLink(row), row.hash);
      if (broken) return { ok: false, records: verifier.count, head: verifier.head, firstBreak: broken };
      after = Number(row.seq);
    }
    if (rows.length < pageSize) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  if (Number(head.seq) !== verifier.count || head.hash !== verifier.head) {
    return {
      ok: false,
      records: verifier.count,
      head: verifier.head,
      firstBreak: { seq: verifier.count + 1, id: '(missing)', reason: 'sequence_gap' },
    };
  }
  return { ok: true, records: verifier.count, head: verifier.head };
}

/** Audit records, newest first, filtered by subject or actor. */
export async function listAudit(
  db: Executor,
  filter: {
    subjectType?: string | undefined;
    subjectId?: string | undefined;
    actor?: string | undefined;
    beforeSeq?: number | undefined;
    limit: number;
  },
): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.subjectType) q = q.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  if (filter.actor) q = q.where('actor', '=', filter.actor);
  if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq);
  const rows = await q.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
