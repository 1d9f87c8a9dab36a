import type { AccountName, AccountType, Side } from './account.ts';
import { parseAccountId } from './account-id.ts';
import { type AccountTotal, accountTotals, compareTotals, type DateRange } from './account-totals.ts';
import type { Chart } from './chart.ts';
import { fail, issue, type LedgerIssue, type LedgerResult, ok } from './errors.ts';
import type { JournalEntry } from './journal-entry.ts';

/** One account (or sub-account) in one currency on the trial balance. */
export interface TrialBalanceRow {
  /** Account id: the code, or `code:key` for a sub-account. */
  readonly account: string;
  readonly code: string;
  readonly subAccount?: string;
  readonly name: AccountName;
  readonly type: AccountType;
  readonly normalSide: Side;
  readonly currency: string;
  readonly debitMinor: number;
  readonly creditMinor: number;
  /** Balance on the account's normal side: debit − credit for debit-normal accounts, credit − debit otherwise. */
  readonly balanceMinor: number;
}

/** Total debits and credits of one currency; they are equal on a sound ledger. */
export interface TrialBalanceTotal {
  readonly currency: string;
  readonly debitMinor: number;
  readonly creditMinor: number;
}

export interface TrialBalance {
  readonly rows: readonly TrialBalanceRow[];
  readonly totals: readonly TrialBalanceTotal[];
  /** True when debits equal credits in every currency. */
  readonly balanced: boolean;
}

export interface TrialBalanceOptions {
  /** Sum sub-accounts into their parent account's row (default false: one row per sub-account). */
  readonly rollUp?: boolean;
  /** List every chart account, zero rows included, in each currency (default true). */
  readonly includeZero?: boolean;
  /** Currencies to list zero rows for besides those with activity. */
  readonly currencies?: readonly string[];
}

/**
 * Builds the trial balance from account totals (from {@link accountTotals} or the store's
 * `SUM … GROUP BY account, currency`): per account its debit and credit totals and its balance,
 * and per currency the total debits and credits. Totals naming an account outside the chart fail
 * with `ledger.unknown_account`.
 *
 * @example
 * const tb = trialBalance(accountTotals(entries), DEFAULT_CHART);
 * if (tb.ok) tb.value.balanced; // true
 */
export function trialBalance(
  totals: Iterable<AccountTotal>,
  chart: Chart,
  options: TrialBalanceOptions = {},
): LedgerResult<TrialBalance> {
  const errors: LedgerIssue[] = [];
  const rows = new Map<
    string,
    { account: string; currency: string; debitMinor: number; creditMinor: number }
  >();
  const currencies = new Set<string>(options.currencies ?? []);
  const touchedCodes = new Set<string>();
  for (const t of totals) {
    const { code } = parseAccountId(t.account);
    if (!chart.byCode.has(code)) {
      errors.push(issue('ledger.unknown_account', `unknown account ${t.account}`));
      continue;
    }
    currencies.add(t.currency);
    touchedCodes.add(`${code}\u0000${t.currency}`);
    const account = options.rollUp === true ? code : t.account;
    const key = `${account}\u0000${t.currency}`;
    const row = rows.get(key) ?? { account, currency: t.currency, debitMinor: 0, creditMinor: 0 };
    row.debitMinor += t.debitMinor;
    row.creditMinor += t.creditMinor;
    rows.set(key, row);
  }
  if (errors.length > 0) return fail(errors);
  if (options.includeZero !== false) {
    for (const account of chart.accounts) {
      for (const currency of currencies) {
        if (!touchedCodes.has(`${account.code}\u0000${currency}`)) {
          rows.set(`${account.code}\u0000${currency}`, {
            account: account.code,
            currency,
            debitMinor: 0,
            creditMinor: 0,
          });
        }
      }
    }
  }
  const sumByCurrency = new Map<string, { currency: string; debitMinor: number; creditMinor: number }>();
  const out: TrialBalanceRow[] = [];
  for (const r of [...rows.values()].sort(compareTotals)) {
    const { code, subAccount } = parseAccountId(r.account);
    const account = chart.byCode.get(code)!;
    const net = r.debitMinor - r.creditMinor;
    out.push({
      account: r.account,
      code,
      ...(subAccount === undefined ? {} : { subAccount }),
      name: account.name,
      type: account.type,
      normalSide: account.normalSide,
      currency: r.currency,
      debitMinor: r.debitMinor,
      creditMinor: r.creditMinor,
      balanceMinor: account.normalSide === 'debit' ? net : 0 - net,
    });
    const s = sumByCurrency.get(r.currency) ?? { currency: r.currency, debitMinor: 0, creditMinor: 0 };
    s.debitMinor += r.debitMinor;
    s.creditMinor += r.creditMinor;
    sumByCurrency.set(r.currency, s);
  }
  const sums = [...sumByCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return ok({ rows: out, totals: sums, balanced: sums.every((s) => s.debitMinor === s.creditMinor) });
}

/**
 * The trial balance of a list of entries, optionally within a date range: {@link accountTotals}
 * then {@link trialBalance}.
 *
 * @example trialBalanceOf(entries, DEFAULT_CHART, { to: '2025-12-31', rollUp: true })
 */
export function trialBalanceOf(
  entries: Iterable<JournalEntry>,
  chart: Chart,
  options: TrialBalanceOptions & DateRange = {},
): LedgerResult<TrialBalance> {
  return trialBalance(accountTotals(entries, options), chart, options);
}
