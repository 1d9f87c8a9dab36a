import type { ServiceContext } from '@puhui/services';
import { listAudit, listEvents, verifyAudit } from '@puhui/store';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const auditRecord = z
  .object({
    seq: z.number(),
    id: z.string(),
    occurredAt: z.string(),
    actor: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    beforeDigest: z.string().nullable(),
    afterDigest: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditRecord' });

/** The audit-log viewer, chain verification and the outbox for operators. */
export async function auditRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/audit',
    {
      config: { access: { staff: 'audit:read' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit records, newest first',
        querystring: z.strictObject({
          subjectType: z.string().max(40).optional(),
          subjectId: z.string().max(64).optional(),
          actor: z.string().max(80).optional(),
          beforeSeq: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(auditRecord) }) },
      },
    },
    async (request) => {
      const rows = await listAudit(ctx.store.db, request.query);
      return {
        items: rows.map((row) => ({
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
        })),
      };
    },
  );
  r.get(
    '/audit/verify',
    {
      config: { access: { staff: 'audit:verify' } },
      schema: {
        tags: ['audit'],
        summary: 'Re-compute the hash chain and report the first broken link',
        response: {
          200: z.object({
            ok: z.boolean(),
            records: z.number(),
            head: z.string(),
            firstBreak: z.object({ seq: z.number(), id: z.string(), reason: z.string() }).optional(),
          }),
        },
      },
    },
    async () => verifyAudit(ctx.store.db),
  );
  r.get(
    '/outbox',
    {
      config: { access: { staff: 'outbox:read' } },
      schema: {
        tags: ['audit'],
        summary: 'Outgoing events, newest first',
        querystring: z.strictObject({
          subject: z.string().max(80).optional(),
          type: z.string().max(80).optional(),
          pending: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number(),
                id: z.string(),
                subject: z.string(),
                type: z.string(),
                createdAt: z.string(),
                dispatchedAt: z.string().nullable(),
                attempts: z.number(),
                lastError: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rows = await listEvents(ctx.store.db, {
        ...request.query,
        pending: request.query.pending === 'true' ? true : undefined,
      });
      return {
        items: rows.map((e) => ({
          seq: e.seq,
          id: e.id,
          subject: e.subject,
          type: e.type,
          createdAt: e.created_at,
          dispatchedAt: e.dispatched_at,
          attempts: e.attempts,
          lastError: e.last_error,
        })),
      };
    },
  );
}
