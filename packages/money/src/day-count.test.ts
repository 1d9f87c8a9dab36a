import { describe, expect, it } from 'vitest';
import { localDate } from './date.ts';
import { dayCountDays, dayCountFraction, yearFraction } from './day-count.ts';

const d = localDate;

describe('day counts', () => {
  it('30/360 bond basis and 30E/360 differ only on the 31st', () => {
    // Jan 31 → Mar 31: D1 31→30; D2 31→30 because D1 ≥ 30: 30·2 + 0 = 60
    expect(dayCountDays('30/360', d('2024-01-31'), d('2024-03-31'))).toBe(60);
    expect(dayCountDays('30E/360', d('2024-01-31'), d('2024-03-31'))).toBe(60);
    // Jan 15 → Mar 31: bond basis keeps D2 = 31 (D1 < 30): 60 + 16 = 76; 30E: 60 + 15 = 75
    expect(dayCountDays('30/360', d('2024-01-15'), d('2024-03-31'))).toBe(76);
    expect(dayCountDays('30E/360', d('2024-01-15'), d('2024-03-31'))).toBe(75);
    // Feb 28 → Mar 31 under 30E: 30 + (30 − 28) = 32
    expect(dayCountDays('30E/360', d('2023-02-28'), d('2023-03-31'))).toBe(32);
  });

  it('actual conventions', () => {
    // 2024-01-01 → 2024-04-01: 31 + 29 + 31 = 91 days
    expect(dayCountFraction('actual/360', d('2024-01-01'), d('2024-04-01'))).toEqual({
      numerator: 91,
      denominator: 360,
    });
    expect(dayCountFraction('actual/365', d('2024-01-01'), d('2024-04-01'))).toEqual({
      numerator: 91,
      denominator: 365,
    });
    expect(yearFraction('actual/365', d('2023-01-01'), d('2024-01-01'))).toBe(1);
  });

  it('actual/actual ISDA splits at the year boundary', () => {
    // 2023-12-01 → 2024-01-11: 31 days of 2023 (/365) + 10 days of 2024 (/366)
    // = (31·366 + 10·365) / (365·366) = 14996 / 133590 = 7498 / 66795
    expect(dayCountFraction('actual/actual_isda', d('2023-12-01'), d('2024-01-11'))).toEqual({
      numerator: 7498,
      denominator: 66795,
    });
    expect(yearFraction('actual/actual_isda', d('2024-01-01'), d('2025-01-01'))).toBe(1);
    // ISDA's own example: 2003-11-01 → 2004-05-01 = 61/365 + 121/366
    expect(yearFraction('actual/actual_isda', d('2003-11-01'), d('2004-05-01'))).toBeCloseTo(
      61 / 365 + 121 / 366,
      15,
    );
  });
});
