import { type CurrencyCode, currencyScale } from './currency.ts';
import { type Decimal, pow10Big } from './decimal.ts';
import { divideRoundedBig, type RoundingMode } from './rounding.ts';

/**
 * An amount of money: an integer number of minor units (fen, cents, yen) and its currency. The
 * amount is a safe integer `number`; no float ever holds a fraction of a minor unit. Engines that
 * work on one currency at a time (schedules, allocation) carry the currency once and use plain
 * `amountMinor` numbers inside.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

/**
 * Makes a {@link Money}; throws a `RangeError` if `amountMinor` is not a safe integer.
 *
 * @example money(12_345, currencyCode('CNY')) // 123.45 CNY
 */
export function money(amountMinor: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`not a safe integer amount: ${amountMinor}`);
  return { amountMinor, currency };
}

/** Outcome of {@link tryParseMinor}. */
export type ParseAmountResult =
  | { readonly ok: true; readonly amountMinor: number }
  | { readonly ok: false; readonly reason: string };

const AMOUNT_RE = /^([+-])?(\d+)(?:\.(\d*))?$/;

/**
 * Parses a decimal string in major units (`"1234.5"`) into minor units of `currency`. More
 * fractional digits than the currency has are an error unless `mode` says how to round them.
 *
 * @example tryParseMinor('1234.5', currencyCode('CNY')) // { ok: true, amountMinor: 123450 }
 * @example tryParseMinor('1.234', currencyCode('CNY')) // { ok: false, reason: 'more than 2 decimal places for CNY' }
 */
export function tryParseMinor(text: string, currency: CurrencyCode, mode?: RoundingMode): ParseAmountResult {
  const m = AMOUNT_RE.exec(text);
  if (!m) return { ok: false, reason: 'not a decimal number' };
  const scale = currencyScale(currency);
  const negative = m[1] === '-';
  const frac = m[3] ?? '';
  let units: bigint;
  if (frac.length <= scale || /^0*$/.test(frac.slice(scale))) {
    const digits = BigInt((m[2] ?? '0') + frac.slice(0, scale).padEnd(scale, '0'));
    units = negative ? -digits : digits;
  } else if (mode === undefined) {
    return { ok: false, reason: `more than ${scale} decimal places for ${currency}` };
  } else {
    const raw = BigInt((m[2] ?? '0') + frac);
    units = divideRoundedBig(negative ? -raw : raw, pow10Big(frac.length - scale), mode);
  }
  const amountMinor = Number(units);
  if (!Number.isSafeInteger(amountMinor)) return { ok: false, reason: 'amount too large' };
  return { ok: true, amountMinor: amountMinor === 0 ? 0 : amountMinor };
}

/**
 * Like {@link tryParseMinor} but throws a `RangeError` naming the reason.
 *
 * @example parseMinor('100000.00', currencyCode('CNY')) // 10000000
 */
export function parseMinor(text: string, currency: CurrencyCode, mode?: RoundingMode): number {
  const r = tryParseMinor(text, currency, mode);
  if (!r.ok) throw new RangeError(`${JSON.stringify(text)}: ${r.reason}`);
  return r.amountMinor;
}

/**
 * Formats minor units as a plain decimal string in major units with exactly the currency's
 * decimals (no grouping, `-` for negatives).
 *
 * @example formatMinor(855617, currencyCode('CNY')) // "8556.17"
 * @example formatMinor(-5, currencyCode('USD')) // "-0.05"
 */
export function formatMinor(amountMinor: number, currency: CurrencyCode): string {
  const scale = currencyScale(currency);
  const negative = amountMinor < 0;
  const abs = negative ? -amountMinor : amountMinor;
  if (scale === 0) return `${negative ? '-' : ''}${abs}`;
  const p = 10 ** scale;
  const int = Math.floor(abs / p);
  const frac = abs - int * p;
  return `${negative ? '-' : ''}${int}.${String(frac).padStart(scale, '0')}`;
}

/**
 * Parses a decimal string in major units into a {@link Money}.
 *
 * @example parseMoney('5000.00', currencyCode('EUR')) // { amountMinor: 500000, currency: 'EUR' }
 */
export function parseMoney(text: string, currency: CurrencyCode, mode?: RoundingMode): Money {
  return { amountMinor: parseMinor(text, currency, mode), currency };
}

/**
 * Formats a {@link Money} as `"<amount> <currency>"`.
 *
 * @example formatMoney(money(500000, currencyCode('EUR'))) // "5000.00 EUR"
 */
export function formatMoney(value: Money): string {
  return `${formatMinor(value.amountMinor, value.currency)} ${value.currency}`;
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

function checked(amountMinor: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError('amount overflow');
  return { amountMinor, currency };
}

/** Sum of two amounts of the same currency. @example addMoney(a, b) */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return checked(a.amountMinor + b.amountMinor, a.currency);
}

/** Difference of two amounts of the same currency. @example subtractMoney(a, b) */
export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return checked(a.amountMinor - b.amountMinor, a.currency);
}

/**
 * Compares two amounts of the same currency: −1, 0 or 1.
 *
 * @example compareMoney(money(1, cny), money(2, cny)) // -1
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

/**
 * `amount × rate` rounded to minor units with `mode` (exact: bigint inside).
 *
 * @example multiplyMoney(money(10000000, cny), parseRate('1.5%')!, 'half_even') // 150000 minor = 1500.00
 */
export function multiplyMoney(value: Money, rate: Decimal, mode: RoundingMode): Money {
  const units = divideRoundedBig(BigInt(value.amountMinor) * rate.units, pow10Big(rate.scale), mode);
  return checked(Number(units), value.currency);
}
