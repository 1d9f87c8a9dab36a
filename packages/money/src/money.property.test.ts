import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByWeights, splitEvenly } from './allocate.ts';
import { type CurrencyCode, currencyCode } from './currency.ts';
import { compareDecimal, formatDecimal, parseDecimal } from './decimal.ts';
import { formatMinor, parseMinor } from './money.ts';

const currencies: CurrencyCode[] = ['CNY', 'JPY', 'KWD', 'EUR'].map(currencyCode);

describe('money invariants', () => {
  it('format then parse is the identity on minor units', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom(...currencies), (n, c) => {
        const amount = Math.trunc(n / 1000) || 0;
        expect(parseMinor(formatMinor(amount, c), c)).toBe(amount);
      }),
      { numRuns: 300 },
    );
  });

  it('allocation by weights loses no minor unit and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 20 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocateByWeights(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const exact = (total * (weights[i] as number)) / sum;
            expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-6 * Math.abs(exact));
            if (weights[i] === 0) expect(p).toBe(0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('even splits differ by at most one unit and sum to the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 50 }), (total, count) => {
        const parts = splitEvenly(total, count);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('decimal parse/format round-trips', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 20 }),
        (units, scale) => {
          const text = formatDecimal({ units, scale });
          const parsed = parseDecimal(text)!;
          expect(compareDecimal(parsed, { units, scale })).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
