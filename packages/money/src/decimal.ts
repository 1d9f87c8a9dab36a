import { divideRoundedBig, type RoundingMode } from './rounding.ts';

/**
 * An exact decimal number: `units × 10^-scale` (e.g. 4.9% = `{ units: 49n, scale: 3 }`). Used for
 * rates and other non-amount quantities; amounts are integer minor units instead. Values are
 * normalised by {@link parseDecimal} (no trailing fractional zeros) so equal numbers compare equal
 * with {@link compareDecimal}, not necessarily with `===`.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 40; i++, p *= 10n) POW10.push(p);

/** 10^n as a bigint. */
export function pow10Big(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

function normalise(units: bigint, scale: number): Decimal {
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  if (scale < 0) {
    units *= pow10Big(-scale);
    scale = 0;
  }
  return { units, scale };
}

/**
 * Parses a plain decimal string (`"0.049"`, `"-12.5"`, `"1e-3"`) exactly; returns `undefined` for
 * anything else. A JS number can be passed through `String(n)`, whose shortest round-trip form is
 * the decimal the writer meant (`String(0.049) === "0.049"`).
 *
 * @example parseDecimal('0.0490') // { units: 49n, scale: 3 }
 */
export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return undefined;
  const frac = m[3] ?? '';
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 400) return undefined;
  let units = BigInt((m[2] ?? '0') + frac);
  if (m[1] === '-') units = -units;
  return normalise(units, frac.length - exp);
}

/**
 * Parses a rate: a decimal fraction (`"0.049"`) or a percentage with a `%` suffix (`"4.9%"`).
 *
 * @example parseRate('4.9%') // { units: 49n, scale: 3 }, i.e. 0.049
 */
export function parseRate(text: string): Decimal | undefined {
  const trimmed = text.trim();
  if (trimmed.endsWith('%')) {
    const d = parseDecimal(trimmed.slice(0, -1));
    return d && normalise(d.units, d.scale + 2);
  }
  return parseDecimal(trimmed);
}

/**
 * Formats a decimal as a plain string with at least `minScale` fractional digits.
 *
 * @example formatDecimal({ units: 49n, scale: 3 }) // "0.049"
 */
export function formatDecimal(value: Decimal, minScale = 0): string {
  let { units, scale } = value;
  if (scale < minScale) {
    units *= pow10Big(minScale - scale);
    scale = minScale;
  }
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${int}${scale > 0 ? `.${frac}` : ''}`;
}

/**
 * A decimal from integer units and scale (normalised).
 *
 * @example decimal(49n, 3) // 0.049
 */
export function decimal(units: bigint | number, scale = 0): Decimal {
  return normalise(BigInt(units), scale);
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.units, b.units, a.scale];
  if (a.scale > b.scale) return [a.units, b.units * pow10Big(a.scale - b.scale), a.scale];
  return [a.units * pow10Big(b.scale - a.scale), b.units, b.scale];
}

/**
 * Compares two decimals: −1, 0 or 1.
 *
 * @example compareDecimal(decimal(5, 1), decimal(50, 2)) // 0
 */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Exact sum. @example addDecimal(decimal(1, 1), decimal(2, 2)) // 0.12 */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, s] = align(a, b);
  return normalise(x + y, s);
}

/** Exact difference. @example subtractDecimal(decimal(1), decimal(1, 1)) // 0.9 */
export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, s] = align(a, b);
  return normalise(x - y, s);
}

/** Exact product. @example multiplyDecimal(decimal(12, 2), decimal(5, 1)) // 0.06 */
export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return normalise(a.units * b.units, a.scale + b.scale);
}

/**
 * `a / b` rounded to `scale` fractional digits with `mode` (division is the one inexact operation).
 *
 * @example divideDecimal(decimal(49, 3), decimal(12), 10, 'half_even') // 0.0040833333
 */
export function divideDecimal(a: Decimal, b: Decimal, scale: number, mode: RoundingMode): Decimal {
  if (b.units === 0n) throw new RangeError('division by zero');
  // a/b = (ua·10^-sa)/(ub·10^-sb); scaled by 10^scale: ua·10^(scale - sa + sb) / ub
  const shift = scale - a.scale + b.scale;
  const num = shift >= 0 ? a.units * pow10Big(shift) : a.units;
  const den = shift >= 0 ? b.units : b.units * pow10Big(-shift);
  return normalise(divideRoundedBig(num, den, mode), scale);
}

/**
 * Rounds to `scale` fractional digits with `mode`.
 *
 * @example roundDecimal(decimal(12345, 4), 2, 'half_up') // 1.23
 */
export function roundDecimal(value: Decimal, scale: number, mode: RoundingMode): Decimal {
  if (value.scale <= scale) return value;
  return normalise(divideRoundedBig(value.units, pow10Big(value.scale - scale), mode), scale);
}

/**
 * The decimal as a float64 (for reporting and for iterative solvers, never for amounts).
 *
 * @example decimalToNumber(decimal(49, 3)) // 0.049
 */
export function decimalToNumber(value: Decimal): number {
  return Number(formatDecimal(value));
}

/**
 * The decimal as a fraction of two safe integers `num / den` (den = 10^scale), or `undefined` when
 * either does not fit in 53 bits. Hot paths use it to stay in float64 integer arithmetic.
 *
 * @example decimalToRatio(decimal(49, 3)) // { num: 49, den: 1000 }
 */
export function decimalToRatio(value: Decimal): { num: number; den: number } | undefined {
  if (value.scale > 15) return undefined;
  const num = Number(value.units);
  if (!Number.isSafeInteger(num)) return undefined;
  return { num, den: 10 ** value.scale };
}
