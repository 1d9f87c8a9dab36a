import { createBorrower, getBorrower, listBorrowers, type ServiceContext } from '@puhui/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access.ts';
import { idempotent } from '../plugins/idempotent.ts';
import { borrowerSchema, idempotencyHeaders, idParams, pageQuery } from './schemas.ts';

/** Borrowers: staff see all; a partner sees and creates only its referrals; a borrower sees itself. */
export async function borrowerRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/borrowers',
    {
      config: { access: { staff: 'borrowers:read', partner: true } },
      schema: {
        tags: ['borrowers'],
        summary: 'List borrowers, or those whose name or phone number contains `q`',
        querystring: pageQuery.extend({ q: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(borrowerSchema) }) },
      },
    },
    async (request) => ({ items: await listBorrowers(ctx, principalOf(request), request.query) }),
  );
  r.get(
    '/borrowers/:id',
    {
      config: { access: { staff: 'borrowers:read', borrower: true, partner: true } },
      schema: {
        tags: ['borrowers'],
        summary: 'One borrower',
        params: idParams,
        response: { 200: borrowerSchema },
      },
    },
    async (request) => getBorrower(ctx, principalOf(request), request.params.id),
  );
  r.post(
    '/borrowers',
    {
      config: { access: { staff: 'borrowers:write', partner: true } },
      schema: {
        tags: ['borrowers'],
        summary: 'Register a borrower (a partner registers the people it refers)',
        headers: idempotencyHeaders,
        body: z.strictObject({
          phone: z.string().min(8).max(16),
          fullName: z.string().min(1).max(100),
          externalRef: z.string().min(1).max(64).optional(),
        }),
        response: { 201: borrowerSchema },
      },
    },
    async (request, reply) =>
      idempotent(ctx, request, reply, async (tx) => ({
        status: 201,
        body: await createBorrower(ctx, tx, principalOf(request), request.body),
      })),
  );
}
