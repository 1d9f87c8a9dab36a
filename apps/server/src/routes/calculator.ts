import { AppError } from '@puhui/core';
import { RATE_METHODS } from '@puhui/loans';
import { type Calculation, calculateApr, calculateSchedule, type ServiceContext } from '@puhui/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const amount = z.string().describe('Decimal string in major units');
const scheduleResponse = z
  .object({
    periods: z
      .array(
        z.object({
          n: z.number(),
          dueDate: z.string(),
          days: z.number(),
          principal: amount,
          interest: amount,
          fees: amount,
          total: amount,
          balance: amount,
        }),
      )
      .readonly(),
    totals: z.object({ principal: amount, interest: amount, fees: amount, total: amount }),
    annualizedRate: z.object({ nominal: z.string(), effective: z.string() }).nullable(),
  })
  .meta({ id: 'ScheduleResult' });

function unwrap<T>(result: Calculation<T>): T {
  if (result.ok) return result.value;
  throw new AppError(
    result.code,
    result.errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
    result.errors.map((e) => ({ path: `body.${e.field}`, message: e.reason })),
  );
}

/**
 * Public loan calculator on the loan engine: anyone (the portal's calculator, a partner's
 * checkout) can see every instalment and the annualised rate before applying. Read-only.
 */
export async function calculatorRoutes(app: FastifyInstance, _opts: { ctx: ServiceContext }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/calculator/schedule',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['calculator'],
        summary:
          'Repayment schedule and annualised rate of a loan spec (the `puhui schedule` format, docs/loan-engine.md)',
        querystring: z.strictObject({ method: z.enum(RATE_METHODS).default('cn_irr') }),
        body: z
          .record(z.string(), z.unknown())
          .describe(
            'Schedule spec: principal, currency, annualRate, repayments, … (validated by the loan engine; unknown fields are refused)',
          ),
        response: { 200: scheduleResponse },
      },
    },
    async (request) => unwrap(calculateSchedule(request.body, request.query.method)),
  );
  r.post(
    '/calculator/apr',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['calculator'],
        summary: 'Annualised rate of dated cash flows (the `puhui apr` format)',
        body: z
          .record(z.string(), z.unknown())
          .describe('{ method, flows: [{ date, amount, count?, every?, frequency? }] }'),
        response: {
          200: z.object({
            periodicRate: z.string(),
            nominalAnnualRate: z.string(),
            effectiveAnnualRate: z.string(),
          }),
        },
      },
    },
    async (request) => unwrap(calculateApr(request.body)),
  );
}
