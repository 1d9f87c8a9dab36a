import { currencyScale, knownCurrencies } from '@puhui/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountToMinor,
  currencyDigits,
  fractionToPercent,
  minorToAmount,
  percentToFraction,
  sumAmounts,
} from './decimal.ts';
import { formatAmount } from './format.ts';

describe('currencyDigits', () => {
  it('agrees with the money package for every currency Puhui knows', () => {
    for (const code of knownCurrencies()) expect(currencyDigits(code), code).toBe(currencyScale(code));
  });

  it('knows the decimals of a currency, and takes 2 for a code it does not know', () => {
    expect([currencyDigits('CNY'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 0, 3]);
    expect(currencyDigits('not a code')).toBe(2);
  });
});

describe('amounts in major and minor units', () => {
  it('writes minor units as a decimal string with the currency’s digits', () => {
    expect(minorToAmount(200050, 'CNY')).toBe('2000.50');
    expect(minorToAmount(5, 'CNY')).toBe('0.05');
    expect(minorToAmount(-5, 'CNY')).toBe('-0.05');
    expect(minorToAmount(0, 'CNY')).toBe('0.00');
    expect(minorToAmount(1500, 'JPY')).toBe('1500');
    expect(minorToAmount(1500, 'KWD')).toBe('1.500');
  });

  it('takes CNY when no currency is given, exactly up to the largest safe integer', () => {
    expect(minorToAmount(123456)).toBe('1234.56');
    expect(minorToAmount(5)).toBe('0.05');
    expect(minorToAmount(0)).toBe('0.00');
    expect(minorToAmount(-5)).toBe('-0.05');
    expect(minorToAmount(800, 'JPY')).toBe('800');
    expect(minorToAmount(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });

  it('reads typed amounts exactly, refusing more digits than the currency has', () => {
    expect(amountToMinor('2000.5', 'CNY')).toBe(200050);
    expect(amountToMinor('2,000.05', 'CNY')).toBe(200005);
    expect(amountToMinor(' 1000 ', 'CNY')).toBe(100000);
    expect(amountToMinor('0.1', 'CNY')).toBe(10);
    expect(amountToMinor('1.234', 'CNY')).toBeNull();
    expect(amountToMinor('1.5', 'JPY')).toBeNull();
    expect(amountToMinor('-1', 'CNY')).toBeNull();
    expect(amountToMinor('abc', 'CNY')).toBeNull();
    expect(amountToMinor('999999999999999999', 'CNY')).toBeNull();
    // 0.29 is not exactly representable as a float; the conversion never goes through one.
    expect(amountToMinor('0.29', 'CNY')).toBe(29);
  });

  it('reads what a person typed: grouping, currency signs, a trailing point (CNY unless told)', () => {
    expect(amountToMinor('12,000.5')).toBe(1_200_050);
    expect(amountToMinor(' ¥ 800 ')).toBe(80_000);
    expect(amountToMinor('0.01')).toBe(1);
    expect(amountToMinor('7.')).toBe(700);
    expect(amountToMinor('1.234')).toBeNull();
    expect(amountToMinor('-5')).toBeNull();
    expect(amountToMinor('1e3')).toBeNull();
    expect(amountToMinor('')).toBeNull();
    expect(amountToMinor('99999999999999999')).toBeNull();
    // Zeros past the currency's digits change nothing, as on the server (`@puhui/money`).
    expect(amountToMinor('1.230')).toBe(123);
    expect(amountToMinor('1500.0', 'JPY')).toBe(1500);
    expect(amountToMinor('0.5', 'not a code')).toBe(50);
  });

  it('round-trips every amount', () => {
    for (const minor of [0, 1, 99, 100, 123456789, 20_000_000])
      expect(amountToMinor(minorToAmount(minor, 'CNY'), 'CNY')).toBe(minor);
  });

  it('round-trips every amount exactly through the grouped display', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (minor) => {
        expect(amountToMinor(formatAmount(minorToAmount(minor)))).toBe(minor);
      }),
      { numRuns: 200 },
    );
  });
});

describe('percentages and fractions', () => {
  it('turns a typed percentage into the API’s fraction', () => {
    expect(percentToFraction('18')).toBe('0.18');
    expect(percentToFraction('1.5')).toBe('0.015');
    expect(percentToFraction('100')).toBe('1');
    expect(percentToFraction('0')).toBe('0');
    expect(percentToFraction('12.345')).toBe('0.12345');
    expect(percentToFraction('250')).toBe('2.5');
    expect(percentToFraction('.5')).toBe('0.005');
    expect(percentToFraction('x')).toBeNull();
    expect(percentToFraction('')).toBeNull();
  });

  it('turns the API’s fraction into a percentage for a form', () => {
    expect(fractionToPercent('0.18')).toBe('18');
    expect(fractionToPercent('0.015')).toBe('1.5');
    expect(fractionToPercent('1')).toBe('100');
    expect(fractionToPercent('0.1234567')).toBe('12.34567');
    expect(fractionToPercent('18%')).toBe('18');
    for (const p of ['18', '2.5', '0.01', '100', '0'])
      expect(fractionToPercent(percentToFraction(p) as string)).toBe(p);
  });
});

describe('sumAmounts', () => {
  it('adds decimal strings exactly', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['0.1', '0.2', '-1'])).toBe('-0.7');
    expect(sumAmounts(['12000.00', '510.00', '0.05'])).toBe('12510.05');
    expect(sumAmounts([])).toBe('0');
    expect(sumAmounts(['90071992547409.93', '0.01'])).toBe('90071992547409.94');
  });
});
