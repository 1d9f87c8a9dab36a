import { DEFAULT_CHART, type JournalEntry } from '@puhui/ledger';
import { LOAN_CATEGORIES, type LoanCategory } from '@puhui/loans';
import { divideRoundedBig, parseRate } from '@puhui/money';
import {
  accountNet,
  appendEntries,
  type Executor,
  findOpenDate,
  type StoredEntry,
  setOpenDate,
  type Tx,
} from '@puhui/store';
import { nowIso, type ServiceContext } from '../context.ts';

/** The chart of accounts servicing posts to (the ledger's default chart). */
export const CHART = DEFAULT_CHART;

/**
 * `amountMinor × rate`, rounded half-even to a whole minor unit; `rate` is a decimal fraction.
 *
 * @example applyRate(1_000_000, '0.015') // 15000
 */
export function applyRate(amountMinor: number, rate: string): number {
  const r = parseRate(rate);
  if (!r) throw new Error(`bad rate ${rate}`);
  return Number(divideRoundedBig(BigInt(amountMinor) * r.units, 10n ** BigInt(r.scale), 'half_even'));
}

/**
 * The calendar date and HH:MM of an instant on the wall clock of `timeZone`.
 *
 * @example wallClock(new Date('2026-03-01T16:30:00Z'), 'Asia/Shanghai'); // { date: '2026-03-02', time: '00:30' }
 */
export function wallClock(instant: Date, timeZone = 'UTC'): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** Today's date in the lender's business time zone (`ctx.timeZone`, default UTC). */
export function today(ctx: ServiceContext): string {
  return wallClock(ctx.clock.now(), ctx.timeZone).date;
}

/**
 * The open business date: transactions are booked on it and end of day closes it. Set to the
 * clock's date the first time it is needed.
 *
 * @example const date = await businessDate(ctx, tx);
 */
export async function businessDate(ctx: ServiceContext, db: Executor): Promise<string> {
  const found = await findOpenDate(db);
  if (found) return found;
  const date = today(ctx);
  await setOpenDate(db, date, nowIso(ctx));
  return date;
}

/**
 * Appends journal entries built by the ledger package (each already checked by `validateEntry`)
 * with the borrower they concern.
 */
export async function postEntries(
  ctx: ServiceContext,
  tx: Tx,
  entries: readonly JournalEntry[],
  borrowerId?: string,
): Promise<void> {
  const stored: StoredEntry[] = entries.map((e) => ({ ...e, borrowerId }));
  await appendEntries(tx, stored, nowIso(ctx));
}

/** The balance of the loss allowance of a classification (credit-normal, so positive when held). */
export async function allowanceHeld(db: Executor, classification: string, currency: string): Promise<number> {
  return -(await accountNet(db, `${CHART.byRole.get('lossAllowance')?.code}:${classification}`, currency));
}

/** Narrows text to a loan category. */
export function isCategory(value: unknown): value is LoanCategory {
  return typeof value === 'string' && (LOAN_CATEGORIES as readonly string[]).includes(value);
}

/** A stored entry as the ledger's `JournalEntry`. */
export function asJournalEntry(e: StoredEntry): JournalEntry {
  return {
    id: e.id,
    businessDate: e.businessDate,
    valueDate: e.valueDate,
    txnRef: e.txnRef,
    txnType: e.txnType,
    ...(e.loanId ? { loanId: e.loanId } : {}),
    memo: e.memo,
    ...(e.reversesId ? { reversesId: e.reversesId } : {}),
    lines: e.lines,
  };
}
