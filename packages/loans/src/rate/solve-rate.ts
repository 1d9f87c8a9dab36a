/** Why no rate was found. */
export type RateErrorCode = 'no_sign_change' | 'no_rate';

/** Outcome of a rate solve: the rate, or a code and a one-line reason. */
export type RateResult =
  | { readonly ok: true; readonly rate: number; readonly iterations: number }
  | { readonly ok: false; readonly code: RateErrorCode; readonly message: string };

/**
 * A function of the rate whose root is sought. `evaluate(rate, out)` writes the value to `out[0]`
 * and its derivative to `out[1]` (one pass over the cash flows gives both).
 */
export type RateFunction = (rate: number, out: Float64Array) => void;

const BRACKET_GRID = [
  -0.99, -0.9, -0.5, -0.2, -0.05, 0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 100, 1000,
  1e4, 1e6,
];

/**
 * Finds `r > −1` with `f(r) = 0`: Newton's method from `guess` (fast, a handful of steps for loan
 * cash flows), and when Newton fails to converge or leaves the domain, a scan of a fixed grid for a
 * sign change followed by safeguarded bisection/Newton inside the bracket. Converges when the step
 * is below `1e-14·max(1, |r|)`. Returns `{ ok: false, code: 'no_rate' }` when no sign change exists
 * on the grid (no rate, or none above −99 %), or when the value at the solution is not within
 * `1e-9 × scale` of zero (pass Σ|amounts| as `scale`).
 *
 * @example solveRate((r, out) => { out[0] = -100 + 110 / (1 + r); out[1] = -110 / (1 + r) ** 2; }, 0.05)
 * // { ok: true, rate: 0.1, … }
 */
export function solveRate(f: RateFunction, guess = 0.01, scale = 1): RateResult {
  const result = search(f, guess);
  if (!result.ok) return result;
  // A root that float64 cannot represent (e.g. a rate within 1e-300 of −100 %) leaves a residual.
  const out = new Float64Array(2);
  f(result.rate, out);
  if (!(Math.abs(out[0] as number) <= 1e-9 * scale)) {
    return {
      ok: false,
      code: 'no_rate',
      message: 'the cash flows have no representable internal rate of return',
    };
  }
  return result;
}

function search(f: RateFunction, guess: number): RateResult {
  const out = new Float64Array(2);
  let r = guess;
  for (let i = 1; i <= 60; i++) {
    f(r, out);
    const v = out[0] as number;
    const d = out[1] as number;
    if (v === 0) return { ok: true, rate: r, iterations: i };
    if (!Number.isFinite(v) || !Number.isFinite(d) || d === 0) break;
    let next = r - v / d;
    if (!(next > -1)) next = (r - 1) / 2; // stay inside the domain
    if (Math.abs(next - r) <= 1e-14 * Math.max(1, Math.abs(r)))
      return { ok: true, rate: next, iterations: i };
    r = next;
  }
  return bracketAndBisect(f, out);
}

function bracketAndBisect(f: RateFunction, out: Float64Array): RateResult {
  let lo = Number.NaN;
  let hi = Number.NaN;
  let vLo = Number.NaN;
  let prev = Number.NaN;
  let vPrev = Number.NaN;
  for (const x of BRACKET_GRID) {
    f(x, out);
    const v = out[0] as number;
    if (!Number.isFinite(v)) continue;
    if (v === 0) return { ok: true, rate: x, iterations: 0 };
    if (Number.isFinite(vPrev) && Math.sign(v) !== Math.sign(vPrev)) {
      lo = prev;
      hi = x;
      vLo = vPrev;
      break;
    }
    prev = x;
    vPrev = v;
  }
  if (Number.isNaN(lo)) {
    return {
      ok: false,
      code: 'no_rate',
      message: 'the cash flows have no internal rate of return above -99%',
    };
  }
  // Safeguarded Newton: take the Newton step when it stays inside the bracket, else bisect.
  let r = (lo + hi) / 2;
  for (let i = 1; i <= 300; i++) {
    f(r, out);
    const v = out[0] as number;
    const d = out[1] as number;
    if (v === 0) return { ok: true, rate: r, iterations: i };
    if (Math.sign(v) === Math.sign(vLo)) {
      lo = r;
      vLo = v;
    } else hi = r;
    let next = d !== 0 && Number.isFinite(d) ? r - v / d : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (
      Math.abs(next - r) <= 1e-14 * Math.max(1, Math.abs(r)) ||
      hi - lo <= 1e-15 * Math.max(1, Math.abs(r))
    ) {
      return { ok: true, rate: next, iterations: i };
    }
    r = next;
  }
  return { ok: true, rate: r, iterations: 300 };
}

/**
 * Checks that cash flows have both signs (otherwise no rate exists) and returns the error result,
 * or `undefined` when they do.
 *
 * @example signProblem([-100, 110]) // undefined
 */
export function signProblem(amounts: ArrayLike<number>): RateResult | undefined {
  let pos = false;
  let neg = false;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i] as number;
    if (a > 0) pos = true;
    else if (a < 0) neg = true;
  }
  if (pos && neg) return undefined;
  return {
    ok: false,
    code: 'no_sign_change',
    message: 'the cash flows need at least one negative (advance) and one positive (payment) amount',
  };
}
