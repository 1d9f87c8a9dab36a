/**
 * The catalogue of stable error codes the ledger returns, each with a one-line meaning. Expected
 * failures are values (`{ ok: false, errors }`), never exceptions; the server maps every code to
 * an HTTP status in one table.
 */
export const LEDGER_ERRORS = {
  // journal entries
  'ledger.too_few_lines': 'a journal entry needs at least two lines',
  'ledger.unbalanced': 'debits do not equal credits for a currency',
  'ledger.unknown_account': 'the account code is not in the chart of accounts',
  'ledger.non_positive_amount': 'an amount that must be positive is zero or negative',
  'ledger.not_integer': 'an amount is not a safe integer number of minor units',
  'ledger.amount_overflow': 'a sum of amounts exceeds the safe-integer range',
  'ledger.invalid_currency': 'a currency code is not three upper-case letters',
  'ledger.invalid_side': 'a line side is neither debit nor credit',
  'ledger.missing_sub_account':
    'the account needs a sub-account key (channel, partner, merchant or classification)',
  'ledger.unexpected_sub_account': 'the account has no sub-accounts but a key was given',
  'ledger.invalid_sub_account': 'a sub-account key is empty or has characters other than A-Z a-z 0-9 . _ -',
  'ledger.invalid_date': 'a date is not a real calendar date in YYYY-MM-DD form',
  'ledger.missing_field': 'a required text field (id, transaction reference) is empty',
  // chart of accounts
  'ledger.invalid_chart': 'the chart configuration is not a list of accounts',
  'ledger.duplicate_account_code': 'two accounts share a code',
  'ledger.invalid_account_code': 'an account code is empty or has characters other than A-Z a-z 0-9 . _ -',
  'ledger.invalid_account_type': 'an account type is not one of the six account types',
  'ledger.normal_side_mismatch': "an account's normal side contradicts its type",
  'ledger.missing_account_name': 'an account lacks its English or Chinese name',
  'ledger.invalid_role': 'an account role is not one the posting rules know',
  'ledger.duplicate_role': 'two accounts claim the same role',
  'ledger.invalid_sub_account_dimension':
    'a sub-account dimension is not channel, partner, merchant or classification',
  // posting
  'ledger.missing_role': 'the chart has no account for a role the posting rule needs',
  'ledger.invalid_transaction': 'the transaction is inconsistent (see the message)',
  'ledger.negative_amount': 'an amount that may be zero is negative',
  'ledger.allowance_exceeds_amount': 'a write-off takes more from the allowance than it writes off',
  'ledger.unknown_transaction_type': 'the transaction type has no posting rule',
  'ledger.invalid_basis': 'the accounting basis is neither cash nor accrual',
} as const;

/** One stable error code from {@link LEDGER_ERRORS}. */
export type LedgerErrorCode = keyof typeof LEDGER_ERRORS;

/** One problem found: a stable code, a human message and where it was found (e.g. `lines[2].amountMinor`). */
export interface LedgerIssue {
  readonly code: LedgerErrorCode;
  readonly message: string;
  readonly path?: string;
}

/** The result of every fallible ledger function: the value, or every problem found. */
export type LedgerResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly LedgerIssue[] };

/** @internal builds a success. */
export function ok<T>(value: T): LedgerResult<T> {
  return { ok: true, value };
}

/** @internal builds a failure. */
export function fail<T>(errors: readonly LedgerIssue[]): LedgerResult<T> {
  return { ok: false, errors };
}

/** @internal builds one issue. */
export function issue(code: LedgerErrorCode, message: string, path?: string): LedgerIssue {
  return path === undefined ? { code, message } : { code, message, path };
}
