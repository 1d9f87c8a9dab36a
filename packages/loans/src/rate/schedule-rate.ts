import { toEpochDay } from '@puhui/money';
import type { Schedule } from '../schedule/generate-schedule.ts';
import {
  type AnnualizedRateResult,
  annualizedRate,
  type DatedCashFlow,
  type RateMethod,
  solveAnnualized,
  type UnitPeriod,
  unitPeriodTime,
} from './annualized-rate.ts';
import { signProblem } from './solve-rate.ts';

/**
 * The borrower's cash flows of a schedule: the disbursement net of the fees due at disbursement
 * (negative, money to the borrower), then each instalment's total including its fees (positive).
 *
 * @example scheduleCashFlows(schedule)[0] // { date: '2024-01-15', amount: -10000000 }
 */
export function scheduleCashFlows(schedule: Schedule): DatedCashFlow[] {
  const flows: DatedCashFlow[] = [
    { date: schedule.disbursementDate, amount: -(schedule.principalMinor - schedule.disbursementFeesMinor) },
  ];
  for (const p of schedule.periods)
    if (p.totalMinor !== 0) flows.push({ date: p.dueDate, amount: p.totalMinor });
  return flows;
}

/**
 * The annualised rate of a schedule including every fee the borrower pays (PBoC announcement No. 3
 * requires this for `cn_irr`), with the schedule's repayment interval as the unit period. Instalment
 * k lies k − 1 whole intervals after the first due date, whose own distance from the disbursement
 * (one interval, or a broken fraction) is measured like {@link annualizedRate} does.
 *
 * @example scheduleAnnualizedRate(generateSchedule(spec), 'cn_irr') // { ok: true, nominalAnnualRate: 0.049…, … }
 */
export function scheduleAnnualizedRate(
  schedule: Schedule,
  method: RateMethod = 'cn_irr',
): AnnualizedRateResult {
  const periods = schedule.periods;
  const count = periods.length + 1;
  const amounts = new Float64Array(count);
  const whole = new Float64Array(count);
  const fraction = new Float64Array(count);
  const years = new Float64Array(count);
  const unit: UnitPeriod = { every: schedule.every, frequency: schedule.frequency };
  const start = toEpochDay(schedule.disbursementDate);
  amounts[0] = -(schedule.principalMinor - schedule.disbursementFeesMinor);
  const first = periods[0];
  if (!first) return annualizedRate([], method, unit);
  const t1 = unitPeriodTime(start, toEpochDay(first.dueDate), unit);
  for (let k = 1; k < count; k++) {
    const p = periods[k - 1] as Schedule['periods'][number];
    amounts[k] = p.totalMinor;
    whole[k] = t1.whole + k - 1;
    fraction[k] = t1.fraction;
    if (method === 'eu_aprc') years[k] = (toEpochDay(p.dueDate) - start) / 365;
  }
  const problem = signProblem(amounts);
  if (problem && !problem.ok) return problem;
  return solveAnnualized(method, amounts, whole, fraction, years, unit);
}
