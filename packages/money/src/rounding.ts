/**
 * Rounding modes, named as in Java's `RoundingMode` / ICU (lower snake case):
 * - `half_even` (banker's rounding, the default), `half_up`, `half_down`: to the nearest, ties as named;
 * - `up` (away from zero), `down` (towards zero), `ceiling` (towards +∞), `floor` (towards −∞).
 */
export type RoundingMode = 'half_even' | 'half_up' | 'half_down' | 'up' | 'down' | 'ceiling' | 'floor';

/** Every rounding mode, for validation and property tests. */
export const ROUNDING_MODES: readonly RoundingMode[] = [
  'half_even',
  'half_up',
  'half_down',
  'up',
  'down',
  'ceiling',
  'floor',
];

/**
 * Whether `value` is one of {@link ROUNDING_MODES}.
 *
 * @example isRoundingMode('half_even') // true
 */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && (ROUNDING_MODES as readonly string[]).includes(value);
}

/**
 * Decides whether a truncated quotient must move one step away from zero. `sign` is the sign of the
 * exact quotient, `twiceRemainderVsDivisor` compares 2·|remainder| with |divisor| (−1, 0, 1),
 * `hasRemainder` whether the division was inexact and `truncatedIsOdd` the parity of the truncated
 * quotient.
 */
function stepAway(
  mode: RoundingMode,
  sign: number,
  hasRemainder: boolean,
  twiceRemainderVsDivisor: number,
  truncatedIsOdd: boolean,
): boolean {
  if (!hasRemainder) return false;
  switch (mode) {
    case 'down':
      return false;
    case 'up':
      return true;
    case 'ceiling':
      return sign > 0;
    case 'floor':
      return sign < 0;
    case 'half_up':
      return twiceRemainderVsDivisor >= 0;
    case 'half_down':
      return twiceRemainderVsDivisor > 0;
    case 'half_even':
      return twiceRemainderVsDivisor > 0 || (twiceRemainderVsDivisor === 0 && truncatedIsOdd);
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Exact `numerator / denominator` rounded to an integer with `mode`. Both arguments are safe
 * integers and `denominator > 0`; when `|numerator| + denominator` exceeds 2^53 the division runs
 * in bigint, so the result is always exact.
 *
 * @example divideRounded(5, 2, 'half_even') // 2
 * @example divideRounded(-7, 2, 'floor') // -4
 */
export function divideRounded(numerator: number, denominator: number, mode: RoundingMode): number {
  if (Math.abs(numerator) + denominator > MAX_SAFE) {
    return Number(divideRoundedBig(BigInt(numerator), BigInt(denominator), mode));
  }
  let q = Math.trunc(numerator / denominator);
  let r = numerator - q * denominator;
  // The float quotient can be one off for large operands; repair so that |r| < d and sign(r) = sign(n).
  if (numerator >= 0) {
    if (r < 0) {
      q -= 1;
      r += denominator;
    } else if (r >= denominator) {
      q += 1;
      r -= denominator;
    }
  } else if (r > 0) {
    q += 1;
    r -= denominator;
  } else if (r <= -denominator) {
    q -= 1;
    r += denominator;
  }
  if (r === 0) return q === 0 ? 0 : q;
  const twice = 2 * Math.abs(r);
  const cmp = twice < denominator ? -1 : twice > denominator ? 1 : 0;
  const sign = numerator < 0 ? -1 : 1;
  const result = stepAway(mode, sign, true, cmp, q % 2 !== 0) ? q + sign : q;
  return result === 0 ? 0 : result;
}

/**
 * Exact bigint `numerator / denominator` rounded with `mode`; `denominator` may be negative.
 *
 * @example divideRoundedBig(25n, 10n, 'half_up') // 3n
 */
export function divideRoundedBig(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const q = numerator / denominator; // truncates towards zero
  const r = numerator - q * denominator;
  if (r === 0n) return q;
  const twice = 2n * (r < 0n ? -r : r);
  const cmp = twice < denominator ? -1 : twice > denominator ? 1 : 0;
  const sign = numerator < 0n ? -1 : 1;
  return stepAway(mode, sign, true, cmp, q % 2n !== 0n) ? q + BigInt(sign) : q;
}

/**
 * Exact `a × b / denominator` rounded with `mode`, for safe integers `a`, `b` and `denominator > 0`.
 * Runs in float64 integer arithmetic when the product is a safe integer and in bigint otherwise.
 *
 * @example multiplyDivideRounded(100_000_00, 49, 12_000, 'half_even') // 40833 (408.33 interest)
 */
export function multiplyDivideRounded(a: number, b: number, denominator: number, mode: RoundingMode): number {
  const product = a * b;
  if (Number.isSafeInteger(product) && Math.abs(product) + denominator <= MAX_SAFE) {
    return divideRounded(product, denominator, mode);
  }
  return Number(divideRoundedBig(BigInt(a) * BigInt(b), BigInt(denominator), mode));
}

/**
 * Rounds a safe integer amount to a multiple of `step` (> 0) with `mode`.
 *
 * @example roundToMultiple(30491, 100, 'half_even') // 30500
 */
export function roundToMultiple(value: number, step: number, mode: RoundingMode): number {
  if (step === 1) return value;
  return divideRounded(value, step, mode) * step;
}
