import {
  approveLoan,
  chargeLoan,
  classifyLoanByStaff,
  disburseLoan,
  getLoan,
  listLoans,
  listLoanTransactionsFor,
  loanJournal,
  payoffLoan,
  payoffQuoteFor,
  previewLoan,
  recoverLoan,
  rejectLoan,
  repayLoan,
  reverseTransaction,
  type ServiceContext,
  submitLoan,
  waiveLoan,
  withdrawLoan,
  writeOffLoan,
} from '@puhui/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../plugins/access.ts';
import { idempotent } from '../../plugins/idempotent.ts';
import { idempotencyHeaders, idParams, pageQuery } from '../schemas.ts';
import {
  categorySchema,
  channel,
  disbursementSchema,
  isoDate,
  loanDetailSchema,
  loanListItemSchema,
  loanSchema,
  minor,
  operationSchema,
  transactionSchema,
} from './schemas.ts';

const amount = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const reason = z.strictObject({ reason: z.string().min(1).max(200).optional() });

/**
 * Loan accounts: application, approval (maker-checker), disbursement, repayments, payoff, charges,
 * waivers, write-off, recovery and reversal — each one database transaction with its journal
 * entries, audit record and outbox event, idempotent under `Idempotency-Key`. Borrowers read and
 * withdraw only their own loans (others answer `not_found`).
 */
export async function loanRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/loans/preview',
    {
      config: { access: { staff: 'loans:read', borrower: true } },
      schema: {
        tags: ['loans'],
        summary: 'Schedule and annualised rate of a loan on a product, before applying',
        body: z.strictObject({
          productCode: z.string().min(2).max(32),
          principalMinor: amount,
          repayments: z.number().int().min(1).max(360),
          disbursementDate: isoDate.optional(),
        }),
        response: {
          200: z.object({
            periods: z
              .array(
                z.object({
                  n: z.number(),
                  dueDate: z.string(),
                  days: z.number(),
                  principal: z.string(),
                  interest: z.string(),
                  fees: z.string(),
                  total: z.string(),
                  balance: z.string(),
                }),
              )
              .readonly(),
            totals: z.object({
              principal: z.string(),
              interest: z.string(),
              fees: z.string(),
              total: z.string(),
            }),
            annualizedRate: z.object({ nominal: z.string(), effective: z.string() }).nullable(),
          }),
        },
      },
    },
    async (request) => previewLoan(ctx, request.body),
  );
  r.get(
    '/loans',
    {
      config: { access: { staff: 'loans:read', borrower: true } },
      schema: {
        tags: ['loans'],
        summary: 'List loans with their borrowers’ names (a borrower sees its own)',
        querystring: pageQuery.extend({
          status: z
            .enum([
              'submitted',
              'approved',
              'rejected',
              'withdrawn',
              'active',
              'closed',
              'overpaid',
              'written_off',
            ])
            .optional(),
          borrowerId: z.string().max(64).optional(),
          productCode: z.string().min(2).max(32).optional(),
          classification: categorySchema.optional(),
          minDpd: z.coerce
            .number()
            .int()
            .min(0)
            .max(100_000)
            .optional()
            .describe('At least this many days past due'),
        }),
        response: { 200: z.object({ items: z.array(loanListItemSchema) }) },
      },
    },
    async (request) => ({ items: await listLoans(ctx, principalOf(request), request.query) }),
  );
  r.get(
    '/loans/:id',
    {
      config: { access: { staff: 'loans:read', borrower: true } },
      schema: {
        tags: ['loans'],
        summary: 'One loan with its schedule and status history',
        params: idParams,
        response: { 200: loanDetailSchema },
      },
    },
    async (request) => getLoan(ctx, principalOf(request), request.params.id),
  );
  r.get(
    '/loans/:id/transactions',
    {
      config: { access: { staff: 'loans:read', borrower: true } },
      schema: {
        tags: ['loans'],
        summary: 'Transactions of a loan',
        params: idParams,
        response: { 200: z.object({ items: z.array(transactionSchema) }) },
      },
    },
    async (request) => ({
      items: await listLoanTransactionsFor(ctx, principalOf(request), request.params.id),
    }),
  );
  r.get(
    '/loans/:id/payoff',
    {
      config: { access: { staff: 'loans:read', borrower: true } },
      schema: {
        tags: ['loans'],
        summary: 'What paying the loan off today costs',
        params: idParams,
        response: {
          200: z.object({
            date: z.string(),
            principalMinor: minor,
            interestMinor: minor,
            feesMinor: minor,
            penaltiesMinor: minor,
            totalMinor: minor,
          }),
        },
      },
    },
    async (request) => payoffQuoteFor(ctx, principalOf(request), request.params.id),
  );
  r.get(
    '/loans/:id/journal',
    {
      config: { access: { staff: 'loans:read' } },
      schema: {
        tags: ['loans'],
        summary: 'Journal entries of a loan in posting order',
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                businessDate: z.string(),
                valueDate: z.string(),
                txnRef: z.string(),
                txnType: z.string(),
                memo: z.string(),
                reversesId: z.string().optional(),
                lines: z
                  .array(
                    z.object({
                      account: z.string(),
                      side: z.enum(['debit', 'credit']),
                      amountMinor: minor,
                      currency: z.string(),
                    }),
                  )
                  .readonly(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await loanJournal(ctx, principalOf(request), request.params.id) }),
  );
  r.post(
    '/loans',
    {
      config: { access: { staff: 'loans:write' } },
      schema: {
        tags: ['loans'],
        summary: 'Submit a loan application on an active product',
        headers: idempotencyHeaders,
        body: z.strictObject({
          borrowerId: z.string().min(1).max(64),
          productCode: z.string().min(2).max(32),
          principalMinor: amount,
          repayments: z.number().int().min(1).max(360),
          disbursement: disbursementSchema,
        }),
        response: { 201: loanSchema },
      },
    },
    async (request, reply) =>
      idempotent(ctx, request, reply, async (tx) => ({
        status: 201,
        body: await submitLoan(ctx, tx, principalOf(request), request.body),
      })),
  );

  const decisions = [
    [
      'approve',
      'loans:write',
      false,
      'Approve a submitted loan (not by its submitter)',
      (tx, p, id) => approveLoan(ctx, tx, p, id),
    ],
    [
      'reject',
      'loans:write',
      false,
      'Reject a submitted loan (not by its submitter)',
      (tx, p, id, why) => rejectLoan(ctx, tx, p, id, why),
    ],
    [
      'withdraw',
      'loans:write',
      true,
      'Withdraw a submitted or approved loan (the borrower may withdraw its own)',
      (tx, p, id, why) => withdrawLoan(ctx, tx, p, id, why),
    ],
  ] as const satisfies ReadonlyArray<
    readonly [
      string,
      'loans:write',
      boolean,
      string,
      (
        tx: Parameters<typeof approveLoan>[1],
        p: Parameters<typeof approveLoan>[2],
        id: string,
        why?: string,
      ) => ReturnType<typeof approveLoan>,
    ]
  >;
  for (const [path, permission, borrower, summary, run] of decisions) {
    r.post(
      `/loans/:id/${path}`,
      {
        config: { access: { staff: permission, ...(borrower ? { borrower: true as const } : {}) } },
        schema: {
          tags: ['loans'],
          summary,
          headers: idempotencyHeaders,
          params: idParams,
          body: reason.nullish(),
          response: { 200: loanSchema },
        },
      },
      async (request, reply) =>
        idempotent(ctx, request, reply, async (tx) => ({
          status: 200,
          body: await run(tx, principalOf(request), request.params.id, request.body?.reason),
        })),
    );
  }

  const money = <B extends z.ZodType>(
    path: string,
    permission: 'loans:transact' | 'loans:write_off',
    summary: string,
    body: B,
    run: (
      tx: Parameters<typeof repayLoan>[1],
      p: Parameters<typeof repayLoan>[2],
      id: string,
      body: z.infer<B>,
    ) => ReturnType<typeof repayLoan>,
  ) =>
    r.post(
      `/loans/:id/${path}`,
      {
        config: { access: { staff: permission } },
        schema: {
          tags: ['loans'],
          summary,
          headers: idempotencyHeaders,
          params: idParams,
          body,
          response: { 201: operationSchema },
        },
      },
      async (request, reply) =>
        idempotent(ctx, request, reply, async (tx) => ({
          status: 201,
          body: await run(
            tx,
            principalOf(request),
            (request.params as { id: string }).id,
            request.body as z.infer<B>,
          ),
        })),
    );

  money(
    'disburse',
    'loans:transact',
    'Disburse an approved loan (to the borrower through a channel, or by entrusted payment to a merchant)',
    z.strictObject({ to: disbursementSchema.optional() }).nullish(),
    (tx, p, id, b) => disburseLoan(ctx, tx, p, id, b?.to),
  );
  money(
    'repayments',
    'loans:transact',
    'Record a repayment of any amount through a channel (a recovery when written off)',
    z.strictObject({ amountMinor: amount, channel, valueDate: isoDate.optional() }),
    (tx, p, id, b) => repayLoan(ctx, tx, p, id, b),
  );
  money(
    'payoff',
    'loans:transact',
    'Pay the loan off in full today',
    z.strictObject({ channel }),
    (tx, p, id, b) => payoffLoan(ctx, tx, p, id, b),
  );
  money(
    'charges',
    'loans:transact',
    'Charge a fee or a penalty',
    z.strictObject({ component: z.enum(['fee', 'penalty']), amountMinor: amount }),
    (tx, p, id, b) => chargeLoan(ctx, tx, p, id, b),
  );
  money(
    'waivers',
    'loans:transact',
    'Waive interest, fees or penalties (all of the component when no amount is given)',
    z.strictObject({ component: z.enum(['interest', 'fee', 'penalty']), amountMinor: amount.optional() }),
    (tx, p, id, b) => waiveLoan(ctx, tx, p, id, b),
  );
  money(
    'write-off',
    'loans:write_off',
    'Write the loan off against its loss allowance',
    z.strictObject({}).nullish(),
    (tx, p, id) => writeOffLoan(ctx, tx, p, id),
  );
  money(
    'recoveries',
    'loans:transact',
    'Record money recovered after write-off',
    z.strictObject({ amountMinor: amount, channel }),
    (tx, p, id, b) => recoverLoan(ctx, tx, p, id, b),
  );
  money(
    'reversals',
    'loans:transact',
    'Reverse a transaction; later transactions are re-applied in order',
    z.strictObject({ transactionId: z.string().min(1).max(64) }),
    (tx, p, id, b) => reverseTransaction(ctx, tx, p, id, b.transactionId),
  );
  r.post(
    '/loans/:id/classification',
    {
      config: { access: { staff: 'loans:write_off' } },
      schema: {
        tags: ['loans'],
        summary: 'Classify a loan worse than its arrears floor (never better)',
        headers: idempotencyHeaders,
        params: idParams,
        body: z.strictObject({ category: categorySchema }),
        response: { 200: loanSchema },
      },
    },
    async (request, reply) =>
      idempotent(ctx, request, reply, async (tx) => ({
        status: 200,
        body: await classifyLoanByStaff(
          ctx,
          tx,
          principalOf(request),
          request.params.id,
          request.body.category,
        ),
      })),
  );
}
