import type { JournalEntry } from './journal-entry.ts';

/** Debit and credit totals of one account id in one currency: what the store's `GROUP BY` returns. */
export interface AccountTotal {
  readonly account: string;
  readonly currency: string;
  readonly debitMinor: number;
  readonly creditMinor: number;
}

/** Which entry date a report filters and orders by. */
export type DateField = 'businessDate' | 'valueDate';

/** Date window of a report; both ends inclusive, either may be omitted. */
export interface DateRange {
  readonly from?: string;
  readonly to?: string;
  /** Defaults to `businessDate`. */
  readonly dateField?: DateField;
}

/**
 * Sums entries into per-account, per-currency debit and credit totals, optionally only entries
 * dated within a range. The result is sorted by account id, then currency.
 *
 * @example
 * accountTotals(entries, { to: '2025-03-31' })
 * // [{ account: '1002:alipay', currency: 'CNY', debitMinor: 10000, creditMinor: 0 }, …]
 */
export function accountTotals(entries: Iterable<JournalEntry>, range: DateRange = {}): AccountTotal[] {
  const field = range.dateField ?? 'businessDate';
  // account id → currency → totals; nested maps avoid building a key string per line.
  const byAccount = new Map<
    string,
    Map<string, { account: string; currency: string; debitMinor: number; creditMinor: number }>
  >();
  const sums: { account: string; currency: string; debitMinor: number; creditMinor: number }[] = [];
  for (const entry of entries) {
    if (!inRange(entry[field], range)) continue;
    for (const line of entry.lines) {
      let byCurrency = byAccount.get(line.account);
      if (byCurrency === undefined) {
        byCurrency = new Map();
        byAccount.set(line.account, byCurrency);
      }
      let t = byCurrency.get(line.currency);
      if (t === undefined) {
        t = { account: line.account, currency: line.currency, debitMinor: 0, creditMinor: 0 };
        byCurrency.set(line.currency, t);
        sums.push(t);
      }
      if (line.side === 'debit') t.debitMinor += line.amountMinor;
      else t.creditMinor += line.amountMinor;
    }
  }
  return sums.sort(compareTotals);
}

/** @internal true when `date` lies in the inclusive range. */
export function inRange(date: string, range: { readonly from?: string; readonly to?: string }): boolean {
  return (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to);
}

/** @internal orders totals by account id (numeric-aware), then currency. */
export function compareTotals(
  a: { readonly account: string; readonly currency: string },
  b: { readonly account: string; readonly currency: string },
): number {
  return (
    a.account.localeCompare(b.account, 'en', { numeric: true }) ||
    (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)
  );
}
