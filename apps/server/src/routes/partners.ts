import { createPartner, getPartner, listPartners, type ServiceContext } from '@puhui/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access.ts';
import { idempotent } from '../plugins/idempotent.ts';
import { idempotencyHeaders, idParams, partnerSchema } from './schemas.ts';

/** Scenario partner administration (their API keys and signing secrets). */
export async function partnerRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/partners',
    {
      config: { access: { staff: 'partners:read' } },
      schema: {
        tags: ['partners'],
        summary: 'List scenario partners',
        response: { 200: z.object({ items: z.array(partnerSchema) }) },
      },
    },
    async () => ({ items: await listPartners(ctx) }),
  );
  r.get(
    '/partners/:id',
    {
      config: { access: { staff: 'partners:read' } },
      schema: {
        tags: ['partners'],
        summary: 'One partner',
        params: idParams,
        response: { 200: partnerSchema },
      },
    },
    async (request) => getPartner(ctx, request.params.id),
  );
  r.post(
    '/partners',
    {
      config: { access: { staff: 'partners:manage' } },
      schema: {
        tags: ['partners'],
        summary: 'Register a partner; the answer carries its signing secret, shown once',
        headers: idempotencyHeaders,
        body: z.strictObject({ name: z.string().min(1).max(100) }),
        response: { 201: partnerSchema.extend({ secret: z.string() }) },
      },
    },
    async (request, reply) =>
      idempotent(ctx, request, reply, async (tx) => ({
        status: 201,
        body: await createPartner(ctx, tx, principalOf(request), request.body),
      })),
  );
}
