import { permissionsOf } from '@puhui/core';
import { changePassword, requestOtp, type ServiceContext, signIn, signOut, verifyOtp } from '@puhui/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access.ts';
import { tokenSchema } from './schemas.ts';

const phone = z.string().regex(/^\+[1-9][0-9]{7,14}$/, 'E.164 phone number, e.g. +8613800000001');

/** Staff sign-in/out and password change; borrower one-time-code sign-in; `GET /auth/me`. */
export async function authRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext; authRateLimitPerMinute: number },
): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const strict = {
    max: opts.authRateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req: { ip: string }) => `auth:${req.ip}`,
  };

  r.post(
    '/auth/sign-in',
    {
      config: { access: { public: true }, rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in with user name and password',
        body: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: tokenSchema },
      },
    },
    async (request) => signIn(ctx, request.body),
  );

  r.post(
    '/auth/sign-out',
    {
      config: { access: { anyStaff: true, borrower: true } },
      schema: { tags: ['auth'], summary: 'Revoke the current access token', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await signOut(ctx, principalOf(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/auth/password',
    {
      config: { access: { anyStaff: true }, rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Change the signed-in user’s password (revokes every session)',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(256),
          newPassword: z.string().min(1).max(256),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(ctx, principalOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    {
      config: { access: { anyStaff: true, borrower: true, partner: true } },
      schema: {
        tags: ['auth'],
        summary: 'Who the caller is and what it may do',
        response: {
          200: z.object({
            kind: z.enum(['user', 'borrower', 'partner']),
            id: z.string(),
            username: z.string().optional(),
            roles: z.array(z.string()),
            permissions: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      if (p.kind === 'user') {
        return {
          kind: 'user' as const,
          id: p.id,
          username: p.username,
          roles: [...p.roles],
          permissions: [...permissionsOf(p.roles)].sort(),
        };
      }
      return { kind: p.kind as 'borrower' | 'partner', id: p.id, roles: [], permissions: [] };
    },
  );

  r.post(
    '/auth/otp',
    {
      config: { access: { public: true }, rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Send a one-time sign-in code to a borrower’s phone',
        body: z.strictObject({ phone }),
        response: { 202: z.object({ expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const result = await requestOtp(ctx, request.body.phone);
      return reply.code(202).send(result);
    },
  );

  r.post(
    '/auth/otp/verify',
    {
      config: { access: { public: true }, rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Exchange phone number and one-time code for a borrower token',
        body: z.strictObject({ phone, code: z.string().regex(/^[0-9]{6}$/, 'six digits') }),
        response: { 200: tokenSchema },
      },
    },
    async (request) => verifyOtp(ctx, request.body.phone, request.body.code),
  );
}
