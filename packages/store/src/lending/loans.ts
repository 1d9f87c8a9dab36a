import { type Selectable, sql, type Updateable } from 'kysely';
import type { Executor, Store, Tx } from '../store.ts';
import type {
  LoanAccountStatus,
  LoanClassificationChangesTable,
  LoanStatusChangesTable,
  LoansTable,
  LoanTransactionsTable,
} from './schema.ts';

/** A loan row with its servicing state (JSON). */
export type LoanRow = Selectable<LoansTable> & { state: string };
export type LoanTransactionRow = Selectable<LoanTransactionsTable>;
export type LoanStatusChangeRow = Selectable<LoanStatusChangesTable>;

/** Inserts a loan account with its servicing state and compact end-of-day input. */
export async function insertLoan(db: Executor, row: LoanRow, eodInput: string): Promise<void> {
  const { state, ...loan } = row;
  await db.insertInto('loans').values(loan).execute();
  await db
    .insertInto('loan_states')
    .values({ loan_id: row.id, borrower_id: row.borrower_id, state })
    .execute();
  await db.insertInto('loan_eod_inputs').values({ loan_id: row.id, input: eodInput }).execute();
}

/** Loans joined with their state. */
export function selectLoans(db: Executor) {
  return db
    .selectFrom('loans')
    .innerJoin('loan_states', 'loan_states.loan_id', 'loans.id')
    .selectAll('loans')
    .select('loan_states.state');
}

/** The loan with this id, if any (no lock). */
export async function findLoan(db: Executor, id: string): Promise<LoanRow | undefined> {
  return selectLoans(db).where('loans.id', '=', id).executeTakeFirst();
}

/**
 * Reads a loan for update inside a transaction: `SELECT … FOR UPDATE` on PostgreSQL (concurrent
 * writers to the same loan queue behind the row lock); SQLite's single writer already serialises
 * whole transactions.
 *
 * @example const row = await lockLoan(tx, ctx.store, loanId);
 */
export async function lockLoan(
  tx: Tx,
  store: Pick<Store, 'capabilities'>,
  id: string,
): Promise<LoanRow | undefined> {
  let q = selectLoans(tx).where('loans.id', '=', id);
  if (store.capabilities.rowLocks) q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * Updates a loan and bumps its version. A new servicing state always comes with its compact
 * end-of-day input, so the two never disagree.
 */
export async function updateLoan(
  db: Executor,
  id: string,
  patch: Omit<Updateable<LoansTable>, 'id' | 'version'> &
    ({ state?: undefined; eodInput?: undefined } | { state: string; eodInput: string }),
): Promise<void> {
  const { state, eodInput, ...columns } = patch;
  await db
    .updateTable('loans')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  if (state !== undefined) {
    await db.updateTable('loan_states').set({ state }).where('loan_id', '=', id).execute();
    await saveEodInputs(db, [{ loanId: id, input: eodInput }]);
  }
}

/**
 * Writes loans' compact end-of-day inputs (inserting or replacing). End of day also fills in the
 * input of a loan stored before inputs existed.
 */
export async function saveEodInputs(
  db: Executor,
  rows: ReadonlyArray<{ loanId: string; input: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('loan_eod_inputs')
    .values(rows.map((r) => ({ loan_id: r.loanId, input: r.input })))
    .onConflict((oc) => oc.column('loan_id').doUpdateSet({ input: sql`excluded.input` }))
    .execute();
}

/** The servicing states of the given loans. */
export async function findLoanStates(
  db: Executor,
  ids: readonly string[],
): Promise<Array<{ loan_id: string; state: string }>> {
  if (ids.length === 0) return [];
  return db.selectFrom('loan_states').select(['loan_id', 'state']).where('loan_id', 'in', ids).execute();
}

/** A loan row as lists show it: with its borrower's name. */
export type LoanListRow = LoanRow & { borrower_name: string };

/**
 * Loans, newest first, filtered by borrower, status, partner, product code (every version),
 * classification or a minimum of days past due; each with its borrower's name.
 */
export async function listLoans(
  db: Executor,
  filter: {
    borrowerId?: string | undefined;
    partnerId?: string | undefined;
    status?: LoanAccountStatus | undefined;
    productCode?: string | undefined;
    classification?: string | undefined;
    minDpd?: number | undefined;
    limit: number;
    offset: number;
  },
): Promise<LoanListRow[]> {
  let q = selectLoans(db)
    .innerJoin('borrowers', 'borrowers.id', 'loans.borrower_id')
    .select('borrowers.full_name as borrower_name');
  if (filter.borrowerId) q = q.where('loans.borrower_id', '=', filter.borrowerId);
  if (filter.partnerId) q = q.where('loans.partner_id', '=', filter.partnerId);
  if (filter.status) q = q.where('loans.status', '=', filter.status);
  if (filter.productCode) {
    const code = filter.productCode;
    q = q.where('loans.product_id', 'in', (eb) =>
      eb.selectFrom('loan_products').select('loan_products.id').where('loan_products.code', '=', code),
    );
  }
  if (filter.classification) q = q.where('loans.classification', '=', filter.classification);
  if (filter.minDpd !== undefined) q = q.where('loans.dpd', '>=', filter.minDpd);
  return q
    .orderBy('loans.created_at', 'desc')
    .orderBy('loans.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** Inserts a loan transaction. */
export async function insertLoanTransaction(db: Executor, row: LoanTransactionRow): Promise<void> {
  await db.insertInto('loan_transactions').values(row).execute();
}

/** Updates what a loan transaction posted (after a re-application) or marks it reversed. */
export async function updateLoanTransaction(
  db: Executor,
  id: string,
  patch: { effect?: string; reversedBy?: string },
): Promise<void> {
  await db
    .updateTable('loan_transactions')
    .set({
      ...(patch.effect === undefined ? {} : { effect: patch.effect }),
      ...(patch.reversedBy === undefined ? {} : { reversed_by: patch.reversedBy }),
    })
    .where('id', '=', id)
    .execute();
}

/** A loan's transactions in the order they were recorded. */
export async function listLoanTransactions(db: Executor, loanId: string): Promise<LoanTransactionRow[]> {
  return db
    .selectFrom('loan_transactions')
    .selectAll()
    .where('loan_id', '=', loanId)
    .orderBy('seq')
    .execute();
}

/** Records a loan status transition. */
export async function insertLoanStatusChange(db: Executor, row: LoanStatusChangeRow): Promise<void> {
  await db.insertInto('loan_status_changes').values(row).execute();
}

/** A loan classification change as stored. */
export type LoanClassificationChangeRow = Selectable<LoanClassificationChangesTable>;

/** Records changes of loans' classification (one statement for a batch). */
export async function insertClassificationChanges(
  db: Executor,
  rows: readonly LoanClassificationChangeRow[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('loan_classification_changes')
      .values([...rows])
      .execute();
}

/** A loan's classification changes, oldest first. */
export async function listClassificationChanges(
  db: Executor,
  loanId: string,
): Promise<LoanClassificationChangeRow[]> {
  return db
    .selectFrom('loan_classification_changes')
    .selectAll()
    .where('loan_id', '=', loanId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** A loan's status transitions, oldest first. */
export async function listLoanStatusChanges(db: Executor, loanId: string): Promise<LoanStatusChangeRow[]> {
  return db
    .selectFrom('loan_status_changes')
    .selectAll()
    .where('loan_id', '=', loanId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
