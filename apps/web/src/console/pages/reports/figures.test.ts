import { describe, expect, it } from 'vitest';
import {
  allowanceGap,
  type ClassificationReport,
  categoryMix,
  type FlowsReport,
  flowSeries,
  headline,
  monthsEnding,
  type ParReport,
  productMix,
  shareOf,
  totals,
} from './figures.ts';
import { reportFileName } from './names.ts';

const bucket = (ratio: string) => ({ principal: '0.00', ratio, loans: 0 });
const par = (currency: string, principal: string): ParReport['currencies'][number] => ({
  currency,
  loans: 3,
  principal,
  par: { par1: bucket('0.1'), par30: bucket('0.05'), par60: bucket('0'), par90: bucket('0') },
  npl: { principal: '0.00', ratio: '0.0000' },
});

describe('headline', () => {
  it('leads with CNY, else the first currency, else nothing', () => {
    expect(headline({ date: 'd', currencies: [par('USD', '1.00'), par('CNY', '2.00')] })?.currency).toBe(
      'CNY',
    );
    expect(headline({ date: 'd', currencies: [par('USD', '1.00')] })?.currency).toBe('USD');
    expect(headline({ date: 'd', currencies: [] })).toBeUndefined();
  });
});

describe('shareOf', () => {
  it('divides decimal amounts exactly, rounding half up', () => {
    expect(shareOf('25.00', '200.00')).toBe('0.1250');
    expect(shareOf('1.00', '3.00')).toBe('0.3333');
    expect(shareOf('2.00', '3.00')).toBe('0.6667');
    // 1/8 = 0.125 → 0.13 at two places (half up).
    expect(shareOf('1', '8', 2)).toBe('0.13');
    expect(shareOf('5.00', '0.00')).toBe('0.0000');
    expect(shareOf('200.00', '200.00')).toBe('1.0000');
    expect(shareOf('-1.00', '4.00')).toBe('-0.2500');
  });
});

describe('flowSeries', () => {
  const report: FlowsReport = {
    from: '2026-01-01',
    to: '2026-03-31',
    period: 'month',
    rows: [
      {
        period: '2026-01',
        currency: 'CNY',
        disbursements: '12000.00',
        disbursementCount: 1,
        collections: '0.00',
        collectionCount: 0,
        recoveries: '0.00',
      },
      {
        period: '2026-03',
        currency: 'CNY',
        disbursements: '0.10',
        disbursementCount: 1,
        collections: '510.20',
        collectionCount: 3,
        recoveries: '0.00',
      },
      {
        period: '2026-03',
        currency: 'USD',
        disbursements: '99.00',
        disbursementCount: 1,
        collections: '0.00',
        collectionCount: 0,
        recoveries: '0.00',
      },
    ],
  };

  it('draws every period of the range, missing ones as 0, with exact totals of the currency', () => {
    const s = flowSeries(report, 'CNY', ['2026-01', '2026-02', '2026-03']);
    expect(s.periods).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(s.disbursements).toEqual([12000, 0, 0.1]);
    expect(s.collections).toEqual([0, 0, 510.2]);
    expect(s.totalDisbursed).toBe('12000.10');
    expect(s.totalCollected).toBe('510.20');
    expect(s.disbursementCount).toBe(2);
    expect(s.collectionCount).toBe(3);
  });

  it('uses the report’s own periods without a range', () => {
    expect(flowSeries(report, 'USD').periods).toEqual(['2026-03']);
  });
});

describe('monthsEnding', () => {
  it('gives the months up to the date’s, across a year end', () => {
    expect(monthsEnding('2026-03-02', 3)).toEqual({
      from: '2026-01-01',
      months: ['2026-01', '2026-02', '2026-03'],
    });
    const year = monthsEnding('2026-03-31', 12);
    expect(year.from).toBe('2025-04-01');
    expect(year.months).toHaveLength(12);
    expect(year.months.at(-1)).toBe('2026-03');
  });
});

describe('mixes', () => {
  it('shares principal among categories that have loans', () => {
    const report: ClassificationReport = {
      date: '2026-03-02',
      rows: [
        {
          currency: 'CNY',
          category: 'normal',
          loans: 3,
          principal: '300.00',
          exposure: '310.00',
          required: '4.65',
          held: '4.00',
        },
        {
          currency: 'CNY',
          category: 'special_mention',
          loans: 0,
          principal: '0.00',
          exposure: '0.00',
          required: '0.00',
          held: '0.00',
        },
        {
          currency: 'CNY',
          category: 'loss',
          loans: 1,
          principal: '100.00',
          exposure: '120.00',
          required: '120.00',
          held: '120.00',
        },
      ],
    };
    expect(categoryMix(report, 'CNY').map((s) => [s.key, s.share, s.value])).toEqual([
      ['normal', '0.7500', 300],
      ['loss', '0.2500', 100],
    ]);
  });

  it('orders products by principal, largest first', () => {
    const mix = productMix(
      {
        date: '2026-03-02',
        rows: [
          { code: 'AGRI6', name: 'Farm', currency: 'CNY', loans: 2, principal: '99.98', exposure: '100.00' },
          {
            code: 'MICRO12',
            name: 'Micro',
            currency: 'CNY',
            loans: 1,
            principal: '100.01',
            exposure: '101.00',
          },
        ],
      },
      'CNY',
    );
    expect(mix.map((s) => [s.key, s.share])).toEqual([
      ['MICRO12', '0.5001'],
      ['AGRI6', '0.4999'],
    ]);
  });
});

describe('allowanceGap and totals', () => {
  it('subtracts and adds amounts exactly', () => {
    expect(allowanceGap({ held: '100.00', required: '125.50' })).toBe('-25.50');
    expect(allowanceGap({ held: '0.30', required: '0.10' })).toBe('0.20');
    expect(
      totals(
        [
          { a: '1.10', b: '0.01' },
          { a: '2.00', b: '0.02' },
        ],
        ['a', 'b'],
      ),
    ).toEqual({ a: '3.10', b: '0.03' });
  });
});

describe('reportFileName', () => {
  const q = { from: '2025-04-01', to: '2026-03-02', period: 'month' as const };
  it('names the file after the report and its date or range', () => {
    expect(reportFileName('par', { ...q, date: '2026-03-01' }, 'xlsx', '2026-03-02')).toBe(
      'puhui-par-2026-03-01.xlsx',
    );
    expect(reportFileName('trial-balance', q, 'csv', '2026-03-02')).toBe(
      'puhui-trial-balance-2026-03-02.csv',
    );
    expect(reportFileName('flows', q, 'csv', '2026-03-02')).toBe(
      'puhui-flows-2025-04-01-to-2026-03-02-month.csv',
    );
    // Live reports carry the open date even when the page shows another date.
    expect(reportFileName('products', { ...q, date: '2026-01-01' }, 'xlsx', '2026-03-02')).toBe(
      'puhui-products-2026-03-02.xlsx',
    );
  });
});
