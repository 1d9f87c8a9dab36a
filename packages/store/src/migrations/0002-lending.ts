import { type Kysely, sql } from 'kysely';
import type { SchemaDialect } from './schema-dialect.ts';

/**
 * Loan servicing and the general ledger: products (versioned, maker-checker), loans (the loan
 * engine's state as JSON plus queryable columns), loan transactions and status changes, the
 * append-only journal, running account balances, end-of-day runs and their batches, and the
 * business date. Money is BIGINT minor units; dates are `YYYY-MM-DD` text, instants ISO text.
 */
export async function up(db: Kysely<unknown>, d: SchemaDialect): Promise<void> {
  await db.schema
    .createTable('loan_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending','active','rejected','retired')`),
    )
    /** JSON: everything the loan engine needs plus limits, penalty, thresholds, provisioning, basis. */
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('maker', 'text', (c) => c.notNull())
    .addColumn('checker', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addUniqueConstraint('loan_products_code_version', ['code', 'version'])
    .execute();
  await db.schema
    .createIndex('loan_products_status')
    .on('loan_products')
    .columns(['status', 'code'])
    .execute();

  await db.schema
    .createTable('loans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('borrower_id', 'text', (c) => c.notNull().references('borrowers.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('loan_products.id'))
    .addColumn('partner_id', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('submitted','approved','rejected','withdrawn','active','closed','overpaid','written_off')`,
        ),
    )
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('cash','accrual')`))
    .addColumn('principal_minor', 'bigint', (c) => c.notNull().check(sql`principal_minor > 0`))
    .addColumn('repayments', 'integer', (c) => c.notNull())
    /** The sub-ledger position (what is on the books for this loan), kept equal to the journal. */
    .addColumn('principal_outstanding_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('interest_receivable_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('fees_receivable_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('penalties_receivable_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('overpayment_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    /** Everything the borrower owes on the loan engine's terms (on and off the books). */
    .addColumn('total_outstanding_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('overdue_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('dpd', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('classification', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('staff_classification', 'text')
    .addColumn('next_due_date', 'text')
    .addColumn('disbursed_on', 'text')
    .addColumn('closed_on', 'text')
    /** The last business date end of day has processed this loan for. */
    .addColumn('eod_date', 'text')
    /** JSON: how to disburse (channel or entrusted merchant) and terms requested. */
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('loans_borrower').on('loans').columns(['borrower_id', 'created_at']).execute();
  await db.schema.createIndex('loans_status').on('loans').columns(['status', 'id']).execute();
  await db.schema.createIndex('loans_eod').on('loans').columns(['status', 'eod_date', 'id']).execute();

  // The servicing account as JSON (loan engine state, charges, event log), kept apart from the
  // loan row so end of day's row updates never rewrite it.
  await db.schema
    .createTable('loan_states')
    .addColumn('loan_id', 'text', (c) => c.primaryKey().references('loans.id'))
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('loan_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('loan_id', 'text', (c) => c.notNull().references('loans.id'))
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addColumn('channel', 'text')
    /** JSON: the allocation by component as last posted, and the journal entries posted for it. */
    .addColumn('effect', 'text', (c) => c.notNull())
    .addColumn('reversed_by', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('loan_transactions_loan_seq', ['loan_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('loan_transactions_date')
    .on('loan_transactions')
    .columns(['business_date', 'type'])
    .execute();

  await db.schema
    .createTable('loan_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('loan_id', 'text', (c) => c.notNull().references('loans.id'))
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('loan_status_changes_loan')
    .on('loan_status_changes')
    .columns(['loan_id', 'at'])
    .execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('seq', d.serialType, (c) => d.serialPrimaryKey(c))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text', (c) => c.notNull())
    .addColumn('txn_ref', 'text', (c) => c.notNull())
    .addColumn('txn_type', 'text', (c) => c.notNull())
    .addColumn('loan_id', 'text')
    .addColumn('borrower_id', 'text')
    .addColumn('memo', 'text', (c) => c.notNull())
    .addColumn('reverses_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journal_entries_loan')
    .on('journal_entries')
    .columns(['loan_id', 'seq'])
    .execute();
  await db.schema.createIndex('journal_entries_date').on('journal_entries').column('business_date').execute();

  await db.schema
    .createTable('journal_lines')
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('debit','credit')`))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('loan_id', 'text')
    .addColumn('borrower_id', 'text')
    .addPrimaryKeyConstraint('journal_lines_pk', ['entry_id', 'line_no'])
    .execute();
  await db.schema
    .createIndex('journal_lines_account')
    .on('journal_lines')
    .columns(['account', 'business_date'])
    .execute();
  await db.schema
    .createIndex('journal_lines_loan')
    .on('journal_lines')
    .columns(['loan_id', 'code'])
    .execute();
  for (const table of ['journal_entries', 'journal_lines'])
    for (const statement of d.appendOnly(table)) await sql.raw(statement).execute(db);

  await db.schema
    .createTable('account_balances')
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('debit_minor', 'bigint', (c) => c.notNull().check(sql`debit_minor >= 0`))
    .addColumn('credit_minor', 'bigint', (c) => c.notNull().check(sql`credit_minor >= 0`))
    .addPrimaryKeyConstraint('account_balances_pk', ['account', 'currency'])
    .execute();

  await db.schema
    .createTable('eod_runs')
    .addColumn('business_date', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running','completed')`))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('loans', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('batches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entries', 'integer', (c) => c.notNull().defaultTo(0))
    /** JSON: portfolio figures of the closed day (PAR, classification, provisions). */
    .addColumn('summary', 'text')
    .execute();

  await db.schema
    .createTable('eod_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('first_loan_id', 'text', (c) => c.notNull())
    .addColumn('last_loan_id', 'text', (c) => c.notNull())
    .addColumn('loans', 'integer', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addColumn('committed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('eod_batches_date').on('eod_batches').column('business_date').execute();

  // Scratch rows of end-of-day batch updates (emptied before each batch commits).
  await db.schema
    .createTable('eod_staging')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('p', 'bigint', (c) => c.notNull())
    .addColumn('i', 'bigint', (c) => c.notNull())
    .addColumn('f', 'bigint', (c) => c.notNull())
    .addColumn('pen', 'bigint', (c) => c.notNull())
    .addColumn('o', 'bigint', (c) => c.notNull())
    .addColumn('t', 'bigint', (c) => c.notNull())
    .addColumn('od', 'bigint', (c) => c.notNull())
    .addColumn('dpd', 'integer', (c) => c.notNull())
    .addColumn('c', 'text', (c) => c.notNull())
    .addColumn('nd', 'text')
    .addColumn('ed', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('business_date')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('open_date', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'business_date',
    'eod_staging',
    'eod_batches',
    'eod_runs',
    'account_balances',
    'journal_lines',
    'journal_entries',
    'loan_status_changes',
    'loan_transactions',
    'loan_states',
    'loans',
    'loan_products',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
