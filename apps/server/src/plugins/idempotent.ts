import { AppError } from '@puhui/core';
import { actorOf, runIdempotent, type ServiceContext, type StoredResponse } from '@puhui/services';
import type { Tx } from '@puhui/store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { principalOf } from './access.ts';

/**
 * Runs a creating or money-moving handler under the request's `Idempotency-Key` (required): the
 * use case and the stored response commit together; a repeat replays the first response (with
 * `Idempotent-Replayed: true`), a repeat with another body is 409 `idempotency_key_conflict`.
 *
 * @example return idempotent(ctx, request, reply, async (tx) => ({ status: 201, body: await createX(tx, …) }));
 */
export async function idempotent<T>(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  fn: (tx: Tx) => Promise<StoredResponse<T>>,
): Promise<T> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) throw new AppError('idempotency_key_required');
  const result = await runIdempotent(
    ctx,
    {
      scope: actorOf(principalOf(request)),
      key,
      fingerprint: {
        method: request.method,
        route: request.routeOptions.url,
        params: request.params,
        body: request.body ?? null,
      },
    },
    fn,
  );
  reply.code(result.status);
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return result.body;
}
