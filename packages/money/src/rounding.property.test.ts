import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, divideRoundedBig, ROUNDING_MODES } from './rounding.ts';

/** Reference: floor division in bigint and the distance to both neighbours, decided per mode. */
function reference(n: bigint, d: bigint, mode: string): bigint {
  const floor = n >= 0n ? n / d : -((-n + d - 1n) / d);
  const rem = n - floor * d; // 0 ≤ rem < d
  if (rem === 0n) return floor;
  const ceil = floor + 1n;
  const twice = 2n * rem;
  switch (mode) {
    case 'floor':
      return floor;
    case 'ceiling':
      return ceil;
    case 'down':
      return n >= 0n ? floor : ceil;
    case 'up':
      return n >= 0n ? ceil : floor;
    case 'half_up':
      return twice > d || (twice === d && n >= 0n) ? ceil : floor;
    case 'half_down':
      return twice > d || (twice === d && n < 0n) ? ceil : floor;
    default:
      return twice > d || (twice === d && floor % 2n !== 0n) ? ceil : floor;
  }
}

describe('rounding invariants', () => {
  it('divideRounded equals an independent bigint reference for every mode', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.maxSafeInteger(), fc.integer()),
        fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 40 })),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          const expected = reference(BigInt(n), BigInt(d), mode);
          expect(divideRounded(n, d, mode)).toBe(Number(expected));
          expect(divideRoundedBig(BigInt(n), BigInt(d), mode)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the result is within one of the exact quotient and directed modes bound it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e4 }), (n, d) => {
        const f = divideRounded(n, d, 'floor');
        const c = divideRounded(n, d, 'ceiling');
        expect(f * d <= n && n < (f + 1) * d).toBe(true);
        expect(c - f).toBe(n % d === 0 ? 0 : 1);
      }),
      { numRuns: 300 },
    );
  });
});
