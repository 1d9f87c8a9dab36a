import {
  addMonthsToCivil,
  type CurrencyCode,
  civilToEpochDay,
  civilToLocalDate,
  type Decimal,
  daysInMonth,
  divideRoundedBig,
  epochDayToCivil,
  fromEpochDay,
  isLeapYear,
  type LocalDate,
  leapSplit,
  multiplyDivideRounded,
  parseDecimal,
  pow10Big,
  type RoundingMode,
  toCivil,
  toEpochDay,
} from '@puhui/money';
import { type FieldError, formatFieldErrors } from '../field-error.ts';
import { annuityMinor, exactAnnuityMinor } from './annuity.ts';
import { ANNUAL_RATE_MAX, checkRateText, FEE_RATE_MAX } from './rate-cache.ts';
import { type DaysInYear, type Frequency, type ScheduleSpec, validateScheduleSpec } from './schedule-spec.ts';

/** One instalment of a schedule. Amounts are minor units; `balanceMinor` is the principal left after it. */
export interface SchedulePeriod {
  readonly n: number;
  /** Start of the period (the disbursement date or the previous due date). */
  readonly fromDate: LocalDate;
  readonly dueDate: LocalDate;
  /** Calendar days from `fromDate` to `dueDate`. */
  readonly days: number;
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly totalMinor: number;
  readonly balanceMinor: number;
}

/** Sums over a schedule; `feesMinor` includes fees due at disbursement. */
export interface ScheduleTotals {
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly totalMinor: number;
}

/** A generated repayment schedule (instalments 1..n; fees due at disbursement are reported apart). */
export interface Schedule {
  readonly currency: CurrencyCode;
  readonly principalMinor: number;
  readonly disbursementDate: LocalDate;
  /** Fees due on the disbursement date (deducted from or paid alongside the disbursement). */
  readonly disbursementFeesMinor: number;
  /** The equal instalment for `equal_installments` (before the last one's residual), else `null`. */
  readonly installmentMinor: number | null;
  /** The repayment interval: every `every` `frequency`. */
  readonly every: number;
  readonly frequency: Frequency;
  /** Repayment periods per year (12 for monthly, 4 for every 3 months, 52 for weekly …). */
  readonly periodsPerYear: number;
  readonly periods: readonly SchedulePeriod[];
  readonly totals: ScheduleTotals;
}

/** Thrown by {@link generateSchedule} for a spec that {@link validateScheduleSpec} rejects. */
export class ScheduleSpecError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(`invalid schedule spec: ${formatFieldErrors(errors)}`);
    this.name = 'ScheduleSpecError';
  }
}

/** Periods of the repayment unit per year, the divisor of the annual rate under `same_as_repayment`. */
function unitsPerYear(frequency: Frequency, daysInYear: ScheduleSpec['daysInYear']): number {
  switch (frequency) {
    case 'months':
      return 12;
    case 'weeks':
      return 52;
    case 'days':
      return typeof daysInYear === 'number' ? daysInYear : 365;
    case 'years':
      return 1;
  }
}

/**
 * Periods per year of a repayment interval (`every` × `frequency`), as used to annualise a
 * periodic rate: months 12/every, weeks 52/every, days 365/every, years 1/every.
 *
 * @example periodsPerYear(3, 'months') // 4
 */
export function periodsPerYear(every: number, frequency: Frequency): number {
  return unitsPerYear(frequency, 365) / every;
}

/**
 * Fills `epochDays[1..]` (and `texts[1..]`) with the due dates `anchor + (k − 1 + steps0)` intervals,
 * month steps always counted from the anchor so its day returns where the month allows.
 */
function fillDueDates(
  epochDays: number[],
  texts: LocalDate[] | undefined,
  anchor: LocalDate,
  steps0: number,
  every: number,
  frequency: Frequency,
): void {
  const last = epochDays.length - 1;
  if (frequency === 'months' || frequency === 'years') {
    const c = toCivil(anchor);
    const stepMonths = frequency === 'months' ? every : every * 12;
    const base = c.year * 12 + (c.month - 1);
    for (let k = 1; k <= last; k++) {
      const total = base + (k - 1 + steps0) * stepMonths;
      const y = Math.floor(total / 12);
      const m = total - y * 12 + 1;
      const dim = daysInMonth(y, m);
      const day = Math.min(c.day, dim);
      epochDays[k] = civilToEpochDay(y, m, day);
      if (texts) texts[k] = civilToLocalDate(y, m, day);
    }
    return;
  }
  const start = toEpochDay(anchor);
  const stepDays = frequency === 'weeks' ? 7 * every : every;
  for (let k = 1; k <= last; k++) {
    const day = start + (k - 1 + steps0) * stepDays;
    epochDays[k] = day;
    if (texts) texts[k] = fromEpochDay(day);
  }
}

/** What a period's year fraction depends on. */
interface Basis {
  readonly daily: boolean;
  readonly days30: boolean;
  readonly daysInYear: DaysInYear;
  readonly frequency: Frequency;
  readonly every: number;
  readonly U: number;
}

// Scratch outputs of yearFractionOf: the period's year fraction yfNum / yfDen.
let yfNum = 0;
let yfDen = 1;

/**
 * The year fraction of the period from epoch day `s` to `e`: `every / U` for a regular period
 * under `same_as_repayment`, the broken fraction over `U` for a broken one; under `daily`, days over
 * the days in the year (30 per month with `daysInMonth` 30; leap-year days /366 with `actual`).
 */
function yearFractionOf(b: Basis, s: number, e: number, broken: boolean): void {
  if (!b.daily) {
    if (broken) {
      brokenUnits(s, e, b.frequency);
      yfNum = unitsNum;
      yfDen = unitsDen * b.U;
    } else {
      yfNum = b.every;
      yfDen = b.U;
    }
    return;
  }
  if (b.days30) {
    if (broken) brokenUnits(s, e, b.frequency);
    else {
      unitsNum = b.every;
      unitsDen = 1;
    }
    const y =
      typeof b.daysInYear === 'number' ? b.daysInYear : isLeapYear(epochDayToCivil(s).year) ? 366 : 365;
    yfNum = 30 * unitsNum;
    yfDen = unitsDen * y;
    return;
  }
  if (typeof b.daysInYear === 'number') {
    yfNum = e - s;
    yfDen = b.daysInYear;
    return;
  }
  const split = leapSplit(s, e);
  yfNum = split.common * 366 + split.leap * 365;
  yfDen = 133_590;
}

// Scratch outputs of brokenUnits (avoids allocating a tuple per call).
let unitsNum = 0;
let unitsDen = 1;

/**
 * Length of a broken period in repayment units as `unitsNum / unitsDen` (Fineract's
 * `calculatePeriodsBetweenDates`): whole months (years, weeks) from the start, then the leftover
 * days over the length of the following month (year, week).
 */
function brokenUnits(start: number, end: number, frequency: Frequency): void {
  if (frequency === 'days') {
    unitsNum = end - start;
    unitsDen = 1;
    return;
  }
  if (frequency === 'weeks') {
    unitsNum = end - start;
    unitsDen = 7;
    return;
  }
  const step = frequency === 'months' ? 1 : 12;
  const c = epochDayToCivil(start);
  let whole = 0;
  while (addMonthsToCivil(c.year, c.month, c.day, (whole + 1) * step) <= end) whole++;
  const from = addMonthsToCivil(c.year, c.month, c.day, whole * step);
  const next = addMonthsToCivil(c.year, c.month, c.day, (whole + 1) * step);
  const length = next - from;
  unitsNum = whole * length + (end - from);
  unitsDen = length;
}

/** Interest `balance × rNum/rDen × yfNum/yfDen`, rounded; float64 integer arithmetic unless it would overflow. */
function interestFor(
  balance: number,
  rNum: number,
  rDen: number,
  yfNum: number,
  yfDen: number,
  mode: RoundingMode,
): number {
  if (balance === 0 || rNum === 0) return 0;
  const k = rNum * yfNum;
  const d = rDen * yfDen;
  if (Number.isSafeInteger(k) && Number.isSafeInteger(d)) return multiplyDivideRounded(balance, k, d, mode);
  return Number(
    divideRoundedBig(BigInt(balance) * BigInt(rNum) * BigInt(yfNum), BigInt(rDen) * BigInt(yfDen), mode),
  );
}

function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** `principal × rate` for a fee rate, rounded. */
function percentOf(principalMinor: number, rate: string, mode: RoundingMode): number {
  const r = checkRateText(rate, FEE_RATE_MAX).rate;
  if (!r) return 0;
  return Number(divideRoundedBig(BigInt(principalMinor) * r.units, pow10Big(r.scale), mode));
}

/**
 * Generates the repayment schedule of a spec, following Apache Fineract's conventions:
 * - the equal instalment is the annuity at the periodic rate (annual ÷ periods per year) over the
 *   periods after principal grace, rounded to the currency (or to `installmentMultipleOfMinor`),
 *   also when interest accrues `daily`; each period's principal is the instalment minus that
 *   period's own interest; the last period takes the remaining balance (the rounding residual);
 * - `same_as_repayment` interest is balance × annual rate ÷ periods per year (a broken first
 *   period pro rata: whole units plus leftover days over the next unit's days); `daily` interest is
 *   balance × annual rate × days ÷ days in year (`actual`: days in leap years /366, others /365);
 * - `flat` interest is principal × rate × term, spread evenly over the interest-bearing periods;
 * - every amount is rounded once, at its own rounding point, with `spec.rounding`.
 *
 * Σ principal = principal exactly and balances never go negative. Throws {@link ScheduleSpecError}
 * when {@link validateScheduleSpec} reports problems (validate user input first).
 *
 * @example generateSchedule({ principalMinor: 10_000_000, currency: currencyCode('CNY'), annualRate: '0.049',
 *   repayments: 12, disbursementDate: localDate('2024-01-15') }).installmentMinor // 855617
 */
export function generateSchedule(spec: ScheduleSpec): Schedule {
  const errors = validateScheduleSpec(spec);
  if (errors.length > 0) throw new ScheduleSpecError(errors);

  const mode = spec.rounding ?? 'half_even';
  const n = spec.repayments;
  const every = spec.every ?? 1;
  const frequency = spec.frequency ?? 'months';
  const amortization = spec.amortization ?? 'equal_installments';
  const flat = spec.interestMethod === 'flat';
  const daily = spec.interestPeriod === 'daily';
  const daysInYear = spec.daysInYear ?? 'actual';
  const days30 = spec.daysInMonth === 30 && frequency === 'months';
  const gp = spec.graceOnPrincipal ?? 0;
  const gic = spec.graceOnInterestCharged ?? 0;
  const gip = amortization === 'bullet' ? n - 1 : (spec.graceOnInterestPayment ?? 0);
  const multiple = spec.installmentMultipleOfMinor ?? 1;
  const P = spec.principalMinor;
  const U = unitsPerYear(frequency, daysInYear);

  const rate = checkRateText(spec.annualRate, ANNUAL_RATE_MAX).rate as Decimal;
  const rNum = Number(rate.units);
  const rDen = 10 ** rate.scale;

  // Fees.
  let disbursementFees = 0;
  let installmentFee = 0;
  for (const fee of spec.fees ?? []) {
    const amount = fee.type === 'flat' ? fee.amountMinor : percentOf(P, fee.rate, mode);
    if (fee.at === 'disbursement') disbursementFees += amount;
    else installmentFee += amount;
  }

  // Due dates as epoch days and ISO strings; index 0 is the disbursement.
  const disb = toEpochDay(spec.disbursementDate);
  const due = new Array<number>(n + 1);
  const dueText = new Array<LocalDate>(n + 1);
  due[0] = disb;
  dueText[0] = spec.disbursementDate;
  fillDueDates(
    due,
    dueText,
    spec.firstDueDate ?? spec.disbursementDate,
    spec.firstDueDate === undefined ? 1 : 0,
    every,
    frequency,
  );
  const regular = new Array<number>(2);
  fillDueDates(regular, undefined, spec.disbursementDate, 1, every, frequency);
  const brokenFirst = spec.firstDueDate !== undefined && due[1] !== regular[1];
  const basis: Basis = { daily, days30, daysInYear, frequency, every, U };

  // Principal plan.
  const principalPeriods = n - gp;
  let installment: number | null = null;
  let equalPart = 0;
  let shareCum: bigint[] | undefined;
  let shareTotal = 0n;
  if (amortization === 'equal_installments' && !flat) {
    const a = rNum * every;
    const b = rDen * U;
    installment =
      Number.isSafeInteger(a) && Number.isSafeInteger(b)
        ? annuityMinor(P, a, b, principalPeriods, multiple, mode)
        : exactAnnuityMinor(
            P,
            BigInt(rNum) * BigInt(every),
            BigInt(rDen) * BigInt(U),
            principalPeriods,
            multiple,
            mode,
          );
  } else if (amortization === 'equal_installments' || amortization === 'equal_principal') {
    equalPart = divide(P, principalPeriods, mode);
  } else if (amortization === 'custom_principal') {
    const shares = (spec.principalShares ?? []).map((s) => parseDecimal(s)!);
    const scale = Math.max(...shares.map((s) => s.scale));
    let cum = 0n;
    shareCum = shares.map((s) => {
      cum += s.units * pow10Big(scale - s.scale);
      return cum;
    });
    shareTotal = cum;
  }

  // Flat interest: principal × rate × whole term, spread over the interest-bearing periods.
  let flatPerPeriod = 0;
  let flatRemaining = 0;
  const firstPaying = Math.max(gic, gip) + 1;
  if (flat) {
    let sumN = 0n;
    let sumD = 1n;
    for (let k = 1; k <= n; k++) {
      yearFractionOf(basis, due[k - 1] as number, due[k] as number, k === 1 && brokenFirst);
      sumN = sumN * BigInt(yfDen) + BigInt(yfNum) * sumD;
      sumD *= BigInt(yfDen);
      const g = bigGcd(sumN, sumD);
      if (g > 1n) {
        sumN /= g;
        sumD /= g;
      }
    }
    const total = Number(divideRoundedBig(BigInt(P) * BigInt(rNum) * sumN, BigInt(rDen) * sumD, mode));
    const free = gic > 0 ? divide(total * gic, n, mode) : 0;
    flatRemaining = total - free;
    const paying = n - firstPaying + 1;
    flatPerPeriod = paying > 0 ? divide(flatRemaining, paying, mode) : 0;
    if (amortization === 'equal_installments' && multiple > 1) {
      installment = divide(P + flatRemaining, principalPeriods * multiple, mode) * multiple;
    }
  }

  const periods: SchedulePeriod[] = new Array(n);
  let balance = P;
  let deferred = 0;
  let totalInterest = 0;
  let fromDate = spec.disbursementDate;
  for (let k = 1; k <= n; k++) {
    const last = k === n;
    // Interest computed for the period (before deferral).
    let interest: number;
    if (flat) {
      if (k < firstPaying) interest = 0;
      else if (last) interest = flatRemaining;
      else interest = Math.min(flatPerPeriod, flatRemaining);
      flatRemaining -= interest;
    } else if (k <= gic) interest = 0;
    else {
      yearFractionOf(basis, due[k - 1] as number, due[k] as number, k === 1 && brokenFirst);
      interest = interestFor(balance, rNum, rDen, yfNum, yfDen, mode);
    }

    let principal: number;
    if (last) principal = balance;
    else {
      switch (amortization) {
        case 'equal_installments':
          if (k <= gp) principal = 0;
          else if (installment !== null) principal = installment - interest;
          else principal = equalPart;
          break;
        case 'equal_principal':
          principal = k <= gp ? 0 : equalPart;
          break;
        case 'custom_principal': {
          const cum = shareCum as bigint[];
          const upTo = Number(divideRoundedBig(BigInt(P) * (cum[k - 1] as bigint), shareTotal, mode));
          principal = upTo - (P - balance);
          break;
        }
        default:
          principal = 0;
      }
      if (principal < 0) principal = 0;
      if (principal > balance) principal = balance;
    }

    // Interest deferral (grace on interest payment, bullet): flat interest is already spread.
    let interestDue = interest;
    if (!flat) {
      if (k <= gip && !last) {
        deferred += interest;
        interestDue = 0;
      } else {
        interestDue = interest + deferred;
        deferred = 0;
      }
    }

    balance -= principal;
    totalInterest += interestDue;
    const dueDate = dueText[k] as LocalDate;
    periods[k - 1] = {
      n: k,
      fromDate,
      dueDate,
      days: (due[k] as number) - (due[k - 1] as number),
      principalMinor: principal,
      interestMinor: interestDue,
      feesMinor: installmentFee,
      totalMinor: principal + interestDue + installmentFee,
      balanceMinor: balance,
    };
    fromDate = dueDate;
  }

  const feesTotal = disbursementFees + installmentFee * n;
  return {
    currency: spec.currency,
    principalMinor: P,
    disbursementDate: spec.disbursementDate,
    disbursementFeesMinor: disbursementFees,
    installmentMinor: installment,
    every,
    frequency,
    periodsPerYear: periodsPerYear(every, frequency),
    periods,
    totals: {
      principalMinor: P,
      interestMinor: totalInterest,
      feesMinor: feesTotal,
      totalMinor: P + totalInterest + feesTotal,
    },
  };
}

function divide(a: number, b: number, mode: RoundingMode): number {
  return multiplyDivideRounded(a, 1, b, mode);
}
