/**
 * Exact conversions between what people type and what the API takes: amounts in major units
 * (`"2000.50"`) and integer minor units (`200050`), percentages (`"18"`) and decimal fractions
 * (`"0.18"`), and sums of decimal-string amounts. All on strings and BigInt, never floats.
 */

/** ISO 4217 codes Puhui knows whose minor unit is not the hundredth (`@puhui/money`'s table). */
const DIGITS: Readonly<Record<string, number>> = {
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  PYG: 0,
  UGX: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  RWF: 0,
  KMF: 0,
  GNF: 0,
  DJF: 0,
  BIF: 0,
  VUV: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  LYD: 3,
  IQD: 3,
};

/**
 * Digits after the decimal point of a currency's amounts (2 unless the currency says otherwise).
 *
 * @example currencyDigits('CNY'); // 2
 * @example currencyDigits('JPY'); // 0
 */
export function currencyDigits(currency: string): number {
  return DIGITS[currency] ?? 2;
}

/**
 * Integer minor units as a decimal string in major units.
 *
 * @example minorToAmount(200050, 'CNY'); // '2000.50'
 * @example minorToAmount(-5, 'CNY'); // '-0.05'
 */
export function minorToAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${text}`;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A plain non-negative decimal number as people type it: `12`, `12.5`, `0.015`. */
export const DECIMAL_PATTERN = /^\d+(\.\d+)?$/;

/**
 * A typed amount in major units as integer minor units, or null when it is not a non-negative
 * amount with at most the currency's digits.
 *
 * @example amountToMinor('2000.5', 'CNY'); // 200050
 * @example amountToMinor('1.234', 'CNY'); // null
 */
export function amountToMinor(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text.trim().replaceAll(',', ''));
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > digits) return null;
  const minor = BigInt(`${m[1]}${frac.padEnd(digits, '0')}`);
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(minor);
}

/** Moves the decimal point of a plain decimal string `places` to the right (negative: left). */
function shiftDecimal(text: string, places: number): string | null {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  const int = m[1] ?? '';
  const frac = m[2] ?? '';
  const digits = int + frac;
  let point = int.length + places;
  let all = digits;
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  if (point > all.length) all = all.padEnd(point, '0');
  const whole = all.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const part = all.slice(point).replace(/0+$/, '');
  return part ? `${whole}.${part}` : whole;
}

/**
 * A percentage as people type it (`"18"`, `"1.5"`) as the decimal fraction the API takes, or null
 * when it is not a number.
 *
 * @example percentToFraction('18'); // '0.18'
 * @example percentToFraction('1.5'); // '0.015'
 */
export function percentToFraction(percent: string): string | null {
  return shiftDecimal(percent, -2);
}

/**
 * A decimal fraction from the API (`"0.18"`, or `"18%"` as the API also accepts) as a percentage
 * number for a form field, exactly.
 *
 * @example fractionToPercent('0.015'); // '1.5'
 * @example fractionToPercent('1'); // '100'
 */
export function fractionToPercent(fraction: string): string {
  const text = fraction.trim();
  if (text.endsWith('%')) return shiftDecimal(text.slice(0, -1), 0) ?? text;
  return shiftDecimal(text, 2) ?? text;
}

/**
 * The exact sum of decimal-string amounts (any number of decimals; the result keeps the most).
 *
 * @example sumAmounts(['0.10', '0.2', '-1']); // '-0.70'
 */
export function sumAmounts(amounts: readonly string[]): string {
  const parsed = amounts.map((a) => /^(-?)(\d+)(?:\.(\d+))?$/.exec(a.trim()));
  const digits = Math.max(0, ...parsed.map((m) => m?.[3]?.length ?? 0));
  let total = 0n;
  for (const m of parsed) {
    if (!m) continue;
    const units = BigInt(`${m[2]}${(m[3] ?? '').padEnd(digits, '0')}`);
    total += m[1] === '-' ? -units : units;
  }
  const sign = total < 0n ? '-' : '';
  const text = (total < 0n ? -total : total).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
