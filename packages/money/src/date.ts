declare const localDateBrand: unique symbol;

/**
 * A calendar date with no time and no time zone, as an ISO 8601 `YYYY-MM-DD` string (years
 * 0001–9999). Strings sort chronologically and serialise to JSON unchanged; arithmetic goes through
 * epoch days ({@link toEpochDay}), never through JS `Date` in local time.
 */
export type LocalDate = string & { readonly [localDateBrand]: true };

/** A date split into its fields (month 1–12). */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Whether a year is a Gregorian leap year.
 *
 * @example isLeapYear(2024) // true
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month (month 1–12).
 *
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] as number);
}

/**
 * Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's `days_from_civil`).
 *
 * @example civilToEpochDay(2022, 11, 1) // 19297
 */
export function civilToEpochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The civil date of an epoch day (inverse of {@link civilToEpochDay}).
 *
 * @example epochDayToCivil(19297) // { year: 2022, month: 11, day: 1 }
 */
export function epochDayToCivil(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

function parseFields(text: string): CivilDate | undefined {
  if (typeof text !== 'string' || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return undefined;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)))
    return undefined;
  return { year, month, day };
}

/**
 * Whether `text` is a valid `YYYY-MM-DD` calendar date.
 *
 * @example isLocalDate('2023-02-29') // false
 */
export function isLocalDate(text: unknown): text is LocalDate {
  return typeof text === 'string' && parseFields(text) !== undefined;
}

/**
 * Checks and brands a `YYYY-MM-DD` string; throws a `RangeError` if it is not a calendar date.
 *
 * @example const d = localDate('2022-11-01');
 */
export function localDate(text: string): LocalDate {
  if (!isLocalDate(text)) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  return text;
}

/**
 * Days since 1970-01-01.
 *
 * @example toEpochDay(localDate('1970-01-02')) // 1
 */
export function toEpochDay(date: LocalDate): number {
  const f = parseFields(date);
  if (!f) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return civilToEpochDay(f.year, f.month, f.day);
}

/**
 * Formats year, month and day as a `LocalDate` without validating the day (callers pass a real
 * date); the allocation-light path schedule generators use.
 *
 * @example civilToLocalDate(2024, 2, 29) // '2024-02-29'
 */
export function civilToLocalDate(year: number, month: number, day: number): LocalDate {
  if (year < 1 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  const y = year < 1000 ? String(year).padStart(4, '0') : `${year}`;
  return `${y}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as LocalDate;
}

/**
 * The date of an epoch day.
 *
 * @example fromEpochDay(19297) // '2022-11-01'
 */
export function fromEpochDay(epochDay: number): LocalDate {
  // Inline of epochDayToCivil without allocating the fields object (hot in schedule generation).
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return civilToLocalDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/**
 * Fields of a date.
 *
 * @example toCivil(localDate('2024-02-29')) // { year: 2024, month: 2, day: 29 }
 */
export function toCivil(date: LocalDate): CivilDate {
  const f = parseFields(date);
  if (!f) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return f;
}

/**
 * Adds (or subtracts) days.
 *
 * @example addDays(localDate('2024-02-28'), 2) // '2024-03-01'
 */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Epoch day of `year-month-day` after adding `months`, clamping the day to the month's end.
 * Always counting from the same anchor keeps the anchor's day where the month allows:
 * Jan 31 + 1 month = Feb 28 (29), + 2 months = Mar 31.
 *
 * @example fromEpochDay(addMonthsToCivil(2024, 1, 31, 1)) // '2024-02-29'
 */
export function addMonthsToCivil(year: number, month: number, day: number, months: number): number {
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const dim = daysInMonth(y, m);
  return civilToEpochDay(y, m, Math.min(day, dim));
}

/**
 * Adds (or subtracts) calendar months, clamping to the month's end (Jan 31 + 1 month = Feb 28/29).
 * To step a schedule, add k·n months to the original anchor rather than chaining, so the anchor's
 * day comes back where the month allows.
 *
 * @example addMonths(localDate('2023-01-31'), 1) // '2023-02-28'
 * @example addMonths(localDate('2023-01-31'), 2) // '2023-03-31'
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const f = toCivil(date);
  return fromEpochDay(addMonthsToCivil(f.year, f.month, f.day, months));
}

/**
 * Adds (or subtracts) calendar years (Feb 29 + 1 year = Feb 28).
 *
 * @example addYears(localDate('2024-02-29'), 1) // '2025-02-28'
 */
export function addYears(date: LocalDate, years: number): LocalDate {
  return addMonths(date, years * 12);
}

/**
 * Days from `from` to `to` (negative when `to` is earlier).
 *
 * @example daysBetween(localDate('2024-01-01'), localDate('2025-01-01')) // 366
 */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * Compares two dates: −1, 0 or 1 (ISO strings compare like the dates they name).
 *
 * @example compareDates(localDate('2024-01-02'), localDate('2024-01-10')) // -1
 */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The later of two dates.
 *
 * @example maxDate(localDate('2024-01-02'), localDate('2024-01-10')) // '2024-01-10'
 */
export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}
