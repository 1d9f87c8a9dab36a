import { formatMinor } from '@puhui/money';
import type { RateMethod } from '../rate/annualized-rate.ts';
import { scheduleAnnualizedRate } from '../rate/schedule-rate.ts';
import type { Schedule } from './generate-schedule.ts';

/** One row of the JSON schedule; amounts are decimal strings in major units. */
export interface SchedulePeriodJson {
  readonly n: number;
  readonly dueDate: string;
  readonly days: number;
  readonly principal: string;
  readonly interest: string;
  readonly fees: string;
  readonly total: string;
  readonly balance: string;
}

/** The JSON form of a schedule printed by `puhui schedule` (see docs/loan-engine.md). */
export interface ScheduleJson {
  readonly periods: readonly SchedulePeriodJson[];
  readonly totals: {
    readonly principal: string;
    readonly interest: string;
    readonly fees: string;
    readonly total: string;
  };
  readonly annualizedRate: { readonly nominal: string; readonly effective: string } | null;
}

/** Decimal places of rates in JSON output (fractions: "0.04899993" = 4.899993 %). */
export const RATE_DECIMALS = 8;

/**
 * Formats a float rate as a fixed decimal string with {@link RATE_DECIMALS} places.
 *
 * @example formatRate(0.048999932915) // "0.04899993"
 */
export function formatRate(rate: number): string {
  const text = rate.toFixed(RATE_DECIMALS);
  return text === `-${(0).toFixed(RATE_DECIMALS)}` ? (0).toFixed(RATE_DECIMALS) : text;
}

/**
 * The JSON form of a schedule: amounts as decimal strings in major units, a row `n: 0` on the
 * disbursement date when fees are due then, and the annualised rate (all fees included) by
 * `method`, or `null` when the cash flows admit no rate.
 *
 * @example scheduleToJson(generateSchedule(spec)).periods[0].total // "8556.17"
 */
export function scheduleToJson(schedule: Schedule, method: RateMethod = 'cn_irr'): ScheduleJson {
  const c = schedule.currency;
  const f = (minor: number) => formatMinor(minor, c);
  const periods: SchedulePeriodJson[] = [];
  if (schedule.disbursementFeesMinor > 0) {
    periods.push({
      n: 0,
      dueDate: schedule.disbursementDate,
      days: 0,
      principal: f(0),
      interest: f(0),
      fees: f(schedule.disbursementFeesMinor),
      total: f(schedule.disbursementFeesMinor),
      balance: f(schedule.principalMinor),
    });
  }
  for (const p of schedule.periods) {
    periods.push({
      n: p.n,
      dueDate: p.dueDate,
      days: p.days,
      principal: f(p.principalMinor),
      interest: f(p.interestMinor),
      fees: f(p.feesMinor),
      total: f(p.totalMinor),
      balance: f(p.balanceMinor),
    });
  }
  const rate = scheduleAnnualizedRate(schedule, method);
  const t = schedule.totals;
  return {
    periods,
    totals: {
      principal: f(t.principalMinor),
      interest: f(t.interestMinor),
      fees: f(t.feesMinor),
      total: f(t.totalMinor),
    },
    annualizedRate: rate.ok
      ? { nominal: formatRate(rate.nominalAnnualRate), effective: formatRate(rate.effectiveAnnualRate) }
      : null,
  };
}
