/*
 * Grace variants on 12,000.00 CNY at 12 % (1 % a month), 6 monthly equal instalments.
 *
 * graceOnPrincipal 2: the annuity is computed on the balance over the 4 remaining periods:
 *   12000 × 0.01 / (1 − 1.01^−4) = 3,075.3731… → 3,075.37.
 *   P1, P2: interest 120.00 only. P3: 120.00 + 2,955.37 → 9,044.63. P4: 90.45 (90.4463) + 2,984.92
 *   → 6,059.71. P5: 60.60 (60.5971) + 3,014.77 → 3,044.94. P6: 30.45 (30.4494) + 3,044.94 = 3,075.39.
 * + graceOnInterestPayment 2: the same interest, but P1 and P2 owe nothing and P3 collects
 *   120 + 120 + 120 = 360.00 interest (total 3,315.37).
 * + graceOnInterestCharged 2 instead: P1 and P2 are interest-free (0.00); the rest as above;
 *   total interest 240.00 lower.
 */
import { describe, expect, it } from 'vitest';
import { CNY, d, rows } from '../../test-support.ts';
import { generateSchedule } from '../generate-schedule.ts';

const base = {
  principalMinor: 1_200_000,
  currency: CNY,
  annualRate: '0.12',
  repayments: 6,
  disbursementDate: d('2024-01-10'),
  graceOnPrincipal: 2,
} as const;

const expected = [
  ['0.00', '120.00', '120.00', '12000.00'],
  ['0.00', '120.00', '120.00', '12000.00'],
  ['2955.37', '120.00', '3075.37', '9044.63'],
  ['2984.92', '90.45', '3075.37', '6059.71'],
  ['3014.77', '60.60', '3075.37', '3044.94'],
  ['3044.94', '30.45', '3075.39', '0.00'],
];

describe('grace', () => {
  it('on principal: annuity over the remaining periods', () => {
    const s = generateSchedule(base);
    expect(s.installmentMinor).toBe(307_537);
    expect(rows(s).map((r) => [r[2], r[3], r[5], r[6]])).toEqual(expected);
  });

  it('on interest payment: deferred interest is collected with the first instalment after grace', () => {
    const s = generateSchedule({ ...base, graceOnInterestPayment: 2 });
    const r = rows(s);
    expect([r[0]?.[5], r[1]?.[5]]).toEqual(['0.00', '0.00']);
    expect([r[2]?.[2], r[2]?.[3], r[2]?.[5]]).toEqual(['2955.37', '360.00', '3315.37']);
    expect(s.totals.interestMinor).toBe(generateSchedule(base).totals.interestMinor);
  });

  it('on interest charged: interest-free periods', () => {
    const s = generateSchedule({ ...base, graceOnInterestCharged: 2 });
    const r = rows(s);
    expect([r[0]?.[3], r[1]?.[3]]).toEqual(['0.00', '0.00']);
    expect(r.slice(2).map((x) => [x[2], x[3]])).toEqual(expected.slice(2).map((x) => [x[0], x[1]]));
    expect(s.totals.interestMinor).toBe(generateSchedule(base).totals.interestMinor - 24_000);
  });
});
