import type { Side } from './account.ts';

/** One debit or credit: a positive integer amount in minor units of one currency on one account id. */
export interface JournalLine {
  /** Account code, or `code:key` for a sub-account (see {@link accountId}). */
  readonly account: string;
  readonly side: Side;
  /** Positive safe integer in minor units (fen for CNY, cents for USD). */
  readonly amountMinor: number;
  /** ISO 4217 code, e.g. `CNY`. */
  readonly currency: string;
}

/**
 * An append-only journal entry: two or more lines whose debits equal credits per currency.
 * A correction is a new entry that reverses this one ({@link reverseEntry}), never an edit.
 */
export interface JournalEntry {
  /** Caller-supplied unique id (the store's primary key; makes posting idempotent). */
  readonly id: string;
  /** The business date the entry is booked on (`YYYY-MM-DD`). */
  readonly businessDate: string;
  /** The date the money movement is effective (`YYYY-MM-DD`); may be earlier for back-valued entries. */
  readonly valueDate: string;
  /** The business transaction this entry records (repayment id, EOD run id, …). */
  readonly txnRef: string;
  /** The transaction type that produced it, e.g. `repayment`; used by reports. */
  readonly txnType: string;
  readonly loanId?: string;
  readonly memo: string;
  /** Set on a reversing entry: the id of the entry it cancels. */
  readonly reversesId?: string;
  readonly lines: readonly JournalLine[];
}
