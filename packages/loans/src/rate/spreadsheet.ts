import { type LocalDate, toEpochDay } from '@puhui/money';
import { compoundNpv } from './annualized-rate.ts';
import { signProblem, solveRate } from './solve-rate.ts';

/**
 * Spreadsheet financial functions with Excel / numpy-financial sign conventions: money paid out is
 * negative, money received positive; `type` 0 = payments at the end of each period, 1 = at the
 * start. These are float64 functions for analysis and cross-checks; schedules use exact integers.
 * Failures (no solution) throw a `RangeError` whose message starts with `#NUM!`.
 */
export type PaymentTiming = 0 | 1;

/**
 * Payment per period of an annuity.
 *
 * @example pmt(0.049 / 12, 12, 100000) // -8556.1662…
 */
export function pmt(rate: number, nper: number, pv: number, fv = 0, type: PaymentTiming = 0): number {
  const gm1 = growthMinusOne(rate, nper);
  if (rate === 0 || gm1 === 0) return -(pv + fv) / nper;
  return -(rate * (pv * (gm1 + 1) + fv)) / ((1 + rate * type) * gm1);
}

/** (1 + rate)^n − 1, accurate for small rates. */
function growthMinusOne(rate: number, n: number): number {
  return Math.expm1(n * Math.log1p(rate));
}

/**
 * Future value.
 *
 * @example fv(0.06 / 12, 10, -200, -500, 1) // 2581.40 (rounded)
 */
export function fv(rate: number, nper: number, payment: number, pv = 0, type: PaymentTiming = 0): number {
  const gm1 = growthMinusOne(rate, nper);
  if (rate === 0 || gm1 === 0) return -(pv + payment * nper);
  return -(pv * (gm1 + 1) + (payment * (1 + rate * type) * gm1) / rate);
}

/**
 * Present value.
 *
 * @example pv(0.08 / 12, 20 * 12, 500) // -59777.15…
 */
export function pv(rate: number, nper: number, payment: number, fvalue = 0, type: PaymentTiming = 0): number {
  const gm1 = growthMinusOne(rate, nper);
  if (rate === 0 || gm1 === 0) return -(fvalue + payment * nper);
  return -(fvalue + (payment * (1 + rate * type) * gm1) / rate) / (gm1 + 1);
}

/**
 * Number of periods.
 *
 * @example nper(0.12 / 12, -100, -1000, 10000, 1) // 59.67…
 */
export function nper(
  rate: number,
  payment: number,
  pvalue: number,
  fvalue = 0,
  type: PaymentTiming = 0,
): number {
  if (rate === 0) return -(pvalue + fvalue) / payment;
  const z = (payment * (1 + rate * type)) / rate;
  const result = Math.log((z - fvalue) / (z + pvalue)) / Math.log1p(rate);
  if (!Number.isFinite(result)) throw new RangeError('#NUM! no number of periods solves these values');
  return result;
}

/**
 * Interest part of payment `per` (1-based).
 *
 * @example ipmt(0.1 / 12, 1, 36, 8000) // -66.67 (rounded)
 */
export function ipmt(
  rate: number,
  per: number,
  periods: number,
  pvalue: number,
  fvalue = 0,
  type: PaymentTiming = 0,
): number {
  const payment = pmt(rate, periods, pvalue, fvalue, type);
  if (type === 1 && per === 1) return 0;
  const balance = fv(rate, per - 1, payment, pvalue, type);
  return type === 1 ? (balance * rate) / (1 + rate) : balance * rate;
}

/**
 * Principal part of payment `per` (1-based): `pmt − ipmt`.
 *
 * @example ppmt(0.1 / 12, 1, 36, 8000) // -191.47 (rounded)
 */
export function ppmt(
  rate: number,
  per: number,
  periods: number,
  pvalue: number,
  fvalue = 0,
  type: PaymentTiming = 0,
): number {
  return pmt(rate, periods, pvalue, fvalue, type) - ipmt(rate, per, periods, pvalue, fvalue, type);
}

/**
 * Net present value, spreadsheet style: the first value is discounted one full period.
 *
 * @example npv(0.1, [-10000, 3000, 4200, 6800]) // 1188.44 (rounded)
 */
export function npv(rate: number, values: readonly number[]): number {
  let sum = 0;
  let factor = 1;
  for (const v of values) {
    factor /= 1 + rate;
    sum += v * factor;
  }
  return sum;
}

function solveOrThrow(amounts: Float64Array, times: Float64Array, guess: number): number {
  const problem = signProblem(amounts);
  if (problem && !problem.ok) throw new RangeError(`#NUM! ${problem.message}`);
  const scale = amounts.reduce((sum, a) => sum + Math.abs(a), 0);
  const result = solveRate(compoundNpv(amounts, times), guess, scale);
  if (!result.ok) throw new RangeError(`#NUM! ${result.message}`);
  return result.rate;
}

/**
 * Internal rate of return of equally spaced values (the first at time 0).
 *
 * @example irr([-70000, 12000, 15000, 18000, 21000, 26000]) // 0.0866 (rounded)
 */
export function irr(values: readonly number[], guess = 0.1): number {
  const amounts = Float64Array.from(values);
  const times = Float64Array.from(values, (_, i) => i);
  return solveOrThrow(amounts, times, guess);
}

/**
 * Internal rate of return of dated values, years of 365 days from the first date (Excel `XIRR`).
 *
 * @example xirr([-10000, 2750, 4250, 3250, 2750], ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01']
 *   .map(localDate)) // 0.373362535
 */
export function xirr(values: readonly number[], dates: readonly LocalDate[], guess = 0.1): number {
  if (values.length !== dates.length) throw new RangeError('#NUM! values and dates differ in length');
  const first = toEpochDay(dates[0] as LocalDate);
  const amounts = Float64Array.from(values);
  const times = Float64Array.from(dates, (d) => (toEpochDay(d) - first) / 365);
  return solveOrThrow(amounts, times, guess);
}

/**
 * Interest rate per period of an annuity (Excel `RATE`).
 *
 * @example rate(48, -200, 8000) // 0.0077 (rounded)
 */
export function rate(
  periods: number,
  payment: number,
  pvalue: number,
  fvalue = 0,
  type: PaymentTiming = 0,
  guess = 0.1,
): number {
  const result = solveRate(
    (r, out) => {
      const value = (x: number): number => {
        if (Math.abs(x) < 1e-12) return pvalue + payment * periods + fvalue;
        const g = (1 + x) ** periods;
        return pvalue * g + (payment * (1 + x * type) * (g - 1)) / x + fvalue;
      };
      const h = 1e-7 * Math.max(1, Math.abs(r));
      out[0] = value(r);
      out[1] = (value(r + h) - value(r - h)) / (2 * h);
    },
    guess,
    Math.abs(pvalue) + Math.abs(payment) * periods + Math.abs(fvalue),
  );
  if (!result.ok) throw new RangeError(`#NUM! ${result.message}`);
  return result.rate;
}
