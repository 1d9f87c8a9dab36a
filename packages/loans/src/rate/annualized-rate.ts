import { addMonthsToCivil, daysInMonth, epochDayToCivil, type LocalDate, toEpochDay } from '@puhui/money';
import type { Frequency } from '../schedule/schedule-spec.ts';
import { type RateErrorCode, signProblem, solveRate } from './solve-rate.ts';

/**
 * The three published conventions for an annualised rate:
 * - `cn_irr`: PBoC announcement No. 3 (2021): periodic IRR × periods per year, with the compound
 *   effective rate beside it; times in unit periods, a fractional period compounds;
 * - `us_actuarial`: Regulation Z Appendix J: unit periods counted back from each date, the
 *   fractional part at simple interest `(1 + f·i)(1 + i)^t`; APR = i × unit periods per year;
 * - `eu_aprc`: Consumer Credit Directive Annex I: time in years of 365 days, compound; the APRC
 *   is the effective annual rate.
 */
export type RateMethod = 'cn_irr' | 'us_actuarial' | 'eu_aprc';

export const RATE_METHODS: readonly RateMethod[] = ['cn_irr', 'us_actuarial', 'eu_aprc'];

/** A cash flow on a date: negative is money to the borrower (an advance), positive a payment. */
export interface DatedCashFlow {
  readonly date: LocalDate;
  readonly amount: number;
}

/** The unit period: every `every` `frequency`. */
export interface UnitPeriod {
  readonly every: number;
  readonly frequency: Frequency;
}

/** An annualised rate. All rates are fractions (0.049 = 4.9 %). */
export interface AnnualizedRate {
  /** The rate per unit period. */
  readonly periodicRate: number;
  /** Periodic rate × unit periods per year (the APR of `cn_irr` and `us_actuarial`). */
  readonly nominalAnnualRate: number;
  /** (1 + periodic)^(periods per year) − 1 (the APRC of `eu_aprc`). */
  readonly effectiveAnnualRate: number;
  readonly unitPeriod: UnitPeriod;
  readonly periodsPerYear: number;
}

/** Outcome of {@link annualizedRate}. */
export type AnnualizedRateResult =
  | ({ readonly ok: true } & AnnualizedRate)
  | { readonly ok: false; readonly code: RateErrorCode | 'no_flows'; readonly message: string };

function unitsPerYear(unit: UnitPeriod): number {
  switch (unit.frequency) {
    case 'months':
      return 12 / unit.every;
    case 'weeks':
      return 52 / unit.every;
    case 'days':
      return 365 / unit.every;
    case 'years':
      return 1 / unit.every;
  }
}

/** Whole months from `a` to `b` if `b` is `a` plus whole months (day clamped to month end), else 0. */
function wholeMonths(a: number, b: number): number {
  const ca = epochDayToCivil(a);
  const cb = epochDayToCivil(b);
  const m = (cb.year - ca.year) * 12 + (cb.month - ca.month);
  if (m <= 0) return 0;
  if (addMonthsToCivil(ca.year, ca.month, ca.day, m) === b) return m;
  // a month-end anchor (Feb 28 → Mar 31) also counts
  const endA = addMonthsToCivil(ca.year, ca.month, 31, 0);
  const endB = addMonthsToCivil(cb.year, cb.month, 31, 0);
  return a === endA && b === endB ? m : 0;
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] as number;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount || (c === bestCount && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * Infers the unit period from the dates (Regulation Z Appendix J (b)(3): the most common interval
 * between payments): whole months if every payment interval is whole months, else whole weeks,
 * else days. A single payment makes the term itself the unit period.
 *
 * @example inferUnitPeriod([{ date: '2024-01-15', amount: -1000 }, { date: '2024-02-15', amount: 510 },
 *   { date: '2024-03-15', amount: 510 }]) // { every: 1, frequency: 'months' }
 */
export function inferUnitPeriod(flows: readonly DatedCashFlow[]): UnitPeriod {
  const start = Math.min(...flows.map((f) => toEpochDay(f.date)));
  const payDays = [...new Set(flows.filter((f) => f.amount > 0).map((f) => toEpochDay(f.date)))].sort(
    (a, b) => a - b,
  );
  const points = payDays.length >= 2 ? payDays : [start, ...payDays];
  const months: number[] = [];
  const days: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as number;
    const b = points[i] as number;
    months.push(wholeMonths(a, b));
    days.push(b - a);
  }
  if (days.length === 0) return { every: 1, frequency: 'months' };
  if (months.every((m) => m > 0)) {
    const m = mostCommon(months);
    return m % 12 === 0 ? { every: m / 12, frequency: 'years' } : { every: m, frequency: 'months' };
  }
  if (days.every((d) => d > 0 && d % 7 === 0)) return { every: mostCommon(days) / 7, frequency: 'weeks' };
  return { every: Math.max(1, mostCommon(days)), frequency: 'days' };
}

/**
 * The time from `start` to `date` in unit periods, as whole periods `t` counted back from `date`
 * plus a fraction `f` (Regulation Z Appendix J (b)(5)): remaining days ÷ 30 per month of the unit
 * (÷ 365 per year, ÷ 7 per week).
 *
 * @example unitPeriodTime(civilToEpochDay(2024,1,10), civilToEpochDay(2024,3,15), { every: 1, frequency: 'months' })
 * // { whole: 2, fraction: 5/30 }
 */
export function unitPeriodTime(
  start: number,
  date: number,
  unit: UnitPeriod,
): { whole: number; fraction: number } {
  const totalDays = date - start;
  switch (unit.frequency) {
    case 'days':
      return { whole: Math.floor(totalDays / unit.every), fraction: (totalDays % unit.every) / unit.every };
    case 'weeks': {
      const len = 7 * unit.every;
      return { whole: Math.floor(totalDays / len), fraction: (totalDays % len) / len };
    }
    case 'months':
    case 'years': {
      const step = unit.frequency === 'months' ? unit.every : unit.every * 12;
      const c = epochDayToCivil(date);
      const s = epochDayToCivil(start);
      // Regulation Z (b)(3)(iv): a date on the last day of its month counts months from month end
      // to month end (Jan 31 → Feb 29 → Mar 31 are whole months).
      const anchorDay = c.day === daysInMonth(c.year, c.month) ? 31 : c.day;
      let whole = Math.max(0, Math.floor(((c.year - s.year) * 12 + (c.month - s.month)) / step));
      while (whole > 0 && addMonthsToCivil(c.year, c.month, anchorDay, -whole * step) < start) whole--;
      while (addMonthsToCivil(c.year, c.month, anchorDay, -(whole + 1) * step) >= start) whole++;
      const rest = addMonthsToCivil(c.year, c.month, anchorDay, -whole * step) - start;
      const perUnit = unit.frequency === 'months' ? 30 * unit.every : 365 * unit.every;
      return { whole, fraction: rest / perUnit };
    }
  }
}

/**
 * The annualised rate of dated cash flows under one of the {@link RateMethod} conventions. The
 * unit period (for `cn_irr`/`us_actuarial`, and the periodic view of `eu_aprc`) is `unit` or
 * inferred with {@link inferUnitPeriod}. Fails with a code when the flows cannot have a rate.
 *
 * @example annualizedRate([{ date: d('2024-01-01'), amount: -1000 }, { date: d('2025-01-01'), amount: 1100 }], 'eu_aprc')
 * // { ok: true, effectiveAnnualRate: ≈0.0997 (366 days / 365), … }
 */
export function annualizedRate(
  flows: readonly DatedCashFlow[],
  method: RateMethod,
  unit?: UnitPeriod,
): AnnualizedRateResult {
  if (flows.length < 2) return { ok: false, code: 'no_flows', message: 'at least two cash flows are needed' };
  const amounts = new Float64Array(flows.length);
  flows.forEach((f, i) => {
    amounts[i] = f.amount;
  });
  const problem = signProblem(amounts);
  if (problem && !problem.ok) return problem;
  const unitPeriod = unit ?? inferUnitPeriod(flows);
  let start = Number.POSITIVE_INFINITY;
  const epochDays = flows.map((f) => {
    const d = toEpochDay(f.date);
    if (d < start) start = d;
    return d;
  });

  const whole = new Float64Array(flows.length);
  const fraction = new Float64Array(flows.length);
  const years = new Float64Array(flows.length);
  epochDays.forEach((d, i) => {
    years[i] = (d - start) / 365;
    if (method === 'eu_aprc') return;
    const t = unitPeriodTime(start, d, unitPeriod);
    whole[i] = t.whole;
    fraction[i] = t.fraction;
  });
  return solveAnnualized(method, amounts, whole, fraction, years, unitPeriod);
}

/**
 * Solves prepared cash flows: `amounts[j]` at `whole[j] + fraction[j]` unit periods (for `cn_irr`
 * and `us_actuarial`) or `years[j]` years of 365 days (for `eu_aprc`) after the start. The engine
 * behind {@link annualizedRate}, also used directly for schedules whose times are known.
 *
 * @example solveAnnualized('cn_irr', Float64Array.of(-100, 110), Float64Array.of(0, 1), Float64Array.of(0, 0),
 *   Float64Array.of(0, 31 / 365), { every: 1, frequency: 'months' }) // periodicRate 0.1
 */
export function solveAnnualized(
  method: RateMethod,
  amounts: Float64Array,
  whole: Float64Array,
  fraction: Float64Array,
  years: Float64Array,
  unitPeriod: UnitPeriod,
): AnnualizedRateResult {
  const ppy = unitsPerYear(unitPeriod);
  let scale = 0;
  for (let j = 0; j < amounts.length; j++) scale += Math.abs(amounts[j] as number);
  if (method === 'eu_aprc') {
    const solved = solveRate(compoundNpv(amounts, years), 0.1, scale);
    if (!solved.ok) return solved;
    const effective = solved.rate;
    const periodic = (1 + effective) ** (1 / ppy) - 1;
    return {
      ok: true,
      periodicRate: periodic,
      nominalAnnualRate: periodic * ppy,
      effectiveAnnualRate: effective,
      unitPeriod,
      periodsPerYear: ppy,
    };
  }
  let solved: ReturnType<typeof solveRate>;
  if (method === 'us_actuarial') solved = solveRate(actuarialNpv(amounts, whole, fraction), 0.01, scale);
  else {
    const times = new Float64Array(amounts.length);
    for (let i = 0; i < times.length; i++) times[i] = (whole[i] as number) + (fraction[i] as number);
    solved = solveRate(compoundNpv(amounts, times), 0.01, scale);
  }
  if (!solved.ok) return solved;
  const i = solved.rate;
  return {
    ok: true,
    periodicRate: i,
    nominalAnnualRate: i * ppy,
    effectiveAnnualRate: (1 + i) ** ppy - 1,
    unitPeriod,
    periodsPerYear: ppy,
  };
}

/**
 * NPV and its derivative of `Σ a_j (1 + r)^(−t_j)`, as a {@link solveRate} function.
 *
 * @example solveRate(compoundNpv(Float64Array.of(-100, 110), Float64Array.of(0, 1))) // rate 0.1
 */
export function compoundNpv(amounts: Float64Array, times: Float64Array) {
  const n = amounts.length;
  return (r: number, out: Float64Array): void => {
    const lg = Math.log1p(r);
    let v = 0;
    let d = 0;
    for (let j = 0; j < n; j++) {
      const t = times[j] as number;
      const term = (amounts[j] as number) * Math.exp(-t * lg);
      v += term;
      d -= t * term;
    }
    out[0] = v;
    out[1] = d / (1 + r);
  };
}

/**
 * NPV and derivative under Regulation Z's actuarial form `Σ a_j / ((1 + f_j·r)(1 + r)^t_j)`.
 *
 * @example solveRate(actuarialNpv(Float64Array.of(-1000, 1050), Float64Array.of(0, 0), Float64Array.of(0, 0.5)))
 * // rate 0.1 (simple interest over half a unit period)
 */
export function actuarialNpv(amounts: Float64Array, whole: Float64Array, fraction: Float64Array) {
  const n = amounts.length;
  return (r: number, out: Float64Array): void => {
    const lg = Math.log1p(r);
    let v = 0;
    let d = 0;
    for (let j = 0; j < n; j++) {
      const t = whole[j] as number;
      const f = fraction[j] as number;
      const simple = 1 + f * r;
      const term = ((amounts[j] as number) * Math.exp(-t * lg)) / simple;
      v += term;
      d -= term * (t / (1 + r) + f / simple);
    }
    out[0] = v;
    out[1] = d;
  };
}
