import { describe, expect, it } from 'vitest';
import {
  divideRounded,
  divideRoundedBig,
  multiplyDivideRounded,
  type RoundingMode,
  roundToMultiple,
} from './rounding.ts';

// The classic table (Java RoundingMode javadoc): input ×10 divided by 10.
const TABLE: Record<string, Record<RoundingMode, number>> = {
  '5.5': { up: 6, down: 5, ceiling: 6, floor: 5, half_up: 6, half_down: 5, half_even: 6 },
  '2.5': { up: 3, down: 2, ceiling: 3, floor: 2, half_up: 3, half_down: 2, half_even: 2 },
  '1.6': { up: 2, down: 1, ceiling: 2, floor: 1, half_up: 2, half_down: 2, half_even: 2 },
  '1.1': { up: 2, down: 1, ceiling: 2, floor: 1, half_up: 1, half_down: 1, half_even: 1 },
  '1.0': { up: 1, down: 1, ceiling: 1, floor: 1, half_up: 1, half_down: 1, half_even: 1 },
  '-1.0': { up: -1, down: -1, ceiling: -1, floor: -1, half_up: -1, half_down: -1, half_even: -1 },
  '-1.1': { up: -2, down: -1, ceiling: -1, floor: -2, half_up: -1, half_down: -1, half_even: -1 },
  '-1.6': { up: -2, down: -1, ceiling: -1, floor: -2, half_up: -2, half_down: -2, half_even: -2 },
  '-2.5': { up: -3, down: -2, ceiling: -2, floor: -3, half_up: -3, half_down: -2, half_even: -2 },
  '-5.5': { up: -6, down: -5, ceiling: -5, floor: -6, half_up: -6, half_down: -5, half_even: -6 },
};

describe('divideRounded', () => {
  for (const [input, modes] of Object.entries(TABLE)) {
    for (const [mode, expected] of Object.entries(modes)) {
      it(`${input} ${mode} → ${expected}`, () => {
        const tenths = Math.round(Number(input) * 10);
        expect(divideRounded(tenths, 10, mode as RoundingMode)).toBe(expected);
        expect(divideRoundedBig(BigInt(tenths), 10n, mode as RoundingMode)).toBe(BigInt(expected));
      });
    }
  }

  it('is exact near 2^53 where the float quotient is off by one', () => {
    const n = Number.MAX_SAFE_INTEGER - 10; // 9007199254740981
    expect(divideRounded(n, 3, 'down')).toBe(Number(BigInt(n) / 3n));
    expect(divideRounded(n, 7, 'floor')).toBe(Number(BigInt(n) / 7n));
  });

  it('multiplies beyond 2^53 through bigint', () => {
    // 9e15 × 1000 / 3000 = 3e15 exactly
    expect(multiplyDivideRounded(9e15, 1000, 3000, 'half_even')).toBe(3e15);
  });

  it('rounds to multiples', () => {
    expect(roundToMultiple(30491, 100, 'half_even')).toBe(30500);
    expect(roundToMultiple(30450, 100, 'half_even')).toBe(30400);
    expect(roundToMultiple(30450, 100, 'half_up')).toBe(30500);
    expect(roundToMultiple(-30450, 100, 'floor')).toBe(-30500);
  });
});
