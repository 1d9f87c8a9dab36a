import type { Side } from './account.ts';
import { parseAccountId } from './account-id.ts';
import { type DateField, inRange } from './account-totals.ts';
import type { Chart } from './chart.ts';
import { fail, issue, type LedgerResult, ok } from './errors.ts';
import type { JournalEntry } from './journal-entry.ts';

/** Which account and currency a statement or balance is for. */
export interface AccountSelector {
  /**
   * An account id. A bare code of an account with sub-accounts covers all of them
   * (`1002` = every channel); `code:key` selects one sub-account.
   */
  readonly account: string;
  readonly currency: string;
  /** Defaults to `businessDate`. */
  readonly dateField?: DateField;
}

/** One line of an account statement, with the running balance after it. */
export interface StatementLine {
  readonly entryId: string;
  readonly businessDate: string;
  readonly valueDate: string;
  readonly txnRef: string;
  readonly txnType: string;
  readonly loanId?: string;
  readonly memo: string;
  readonly account: string;
  readonly side: Side;
  readonly amountMinor: number;
  /** Balance on the account's normal side after this line. */
  readonly balanceMinor: number;
}

export interface AccountStatement {
  readonly account: string;
  readonly currency: string;
  readonly normalSide: Side;
  readonly from?: string;
  readonly to?: string;
  /** Balance before `from` (0 without `from`). */
  readonly openingBalanceMinor: number;
  readonly debitMinor: number;
  readonly creditMinor: number;
  readonly closingBalanceMinor: number;
  readonly lines: readonly StatementLine[];
}

/**
 * The statement of one account in one currency over an inclusive date range: opening balance,
 * every line in date order (entries of the same date keep their input order) with the running
 * balance on the account's normal side, and the closing balance.
 *
 * @example
 * const s = accountStatement(entries, { account: '1303', currency: 'CNY' }, DEFAULT_CHART, { from: '2025-03-01', to: '2025-03-31' });
 * if (s.ok) s.value.closingBalanceMinor; // outstanding principal at 31 March
 */
export function accountStatement(
  entries: Iterable<JournalEntry>,
  selector: AccountSelector,
  chart: Chart,
  range: { readonly from?: string; readonly to?: string } = {},
): LedgerResult<AccountStatement> {
  const matcher = lineMatcher(selector, chart);
  if (!matcher.ok) return matcher;
  const { normalSide, matches } = matcher.value;
  const field = selector.dateField ?? 'businessDate';
  const sign = normalSide === 'debit' ? 1 : -1;
  let opening = 0;
  let debit = 0;
  let credit = 0;
  const inWindow: { entry: JournalEntry; order: number }[] = [];
  let order = 0;
  for (const entry of entries) {
    const date = entry[field];
    if (range.from !== undefined && date < range.from) {
      for (const line of entry.lines) {
        if (matches(line.account, line.currency)) opening += signed(line.side, line.amountMinor) * sign;
      }
    } else if (inRange(date, range)) {
      inWindow.push({ entry, order: order++ });
    }
  }
  inWindow.sort((a, b) =>
    a.entry[field] < b.entry[field] ? -1 : a.entry[field] > b.entry[field] ? 1 : a.order - b.order,
  );
  let balance = opening;
  const lines: StatementLine[] = [];
  for (const { entry } of inWindow) {
    for (const line of entry.lines) {
      if (!matches(line.account, line.currency)) continue;
      balance += signed(line.side, line.amountMinor) * sign;
      if (line.side === 'debit') debit += line.amountMinor;
      else credit += line.amountMinor;
      lines.push({
        entryId: entry.id,
        businessDate: entry.businessDate,
        valueDate: entry.valueDate,
        txnRef: entry.txnRef,
        txnType: entry.txnType,
        ...(entry.loanId === undefined ? {} : { loanId: entry.loanId }),
        memo: entry.memo,
        account: line.account,
        side: line.side,
        amountMinor: line.amountMinor,
        balanceMinor: balance,
      });
    }
  }
  return ok({
    account: selector.account,
    currency: selector.currency,
    normalSide,
    ...(range.from === undefined ? {} : { from: range.from }),
    ...(range.to === undefined ? {} : { to: range.to }),
    openingBalanceMinor: opening,
    debitMinor: debit,
    creditMinor: credit,
    closingBalanceMinor: balance,
    lines,
  });
}

/**
 * The balance of an account (normal side positive) at the end of `date`, counting every entry
 * dated on or before it.
 *
 * @example balanceAt(entries, { account: '1304:loss', currency: 'CNY' }, '2025-03-31', DEFAULT_CHART) // { ok: true, value: 120000 }
 */
export function balanceAt(
  entries: Iterable<JournalEntry>,
  selector: AccountSelector,
  date: string,
  chart: Chart,
): LedgerResult<number> {
  const matcher = lineMatcher(selector, chart);
  if (!matcher.ok) return matcher;
  const { normalSide, matches } = matcher.value;
  const field = selector.dateField ?? 'businessDate';
  let net = 0;
  for (const entry of entries) {
    if (entry[field] > date) continue;
    for (const line of entry.lines) {
      if (matches(line.account, line.currency)) net += signed(line.side, line.amountMinor);
    }
  }
  return ok(normalSide === 'debit' ? net : 0 - net);
}

function signed(side: Side, amountMinor: number): number {
  return side === 'debit' ? amountMinor : -amountMinor;
}

function lineMatcher(
  selector: AccountSelector,
  chart: Chart,
): LedgerResult<{ normalSide: Side; matches: (account: string, currency: string) => boolean }> {
  const { code, subAccount } = parseAccountId(selector.account);
  const account = chart.byCode.get(code);
  if (account === undefined)
    return fail([issue('ledger.unknown_account', `unknown account ${selector.account}`)]);
  const prefix = `${code}:`;
  const matches =
    subAccount === undefined
      ? (id: string, currency: string) =>
          currency === selector.currency && (id === code || id.startsWith(prefix))
      : (id: string, currency: string) => currency === selector.currency && id === selector.account;
  return ok({ normalSide: account.normalSide, matches });
}
