import {
  type CurrencyCode,
  currencyScale,
  type Decimal,
  decimalToNumber,
  isCurrencyCode,
  isLocalDate,
  isRoundingMode,
  type LocalDate,
  parseDecimal,
  type RoundingMode,
  tryParseMinor,
} from '@puhui/money';
import type { FieldError } from '../field-error.ts';
import { ANNUAL_RATE_MAX, checkRateText, FEE_RATE_MAX, RATE_REASON } from './rate-cache.ts';

/** How principal is repaid. */
export type Amortization =
  | 'equal_installments'
  | 'equal_principal'
  | 'interest_only'
  | 'bullet'
  | 'custom_principal';
/** Interest on the declining balance, or flat on the original principal for the whole term. */
export type InterestMethod = 'declining_balance' | 'flat';
/** Interest per repayment period (`same_as_repayment`) or per day (`daily`). */
export type InterestPeriod = 'same_as_repayment' | 'daily';
/** Unit of the repayment interval. */
export type Frequency = 'days' | 'weeks' | 'months' | 'years';
/** Day-count basis of a year: the actual 365/366 or a fixed count. */
export type DaysInYear = 'actual' | 360 | 364 | 365;
/** Day-count basis of a month: actual days or 30. */
export type DaysInMonth = 'actual' | 30;
/** When a fee is due: once at disbursement or with every instalment. */
export type FeeTiming = 'disbursement' | 'installment';

/** A fee: a flat amount, or a rate of the principal; once at disbursement or with every instalment. */
export type FeeSpec =
  | { readonly name: string; readonly type: 'flat'; readonly amountMinor: number; readonly at: FeeTiming }
  | { readonly name: string; readonly type: 'percent'; readonly rate: string; readonly at: FeeTiming };

/**
 * Everything that determines a repayment schedule. Amounts are minor units of `currency`; rates are
 * exact decimal strings (a fraction `"0.049"` or a percentage `"4.9%"`). Optional fields default as
 * documented on each.
 */
export interface ScheduleSpec {
  readonly principalMinor: number;
  readonly currency: CurrencyCode;
  /** Nominal annual interest rate, e.g. `"0.049"` or `"4.9%"`. */
  readonly annualRate: string;
  /** Number of instalments. */
  readonly repayments: number;
  /** Repayment interval: every `every` `frequency` (default every 1 month). */
  readonly every?: number;
  readonly frequency?: Frequency;
  readonly disbursementDate: LocalDate;
  /** First due date; when it is not one interval after disbursement the first period is broken. */
  readonly firstDueDate?: LocalDate | undefined;
  /** Default `equal_installments`. */
  readonly amortization?: Amortization;
  /** Default `declining_balance`. */
  readonly interestMethod?: InterestMethod;
  /** Default `same_as_repayment`. */
  readonly interestPeriod?: InterestPeriod;
  /** Default `actual`. */
  readonly daysInYear?: DaysInYear;
  /** Default `actual`. */
  readonly daysInMonth?: DaysInMonth;
  /** First n instalments carry no principal (interest is still paid). Default 0. */
  readonly graceOnPrincipal?: number;
  /** Interest of the first n instalments is deferred to the first instalment after them. Default 0. */
  readonly graceOnInterestPayment?: number;
  /** The first n periods are interest-free. Default 0. */
  readonly graceOnInterestCharged?: number;
  /** Round the equal instalment to a multiple of this many minor units (e.g. 100 = 1.00 CNY). Default 1. */
  readonly installmentMultipleOfMinor?: number;
  /** Rounding mode at every rounding point. Default `half_even`. */
  readonly rounding?: RoundingMode;
  readonly fees?: readonly FeeSpec[];
  /** `custom_principal` only: one non-negative weight per instalment, e.g. `["0","0","0","0","0","100"]`. */
  readonly principalShares?: readonly string[];
}

export const AMORTIZATIONS: readonly Amortization[] = [
  'equal_installments',
  'equal_principal',
  'interest_only',
  'bullet',
  'custom_principal',
];
export const INTEREST_METHODS: readonly InterestMethod[] = ['declining_balance', 'flat'];
export const INTEREST_PERIODS: readonly InterestPeriod[] = ['same_as_repayment', 'daily'];
export const FREQUENCIES: readonly Frequency[] = ['days', 'weeks', 'months', 'years'];

const MAX_REPAYMENTS = 2000;
const MAX_EVERY = 1000;
const MAX_SHARE_SCALE = 12;

function isNonNegativeInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Checks a rate string; returns the parsed decimal or pushes an error. */
function checkRate(
  text: unknown,
  field: string,
  errors: FieldError[],
  max: Decimal = ANNUAL_RATE_MAX,
): Decimal | undefined {
  if (typeof text !== 'string') {
    errors.push({ field, reason: RATE_REASON });
    return undefined;
  }
  const checked = checkRateText(text, max);
  if (checked.reason !== undefined) errors.push({ field, reason: checked.reason });
  return checked.rate;
}

function checkGrace(
  value: number | undefined,
  field: string,
  max: number,
  n: number,
  errors: FieldError[],
): void {
  if (value === undefined) return;
  if (!isNonNegativeInt(value) || value > max) {
    errors.push({
      field,
      reason: `must be an integer from 0 to ${max} (repayments${max < n ? ' − 1' : ''})`,
    });
  }
}

/**
 * The one validator of a {@link ScheduleSpec}: returns every problem, each naming the field as in
 * the JSON spec (`principal`, `installmentMultipleOf`, `fees[0].rate`) and the reason; an empty
 * list means {@link generateSchedule} will accept the spec.
 *
 * @example validateScheduleSpec({ ...spec, repayments: 0 }) // [{ field: 'repayments', reason: 'must be an integer from 1 to 2000' }]
 */
export function validateScheduleSpec(spec: ScheduleSpec): FieldError[] {
  const errors: FieldError[] = [];
  const n = spec.repayments;
  if (!isCurrencyCode(spec.currency))
    errors.push({ field: 'currency', reason: 'unknown ISO 4217 currency code' });
  if (!Number.isSafeInteger(spec.principalMinor) || spec.principalMinor <= 0) {
    errors.push({ field: 'principal', reason: 'must be greater than 0' });
  }
  checkRate(spec.annualRate, 'annualRate', errors);
  const nOk = Number.isSafeInteger(n) && n >= 1 && n <= MAX_REPAYMENTS;
  if (!nOk) errors.push({ field: 'repayments', reason: `must be an integer from 1 to ${MAX_REPAYMENTS}` });
  const every = spec.every ?? 1;
  if (!Number.isSafeInteger(every) || every < 1 || every > MAX_EVERY) {
    errors.push({ field: 'every', reason: `must be an integer from 1 to ${MAX_EVERY}` });
  }
  if (spec.frequency !== undefined && !FREQUENCIES.includes(spec.frequency)) {
    errors.push({ field: 'frequency', reason: `must be one of ${FREQUENCIES.join(', ')}` });
  }
  if (!isLocalDate(spec.disbursementDate)) {
    errors.push({ field: 'disbursementDate', reason: 'must be a date YYYY-MM-DD' });
  } else if (spec.disbursementDate > '9899-12-31') {
    errors.push({ field: 'disbursementDate', reason: 'must be before 9900' });
  }
  if (nOk && Number.isSafeInteger(every) && every >= 1 && isLocalDate(spec.disbursementDate)) {
    const unitYears =
      { days: 1 / 365, weeks: 7 / 365, months: 1 / 12, years: 1 }[spec.frequency ?? 'months'] ?? 0;
    const from = isLocalDate(spec.firstDueDate) ? spec.firstDueDate : spec.disbursementDate;
    const termYears = n * every * unitYears;
    if (Number(from.slice(0, 4)) + Math.ceil(termYears) > 9998) {
      errors.push({ field: 'repayments', reason: 'the schedule would run past the year 9998' });
    }
    // Interest never compounds, so principal × (1 + rate × (term + a broken period)) plus the fees
    // bounds every amount; keep it inside the safe-integer range.
    const rate =
      typeof spec.annualRate === 'string' ? checkRateText(spec.annualRate, ANNUAL_RATE_MAX).rate : undefined;
    if (rate && Number.isSafeInteger(spec.principalMinor)) {
      let fees = 0;
      for (const fee of spec.fees ?? []) {
        const r = fee.type === 'percent' ? checkRateText(fee.rate, FEE_RATE_MAX).rate : undefined;
        fees += fee.type === 'flat' ? fee.amountMinor : r ? spec.principalMinor * decimalToNumber(r) : 0;
      }
      const bound = spec.principalMinor * (1 + decimalToNumber(rate) * (termYears + 1)) + fees * (n + 1);
      if (!(bound < Number.MAX_SAFE_INTEGER)) {
        errors.push({ field: 'principal', reason: 'the schedule amounts would exceed 2^53 minor units' });
      }
    }
  }
  if (spec.firstDueDate !== undefined) {
    if (!isLocalDate(spec.firstDueDate))
      errors.push({ field: 'firstDueDate', reason: 'must be a date YYYY-MM-DD' });
    else if (spec.firstDueDate <= spec.disbursementDate) {
      errors.push({ field: 'firstDueDate', reason: 'must be after disbursementDate' });
    }
  }
  const amortization = spec.amortization ?? 'equal_installments';
  if (!AMORTIZATIONS.includes(amortization)) {
    errors.push({ field: 'amortization', reason: `must be one of ${AMORTIZATIONS.join(', ')}` });
  }
  if (spec.interestMethod !== undefined && !INTEREST_METHODS.includes(spec.interestMethod)) {
    errors.push({ field: 'interestMethod', reason: `must be one of ${INTEREST_METHODS.join(', ')}` });
  }
  if (spec.interestPeriod !== undefined && !INTEREST_PERIODS.includes(spec.interestPeriod)) {
    errors.push({ field: 'interestPeriod', reason: `must be one of ${INTEREST_PERIODS.join(', ')}` });
  }
  if (spec.daysInYear !== undefined && !['actual', 360, 364, 365].includes(spec.daysInYear)) {
    errors.push({ field: 'daysInYear', reason: 'must be "actual", 360, 364 or 365' });
  }
  if (spec.daysInMonth !== undefined && !['actual', 30].includes(spec.daysInMonth)) {
    errors.push({ field: 'daysInMonth', reason: 'must be "actual" or 30' });
  }
  checkGrace(spec.graceOnPrincipal, 'graceOnPrincipal', nOk ? n - 1 : MAX_REPAYMENTS, n, errors);
  checkGrace(spec.graceOnInterestPayment, 'graceOnInterestPayment', nOk ? n - 1 : MAX_REPAYMENTS, n, errors);
  checkGrace(spec.graceOnInterestCharged, 'graceOnInterestCharged', nOk ? n : MAX_REPAYMENTS, n, errors);
  if (
    (spec.graceOnPrincipal ?? 0) > 0 &&
    amortization !== 'equal_installments' &&
    amortization !== 'equal_principal'
  ) {
    errors.push({
      field: 'graceOnPrincipal',
      reason: 'applies to equal_installments and equal_principal only',
    });
  }
  if (spec.installmentMultipleOfMinor !== undefined) {
    const m = spec.installmentMultipleOfMinor;
    if (!Number.isSafeInteger(m) || m < 1) {
      errors.push({
        field: 'installmentMultipleOf',
        reason: 'must be a positive whole number of minor units',
      });
    } else if (m > 1 && amortization !== 'equal_installments') {
      errors.push({ field: 'installmentMultipleOf', reason: 'applies to equal_installments only' });
    }
  }
  if (spec.rounding !== undefined && !isRoundingMode(spec.rounding)) {
    errors.push({
      field: 'rounding',
      reason: 'must be one of half_even, half_up, half_down, up, down, ceiling, floor',
    });
  }
  (spec.fees ?? []).forEach((fee, i) => {
    const at = `fees[${i}]`;
    if (fee.at !== 'disbursement' && fee.at !== 'installment') {
      errors.push({ field: `${at}.at`, reason: 'must be "disbursement" or "installment"' });
    }
    if (fee.type === 'flat') {
      if (!isNonNegativeInt(fee.amountMinor))
        errors.push({ field: `${at}.amount`, reason: 'must not be negative' });
    } else if (fee.type === 'percent') {
      checkRate(fee.rate, `${at}.rate`, errors, FEE_RATE_MAX);
    } else {
      errors.push({ field: `${at}.type`, reason: 'must be "flat" or "percent"' });
    }
  });
  if (amortization === 'custom_principal') {
    const shares = spec.principalShares;
    if (!shares) errors.push({ field: 'principalShares', reason: 'is required for custom_principal' });
    else if (nOk && shares.length !== n) {
      errors.push({ field: 'principalShares', reason: `must have one share per repayment (${n})` });
    } else {
      let positive = false;
      shares.forEach((share, i) => {
        const d = typeof share === 'string' ? parseDecimal(share) : undefined;
        if (!d || d.units < 0n || d.scale > MAX_SHARE_SCALE) {
          errors.push({ field: `principalShares[${i}]`, reason: 'must be a non-negative decimal' });
        } else if (d.units > 0n) positive = true;
      });
      if (!positive && errors.every((e) => !e.field.startsWith('principalShares'))) {
        errors.push({ field: 'principalShares', reason: 'at least one share must be positive' });
      }
    }
  } else if (spec.principalShares !== undefined) {
    errors.push({ field: 'principalShares', reason: 'applies to custom_principal only' });
  }
  return errors;
}

/** Outcome of {@link parseScheduleSpec}. */
export type ParseSpecResult =
  | { readonly ok: true; readonly spec: ScheduleSpec }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const JSON_FIELDS = new Set([
  'principal',
  'currency',
  'annualRate',
  'repayments',
  'every',
  'frequency',
  'disbursementDate',
  'firstDueDate',
  'amortization',
  'interestMethod',
  'interestPeriod',
  'daysInYear',
  'daysInMonth',
  'graceOnPrincipal',
  'graceOnInterestPayment',
  'graceOnInterestCharged',
  'installmentMultipleOf',
  'rounding',
  'fees',
  'principalShares',
]);

const FEE_FIELDS = new Set(['name', 'type', 'amount', 'rate', 'at']);

function asDecimalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Reads the JSON form of a schedule spec (amounts as decimal strings or numbers in major units,
 * rates as fractions or `"x%"` strings, field names as in issue 3) into a {@link ScheduleSpec}
 * and validates it with {@link validateScheduleSpec}. Unknown fields are rejected.
 *
 * @example parseScheduleSpec({ principal: '100000.00', currency: 'CNY', annualRate: '4.9%', repayments: 12,
 *   disbursementDate: '2024-01-15' }) // { ok: true, spec: { principalMinor: 10000000, … } }
 */
export function parseScheduleSpec(input: unknown): ParseSpecResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '(spec)', reason: 'must be a JSON object' }] };
  }
  const o = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(o)) {
    if (!JSON_FIELDS.has(key)) errors.push({ field: key, reason: 'unknown field' });
  }
  for (const key of ['principal', 'currency', 'annualRate', 'repayments', 'disbursementDate']) {
    if (o[key] === undefined) errors.push({ field: key, reason: 'is required' });
  }
  if (errors.length > 0) return { ok: false, errors };
  const currencyOk = isCurrencyCode(o.currency);
  if (!currencyOk) errors.push({ field: 'currency', reason: 'unknown ISO 4217 currency code' });
  const currency = (currencyOk ? o.currency : 'CNY') as CurrencyCode;

  const amount = (value: unknown, field: string): number => {
    const text = asDecimalText(value);
    if (text === undefined) {
      errors.push({ field, reason: 'must be a decimal amount like "1000.00"' });
      return 0;
    }
    const r = tryParseMinor(text, currency);
    if (!r.ok) errors.push({ field, reason: r.reason });
    return r.ok ? r.amountMinor : 0;
  };
  const integer = (value: unknown, field: string): number | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      errors.push({ field, reason: 'must be an integer' });
      return undefined;
    }
    return value;
  };
  const text = (value: unknown, field: string): string | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      errors.push({ field, reason: 'must be a string' });
      return undefined;
    }
    return value;
  };

  const principalMinor = currencyOk ? amount(o.principal, 'principal') : 0;
  const annualRate = asDecimalText(o.annualRate);
  if (annualRate === undefined) errors.push({ field: 'annualRate', reason: RATE_REASON });

  let installmentMultipleOfMinor: number | undefined;
  if (o.installmentMultipleOf !== undefined && currencyOk) {
    const t = asDecimalText(o.installmentMultipleOf);
    const r = t === undefined ? undefined : tryParseMinor(t, currency);
    if (!r?.ok || r.amountMinor <= 0) {
      errors.push({
        field: 'installmentMultipleOf',
        reason: `must be a positive amount in major units with at most ${currencyScale(currency)} decimals`,
      });
    } else installmentMultipleOfMinor = r.amountMinor;
  }

  const fees: FeeSpec[] = [];
  if (o.fees !== undefined) {
    if (!Array.isArray(o.fees)) errors.push({ field: 'fees', reason: 'must be an array' });
    else
      o.fees.forEach((raw: unknown, i) => {
        const at = `fees[${i}]`;
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
          errors.push({ field: at, reason: 'must be an object' });
          return;
        }
        const f = raw as Record<string, unknown>;
        for (const key of Object.keys(f)) {
          if (!FEE_FIELDS.has(key)) errors.push({ field: `${at}.${key}`, reason: 'unknown field' });
        }
        const name = f.name === undefined ? `fee ${i + 1}` : text(f.name, `${at}.name`);
        const timing = f.at as FeeTiming;
        if (f.type === 'flat') {
          if (f.amount === undefined)
            errors.push({ field: `${at}.amount`, reason: 'is required for a flat fee' });
          else if (currencyOk) {
            fees.push({
              name: name ?? '',
              type: 'flat',
              amountMinor: amount(f.amount, `${at}.amount`),
              at: timing,
            });
          }
        } else if (f.type === 'percent') {
          const rate = asDecimalText(f.rate);
          if (rate === undefined)
            errors.push({ field: `${at}.rate`, reason: 'is required for a percent fee' });
          else fees.push({ name: name ?? '', type: 'percent', rate, at: timing });
        } else errors.push({ field: `${at}.type`, reason: 'must be "flat" or "percent"' });
      });
  }

  let principalShares: string[] | undefined;
  if (o.principalShares !== undefined) {
    if (!Array.isArray(o.principalShares))
      errors.push({ field: 'principalShares', reason: 'must be an array' });
    else {
      principalShares = o.principalShares.map((s: unknown, i) => {
        const t = asDecimalText(s);
        if (t === undefined)
          errors.push({ field: `principalShares[${i}]`, reason: 'must be a non-negative decimal' });
        return t ?? '0';
      });
    }
  }

  const spec: ScheduleSpec = {
    principalMinor,
    currency,
    annualRate: annualRate ?? '0',
    repayments: integer(o.repayments, 'repayments') ?? 0,
    every: integer(o.every, 'every'),
    frequency: text(o.frequency, 'frequency') as Frequency | undefined,
    disbursementDate: o.disbursementDate as LocalDate,
    firstDueDate: o.firstDueDate as LocalDate | undefined,
    amortization: text(o.amortization, 'amortization') as Amortization | undefined,
    interestMethod: text(o.interestMethod, 'interestMethod') as InterestMethod | undefined,
    interestPeriod: text(o.interestPeriod, 'interestPeriod') as InterestPeriod | undefined,
    daysInYear: o.daysInYear as DaysInYear | undefined,
    daysInMonth: o.daysInMonth as DaysInMonth | undefined,
    graceOnPrincipal: integer(o.graceOnPrincipal, 'graceOnPrincipal'),
    graceOnInterestPayment: integer(o.graceOnInterestPayment, 'graceOnInterestPayment'),
    graceOnInterestCharged: integer(o.graceOnInterestCharged, 'graceOnInterestCharged'),
    installmentMultipleOfMinor,
    rounding: text(o.rounding, 'rounding') as RoundingMode | undefined,
    fees,
    principalShares,
  };
  if (errors.length > 0) return { ok: false, errors };
  const semantic = validateScheduleSpec(spec);
  return semantic.length > 0 ? { ok: false, errors: semantic } : { ok: true, spec };
}
