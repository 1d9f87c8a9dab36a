import { roles } from '@puhui/core';
import { createUser, getUser, listUsers, type ServiceContext } from '@puhui/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access.ts';
import { idempotent } from '../plugins/idempotent.ts';
import { idempotencyHeaders, idParams, pageQuery, userSchema } from './schemas.ts';

/** Staff user administration. */
export async function userRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/users',
    {
      config: { access: { staff: 'users:read' } },
      schema: {
        tags: ['users'],
        summary: 'List staff users',
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async (request) => ({ items: await listUsers(ctx, request.query) }),
  );
  r.get(
    '/users/:id',
    {
      config: { access: { staff: 'users:read' } },
      schema: { tags: ['users'], summary: 'One staff user', params: idParams, response: { 200: userSchema } },
    },
    async (request) => getUser(ctx, request.params.id),
  );
  r.post(
    '/users',
    {
      config: { access: { staff: 'users:manage' } },
      schema: {
        tags: ['users'],
        summary: 'Create a staff user',
        headers: idempotencyHeaders,
        body: z.strictObject({
          username: z.string().min(2).max(63),
          displayName: z.string().min(1).max(100),
          password: z.string().min(1).max(256),
          roles: z.array(z.enum(roles)).min(1).max(roles.length),
        }),
        response: { 201: userSchema },
      },
    },
    async (request, reply) =>
      idempotent(ctx, request, reply, async (tx) => ({
        status: 201,
        body: await createUser(ctx, tx, principalOf(request), request.body),
      })),
  );
}
