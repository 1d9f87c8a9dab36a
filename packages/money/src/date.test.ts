import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  civilToEpochDay,
  daysBetween,
  epochDayToCivil,
  fromEpochDay,
  isLocalDate,
  localDate,
  toEpochDay,
} from './date.ts';

describe('calendar dates', () => {
  it('validates YYYY-MM-DD', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2023-13-01')).toBe(false);
    expect(isLocalDate('2023-1-01')).toBe(false);
    expect(isLocalDate('2023-01-01T00:00')).toBe(false);
    expect(() => localDate('nope')).toThrow(RangeError);
  });

  it('adds months clamping to month end and keeps the anchor day afterwards', () => {
    const jan31 = localDate('2023-01-31');
    expect(addMonths(jan31, 1)).toBe('2023-02-28');
    expect(addMonths(jan31, 2)).toBe('2023-03-31');
    expect(addMonths(jan31, 3)).toBe('2023-04-30');
    expect(addMonths(localDate('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(localDate('2024-03-31'), -1)).toBe('2024-02-29');
    expect(addMonths(localDate('2024-11-15'), 2)).toBe('2025-01-15');
    expect(addYears(localDate('2024-02-29'), 1)).toBe('2025-02-28');
    expect(addYears(localDate('2024-02-29'), 4)).toBe('2028-02-29');
  });

  it('counts days without time-zone drift', () => {
    expect(daysBetween(localDate('2024-01-01'), localDate('2025-01-01'))).toBe(366);
    expect(daysBetween(localDate('2023-03-25'), localDate('2023-03-27'))).toBe(2); // across EU DST change
    expect(addDays(localDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(toEpochDay(localDate('1970-01-01'))).toBe(0);
    expect(fromEpochDay(19297)).toBe('2022-11-01');
  });

  it('epoch days agree with Date.UTC and round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -600_000, max: 2_900_000 }), (day) => {
        const { year, month, day: d } = epochDayToCivil(day);
        expect(civilToEpochDay(year, month, d)).toBe(day);
        if (year >= 1) expect(toEpochDay(fromEpochDay(day))).toBe(day);
        const utc = new Date(day * 86_400_000);
        if (year >= 1 && year <= 9999) {
          expect(utc.getUTCFullYear()).toBe(year);
          expect(utc.getUTCMonth() + 1).toBe(month);
          expect(utc.getUTCDate()).toBe(d);
        }
      }),
      { numRuns: 500 },
    );
  });
});
