import {
  ageingTable,
  classificationTable,
  flowsReport,
  flowsTable,
  parTable,
  portfolioAt,
  productMixReport,
  productMixTable,
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

const amount = z.string().describe('Decimal amount in major units, e.g. "1234.56"');
const fraction = z.string().describe('A share as a decimal fraction with 4 places, e.g. "0.0523"');
const category = z.enum(['normal', 'special_mention', 'substandard', 'doubtful', 'loss']);
const filed = (schema: z.ZodType) =>
  schema.describe('The report as JSON; with format=csv or xlsx the file instead (text/csv or Excel)');
const parBucket = z.object({ principal: amount, ratio: fraction, loans: z.number() });
const parReport = z
  .object({
    date: z.string(),
    currencies: z.array(
      z.object({
        currency: z.string(),
        loans: z.number(),
        principal: amount.describe('Principal outstanding on active loans'),
        par: z.object({ par1: parBucket, par30: parBucket, par60: parBucket, par90: parBucket }),
        npl: z.object({ principal: amount, ratio: fraction }),
      }),
    ),
  })
  .meta({ id: 'ParReport' });
const classificationReport = z
  .object({
    date: z.string(),
    rows: z.array(
      z.object({
        currency: z.string(),
        category,
        loans: z.number(),
        principal: amount,
        exposure: amount,
        required: amount.describe('Loss allowance required: exposure × the product rate'),
        held: amount.describe('Loss allowance held on the books'),
      }),
    ),
  })
  .meta({ id: 'ClassificationReport' });
const ageingReport = z
  .object({
    date: z.string(),
    rows: z.array(
      z.object({
        currency: z.string(),
        bucket: z.string(),
        loans: z.number(),
        principal: amount,
        overdue: amount,
      }),
    ),
  })
  .meta({ id: 'AgeingReport' });
const flowsReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    period: z.enum(['day', 'month']),
    rows: z.array(
      z.object({
        period: z.string().describe('YYYY-MM-DD or YYYY-MM'),
        currency: z.string(),
        disbursements: amount,
        disbursementCount: z.number(),
        collections: amount,
        collectionCount: z.number(),
        recoveries: amount,
      }),
    ),
  })
  .meta({ id: 'FlowsReport' });
const trialBalanceSchema = z
  .object({
    date: z.string().nullable(),
    rows: z.array(
      z.object({
        account: z.string(),
        name: z.string(),
        nameZh: z.string(),
        type: z.string(),
        currency: z.string(),
        debit: amount,
        credit: amount,
        balance: amount,
        normalSide: z.string(),
      }),
    ),
    totals: z.array(z.object({ currency: z.string(), debit: amount, credit: amount, balanced: z.boolean() })),
    balanced: z.boolean(),
  })
  .meta({ id: 'TrialBalanceReport' });
const reconciliationSchema = z
  .object({
    balanced: z.boolean(),
    lines: z.array(
      z.object({
        currency: z.string(),
        component: z.string(),
        account: z.string(),
        subledgerMinor: z.number(),
        ledgerMinor: z.number(),
        differenceMinor: z.number(),
      }),
    ),
    loanDifferences: z.array(
      z.object({
        loanId: z.string(),
        component: z.string(),
        subledgerMinor: z.number(),
        ledgerMinor: z.number(),
      }),
    ),
    loansChecked: z.number(),
  })
  .meta({ id: 'ReconciliationReport' });
const productMixSchema = z
  .object({
    date: z.string(),
    rows: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        currency: z.string(),
        loans: z.number(),
        principal: amount,
        exposure: amount,
      }),
    ),
  })
  .meta({ id: 'ProductMixReport' });

/**
 * Portfolio and accounting reports (PAR, NPL, classification, provisioning, ageing, flows, trial
 * balance, reconciliation, product mix) as JSON, CSV or Excel. Dates before the open business date
 * read the figures stored by that date's end of day.
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
        response: { 200: filed(trialBalanceSchema) },
      },
    },
    async (request, reply) => {
      const tb = await trialBalanceReport(ctx, request.query.date);
      return send(reply, 'trial-balance', request.query.format, tb, () => trialBalanceTable(tb));
    },
  );
  type Summary = Awaited<ReturnType<typeof portfolioAt>>;
  const portfolio = [
    ['par', 'Portfolio at risk (PAR1/30/60/90) and NPL ratio', parReport, (s: Summary) => s.par, parTable],
    [
      'classification',
      'Loans per classification category',
      classificationReport,
      (s: Summary) => s.classification,
      classificationTable,
    ],
    [
      'provisioning',
      'Loss allowance required and held per category',
      classificationReport,
      (s: Summary) => s.classification,
      provisioningTable,
    ],
    ['ageing', 'Arrears ageing buckets', ageingReport, (s: Summary) => s.ageing, ageingTable],
  ] as const;
  for (const [kind, summary, schema, pick, table] of portfolio) {
    r.get(
      `/reports/${kind}`,
      {
        config: { access },
        schema: { tags: ['reports'], summary, querystring: dated, response: { 200: filed(schema) } },
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
        response: { 200: filed(flowsReportSchema) },
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
        response: { 200: filed(reconciliationSchema) },
      },
    },
    async (request, reply) => {
      const rec = await reconcileBooks(ctx, ctx.store.db);
      return send(reply, 'reconciliation', request.query.format, rec, () => reconciliationTable(rec));
    },
  );
  r.get(
    '/reports/products',
    {
      config: { access },
      schema: {
        tags: ['reports'],
        summary: 'Product mix: active loans, principal outstanding and exposure per product code (now)',
        querystring: z.strictObject({ format }),
        response: { 200: filed(productMixSchema) },
      },
    },
    async (request, reply) => {
      const mix = await productMixReport(ctx);
      return send(reply, 'products', request.query.format, mix, () => productMixTable(mix));
    },
  );
}
