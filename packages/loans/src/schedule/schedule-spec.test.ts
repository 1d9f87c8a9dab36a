import { describe, expect, it } from 'vitest';
import { CNY, d } from '../test-support.ts';
import { generateSchedule, ScheduleSpecError } from './generate-schedule.ts';
import { parseScheduleSpec, validateScheduleSpec } from './schedule-spec.ts';

const json = {
  principal: '100000.00',
  currency: 'CNY',
  annualRate: '4.9%',
  repayments: 12,
  disbursementDate: '2024-01-15',
};

describe('parseScheduleSpec', () => {
  it('reads the JSON form with defaults', () => {
    const r = parseScheduleSpec(json);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.spec.principalMinor).toBe(10_000_000);
      expect(generateSchedule(r.spec).installmentMinor).toBe(855_617);
    }
  });

  it('accepts numbers, percent strings, fees and multiples', () => {
    const r = parseScheduleSpec({
      ...json,
      principal: 5000,
      currency: 'EUR',
      annualRate: 0.12,
      repayments: 18,
      installmentMultipleOf: 1,
      fees: [
        { name: 'f', type: 'flat', amount: '10.50', at: 'installment' },
        { type: 'percent', rate: '1%', at: 'disbursement' },
      ],
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.spec.installmentMultipleOfMinor).toBe(100);
      expect(r.spec.fees).toEqual([
        { name: 'f', type: 'flat', amountMinor: 1050, at: 'installment' },
        { name: 'fee 2', type: 'percent', rate: '1%', at: 'disbursement' },
      ]);
    }
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ['missing field', { ...json, principal: undefined }, 'principal: is required'],
    ['unknown field', { ...json, tenor: 12 }, 'tenor: unknown field'],
    ['bad currency', { ...json, currency: 'XYZ' }, 'currency: unknown ISO 4217 currency code'],
    ['too precise', { ...json, principal: '1.001' }, 'principal: more than 2 decimal places for CNY'],
    ['negative principal', { ...json, principal: '-5' }, 'principal: must be greater than 0'],
    [
      'bad rate',
      { ...json, annualRate: 'abc' },
      'annualRate: must be a decimal fraction like "0.049" or a percentage like "4.9%"',
    ],
    ['negative rate', { ...json, annualRate: '-1%' }, 'annualRate: must not be negative'],
    ['zero repayments', { ...json, repayments: 0 }, 'repayments: must be an integer from 1 to 2000'],
    ['fractional repayments', { ...json, repayments: 1.5 }, 'repayments: must be an integer'],
    ['bad date', { ...json, disbursementDate: '2024-02-30' }, 'disbursementDate: must be a date YYYY-MM-DD'],
    [
      'first due before',
      { ...json, firstDueDate: '2024-01-01' },
      'firstDueDate: must be after disbursementDate',
    ],
    ['bad amortization', { ...json, amortization: 'balloon' }, 'amortization: must be one of'],
    ['bad days in year', { ...json, daysInYear: 366 }, 'daysInYear: must be "actual", 360, 364 or 365'],
    [
      'grace too long',
      { ...json, graceOnPrincipal: 12 },
      'graceOnPrincipal: must be an integer from 0 to 11',
    ],
    [
      'grace on bullet',
      { ...json, amortization: 'bullet', graceOnPrincipal: 1 },
      'graceOnPrincipal: applies to',
    ],
    [
      'shares missing',
      { ...json, amortization: 'custom_principal' },
      'principalShares: is required for custom_principal',
    ],
    [
      'shares count',
      { ...json, amortization: 'custom_principal', principalShares: [1, 2] },
      'principalShares: must have one share per repayment (12)',
    ],
    [
      'shares zero',
      { ...json, amortization: 'custom_principal', principalShares: Array(12).fill(0) },
      'principalShares: at least one share must be positive',
    ],
    [
      'bad fee',
      { ...json, fees: [{ type: 'pct', at: 'installment' }] },
      'fees[0].type: must be "flat" or "percent"',
    ],
    [
      'fee rate > 100 %',
      { ...json, fees: [{ type: 'percent', rate: '150%', at: 'installment' }] },
      'fees[0].rate: must not exceed 1',
    ],
    [
      'overflowing amounts',
      { ...json, principal: '80000000000000.00', annualRate: '50' },
      'principal: the schedule amounts would exceed 2^53 minor units',
    ],
    [
      'past the calendar',
      { ...json, repayments: 2000, every: 1000, frequency: 'years' },
      'repayments: the schedule would run past the year 9998',
    ],
    ['bad rounding', { ...json, rounding: 'bankers' }, 'rounding: must be one of'],
    [
      'multiple on equal principal',
      { ...json, amortization: 'equal_principal', installmentMultipleOf: 10 },
      'installmentMultipleOf: applies to equal_installments only',
    ],
  ];
  for (const [name, input, message] of cases) {
    it(`rejects: ${name}`, () => {
      const r = parseScheduleSpec(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => `${e.field}: ${e.reason}`).join('; ')).toContain(message);
    });
  }

  it('rejects non-objects', () => {
    expect(parseScheduleSpec([1]).ok).toBe(false);
    expect(parseScheduleSpec(null).ok).toBe(false);
  });
});

describe('generateSchedule on an invalid typed spec', () => {
  it('throws ScheduleSpecError naming the fields', () => {
    const spec = {
      principalMinor: 0,
      currency: CNY,
      annualRate: '0.1',
      repayments: 3,
      disbursementDate: d('2024-01-01'),
    };
    expect(validateScheduleSpec(spec)).toEqual([{ field: 'principal', reason: 'must be greater than 0' }]);
    expect(() => generateSchedule(spec)).toThrow(ScheduleSpecError);
    expect(() => generateSchedule(spec)).toThrow('invalid schedule spec: principal: must be greater than 0');
  });
});
