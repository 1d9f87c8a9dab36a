import { listAuditRecords, listOutboxEvents, type ServiceContext, verifyAuditChain } from '@puhui/services';
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
    async (request) => ({ items: await listAuditRecords(ctx, request.query) }),
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
    async () => verifyAuditChain(ctx),
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
    async (request) => ({
      items: await listOutboxEvents(ctx, {
        ...request.query,
        pending: request.query.pending === 'true' ? true : undefined,
      }),
    }),
  );
}
