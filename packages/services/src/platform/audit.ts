import { type AuditRow, appendAudit, type Tx } from '@puhui/store';
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
