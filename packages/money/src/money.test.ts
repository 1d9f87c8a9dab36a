import { describe, expect, it } from 'vitest';
import { currencyCode, currencyScale, isCurrencyCode } from './currency.ts';
import { parseRate } from './decimal.ts';
import {
  addMoney,
  formatMinor,
  formatMoney,
  money,
  multiplyMoney,
  parseMinor,
  tryParseMinor,
} from './money.ts';

const CNY = currencyCode('CNY');
const JPY = currencyCode('JPY');
const KWD = currencyCode('KWD');

describe('currencies', () => {
  it('knows scales per ISO 4217', () => {
    expect(currencyScale(CNY)).toBe(2);
    expect(currencyScale(currencyCode('USD'))).toBe(2);
    expect(currencyScale(currencyCode('EUR'))).toBe(2);
    expect(currencyScale(JPY)).toBe(0);
    expect(currencyScale(currencyCode('KRW'))).toBe(0);
    expect(currencyScale(KWD)).toBe(3);
    expect(isCurrencyCode('XXX')).toBe(false);
    expect(() => currencyCode('cny')).toThrow(RangeError);
  });
});

describe('parse and format', () => {
  it('parses decimal strings exactly', () => {
    expect(parseMinor('100000.00', CNY)).toBe(10_000_000);
    expect(parseMinor('1234.5', CNY)).toBe(123_450);
    expect(parseMinor('-0.05', CNY)).toBe(-5);
    expect(parseMinor('0.1', CNY) + parseMinor('0.2', CNY)).toBe(parseMinor('0.3', CNY));
    expect(parseMinor('1500', JPY)).toBe(1500);
    expect(parseMinor('1.235', KWD)).toBe(1235);
    expect(parseMinor('2.500', CNY)).toBe(250);
  });

  it('rejects excess precision unless a rounding mode is given', () => {
    expect(tryParseMinor('1.005', CNY)).toEqual({ ok: false, reason: 'more than 2 decimal places for CNY' });
    expect(parseMinor('1.005', CNY, 'half_even')).toBe(100);
    expect(parseMinor('1.015', CNY, 'half_even')).toBe(102);
    expect(parseMinor('-1.005', CNY, 'half_up')).toBe(-101);
    expect(parseMinor('-1.001', CNY, 'floor')).toBe(-101);
    expect(tryParseMinor('12,00', CNY).ok).toBe(false);
    expect(tryParseMinor('1e3', CNY).ok).toBe(false);
    expect(tryParseMinor('99999999999999999', CNY)).toEqual({ ok: false, reason: 'amount too large' });
  });

  it('formats with the currency scale', () => {
    expect(formatMinor(855_617, CNY)).toBe('8556.17');
    expect(formatMinor(-5, CNY)).toBe('-0.05');
    expect(formatMinor(0, CNY)).toBe('0.00');
    expect(formatMinor(1500, JPY)).toBe('1500');
    expect(formatMinor(1, KWD)).toBe('0.001');
    expect(formatMoney(money(500_000, currencyCode('EUR')))).toBe('5000.00 EUR');
  });

  it('adds and multiplies by rates exactly', () => {
    expect(addMoney(money(1, CNY), money(2, CNY)).amountMinor).toBe(3);
    expect(() => addMoney(money(1, CNY), money(2, JPY))).toThrow(RangeError);
    // 100,000.00 × 1.5% = 1,500.00
    expect(multiplyMoney(money(10_000_000, CNY), parseRate('1.5%')!, 'half_even').amountMinor).toBe(150_000);
    // 0.05 × 0.5 = 0.025 → half_even 0.02, half_up 0.03
    expect(multiplyMoney(money(5, CNY), parseRate('0.5')!, 'half_even').amountMinor).toBe(2);
    expect(multiplyMoney(money(5, CNY), parseRate('0.5')!, 'half_up').amountMinor).toBe(3);
  });
});
