import {
  type AuditRow,
  type AuditVerification,
  appendAudit,
  listAudit,
  type Tx,
  verifyAudit,
} from '@puhui/store';
import { actorOf, nowIso, type Principal, type ServiceContext } from '../context.ts';

/** What a use case records about one change. */
export interface AuditEntry {
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly details?: Record<string, unknown>;
}

/**
 * Appends one record to the tamper-evident audit chain inside the use case's transaction.
 *
 * @example await audit(ctx, tx, principal, { action: 'user.create', subjectType: 'user', subjectId: id, after: user });
 */
export async function audit(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  entry: AuditEntry,
): Promise<AuditRow> {
  return appendAudit(tx, ctx.store, {
    id: ctx.ids.next('aud'),
    occurredAt: nowIso(ctx),
    actor: actorOf(actor),
    ...entry,
  });
}

/** One audit record as the API shows it. */
export interface AuditRecordView {
  readonly seq: number;
  readonly id: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly beforeDigest: string | null;
  readonly afterDigest: string | null;
  readonly details: Record<string, unknown> | null;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Audit records, newest first, filtered by subject or actor and paged by `beforeSeq`.
 *
 * @example const page = await listAuditRecords(ctx, { subjectType: 'loan', limit: 50 });
 */
export async function listAuditRecords(
  ctx: ServiceContext,
  filter: Parameters<typeof listAudit>[1],
): Promise<AuditRecordView[]> {
  const rows = await listAudit(ctx.store.db, filter);
  return rows.map((row) => ({
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    beforeDigest: row.before_digest,
    afterDigest: row.after_digest,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

/**
 * Re-computes the whole hash chain and names the first broken link, if any.
 *
 * @example const { ok, firstBreak } = await verifyAuditChain(ctx);
 */
export function verifyAuditChain(ctx: ServiceContext): Promise<AuditVerification> {
  return verifyAudit(ctx.store.db);
}
