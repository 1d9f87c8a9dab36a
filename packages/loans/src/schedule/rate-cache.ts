import { compareDecimal, type Decimal, decimal, parseRate } from '@puhui/money';

/** Largest accepted annual rate: 100 = 10,000 % a year. */
export const ANNUAL_RATE_MAX = decimal(100);
/** Largest accepted fee rate: 100 % of the principal. */
export const FEE_RATE_MAX = decimal(1);

/** A checked rate: the decimal, or why the text is not an acceptable rate. */
export type CheckedRate =
  | { readonly rate: Decimal; readonly reason?: undefined }
  | { readonly rate?: undefined; readonly reason: string };

const RATE_REASON = 'must be a decimal fraction like "0.049" or a percentage like "4.9%"';
const MAX_RATE_SCALE = 12;
const caches = new Map<Decimal, Map<string, CheckedRate>>();

/**
 * Parses and checks a rate string (0 ≤ rate ≤ max, at most 12 decimals), memoised: products reuse
 * a handful of rate strings, and parsing them once per schedule was a measurable share of the
 * generator's time (see bench/run.ts). Decimals are immutable, so sharing them is safe.
 *
 * @example checkRateText('4.9%', decimal(100)).rate // 0.049
 */
export function checkRateText(text: string, max: Decimal): CheckedRate {
  let cache = caches.get(max);
  if (!cache) {
    cache = new Map();
    caches.set(max, cache);
  }
  let checked = cache.get(text);
  if (checked === undefined) {
    const rate = parseRate(text);
    if (!rate) checked = { reason: RATE_REASON };
    else if (rate.units < 0n) checked = { reason: 'must not be negative' };
    else if (compareDecimal(rate, max) > 0) checked = { reason: `must not exceed ${max.units}` };
    else if (rate.scale > MAX_RATE_SCALE) checked = { reason: `at most ${MAX_RATE_SCALE} decimal places` };
    else checked = { rate };
    if (cache.size >= 1024) cache.clear();
    cache.set(text, checked);
  }
  return checked;
}

export { RATE_REASON };
