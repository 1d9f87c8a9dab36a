import { civilToEpochDay, epochDayToCivil, isLeapYear, type LocalDate, toCivil, toEpochDay } from './date.ts';

/**
 * Day-count conventions (ISDA 2006 §4.16 names):
 * - `30/360`: 30/360 "bond basis" (US): D1 = 31 → 30; D2 = 31 → 30 only if D1 ≥ 30;
 * - `30E/360`: Eurobond basis: any 31st counts as the 30th;
 * - `actual/360`, `actual/365` (Actual/365 Fixed);
 * - `actual/actual_isda`: days falling in a leap year count /366, the others /365.
 */
export type DayCountConvention = '30/360' | '30E/360' | 'actual/360' | 'actual/365' | 'actual/actual_isda';

/** Every supported convention. */
export const DAY_COUNT_CONVENTIONS: readonly DayCountConvention[] = [
  '30/360',
  '30E/360',
  'actual/360',
  'actual/365',
  'actual/actual_isda',
];

/** An exact year fraction `numerator / denominator`. */
export interface YearFraction {
  readonly numerator: number;
  readonly denominator: number;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  while (b !== 0) [a, b] = [b, a % b];
  return a || 1;
}

/**
 * Days between two dates counted under `convention` (the numerator before dividing by the year
 * basis; for the actual conventions it is the calendar days).
 *
 * @example dayCountDays('30/360', localDate('2024-01-31'), localDate('2024-03-31')) // 60
 */
export function dayCountDays(convention: DayCountConvention, from: LocalDate, to: LocalDate): number {
  if (convention === '30/360' || convention === '30E/360') {
    const a = toCivil(from);
    const b = toCivil(to);
    let d1 = a.day;
    let d2 = b.day;
    if (convention === '30E/360') {
      if (d1 === 31) d1 = 30;
      if (d2 === 31) d2 = 30;
    } else {
      if (d1 === 31) d1 = 30;
      if (d2 === 31 && d1 >= 30) d2 = 30;
    }
    return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1);
  }
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * Splits the days from epoch day `from` (inclusive) to `to` (exclusive) into those falling in leap
 * years and the others.
 *
 * @example leapSplit(civilToEpochDay(2023, 12, 1), civilToEpochDay(2024, 1, 11)) // { leap: 10, common: 31 }
 */
export function leapSplit(from: number, to: number): { leap: number; common: number } {
  let leap = 0;
  let common = 0;
  const sign = to >= from ? 1 : -1;
  let a = Math.min(from, to);
  const b = Math.max(from, to);
  while (a < b) {
    const year = epochDayToCivil(a).year;
    const next = Math.min(b, civilToEpochDay(year + 1, 1, 1));
    if (isLeapYear(year)) leap += next - a;
    else common += next - a;
    a = next;
  }
  return { leap: sign * leap, common: sign * common };
}

/**
 * The exact year fraction from `from` to `to` under `convention`, as a reduced fraction.
 *
 * @example dayCountFraction('actual/actual_isda', localDate('2023-12-01'), localDate('2024-01-11'))
 * // 31/365 + 10/366 = (31·366 + 10·365) / (365·366)
 */
export function dayCountFraction(
  convention: DayCountConvention,
  from: LocalDate,
  to: LocalDate,
): YearFraction {
  let numerator: number;
  let denominator: number;
  switch (convention) {
    case '30/360':
    case '30E/360':
    case 'actual/360':
      numerator = dayCountDays(convention, from, to);
      denominator = 360;
      break;
    case 'actual/365':
      numerator = dayCountDays(convention, from, to);
      denominator = 365;
      break;
    case 'actual/actual_isda': {
      const { leap, common } = leapSplit(toEpochDay(from), toEpochDay(to));
      numerator = common * 366 + leap * 365;
      denominator = 365 * 366;
      break;
    }
  }
  const g = gcd(numerator, denominator);
  return { numerator: numerator / g, denominator: denominator / g };
}

/**
 * The year fraction as a float64 (for solvers and display).
 *
 * @example yearFraction('actual/360', localDate('2024-01-01'), localDate('2024-04-01')) // 91/360
 */
export function yearFraction(convention: DayCountConvention, from: LocalDate, to: LocalDate): number {
  const f = dayCountFraction(convention, from, to);
  return f.numerator / f.denominator;
}
