import type { Side } from './account.ts';
import type { JournalEntry } from './journal-entry.ts';

/** What a reversing entry needs beyond the entry it reverses. */
export interface ReversalOptions {
  /** The new entry's id. */
  readonly id: string;
  /** The business date the reversal is booked on. */
  readonly businessDate: string;
  /** Defaults to `businessDate`. Pass the original value date to back-value the correction. */
  readonly valueDate?: string;
  /** Defaults to the original's transaction reference. */
  readonly txnRef?: string;
  /** Defaults to `Reversal of <original id>`. */
  readonly memo?: string;
}

const FLIP: Readonly<Record<Side, Side>> = { debit: 'credit', credit: 'debit' };

/**
 * Builds the entry that cancels `original`: the same lines with debit and credit swapped, linked
 * by `reversesId`. The original is never changed; posting both nets every account to zero.
 *
 * @example
 * const r = reverseEntry(entry, { id: 'e-2', businessDate: '2025-03-02' });
 * r.lines[0].side // the opposite of entry.lines[0].side
 */
export function reverseEntry(original: JournalEntry, options: ReversalOptions): JournalEntry {
  return {
    id: options.id,
    businessDate: options.businessDate,
    valueDate: options.valueDate ?? options.businessDate,
    txnRef: options.txnRef ?? original.txnRef,
    txnType: 'reversal',
    ...(original.loanId === undefined ? {} : { loanId: original.loanId }),
    memo: options.memo ?? `Reversal of ${original.id}`,
    reversesId: original.id,
    lines: original.lines.map((line) => ({ ...line, side: FLIP[line.side] })),
  };
}
