import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from './dates.ts';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-04-30', true],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-1-01', false],
    ['2025/01/01', false],
    ['2025-01-0a', false],
    [' 2025-01-01', false],
    [20250101, false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('agrees with the calendar for every day of 1900–2400', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2400-12-31'), noInvalidDate: true }),
        (d) => {
          expect(isIsoDate(d.toISOString().slice(0, 10))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects day 31 exactly in the months that have 30 days', () => {
    for (let m = 1; m <= 12; m++) {
      const date = new Date(Date.UTC(2025, m - 1, 31));
      const exists = date.getUTCMonth() === m - 1;
      expect(isIsoDate(`2025-${String(m).padStart(2, '0')}-31`)).toBe(exists);
    }
  });
});
