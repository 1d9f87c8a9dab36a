import {
  ageingTable,
  classificationTable,
  flowsReport,
  flowsTable,
  parTable,
  portfolioAt,
  provisioningTable,
  type ReportTable,
  reconcileBooks,
  reconciliationTable,
  type ServiceContext,
  toCsv,
  toXlsx,
  trialBalanceReport,
  trialBalanceTable,
} from '@puhui/services';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from './schemas.ts';

const format = z
  .enum(['json', 'csv', 'xlsx'])
  .default('json')
  .describe('json (default), csv or xlsx download');
const dated = z.strictObject({ date: isoDate.optional(), format });

async function send(
  reply: FastifyReply,
  kind: string,
  fmt: 'json' | 'csv' | 'xlsx',
  json: unknown,
  table: () => ReportTable,
) {
  if (fmt === 'json') return json;
  if (fmt === 'csv') {
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${kind}.csv"`);
    return reply.send(toCsv(table()));
  }
  reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${kind}.xlsx"`);
  return reply.send(await toXlsx([table()]));
}

const anyJson = z.unknown().describe('The report (JSON), or the CSV / Excel file');

/**
 * Portfolio and accounting reports (PAR, NPL, classification, provisioning, ageing, flows, trial
 * balance, reconciliation) as JSON, CSV or Excel. Dates before the open business date read the
 * figures stored by that date's end of day.
 */
export async function reportRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { staff: 'reports:read' } as const;
  r.get(
    '/reports/trial-balance',
    {
      config: { access },
      schema: {
        tags: ['reports'],
        summary: 'Trial balance: every account, debit and credit totals as decimal strings',
        querystring: dated,
        response: { 200: anyJson },
      },
    },
    async (request, reply) => {
      const tb = await trialBalanceReport(ctx, request.query.date);
      return send(reply, 'trial-balance', request.query.format, tb, () => trialBalanceTable(tb));
    },
  );
  const portfolio = [
    [
      'par',
      'Portfolio at risk (PAR1/30/60/90) and NPL ratio',
      (s: Awaited<ReturnType<typeof portfolioAt>>) => s.par,
      parTable,
    ],
    [
      'classification',
      'Loans per classification category',
      (s: Awaited<ReturnType<typeof portfolioAt>>) => s.classification,
      classificationTable,
    ],
    [
      'provisioning',
      'Loss allowance required and held per category',
      (s: Awaited<ReturnType<typeof portfolioAt>>) => s.classification,
      provisioningTable,
    ],
    [
      'ageing',
      'Arrears ageing buckets',
      (s: Awaited<ReturnType<typeof portfolioAt>>) => s.ageing,
      ageingTable,
    ],
  ] as const;
  for (const [kind, summary, pick, table] of portfolio) {
    r.get(
      `/reports/${kind}`,
      {
        config: { access },
        schema: { tags: ['reports'], summary, querystring: dated, response: { 200: anyJson } },
      },
      async (request, reply) => {
        const s = await portfolioAt(ctx, request.query.date);
        return send(reply, kind, request.query.format, pick(s), () => table(s));
      },
    );
  }
  r.get(
    '/reports/flows',
    {
      config: { access },
      schema: {
        tags: ['reports'],
        summary: 'Disbursements and collections by day or month',
        querystring: z.strictObject({
          from: isoDate,
          to: isoDate,
          period: z.enum(['day', 'month']).default('month'),
          format,
        }),
        response: { 200: anyJson },
      },
    },
    async (request, reply) => {
      const f = await flowsReport(ctx, request.query);
      return send(reply, 'flows', request.query.format, f, () => flowsTable(f));
    },
  );
  r.get(
    '/reports/reconciliation',
    {
      config: { access },
      schema: {
        tags: ['reports'],
        summary: 'Loan sub-ledger against the general-ledger control accounts, in total and loan by loan',
        querystring: z.strictObject({ format }),
        response: { 200: anyJson },
      },
    },
    async (request, reply) => {
      const rec = await reconcileBooks(ctx, ctx.store.db);
      return send(reply, 'reconciliation', request.query.format, rec, () => reconciliationTable(rec));
    },
  );
}
