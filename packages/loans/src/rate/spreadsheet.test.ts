// Expected values are the worked examples of the spreadsheet documentation (Excel / LibreOffice),
// which numpy-financial reproduces.
import { describe, expect, it } from 'vitest';
import { d } from '../test-support.ts';
import { fv, ipmt, irr, nper, npv, pmt, ppmt, pv, rate, xirr } from './spreadsheet.ts';

describe('spreadsheet functions', () => {
  it('pmt', () => {
    expect(pmt(0.08 / 12, 10, 10000)).toBeCloseTo(-1037.03, 2);
    expect(pmt(0.08 / 12, 10, 10000, 0, 1)).toBeCloseTo(-1030.16, 2);
    expect(pmt(0.049 / 12, 12, 100000)).toBeCloseTo(-8556.1662, 4);
    expect(pmt(0, 12, 1200)).toBe(-100);
  });

  it('ipmt and ppmt', () => {
    expect(ipmt(0.1 / 12, 1, 36, 8000)).toBeCloseTo(-66.67, 2);
    expect(ipmt(0.1, 3, 3, 8000)).toBeCloseTo(-292.45, 2);
    expect(ppmt(0.1 / 12, 1, 24, 2000)).toBeCloseTo(-75.62, 2);
    expect(ppmt(0.08, 10, 10, 200000)).toBeCloseTo(-27598.05, 2);
    expect(ipmt(0.1, 1, 3, 8000, 0, 1)).toBe(0);
    // interest + principal = payment for every period
    for (let per = 1; per <= 12; per++) {
      expect(ipmt(0.01, per, 12, 5000) + ppmt(0.01, per, 12, 5000)).toBeCloseTo(pmt(0.01, 12, 5000), 9);
    }
  });

  it('fv, pv, nper', () => {
    expect(fv(0.06 / 12, 10, -200, -500, 1)).toBeCloseTo(2581.4, 2);
    expect(fv(0.12 / 12, 12, -1000)).toBeCloseTo(12682.5, 2);
    expect(pv(0.08 / 12, 12 * 20, 500)).toBeCloseTo(-59777.15, 2);
    expect(nper(0.12 / 12, -100, -1000, 10000, 1)).toBeCloseTo(59.6738657, 6);
    expect(nper(0, -100, 1000)).toBe(10);
  });

  it('npv discounts the first value one period', () => {
    expect(npv(0.1, [-10000, 3000, 4200, 6800])).toBeCloseTo(1188.44, 2);
  });

  it('irr, xirr, rate', () => {
    expect(irr([-70000, 12000, 15000, 18000, 21000, 26000])).toBeCloseTo(0.086631, 6);
    expect(irr([-70000, 12000, 15000, 18000, 21000])).toBeCloseTo(-0.021245, 6);
    expect(
      xirr(
        [-10000, 2750, 4250, 3250, 2750],
        ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'].map(d),
      ),
    ).toBeCloseTo(0.373362535, 8);
    expect(rate(4 * 12, -200, 8000)).toBeCloseTo(0.00770147, 8);
    expect(rate(12, -1000, 12000)).toBeCloseTo(0, 12);
  });

  it('fails clearly when no rate exists', () => {
    expect(() => irr([100, 200])).toThrow('#NUM!');
    expect(() => xirr([-100], [d('2024-01-01'), d('2024-02-01')])).toThrow('#NUM!');
  });
});
