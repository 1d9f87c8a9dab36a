import {
  getStudy,
  listStudies,
  type ServiceContext,
  saveSitingStudy,
  solveSitingStudy,
  studyGeoJson,
} from '@puhui/services';
import { demoCounty, sitingModels } from '@puhui/siting';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access.ts';
import { idempotent } from '../plugins/idempotent.ts';
import { idempotencyHeaders, idParams, pageQuery } from './schemas.ts';

const finite = z.number().finite();
const id = z.string().min(1).max(64);

const resultSchema = z
  .object({
    model: z.enum(sitingModels),
    selected: z.array(z.string()).readonly(),
    objective: z.number(),
    coveredWeight: z.number(),
    coveredShare: z.number(),
    uncovered: z.array(z.string()).readonly(),
    assignment: z.record(z.string(), z.string()),
    gap: z.number(),
    solver: z.string(),
    seconds: z.number(),
  })
  .meta({ id: 'SitingResult' });

const studySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    model: z.string(),
    demandCount: z.number(),
    candidateCount: z.number(),
    coveredShare: z.number(),
    isDefault: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'SitingStudy' });

const problemSchema = z.object({
  coordinates: z.enum(['projected', 'lonlat']),
  demand: z.array(z.object({ id: z.string(), x: z.number(), y: z.number(), weight: z.number() })).readonly(),
  candidates: z
    .array(z.object({ id: z.string(), x: z.number(), y: z.number(), capacity: z.number().optional() }))
    .readonly(),
  costs: z
    .array(z.object({ demandId: z.string(), siteId: z.string(), cost: z.number() }))
    .readonly()
    .optional(),
  model: z.enum(sitingModels),
  p: z.number().optional(),
  radius: z.number().optional(),
  fixed: z.array(z.string()).readonly().optional(),
});

/** Service-point siting: the demo county map data, stored studies, new studies, GeoJSON export. */
export async function sitingRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/siting/demo-county',
    {
      config: { access: { staff: 'siting:read' } },
      schema: {
        tags: ['siting'],
        summary:
          'The demo county (synthetic): boundary, townships, villages with population, stations and candidate sites, in projected km',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => demoCounty as unknown as Record<string, unknown>,
  );
  r.get(
    '/siting/studies',
    {
      config: { access: { staff: 'siting:read' } },
      schema: {
        tags: ['siting'],
        summary: 'Stored siting studies, newest first',
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(studySchema) }) },
      },
    },
    async (request) => ({ items: await listStudies(ctx, request.query) }),
  );
  r.get(
    '/siting/studies/:id',
    {
      config: { access: { staff: 'siting:read' } },
      schema: {
        tags: ['siting'],
        summary: 'One study with its inputs and result',
        params: idParams,
        response: { 200: studySchema.extend({ problem: problemSchema, result: resultSchema }) },
      },
    },
    async (request) => getStudy(ctx, request.params.id),
  );
  r.get(
    '/siting/studies/:id/geojson',
    {
      config: { access: { staff: 'siting:read' } },
      schema: {
        tags: ['siting'],
        summary: 'A study as GeoJSON (longitude/latitude) for desktop GIS',
        params: idParams,
        response: {
          200: z.object({
            type: z.literal('FeatureCollection'),
            features: z.array(z.record(z.string(), z.unknown())),
          }),
        },
      },
    },
    async (request, reply) => {
      const geo = await studyGeoJson(ctx, request.params.id);
      reply.header('content-disposition', `attachment; filename="${request.params.id}.geojson"`);
      return geo as unknown as { type: 'FeatureCollection'; features: Record<string, unknown>[] };
    },
  );
  r.post(
    '/siting/studies',
    {
      config: { access: { staff: 'siting:run' } },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ['siting'],
        summary:
          'Run a location model (MCLP, LSCP, p-median, p-center) and store the study; without inputs, on the demo county',
        headers: idempotencyHeaders,
        body: z.strictObject({
          name: z.string().min(1).max(100),
          model: z.enum(sitingModels),
          p: z.number().int().min(1).max(5_000).optional(),
          radius: finite.positive().optional(),
          fixed: z.array(id).max(5_000).optional(),
          method: z.enum(['auto', 'exact', 'heuristic']).optional(),
          timeLimitSeconds: z.number().int().min(1).max(120).optional(),
          problem: z
            .strictObject({
              coordinates: z.enum(['projected', 'lonlat']),
              demand: z
                .array(z.strictObject({ id, x: finite, y: finite, weight: finite.nonnegative() }))
                .min(1)
                .max(50_000),
              candidates: z
                .array(z.strictObject({ id, x: finite, y: finite, capacity: finite.positive().optional() }))
                .min(1)
                .max(10_000),
              costs: z
                .array(z.strictObject({ demandId: id, siteId: id, cost: finite.nonnegative() }))
                .max(2_000_000)
                .optional(),
            })
            .optional(),
        }),
        response: { 201: studySchema.extend({ result: resultSchema }) },
      },
    },
    async (request, reply) => {
      const { problem, result } = await solveSitingStudy(request.body);
      return idempotent(ctx, request, reply, async (tx) => ({
        status: 201,
        body: await saveSitingStudy(ctx, tx, principalOf(request), {
          name: request.body.name,
          problem,
          result,
        }),
      }));
    },
  );
}
