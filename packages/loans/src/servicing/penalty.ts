import {
  daysBetween,
  divideRoundedBig,
  type LocalDate,
  multiplyDivideRounded,
  parseRate,
  type RoundingMode,
} from '@puhui/money';
import { outstanding, type WorkingInstallment } from './installment.ts';

/**
 * Penalty interest (罚息) on overdue instalments: `annualRate` on the overdue base for each day past
 * the due date, charged once the instalment is more than `graceDays` overdue (then counted from the
 * due date; an instalment settled within the grace days is never charged).
 */
export interface PenaltyConfig {
  readonly annualRate: string;
  readonly graceDays: number;
  /** Overdue principal only, or overdue principal and interest. */
  readonly base: 'principal' | 'principal_interest';
  readonly daysInYear: 360 | 365;
}

/**
 * Accrues penalty interest on working instalments up to `date` (mutating them). Each accrual
 * segment (between two events) is rounded once with `mode`.
 *
 * @example accruePenalties(work, localDate('2024-05-01'), { annualRate: '0.18', graceDays: 3, base: 'principal', daysInYear: 360 }, 'half_even')
 */
export function accruePenalties(
  installments: WorkingInstallment[],
  date: LocalDate,
  config: PenaltyConfig | null | undefined,
  mode: RoundingMode,
): void {
  if (!config) return;
  const rate = parseRate(config.annualRate);
  if (!rate || rate.units === 0n) return;
  const rNum = Number(rate.units);
  const rDen = 10 ** rate.scale * config.daysInYear;
  for (const i of installments) {
    if (i.dueDate >= date) continue;
    const from = i.penaltyAccruedTo ?? i.dueDate;
    if (from >= date) continue;
    const base =
      outstanding(i, 'principal') + (config.base === 'principal_interest' ? outstanding(i, 'interest') : 0);
    const days = daysBetween(from, date);
    const k = rNum * days;
    let amount = 0;
    if (base > 0) {
      amount = Number.isSafeInteger(k)
        ? multiplyDivideRounded(base, k, rDen, mode)
        : Number(divideRoundedBig(BigInt(base) * BigInt(rNum) * BigInt(days), BigInt(rDen), mode));
    }
    i.penaltyAccruedTo = date;
    if (daysBetween(i.dueDate, date) <= config.graceDays) i.penaltyPendingMinor += amount;
    else {
      i.due.penalty += i.penaltyPendingMinor + amount;
      i.penaltyPendingMinor = 0;
    }
  }
}

/**
 * Drops the pending (in-grace) penalty of instalments whose overdue base has been paid off.
 *
 * @example forgivePendingPenalties(work, config)
 */
export function forgivePendingPenalties(
  installments: WorkingInstallment[],
  config: PenaltyConfig | null | undefined,
): void {
  if (!config) return;
  for (const i of installments) {
    if (i.penaltyPendingMinor === 0) continue;
    const base =
      outstanding(i, 'principal') + (config.base === 'principal_interest' ? outstanding(i, 'interest') : 0);
    if (base === 0) i.penaltyPendingMinor = 0;
  }
}
