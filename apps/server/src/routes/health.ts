import type { ServiceContext } from '@puhui/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { sendProblem } from '../plugins/problem.ts';

/** `GET /health` (checks the database) and `GET /metrics` (Prometheus text format). */
export async function healthRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext; metrics: Registry; metricsToken: string | undefined; version: string },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/health',
    {
      config: { access: { public: true }, rateLimit: false },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database readiness',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['sqlite', 'postgres']),
            version: z.string(),
            time: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      try {
        await opts.ctx.store.ping();
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unavailable');
        reply.header('retry-after', '5');
        return sendProblem(request, reply, 'service_unavailable', 'The database does not answer');
      }
      return {
        status: 'ok' as const,
        database: opts.ctx.store.dialect,
        version: opts.version,
        time: opts.ctx.clock.now().toISOString(),
      };
    },
  );
  r.get(
    '/metrics',
    {
      config: { access: { public: true }, rateLimit: false },
      schema: { tags: ['platform'], summary: 'Prometheus metrics', hide: false },
    },
    async (request, reply) => {
      if (opts.metricsToken && request.headers.authorization !== `Bearer ${opts.metricsToken}`) {
        return sendProblem(
          request,
          reply,
          'unauthenticated',
          'Metrics need the PUHUI_METRICS_TOKEN bearer token',
        );
      }
      reply.type(opts.metrics.contentType);
      return opts.metrics.metrics();
    },
  );
}
