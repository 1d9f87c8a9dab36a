import { endOfDay, listEodRunsView, type ServiceContext } from '@puhui/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from './schemas.ts';

const day = z.object({
  date: z.string(),
  alreadyClosed: z.boolean(),
  loans: z.number(),
  batches: z.number(),
  entries: z.number(),
  processedHere: z.number(),
  provisionEntries: z.number(),
  reconciled: z.boolean(),
});

/**
 * End of day: close business dates (catching up missed ones) and list runs. A run is idempotent
 * by construction (a closed date changes nothing), so it needs no Idempotency-Key.
 */
export async function eodRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/eod',
    {
      config: { access: { staff: 'eod:run' } },
      schema: {
        tags: ['end of day'],
        summary: 'Close business dates up to `date` (default: the open one)',
        body: z.strictObject({ date: isoDate.optional() }).nullish(),
        response: { 200: z.object({ days: z.array(day).readonly(), openDate: z.string() }) },
      },
    },
    async (request) => endOfDay(ctx, { date: request.body?.date, worker: `http:${request.id}` }),
  );
  r.get(
    '/eod',
    {
      config: { access: { staff: 'reports:read' } },
      schema: {
        tags: ['end of day'],
        summary: 'The open business date and recent end-of-day runs (a running one with its progress)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(30) }),
        response: {
          200: z.object({
            openDate: z.string(),
            runs: z.array(
              z.object({
                date: z.string(),
                status: z.enum(['running', 'completed']),
                startedAt: z.string(),
                completedAt: z.string().nullable(),
                loans: z.number(),
                batches: z.number(),
                entries: z.number(),
                pending: z.number().describe('Active loans still to process (0 once completed)'),
              }),
            ),
          }),
        },
      },
    },
    async (request) => listEodRunsView(ctx, request.query.limit),
  );
}
