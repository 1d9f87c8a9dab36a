import { z } from 'zod';

const minor = z.number().int().describe('Integer minor units (fen for CNY)');
const rate = z
  .string()
  .regex(/^\d+(\.\d+)?%?$/)
  .max(20)
  .describe('Decimal fraction, e.g. "0.18"');
const channel = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/)
  .describe('Payment channel, e.g. alipay, wechat, bank');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('YYYY-MM-DD');

/** What a loan product fixes (docs/servicing.md). */
export const productConfigSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/),
  annualRate: rate,
  frequency: z.enum(['days', 'weeks', 'months']),
  every: z.number().int().min(1).max(12),
  amortization: z.enum(['equal_installments', 'equal_principal', 'interest_only', 'bullet']),
  interestMethod: z.enum(['declining_balance', 'flat']),
  daysInYear: z.union([z.literal('actual'), z.literal(360), z.literal(365)]),
  fees: z
    .array(
      z.union([
        z.strictObject({
          name: z.string().min(1).max(40),
          type: z.literal('flat'),
          amountMinor: minor.min(0),
          at: z.enum(['disbursement', 'installment']),
        }),
        z.strictObject({
          name: z.string().min(1).max(40),
          type: z.literal('percent'),
          rate,
          at: z.enum(['disbursement', 'installment']),
        }),
      ]),
    )
    .max(5)
    .readonly(),
  limits: z.strictObject({
    minPrincipalMinor: minor.min(1),
    maxPrincipalMinor: minor.min(1),
    minRepayments: z.number().int().min(1).max(360),
    maxRepayments: z.number().int().min(1).max(360),
  }),
  allocation: z.enum([
    'mifos_standard',
    'interest_principal_penalties_fees',
    'due_penalty_fee_interest_principal_in_advance_principal_penalty_fee_interest',
    'due_penalty_interest_principal_fee_in_advance_penalty_interest_principal_fee',
  ]),
  penalty: z
    .strictObject({
      annualRate: rate,
      graceDays: z.number().int().min(0).max(90),
      base: z.enum(['principal', 'principal_interest']),
      daysInYear: z.union([z.literal(360), z.literal(365)]),
    })
    .nullable(),
  classification: z.strictObject({
    specialMention: z.number().int(),
    substandard: z.number().int(),
    doubtful: z.number().int(),
    loss: z.number().int(),
  }),
  provisioning: z.strictObject({
    normal: rate,
    special_mention: rate,
    substandard: rate,
    doubtful: rate,
    loss: rate,
  }),
  basis: z.enum(['cash', 'accrual']),
  dueSoonDays: z.number().int().min(0).max(60),
});

export const productSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    version: z.number(),
    name: z.string(),
    status: z.enum(['pending', 'active', 'rejected', 'retired']),
    config: productConfigSchema,
    maker: z.string(),
    checker: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'LoanProduct' });

const position = z.object({
  principalMinor: minor,
  interestMinor: minor,
  feesMinor: minor,
  penaltiesMinor: minor,
  overpaymentMinor: minor,
});

export const disbursementSchema = z.union([
  z.strictObject({ kind: z.literal('channel'), channel }),
  z.strictObject({
    kind: z.literal('merchant'),
    merchant: channel.describe('Merchant account key (entrusted payment)'),
  }),
]);

export const loanSchema = z
  .object({
    id: z.string(),
    borrowerId: z.string(),
    productId: z.string(),
    status: z.enum([
      'submitted',
      'approved',
      'rejected',
      'withdrawn',
      'active',
      'closed',
      'overpaid',
      'written_off',
    ]),
    currency: z.string(),
    basis: z.enum(['cash', 'accrual']),
    principalMinor: minor,
    repayments: z.number(),
    disbursement: disbursementSchema,
    position,
    totalOutstandingMinor: minor,
    overdueMinor: minor,
    dpd: z.number(),
    classification: z.string(),
    staffClassification: z.string().nullable(),
    nextDueDate: z.string().nullable(),
    disbursedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Loan' });

export const loanListItemSchema = loanSchema
  .extend({ borrowerName: z.string() })
  .meta({ id: 'LoanListItem' });

const components = z.object({ principal: minor, interest: minor, fee: minor, penalty: minor });

export const loanDetailSchema = loanSchema
  .extend({
    installments: z
      .array(
        z.object({
          n: z.number(),
          dueDate: z.string(),
          dueMinor: components,
          paidMinor: components,
          outstandingMinor: minor,
        }),
      )
      .readonly(),
    classificationHistory: z
      .array(
        z.object({
          from: z.string(),
          to: z.string(),
          source: z.enum(['transaction', 'end_of_day', 'staff']),
          actor: z.string(),
          dpd: z.number().int(),
          businessDate: z.string(),
          at: z.string(),
        }),
      )
      .readonly(),
    statusHistory: z
      .array(
        z.object({
          from: z.string().nullable(),
          to: z.string(),
          actor: z.string(),
          at: z.string(),
          businessDate: z.string(),
          reason: z.string().nullable(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'LoanDetail' });

export const transactionSchema = z
  .object({
    id: z.string(),
    loanId: z.string(),
    type: z.string(),
    businessDate: z.string(),
    valueDate: z.string(),
    amountMinor: minor,
    channel: z.string().nullable(),
    allocation: z
      .object({ principal: minor, interest: minor, fee: minor, penalty: minor, overpayment: minor })
      .nullable(),
    reversedBy: z.string().nullable(),
    journalEntries: z.array(z.string()).readonly(),
    createdAt: z.string(),
  })
  .meta({ id: 'LoanTransaction' });

export const operationSchema = z
  .object({ transaction: transactionSchema, loan: loanSchema })
  .meta({ id: 'LoanOperation' });

export const categorySchema = z.enum(['normal', 'special_mention', 'substandard', 'doubtful', 'loss']);

export { channel, isoDate, minor };
