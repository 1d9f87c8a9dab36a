import { daysBetween, type LocalDate } from '@puhui/money';
import { COMPONENTS, type Components, zeroComponents } from './components.ts';
import { type InstallmentState, outstanding, outstandingTotal } from './installment.ts';

/**
 * Days past due on `date`: days since the oldest due date whose instalment still has anything
 * outstanding (0 when nothing is overdue). An instalment is overdue from the day after its due date.
 *
 * @example daysPastDue(state.installments, localDate('2024-04-15')) // 31 if the 2024-03-15 instalment is unpaid
 */
export function daysPastDue(installments: readonly InstallmentState[], date: LocalDate): number {
  let oldest: LocalDate | null = null;
  for (const i of installments) {
    if (i.dueDate >= date || outstandingTotal(i) <= 0) continue;
    if (oldest === null || i.dueDate < oldest) oldest = i.dueDate;
  }
  return oldest === null ? 0 : daysBetween(oldest, date);
}

/** A delinquency bucket: days past due from `minDays` to `maxDays` inclusive (`null`: no upper bound). */
export interface ArrearsBucket {
  readonly name: string;
  readonly minDays: number;
  readonly maxDays: number | null;
}

/** Default buckets: current, 1–30, 31–60, 61–90, 91–180, 181–360, over 360 days. */
export const DEFAULT_ARREARS_BUCKETS: readonly ArrearsBucket[] = [
  { name: 'current', minDays: 0, maxDays: 0 },
  { name: '1-30', minDays: 1, maxDays: 30 },
  { name: '31-60', minDays: 31, maxDays: 60 },
  { name: '61-90', minDays: 61, maxDays: 90 },
  { name: '91-180', minDays: 91, maxDays: 180 },
  { name: '181-360', minDays: 181, maxDays: 360 },
  { name: '360+', minDays: 361, maxDays: null },
];

/**
 * The bucket containing `days` past due (the first match), or `undefined` if none does.
 *
 * @example arrearsBucket(45)?.name // '31-60'
 */
export function arrearsBucket(
  days: number,
  buckets: readonly ArrearsBucket[] = DEFAULT_ARREARS_BUCKETS,
): ArrearsBucket | undefined {
  return buckets.find((b) => days >= b.minDays && (b.maxDays === null || days <= b.maxDays));
}

/** Arrears of a loan on a date. */
export interface Arrears {
  readonly daysPastDue: number;
  /** Outstanding amounts of instalments due before the date. */
  readonly overdue: Components;
  readonly overdueTotalMinor: number;
  readonly bucket: string | null;
}

/**
 * Overdue amounts, days past due and bucket on `date`.
 *
 * @example arrears(state.installments, localDate('2024-05-01')).bucket // '31-60'
 */
export function arrears(
  installments: readonly InstallmentState[],
  date: LocalDate,
  buckets: readonly ArrearsBucket[] = DEFAULT_ARREARS_BUCKETS,
): Arrears {
  const overdue = zeroComponents();
  for (const i of installments) {
    if (i.dueDate >= date) continue;
    for (const c of COMPONENTS) overdue[c] += Math.max(0, outstanding(i, c));
  }
  const dpd = daysPastDue(installments, date);
  return {
    daysPastDue: dpd,
    overdue,
    overdueTotalMinor: overdue.principal + overdue.interest + overdue.fee + overdue.penalty,
    bucket: arrearsBucket(dpd, buckets)?.name ?? null,
  };
}
