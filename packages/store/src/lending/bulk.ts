import type { BorrowerRow } from '../borrowers.ts';
import type { Executor, Tx } from '../store.ts';
import { appendEntries, findEntries, type StoredEntry } from './journal.ts';
import {
  findLoan,
  type LoanRow,
  type LoanStatusChangeRow,
  type LoanTransactionRow,
  listLoanStatusChanges,
  listLoanTransactions,
} from './loans.ts';

/** Every row the lending tables hold for one loan and its borrower. */
export interface LoanBook {
  readonly borrower: BorrowerRow;
  readonly loan: LoanRow;
  readonly eodInput: string | null;
  readonly transactions: readonly LoanTransactionRow[];
  readonly statusChanges: readonly LoanStatusChangeRow[];
  /** The loan's journal entries in posting order. */
  readonly entries: readonly StoredEntry[];
}

/** The rows of one loan (undefined when there is no such loan). */
export async function findLoanBook(db: Executor, loanId: string): Promise<LoanBook | undefined> {
  const loan = await findLoan(db, loanId);
  if (!loan) return undefined;
  const borrower = await db
    .selectFrom('borrowers')
    .selectAll()
    .where('id', '=', loan.borrower_id)
    .executeTakeFirstOrThrow();
  const input = await db
    .selectFrom('loan_eod_inputs')
    .select('input')
    .where('loan_id', '=', loanId)
    .executeTakeFirst();
  return {
    borrower,
    loan,
    eodInput: input?.input ?? null,
    transactions: await listLoanTransactions(db, loanId),
    statusChanges: await listLoanStatusChanges(db, loanId),
    entries: await findEntries(db, { loanId }),
  };
}

/** Rows per multi-row INSERT (at most 30 columns: 15,000 parameters, within both databases' limits). */
const ROWS = 500;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS) await insert(rows.slice(i, i + ROWS));
}

/**
 * Inserts many loans with their borrowers, servicing states, end-of-day inputs, transactions,
 * status changes and journal entries (adding the entries to the running balances) with multi-row
 * INSERTs in the caller's transaction: the bulk path for large test and benchmark books.
 *
 * @example await store.transaction((tx) => insertLoanBooks(tx, books, now));
 */
export async function insertLoanBooks(tx: Tx, books: readonly LoanBook[], createdAt: string): Promise<void> {
  if (books.length === 0) return;
  await insertChunked(books, (c) =>
    tx
      .insertInto('borrowers')
      .values(c.map((b) => b.borrower))
      .execute(),
  );
  await insertChunked(books, (c) =>
    tx
      .insertInto('loans')
      .values(c.map(({ loan: { state: _, ...loan } }) => loan))
      .execute(),
  );
  await insertChunked(books, (c) =>
    tx
      .insertInto('loan_states')
      .values(c.map((b) => ({ loan_id: b.loan.id, borrower_id: b.loan.borrower_id, state: b.loan.state })))
      .execute(),
  );
  const inputs = books.flatMap((b) => (b.eodInput === null ? [] : [{ loan_id: b.loan.id, input: b.eodInput }]));
  await insertChunked(inputs, (c) => tx.insertInto('loan_eod_inputs').values(c).execute());
  await insertChunked(
    books.flatMap((b) => b.transactions),
    (c) => tx.insertInto('loan_transactions').values(c).execute(),
  );
  await insertChunked(
    books.flatMap((b) => b.statusChanges),
    (c) => tx.insertInto('loan_status_changes').values(c).execute(),
  );
  await appendEntries(
    tx,
    books.flatMap((b) => b.entries),
    createdAt,
  );
}
