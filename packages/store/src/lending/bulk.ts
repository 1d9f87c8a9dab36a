import { sql } from 'kysely';
import type { BorrowerRow } from '../borrowers.ts';
import type { Executor, Store, Tx } from '../store.ts';
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

/** Rows per INSERT statement. */
const ROWS = 1000;

/**
 * Inserts rows of one table as a single JSON parameter, expanded by the database itself
 * (`json_populate_recordset` on PostgreSQL, `json_each` on SQLite): one short statement per
 * chunk instead of one bound parameter per value.
 */
async function insertJson<T extends object>(
  tx: Tx,
  store: Pick<Store, 'dialect'>,
  table: string,
  rows: readonly T[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const list = sql.join(columns.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += ROWS) {
    const json = JSON.stringify(rows.slice(i, i + ROWS));
    if (store.dialect === 'postgres')
      await sql`insert into ${sql.table(table)} (${list}) select ${list}
        from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(tx);
    else
      await sql`insert into ${sql.table(table)} (${list}) select ${sql.join(
        columns.map((c) => sql`value ->> ${`$.${c}`}`),
      )} from json_each(${json})`.execute(tx);
  }
}

/**
 * Inserts many loans with their borrowers, servicing states, end-of-day inputs, transactions,
 * status changes and journal entries (adding the entries to the running balances) in the
 * caller's transaction, a few statements per thousand rows: the bulk path for large test and
 * benchmark books.
 *
 * @example await store.transaction((tx) => insertLoanBooks(tx, store, books, now));
 */
export async function insertLoanBooks(
  tx: Tx,
  store: Pick<Store, 'dialect'>,
  books: readonly LoanBook[],
  createdAt: string,
): Promise<void> {
  if (books.length === 0) return;
  await insertJson(
    tx,
    store,
    'borrowers',
    books.map((b) => b.borrower),
  );
  await insertJson(
    tx,
    store,
    'loans',
    books.map(({ loan: { state: _, ...loan } }) => loan),
  );
  await insertJson(
    tx,
    store,
    'loan_states',
    books.map((b) => ({ loan_id: b.loan.id, borrower_id: b.loan.borrower_id, state: b.loan.state })),
  );
  await insertJson(
    tx,
    store,
    'loan_eod_inputs',
    books.flatMap((b) => (b.eodInput === null ? [] : [{ loan_id: b.loan.id, input: b.eodInput }])),
  );
  await insertJson(
    tx,
    store,
    'loan_transactions',
    books.flatMap((b) => b.transactions),
  );
  await insertJson(
    tx,
    store,
    'loan_status_changes',
    books.flatMap((b) => b.statusChanges),
  );
  await appendEntries(
    tx,
    books.flatMap((b) => b.entries),
    createdAt,
  );
}

/**
 * Refreshes PostgreSQL's planner statistics after a bulk load (autovacuum would, a while later;
 * until then the planner takes a large table for a small one). SQLite needs none.
 */
export async function analyzeAfterBulkLoad(store: Pick<Store, 'db' | 'dialect'>): Promise<void> {
  if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
}
