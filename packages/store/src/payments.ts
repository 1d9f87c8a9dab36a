import type { Selectable, Updateable } from 'kysely';
import type { Executor, Store, Tx } from './store.ts';

/** Where a payment intent stands: waiting for the channel, booked, or refused by the channel. */
export type PaymentStatus = 'pending' | 'succeeded' | 'failed';

/** A payment intent: one collection through a payment channel for one loan. */
export interface PaymentsTable {
  id: string;
  loan_id: string;
  borrower_id: string;
  channel: string;
  amount_minor: number;
  currency: string;
  status: PaymentStatus;
  reference: string | null;
  transaction_id: string | null;
  failure_reason: string | null;
  initiated_by: string;
  created_at: string;
  updated_at: string;
  settled_at: string | null;
}

declare module './schema.ts' {
  interface Database {
    payments: PaymentsTable;
  }
}

export type PaymentRow = Selectable<PaymentsTable>;

/** Stores a new payment intent. */
export async function insertPayment(db: Executor, row: PaymentRow): Promise<void> {
  await db.insertInto('payments').values(row).execute();
}

/** One payment intent, if any. */
export async function findPayment(db: Executor, id: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Reads a payment intent for update inside a transaction (`SELECT … FOR UPDATE` on PostgreSQL),
 * so two confirmations of the same payment queue and the second sees the first's outcome.
 *
 * @example const row = await lockPayment(tx, ctx.store, paymentId);
 */
export async function lockPayment(
  tx: Tx,
  store: Pick<Store, 'capabilities'>,
  id: string,
): Promise<PaymentRow | undefined> {
  let q = tx.selectFrom('payments').selectAll().where('id', '=', id);
  if (store.capabilities.rowLocks) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Changes a payment intent. */
export async function updatePayment(
  db: Executor,
  id: string,
  patch: Omit<Updateable<PaymentsTable>, 'id' | 'loan_id' | 'borrower_id' | 'amount_minor'>,
): Promise<void> {
  await db.updateTable('payments').set(patch).where('id', '=', id).execute();
}

/** A loan's payment intents, newest first. */
export async function listPayments(
  db: Executor,
  filter: { loanId: string; status?: PaymentStatus | undefined; limit: number; offset: number },
): Promise<PaymentRow[]> {
  let q = db.selectFrom('payments').selectAll().where('loan_id', '=', filter.loanId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** The sum of a loan's pending payment intents (money the borrower has sent that is not booked yet). */
export async function pendingPaymentsMinor(db: Executor, loanId: string): Promise<number> {
  const row = await db
    .selectFrom('payments')
    .select((eb) => eb.fn.sum<string | number | null>('amount_minor').as('total'))
    .where('loan_id', '=', loanId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}
