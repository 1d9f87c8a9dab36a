import {
  amountDueFor,
  confirmPayment,
  initiatePayment,
  listPaymentChannels,
  listPaymentsFor,
  type ServiceContext,
} from '@puhui/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access.ts';
import { idempotent } from '../plugins/idempotent.ts';
import { channel, minor } from './lending/schemas.ts';
import { idempotencyHeaders, idParams, pageQuery } from './schemas.ts';

const components = z.object({
  principalMinor: minor,
  interestMinor: minor,
  feeMinor: minor,
  penaltyMinor: minor,
  totalMinor: minor,
});

export const paymentSchema = z
  .object({
    id: z.string(),
    loanId: z.string(),
    channel: z.string(),
    amountMinor: minor,
    currency: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    reference: z.string().nullable(),
    transactionId: z.string().nullable().describe('The loan transaction that booked the repayment'),
    failureReason: z.string().nullable(),
    createdAt: z.string(),
    settledAt: z.string().nullable(),
  })
  .meta({ id: 'Payment' });

export const amountDueSchema = z
  .object({
    date: z.string().describe('The business date the amounts are as of'),
    overdue: components,
    next: components.extend({ n: z.number(), dueDate: z.string() }).nullable(),
    nextPaymentMinor: minor.describe('Overdue plus the next instalment, at most the payoff'),
    payoffMinor: minor,
  })
  .meta({ id: 'AmountDue' });

/**
 * Borrower payments through payment channels: what is due, the channels offered, paying (an
 * intent, idempotent under `Idempotency-Key`), the payments of a loan, and each channel's callback
 * — public, authenticated by the channel's own signature (docs/security.md), booking the repayment
 * exactly once.
 */
export async function paymentRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/payment-channels',
    {
      config: { access: { staff: 'loans:read', borrower: true } },
      schema: {
        tags: ['payments'],
        summary: 'Payment channels a borrower can pay through',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), sandbox: z.boolean() })) }),
        },
      },
    },
    async () => ({ items: listPaymentChannels(ctx) }),
  );
  r.get(
    '/loans/:id/due',
    {
      config: { access: { staff: 'loans:read', borrower: true } },
      schema: {
        tags: ['payments'],
        summary: 'What is overdue and what falls due next, by component',
        params: idParams,
        response: { 200: amountDueSchema },
      },
    },
    async (request) => amountDueFor(ctx, principalOf(request), request.params.id),
  );
  r.get(
    '/loans/:id/payments',
    {
      config: { access: { staff: 'loans:read', borrower: true } },
      schema: {
        tags: ['payments'],
        summary: 'Payments of a loan through payment channels, newest first',
        params: idParams,
        querystring: pageQuery.extend({ status: z.enum(['pending', 'succeeded', 'failed']).optional() }),
        response: { 200: z.object({ items: z.array(paymentSchema) }) },
      },
    },
    async (request) => ({
      items: await listPaymentsFor(ctx, principalOf(request), request.params.id, request.query),
    }),
  );
  r.post(
    '/loans/:id/payments',
    {
      config: { access: { borrower: true } },
      schema: {
        tags: ['payments'],
        summary: 'Pay towards your own active loan through a payment channel (at most the payoff amount)',
        headers: idempotencyHeaders,
        params: idParams,
        body: z.strictObject({
          amountMinor: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
          channel,
        }),
        response: { 201: paymentSchema },
      },
    },
    async (request, reply) =>
      idempotent(ctx, request, reply, async (tx) => ({
        status: 201,
        body: await initiatePayment(ctx, tx, principalOf(request), request.params.id, request.body),
      })),
  );
  r.post(
    '/payment-channels/:channel/callbacks',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['payments'],
        summary: "A payment channel confirms or fails a payment (signed with the channel's own scheme)",
        security: [],
        params: z.strictObject({ channel }),
        body: z
          .looseObject({})
          .describe(
            'The channel’s own format; the sandbox sends {paymentId, reference, status, amountMinor, failureReason?} signed in X-Sandbox-Timestamp and X-Sandbox-Signature',
          ),
        response: { 200: paymentSchema },
      },
    },
    async (request) =>
      confirmPayment(ctx, request.params.channel, {
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
        ),
        rawBody: request.rawBody ?? '',
      }),
  );
}
