/**
 * Exact conversions between what people type and what the API takes: amounts in major units
 * (`"2000.50"`) and integer minor units (`200050`), percentages (`"18"`) and decimal fractions
 * (`"0.18"`), and sums of decimal-string amounts. They are thin over `@puhui/money` (its
 * currency table and exact decimals: strings and BigInt, never floats), the same code the server
 * runs; what is the web's own is reading what people type and the fallback for unknown codes.
 */
import {
  addDecimal,
  currencyScale,
  type Decimal,
  decimal,
  formatDecimal,
  isCurrencyCode,
  parseDecimal,
  parseRate,
  pow10Big,
} from '@puhui/money';

/**
 * Digits after the decimal point of a currency's amounts (its ISO 4217 exponent from
 * `@puhui/money`'s table; 2 for a code the table does not know).
 *
 * @example currencyDigits('CNY'); // 2
 * @example currencyDigits('JPY'); // 0
 */
export function currencyDigits(currency: string): number {
  return isCurrencyCode(currency) ? currencyScale(currency) : 2;
}

/**
 * Integer minor units (as the API sends them: `principalMinor`) as a plain decimal string in
 * major units with the currency's digits, for `formatAmount`.
 *
 * @example minorToAmount(200050, 'CNY'); // '2000.50'
 * @example minorToAmount(-5); // '-0.05' (CNY unless told)
 * @example formatAmount(minorToAmount(100000000)); // '1,000,000.00'
 */
export function minorToAmount(minor: number, currency = 'CNY'): string {
  const digits = currencyDigits(currency);
  return formatDecimal(decimal(Math.trunc(minor), digits), digits);
}

/** A plain non-negative decimal number as people type it: `12`, `12.5`, `0.015`. */
export const DECIMAL_PATTERN = /^\d+(\.\d+)?$/;

/** A non-negative decimal as people type it (`12`, `12.5`, `.5`, `7.`), exactly; else undefined. */
function typedDecimal(text: string): Decimal | undefined {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || `${m[1]}${m[2] ?? ''}` === '') return undefined;
  return parseDecimal(`${m[1] || '0'}.${m[2] || '0'}`);
}

/**
 * An amount a person typed in major units (`"12,000.5"`, `"¥ 800"`) as integer minor units, or
 * null when it is not a non-negative amount with at most the currency's digits (trailing zeros
 * aside) or is beyond a safe integer.
 *
 * @example amountToMinor('12,000.5'); // 1200050
 * @example amountToMinor('1.234', 'CNY'); // null (CNY has two decimals)
 */
export function amountToMinor(text: string, currency = 'CNY'): number | null {
  const value = typedDecimal(text.replace(/[\s,，¥￥]/g, ''));
  const digits = currencyDigits(currency);
  if (!value || value.scale > digits) return null;
  const minor = value.units * pow10Big(digits - value.scale);
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(minor);
}

/**
 * A percentage as people type it (`"18"`, `"1.5"`) as the decimal fraction the API takes, or null
 * when it is not a number.
 *
 * @example percentToFraction('18'); // '0.18'
 * @example percentToFraction('1.5'); // '0.015'
 */
export function percentToFraction(percent: string): string | null {
  const value = typedDecimal(percent.trim());
  return value ? formatDecimal(decimal(value.units, value.scale + 2)) : null;
}

/**
 * A decimal fraction from the API (`"0.18"`, or `"18%"` as the API also accepts) as a percentage
 * number for a form field, exactly (the text as it came when it is not a rate).
 *
 * @example fractionToPercent('0.015'); // '1.5'
 * @example fractionToPercent('1'); // '100'
 */
export function fractionToPercent(fraction: string): string {
  const value = parseRate(fraction);
  return value ? formatDecimal(decimal(value.units, value.scale - 2)) : fraction.trim();
}

const AMOUNT = /^-?\d+(?:\.(\d+))?$/;

/**
 * The exact sum of decimal-string amounts (any number of decimals; the result keeps the most;
 * anything else counts as nothing).
 *
 * @example sumAmounts(['0.10', '0.2', '-1']); // '-0.70'
 */
export function sumAmounts(amounts: readonly string[]): string {
  let total = decimal(0);
  let digits = 0;
  for (const text of amounts) {
    const m = AMOUNT.exec(text.trim());
    const value = m ? parseDecimal(text) : undefined;
    if (!m || !value) continue;
    total = addDecimal(total, value);
    digits = Math.max(digits, m[1]?.length ?? 0);
  }
  return formatDecimal(total, digits);
}
