import { AppError } from '@puhui/core';
import {
  findLoan,
  insertPayment,
  listPayments,
  lockPayment,
  type PaymentRow,
  type PaymentStatus,
  pendingPaymentsMinor,
  type Tx,
  updatePayment,
} from '@puhui/store';
import { nowIso, type Principal, type ServiceContext } from '../context.ts';
import type { ServicingAccount } from '../lending/account.ts';
import { snapshotOf } from '../lending/account.ts';
import { businessDate } from '../lending/books.ts';
import { productConfigOf, repayLoan, rulesOf, visible } from '../lending/loans.ts';
import { audit } from '../platform/audit.ts';
import { emit } from '../platform/events.ts';
import { type ChannelCallback, type ChannelConfirmation, channelOf, paymentChannelsOf } from './channel.ts';
import { type AmountDue, amountDue } from './due.ts';

/** A payment intent as the API shows it. Amounts are integer minor units. */
export interface PaymentView {
  readonly id: string;
  readonly loanId: string;
  readonly channel: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly status: PaymentStatus;
  readonly reference: string | null;
  /** The loan transaction that booked the repayment (once the channel confirmed it). */
  readonly transactionId: string | null;
  readonly failureReason: string | null;
  readonly createdAt: string;
  readonly settledAt: string | null;
}

function paymentView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    loanId: row.loan_id,
    channel: row.channel,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    status: row.status,
    reference: row.reference,
    transactionId: row.transaction_id,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
    settledAt: row.settled_at,
  };
}

/** The principal a channel's confirmation acts as (in the audit log: `system:channel:<id>`). */
function channelActor(channel: string): Principal {
  return { kind: 'system', id: `channel:${channel}` };
}

/**
 * The payment channels this install offers.
 *
 * @example (await listPaymentChannels(ctx)).map((c) => c.id) // ['sandbox-wallet', 'sandbox-bank']
 */
export function listPaymentChannels(ctx: ServiceContext): { id: string; sandbox: boolean }[] {
  return paymentChannelsOf(ctx).map((c) => ({ id: c.id, sandbox: c.sandbox }));
}

async function loanAndPayoff(
  ctx: ServiceContext,
  db: Tx | ServiceContext['store']['db'],
  actor: Principal,
  loanId: string,
) {
  const row = await findLoan(db, loanId);
  if (!visible(row, actor)) throw new AppError('not_found', `No loan ${loanId}`);
  const config = await productConfigOf(ctx, db, row.product_id);
  const date = await businessDate(ctx, db);
  const account = JSON.parse(row.state) as ServicingAccount;
  const snapshot = snapshotOf(account, date, rulesOf(config, row));
  return { row, date, account, payoffMinor: snapshot.payoffMinor };
}

/**
 * What is overdue and what falls due next on a loan, by component, as of the business date, and
 * what to pay for the next instalment and to pay the loan off.
 *
 * @example (await amountDueFor(ctx, borrower, loanId)).next?.dueDate
 */
export async function amountDueFor(
  ctx: ServiceContext,
  actor: Principal,
  loanId: string,
): Promise<AmountDue> {
  const { date, account, payoffMinor } = await loanAndPayoff(ctx, ctx.store.db, actor, loanId);
  return amountDue(account, date, payoffMinor);
}

/** Books a confirmed collection as a repayment (or records the failure), once; returns the new row. */
async function settle(
  ctx: ServiceContext,
  tx: Tx,
  payment: PaymentRow,
  outcome: { status: 'succeeded' } | { status: 'failed'; reason: string },
): Promise<PaymentRow> {
  const actor = channelActor(payment.channel);
  const now = nowIso(ctx);
  let patch: Partial<PaymentRow>;
  if (outcome.status === 'succeeded') {
    const booked = await repayLoan(ctx, tx, actor, payment.loan_id, {
      amountMinor: Number(payment.amount_minor),
      channel: payment.channel,
    });
    patch = { status: 'succeeded', transaction_id: booked.transaction.id, settled_at: now, updated_at: now };
  } else {
    patch = { status: 'failed', failure_reason: outcome.reason, settled_at: now, updated_at: now };
  }
  await updatePayment(tx, payment.id, patch);
  await audit(ctx, tx, actor, {
    action: `payment.${outcome.status}`,
    subjectType: 'payment',
    subjectId: payment.id,
    before: { status: payment.status },
    after: { status: outcome.status },
    details: { loanId: payment.loan_id, amountMinor: Number(payment.amount_minor), ...patch },
  });
  await emit(ctx, tx, `loan:${payment.loan_id}`, `payment.${outcome.status}`, {
    paymentId: payment.id,
    loanId: payment.loan_id,
    amountMinor: Number(payment.amount_minor),
    channel: payment.channel,
    transactionId: patch.transaction_id ?? null,
  });
  return { ...payment, ...patch };
}

/**
 * A borrower pays towards its own active loan through a payment channel: the amount must be
 * positive and at most the payoff amount less payments still pending (no overpayment from the
 * portal). The intent is stored, the channel is asked to collect, and when the channel captures
 * at once (the sandbox's `instant` mode) the repayment is booked in the same transaction; otherwise
 * it is booked when the channel's callback confirms ({@link confirmPayment}).
 *
 * @example await initiatePayment(ctx, tx, borrower, loanId, { amountMinor: 105_000, channel: 'sandbox-wallet' });
 */
export async function initiatePayment(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
  input: { amountMinor: number; channel: string },
): Promise<PaymentView> {
  const { row, payoffMinor } = await loanAndPayoff(ctx, tx, actor, loanId);
  if (row.status !== 'active')
    throw new AppError(
      'loan_state_conflict',
      `Loan ${loanId} is ${row.status}; only an active loan can be paid`,
    );
  const channel = channelOf(ctx, input.channel);
  const pending = await pendingPaymentsMinor(tx, loanId);
  const allowed = payoffMinor - pending;
  if (input.amountMinor > allowed)
    throw new AppError(
      'payment_exceeds_payoff',
      `At most ${allowed} can be paid now (payoff ${payoffMinor}, pending ${pending})`,
      [{ path: 'body.amountMinor', message: `at most ${allowed}` }],
    );
  const now = nowIso(ctx);
  const payment: PaymentRow = {
    id: ctx.ids.next('pay'),
    loan_id: loanId,
    borrower_id: row.borrower_id,
    channel: channel.id,
    amount_minor: input.amountMinor,
    currency: row.currency,
    status: 'pending',
    reference: null,
    transaction_id: null,
    failure_reason: null,
    initiated_by: `${actor.kind}:${actor.id}`,
    created_at: now,
    updated_at: now,
    settled_at: null,
  };
  await insertPayment(tx, payment);
  await audit(ctx, tx, actor, {
    action: 'payment.initiate',
    subjectType: 'payment',
    subjectId: payment.id,
    after: { status: 'pending', loanId, channel: channel.id, amountMinor: input.amountMinor },
  });
  await emit(ctx, tx, `loan:${loanId}`, 'payment.initiated', {
    paymentId: payment.id,
    loanId,
    amountMinor: input.amountMinor,
    channel: channel.id,
  });
  const answer = await channel.initiate({
    paymentId: payment.id,
    loanId,
    borrowerId: row.borrower_id,
    amountMinor: input.amountMinor,
    currency: row.currency,
  });
  const withRef: PaymentRow = { ...payment, reference: answer.reference };
  await updatePayment(tx, payment.id, { reference: answer.reference });
  if (answer.status === 'pending') return paymentView(withRef);
  return paymentView(
    await settle(
      ctx,
      tx,
      withRef,
      answer.status === 'succeeded'
        ? { status: 'succeeded' }
        : { status: 'failed', reason: answer.failureReason ?? 'refused by the channel' },
    ),
  );
}

/**
 * Handles a payment channel's callback: the channel's adapter authenticates it, then — in one
 * transaction, under the payment's row lock — a success books the repayment through the
 * repayment use case and a failure is recorded. A repeated callback (channels retry) changes
 * nothing and answers the payment as it stands, so a repayment is booked exactly once.
 *
 * @example await confirmPayment(ctx, 'sandbox-wallet', { headers, rawBody });
 */
export async function confirmPayment(
  ctx: ServiceContext,
  channelId: string,
  callback: ChannelCallback,
): Promise<PaymentView> {
  const paymentChannel = paymentChannelsOf(ctx).find((c) => c.id === channelId);
  if (!paymentChannel) throw new AppError('not_found', `No payment channel ${channelId}`);
  const confirmation: ChannelConfirmation = paymentChannel.verifyCallback(callback);
  return ctx.store.transaction(async (tx) => {
    const payment = await lockPayment(tx, ctx.store, confirmation.paymentId);
    if (!payment || payment.channel !== channelId)
      throw new AppError('not_found', `No payment ${confirmation.paymentId} on ${channelId}`);
    if (
      Number(payment.amount_minor) !== confirmation.amountMinor ||
      (payment.reference !== null && payment.reference !== confirmation.reference)
    )
      throw new AppError(
        'payment_mismatch',
        `Payment ${payment.id} is ${payment.amount_minor} with reference ${payment.reference}`,
      );
    if (payment.status !== 'pending') {
      if (payment.status === confirmation.status) return paymentView(payment);
      throw new AppError('payment_mismatch', `Payment ${payment.id} is already ${payment.status}`);
    }
    const settled = await settle(
      ctx,
      tx,
      { ...payment, reference: confirmation.reference },
      confirmation.status === 'succeeded'
        ? { status: 'succeeded' }
        : { status: 'failed', reason: confirmation.failureReason ?? 'refused by the channel' },
    );
    if (payment.reference === null)
      await updatePayment(tx, payment.id, { reference: confirmation.reference });
    return paymentView(settled);
  });
}

/**
 * A loan's payment intents, newest first (a borrower sees those of its own loans).
 *
 * @example (await listPaymentsFor(ctx, borrower, loanId, { limit: 20, offset: 0 }))[0]?.status
 */
export async function listPaymentsFor(
  ctx: ServiceContext,
  actor: Principal,
  loanId: string,
  page: { status?: PaymentStatus | undefined; limit: number; offset: number },
): Promise<PaymentView[]> {
  const row = await findLoan(ctx.store.db, loanId);
  if (!visible(row, actor)) throw new AppError('not_found', `No loan ${loanId}`);
  return (await listPayments(ctx.store.db, { loanId, ...page })).map(paymentView);
}
