import {
  approveProduct,
  changeProduct,
  createProduct,
  getProduct,
  listProducts,
  rejectProduct,
  type ServiceContext,
} from '@puhui/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../plugins/access.ts';
import { idempotent } from '../../plugins/idempotent.ts';
import { idempotencyHeaders, idParams, pageQuery } from '../schemas.ts';
import { productConfigSchema, productSchema } from './schemas.ts';

/**
 * Loan products: product managers create and change them (each change a new pending version);
 * a second user with `products:approve` activates or rejects a version (maker-checker).
 */
export async function productRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const body = z.strictObject({ name: z.string().min(1).max(100), config: productConfigSchema });
  r.get(
    '/products',
    {
      config: { access: { staff: 'products:read' } },
      schema: {
        tags: ['products'],
        summary: 'List product versions',
        querystring: pageQuery.extend({
          status: z.enum(['pending', 'active', 'rejected', 'retired']).optional(),
          code: z.string().max(32).optional(),
        }),
        response: { 200: z.object({ items: z.array(productSchema) }) },
      },
    },
    async (request) => ({ items: await listProducts(ctx, request.query) }),
  );
  r.get(
    '/products/:id',
    {
      config: { access: { staff: 'products:read' } },
      schema: {
        tags: ['products'],
        summary: 'One product version',
        params: idParams,
        response: { 200: productSchema },
      },
    },
    async (request) => getProduct(ctx, request.params.id),
  );
  r.post(
    '/products',
    {
      config: { access: { staff: 'products:write' } },
      schema: {
        tags: ['products'],
        summary: 'Create a product (version 1, pending approval)',
        headers: idempotencyHeaders,
        body: body.extend({ code: z.string().min(2).max(32) }),
        response: { 201: productSchema },
      },
    },
    async (request, reply) =>
      idempotent(ctx, request, reply, async (tx) => ({
        status: 201,
        body: await createProduct(ctx, tx, principalOf(request), request.body),
      })),
  );
  r.post(
    '/products/:id/versions',
    {
      config: { access: { staff: 'products:write' } },
      schema: {
        tags: ['products'],
        summary: 'Propose a new version of a product (pending approval; the active one stays in force)',
        headers: idempotencyHeaders,
        params: idParams,
        body,
        response: { 201: productSchema },
      },
    },
    async (request, reply) =>
      idempotent(ctx, request, reply, async (tx) => ({
        status: 201,
        body: await changeProduct(ctx, tx, principalOf(request), request.params.id, request.body),
      })),
  );
  for (const [path, decide, summary] of [
    ['approve', approveProduct, 'Approve a pending version (not by its maker); it becomes active'],
    ['reject', rejectProduct, 'Reject a pending version (not by its maker)'],
  ] as const) {
    r.post(
      `/products/:id/${path}`,
      {
        config: { access: { staff: 'products:approve' } },
        schema: {
          tags: ['products'],
          summary,
          headers: idempotencyHeaders,
          params: idParams,
          response: { 200: productSchema },
        },
      },
      async (request, reply) =>
        idempotent(ctx, request, reply, async (tx) => ({
          status: 200,
          body: await decide(ctx, tx, principalOf(request), request.params.id),
        })),
    );
  }
}
