import { KEY_PATTERN } from './account-id.ts';
import type { Chart } from './chart.ts';
import { isIsoDate } from './dates.ts';
import { fail, issue, type LedgerIssue, type LedgerResult, ok } from './errors.ts';
import type { JournalEntry, JournalLine } from './journal-entry.ts';

const CURRENCY = /^[A-Z]{3}$/;

/**
 * The one validator for journal entries. Checks, and reports every failure with its code:
 * non-empty `id` and `txnRef` (`ledger.missing_field`); real `businessDate`/`valueDate`
 * (`ledger.invalid_date`); at least two lines (`ledger.too_few_lines`); per line a known account
 * (`ledger.unknown_account`), a sub-account key exactly when the account has a dimension
 * (`ledger.missing_sub_account`, `ledger.unexpected_sub_account`, `ledger.invalid_sub_account`),
 * a valid side (`ledger.invalid_side`), a safe-integer (`ledger.not_integer`) positive
 * (`ledger.non_positive_amount`) amount and a currency code (`ledger.invalid_currency`); then
 * debits equal credits per currency (`ledger.unbalanced`, `ledger.amount_overflow`).
 *
 * @example
 * validateEntry(entry, DEFAULT_CHART) // { ok: true, value: entry } or { ok: false, errors: [{ code: 'ledger.unbalanced', … }] }
 */
export function validateEntry(entry: JournalEntry, chart: Chart): LedgerResult<JournalEntry> {
  const errors: LedgerIssue[] = [];
  if (typeof entry.id !== 'string' || entry.id.trim() === '') {
    errors.push(issue('ledger.missing_field', 'entry id is required', 'id'));
  }
  if (typeof entry.txnRef !== 'string' || entry.txnRef.trim() === '') {
    errors.push(issue('ledger.missing_field', 'transaction reference is required', 'txnRef'));
  }
  if (!isIsoDate(entry.businessDate)) {
    errors.push(
      issue('ledger.invalid_date', `invalid business date ${String(entry.businessDate)}`, 'businessDate'),
    );
  }
  if (!isIsoDate(entry.valueDate)) {
    errors.push(issue('ledger.invalid_date', `invalid value date ${String(entry.valueDate)}`, 'valueDate'));
  }
  const lines: readonly JournalLine[] = Array.isArray(entry.lines) ? entry.lines : [];
  if (lines.length < 2) {
    errors.push(
      issue('ledger.too_few_lines', `an entry needs at least 2 lines, got ${lines.length}`, 'lines'),
    );
  }
  // Per-currency totals: the first currency in locals, any further ones in a map (rarely needed).
  let firstCurrency: string | undefined;
  let firstDebit = 0;
  let firstCredit = 0;
  let others: Map<string, { debit: number; credit: number }> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const id = String(line.account);
    const colon = id.indexOf(':');
    const code = colon < 0 ? id : id.slice(0, colon);
    const subAccount = colon < 0 ? undefined : id.slice(colon + 1);
    const account = chart.byCode.get(code);
    if (account === undefined) {
      errors.push(issue('ledger.unknown_account', `unknown account ${id}`, at(i, 'account')));
    } else if (account.subAccounts !== undefined && subAccount === undefined) {
      errors.push(
        issue(
          'ledger.missing_sub_account',
          `account ${code} needs a ${account.subAccounts} sub-account, e.g. ${code}:<key>`,
          at(i, 'account'),
        ),
      );
    } else if (account.subAccounts === undefined && subAccount !== undefined) {
      errors.push(
        issue('ledger.unexpected_sub_account', `account ${code} has no sub-accounts`, at(i, 'account')),
      );
    } else if (subAccount !== undefined && !KEY_PATTERN.test(subAccount)) {
      errors.push(
        issue('ledger.invalid_sub_account', `invalid sub-account key "${subAccount}"`, at(i, 'account')),
      );
    }
    const side = line.side;
    const sideOk = side === 'debit' || side === 'credit';
    if (!sideOk) {
      errors.push(issue('ledger.invalid_side', `invalid side ${String(side)}`, at(i, 'side')));
    }
    const amountMinor = line.amountMinor;
    let amountOk = false;
    if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor)) {
      errors.push(
        issue(
          'ledger.not_integer',
          `amount ${String(amountMinor)} is not a safe integer`,
          at(i, 'amountMinor'),
        ),
      );
    } else if (amountMinor <= 0) {
      errors.push(
        issue('ledger.non_positive_amount', `amount ${amountMinor} must be positive`, at(i, 'amountMinor')),
      );
    } else {
      amountOk = true;
    }
    const currency = line.currency;
    const currencyOk = typeof currency === 'string' && CURRENCY.test(currency);
    if (!currencyOk) {
      errors.push(
        issue('ledger.invalid_currency', `invalid currency ${String(currency)}`, at(i, 'currency')),
      );
    }
    if (!(amountOk && currencyOk && sideOk)) continue;
    if (firstCurrency === undefined || firstCurrency === currency) {
      firstCurrency = currency;
      if (side === 'debit') firstDebit += amountMinor;
      else firstCredit += amountMinor;
    } else {
      others ??= new Map();
      const t = others.get(currency) ?? { debit: 0, credit: 0 };
      t[side] += amountMinor;
      others.set(currency, t);
    }
  }
  if (firstCurrency !== undefined) checkBalance(firstCurrency, firstDebit, firstCredit, errors);
  if (others !== undefined)
    for (const [currency, t] of others) checkBalance(currency, t.debit, t.credit, errors);
  return errors.length === 0 ? ok(entry) : fail(errors);
}

function checkBalance(currency: string, debit: number, credit: number, errors: LedgerIssue[]): void {
  if (!Number.isSafeInteger(debit) || !Number.isSafeInteger(credit)) {
    errors.push(issue('ledger.amount_overflow', `${currency} totals exceed the safe-integer range`, 'lines'));
  } else if (debit !== credit) {
    errors.push(issue('ledger.unbalanced', `${currency} debits ${debit} ≠ credits ${credit}`, 'lines'));
  }
}

/** The path of a line's field, built only when there is an error to report. */
function at(line: number, field: string): string {
  return `lines[${line}].${field}`;
}
