import { describe, expect, it } from 'vitest';
import { fitLogistic } from './logistic.ts';

describe('fitLogistic (IRLS)', () => {
  it('recovers the log odds ratio of a binary feature exactly', () => {
    // x = 0: 30 bads of 100 → logit ln(30/70); x = 1: 60 of 100 → ln(60/40).
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 100; i++) {
      x.push(0);
      y.push(i < 30 ? 1 : 0);
      x.push(1);
      y.push(i < 60 ? 1 : 0);
    }
    const fit = fitLogistic([Float64Array.from(x)], y);
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(Math.log(30 / 70), 8);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(60 / 40) - Math.log(30 / 70), 8);
  });
  it('shrinks coefficients under an L2 penalty and stays finite on separable data', () => {
    const x = Float64Array.from([-2, -1, 1, 2]);
    const y = [0, 0, 1, 1];
    const loose = fitLogistic([x], y, { l2: 0.1 });
    const tight = fitLogistic([x], y, { l2: 10 });
    expect(Number.isFinite(loose.coefficients[0]!)).toBe(true);
    expect(Math.abs(tight.coefficients[0]!)).toBeLessThan(Math.abs(loose.coefficients[0]!));
  });
});
