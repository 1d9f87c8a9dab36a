import { divideRounded, divideRoundedBig, type RoundingMode } from '@puhui/money';

/**
 * The equal instalment (annuity) of `principalMinor` over `periods` at the periodic rate
 * `rateNum / rateDen`, rounded with `mode` to a multiple of `multipleMinor` minor units:
 * `P·r / (1 − (1 + r)^−n)`, or `P / n` at a zero rate.
 *
 * Exact by construction: the float64 value (computed with `log1p`/`expm1`, relative error below
 * 1e-13 for realistic terms) is used only when it lies clearly away from a rounding boundary;
 * otherwise the rational `P·a·(a+b)^n / (b·((a+b)^n − b^n))` is evaluated in bigint. The property
 * tests compare both paths.
 *
 * @example annuityMinor(10_000_000, 49, 12_000, 12, 1, 'half_even') // 855617 (8,556.17; exact 8,556.1662…)
 */
export function annuityMinor(
  principalMinor: number,
  rateNum: number,
  rateDen: number,
  periods: number,
  multipleMinor: number,
  mode: RoundingMode,
): number {
  if (rateNum === 0) return divideRounded(principalMinor, periods * multipleMinor, mode) * multipleMinor;
  const r = rateNum / rateDen;
  const x = (principalMinor * r) / -Math.expm1(-periods * Math.log1p(r)) / multipleMinor;
  const floor = Math.floor(x);
  const frac = x - floor;
  const tolerance = x * 1e-11 + 1e-9;
  let rounded: number | undefined;
  switch (mode) {
    case 'half_even':
    case 'half_up':
    case 'half_down':
      if (Math.abs(frac - 0.5) > tolerance) rounded = frac < 0.5 ? floor : floor + 1;
      break;
    case 'up':
    case 'ceiling':
      if (frac > tolerance && 1 - frac > tolerance) rounded = floor + 1;
      break;
    case 'down':
    case 'floor':
      if (frac > tolerance && 1 - frac > tolerance) rounded = floor;
      break;
  }
  if (rounded !== undefined && Number.isFinite(rounded)) return rounded * multipleMinor;
  return exactAnnuityMinor(principalMinor, BigInt(rateNum), BigInt(rateDen), periods, multipleMinor, mode);
}

/**
 * The bigint-only evaluation behind {@link annuityMinor} (slower; exported for tests and benchmarks).
 *
 * @example exactAnnuityMinor(500_000, 12n, 1_200n, 18, 100, 'half_even') // 30500 (RS02: 304.91… → 305)
 */
export function exactAnnuityMinor(
  principalMinor: number,
  rateNum: bigint,
  rateDen: bigint,
  periods: number,
  multipleMinor: number,
  mode: RoundingMode,
): number {
  const m = BigInt(multipleMinor);
  if (rateNum === 0n) return Number(divideRoundedBig(BigInt(principalMinor), BigInt(periods) * m, mode) * m);
  const a = rateNum;
  const b = rateDen;
  const n = BigInt(periods);
  const growth = (a + b) ** n;
  const numerator = BigInt(principalMinor) * a * growth;
  const denominator = b * (growth - b ** n) * m;
  return Number(divideRoundedBig(numerator, denominator, mode) * m);
}
