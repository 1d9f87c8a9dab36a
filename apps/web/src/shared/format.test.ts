import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatRate, maskPhone, toE164 } from './format.ts';

describe('formatAmount', () => {
  it('groups thousands and keeps the fraction and sign', () => {
    expect(formatAmount('1234567.80')).toBe('1,234,567.80');
    expect(formatAmount('999.99')).toBe('999.99');
    expect(formatAmount('1000')).toBe('1,000');
    expect(formatAmount('-50000.00')).toBe('-50,000.00');
    expect(formatAmount('not a number')).toBe('not a number');
  });

  it('only inserts commas: removing them gives the input back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const text = `${int}.${String(cents).padStart(2, '0')}`;
        expect(formatAmount(text).replaceAll(',', '')).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});

describe('formatRate', () => {
  it('turns a fraction into a percentage rounded half-up', () => {
    expect(formatRate('0.18151635')).toBe('18.15%');
    expect(formatRate('0.12682621')).toBe('12.68%');
    expect(formatRate('0.12682621', 1)).toBe('12.7%');
    expect(formatRate('0.12345')).toBe('12.35%'); // 12.345 → half-up
    expect(formatRate('0')).toBe('0.00%');
    expect(formatRate('1.5')).toBe('150.00%');
    expect(formatRate('0.00004')).toBe('0.00%');
    expect(formatRate('0.10896348')).toBe('10.90%');
  });
});

describe('formatDate', () => {
  it('formats a calendar date without shifting it across time zones', () => {
    expect(formatDate('2026-02-15', 'en')).toBe('February 15, 2026');
    expect(formatDate('2026-02-15', 'en', 'medium')).toBe('Feb 15, 2026');
    expect(formatDate('2026-02-15', 'zh-CN')).toBe('2026年2月15日');
  });
});

describe('phone numbers', () => {
  it('masks the middle digits', () => {
    expect(maskPhone('+8613800000001')).toBe('+86 138****0001');
    expect(maskPhone('+4915112345678')).toBe('+491****5678');
  });

  it('reads what people type', () => {
    expect(toE164('138 0000 0001')).toBe('+8613800000001');
    expect(toE164('13800000001')).toBe('+8613800000001');
    expect(toE164('+86 138-0000-0001')).toBe('+8613800000001');
    expect(toE164('12800000001')).toBeNull();
    expect(toE164('12345')).toBeNull();
  });
});
