import type { Generated } from 'kysely';

/** A loan product version. `config` is JSON owned by the services layer. */
export interface LoanProductsTable {
  id: string;
  code: string;
  version: number;
  name: string;
  currency: string;
  status: 'pending' | 'active' | 'rejected' | 'retired';
  config: string;
  maker: string;
  checker: string | null;
  created_at: string;
  decided_at: string | null;
}

/** Every status a loan account passes through. */
export type LoanAccountStatus =
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'withdrawn'
  | 'active'
  | 'closed'
  | 'overpaid'
  | 'written_off';

/**
 * A loan account: the columns reports and end of day query (the servicing state is in
 * `loan_states`). The `*_minor` position columns are the loan's sub-ledger and always equal the journal.
 */
export interface LoansTable {
  id: string;
  borrower_id: string;
  product_id: string;
  partner_id: string | null;
  status: LoanAccountStatus;
  currency: string;
  basis: 'cash' | 'accrual';
  principal_minor: number;
  repayments: number;
  principal_outstanding_minor: number;
  interest_receivable_minor: number;
  fees_receivable_minor: number;
  penalties_receivable_minor: number;
  overpayment_minor: number;
  total_outstanding_minor: number;
  overdue_minor: number;
  dpd: number;
  classification: string;
  staff_classification: string | null;
  next_due_date: string | null;
  disbursed_on: string | null;
  closed_on: string | null;
  eod_date: string | null;
  terms: string;
  version: number;
  submitted_by: string;
  approved_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The servicing account of a loan as JSON (apart from the loan row, which end of day rewrites). */
export interface LoanStatesTable {
  loan_id: string;
  borrower_id: string;
  state: string;
}

/** The compact end-of-day input of a loan (JSON owned by the services layer, written with the state). */
export interface LoanEodInputsTable {
  loan_id: string;
  input: string;
}

/** One business transaction on a loan (disbursement, repayment, charge, waiver, write-off, reversal). */
export interface LoanTransactionsTable {
  id: string;
  loan_id: string;
  borrower_id: string;
  seq: number;
  type: string;
  business_date: string;
  value_date: string;
  amount_minor: number;
  channel: string | null;
  effect: string;
  reversed_by: string | null;
  actor: string;
  created_at: string;
}

/** A loan status transition with who made it and when. */
export interface LoanStatusChangesTable {
  id: string;
  loan_id: string;
  borrower_id: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  reason: string | null;
  business_date: string;
  at: string;
}

/** A change of a loan's stored classification (append-only). */
export interface LoanClassificationChangesTable {
  id: string;
  loan_id: string;
  from_category: string;
  to_category: string;
  /** `transaction`, `end_of_day` or `staff`. */
  source: string;
  actor: string;
  dpd: number;
  business_date: string;
  at: string;
}

/** A journal entry header (append-only). */
export interface JournalEntriesTable {
  seq: Generated<number>;
  id: string;
  business_date: string;
  value_date: string;
  txn_ref: string;
  txn_type: string;
  loan_id: string | null;
  borrower_id: string | null;
  memo: string;
  reverses_id: string | null;
  created_at: string;
}

/** A journal line (append-only): `account` is `code` or `code:key`. */
export interface JournalLinesTable {
  entry_id: string;
  line_no: number;
  account: string;
  code: string;
  side: 'debit' | 'credit';
  amount_minor: number;
  currency: string;
  business_date: string;
  loan_id: string | null;
  borrower_id: string | null;
}

/** Running debit and credit totals per account id and currency, updated with every entry. */
export interface AccountBalancesTable {
  account: string;
  currency: string;
  debit_minor: number;
  credit_minor: number;
}

/** One end-of-day run per business date. */
export interface EodRunsTable {
  business_date: string;
  status: 'running' | 'completed';
  started_at: string;
  completed_at: string | null;
  loans: number;
  batches: number;
  entries: number;
  summary: string | null;
}

/** A committed batch of an end-of-day run (progress; written in the batch's own transaction). */
export interface EodBatchesTable {
  id: string;
  business_date: string;
  worker: string;
  first_loan_id: string;
  last_loan_id: string;
  loans: number;
  entries: number;
  committed_at: string;
}

/** The open business date (one row). */
export interface BusinessDateTable {
  id: number;
  open_date: string;
  updated_at: string;
}

/** The lending tables, merged into the store's `Database` type. */
export interface LendingTables {
  loan_products: LoanProductsTable;
  loans: LoansTable;
  loan_states: LoanStatesTable;
  loan_eod_inputs: LoanEodInputsTable;
  loan_transactions: LoanTransactionsTable;
  loan_status_changes: LoanStatusChangesTable;
  loan_classification_changes: LoanClassificationChangesTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  account_balances: AccountBalancesTable;
  eod_runs: EodRunsTable;
  eod_batches: EodBatchesTable;
  business_date: BusinessDateTable;
}

declare module '../schema.ts' {
  interface Database extends LendingTables {}
}
