import { describe, expect, it } from 'vitest';
import { accountTotals } from './account-totals.ts';
import { DEFAULT_CHART } from './default-chart.ts';
import type { JournalEntry, JournalLine } from './journal-entry.ts';
import { trialBalance, trialBalanceOf } from './trial-balance.ts';

const line = (
  account: string,
  side: 'debit' | 'credit',
  amountMinor: number,
  currency = 'CNY',
): JournalLine => ({
  account,
  side,
  amountMinor,
  currency,
});
const entry = (
  id: string,
  businessDate: string,
  lines: JournalLine[],
  valueDate = businessDate,
): JournalEntry => ({
  id,
  businessDate,
  valueDate,
  txnRef: id,
  txnType: 'test',
  memo: '',
  lines,
});

const entries = [
  entry('a', '2025-01-01', [line('1002:icbc', 'debit', 1000), line('4001', 'credit', 1000)]),
  entry('b', '2025-01-02', [
    line('1303', 'debit', 600),
    line('1002:icbc', 'credit', 400),
    line('1002:alipay', 'credit', 200),
  ]),
  entry(
    'c',
    '2025-01-03',
    [line('1002:citi', 'debit', 50, 'USD'), line('4001', 'credit', 50, 'USD')],
    '2024-12-31',
  ),
];

describe('accountTotals', () => {
  it('sums debits and credits per account id and currency, sorted', () => {
    expect(accountTotals(entries)).toEqual([
      { account: '1002:alipay', currency: 'CNY', debitMinor: 0, creditMinor: 200 },
      { account: '1002:citi', currency: 'USD', debitMinor: 50, creditMinor: 0 },
      { account: '1002:icbc', currency: 'CNY', debitMinor: 1000, creditMinor: 400 },
      { account: '1303', currency: 'CNY', debitMinor: 600, creditMinor: 0 },
      { account: '4001', currency: 'CNY', debitMinor: 0, creditMinor: 1000 },
      { account: '4001', currency: 'USD', debitMinor: 0, creditMinor: 50 },
    ]);
  });

  it('filters by business date or value date, both ends inclusive', () => {
    expect(accountTotals(entries, { from: '2025-01-02', to: '2025-01-02' }).map((t) => t.account)).toEqual([
      '1002:alipay',
      '1002:icbc',
      '1303',
    ]);
    expect(
      accountTotals(entries, { to: '2024-12-31', dateField: 'valueDate' }).map((t) => t.currency),
    ).toEqual(['USD', 'USD']);
  });
});

describe('trialBalance', () => {
  it('lists every chart account in every currency, with totals per currency', () => {
    const tb = trialBalanceOf(entries, DEFAULT_CHART);
    if (!tb.ok) throw new Error('tb');
    // 17 accounts; 1002 appears as its sub-accounts (icbc, alipay in CNY; citi in USD).
    expect(tb.value.rows.filter((r) => r.currency === 'CNY')).toHaveLength(16 + 2);
    expect(tb.value.rows.filter((r) => r.currency === 'USD')).toHaveLength(16 + 1);
    expect(tb.value.totals).toEqual([
      { currency: 'CNY', debitMinor: 1600, creditMinor: 1600 },
      { currency: 'USD', debitMinor: 50, creditMinor: 50 },
    ]);
    expect(tb.value.balanced).toBe(true);
  });

  it('gives balances on the normal side with names and types', () => {
    const tb = trialBalanceOf(entries, DEFAULT_CHART, { includeZero: false });
    if (!tb.ok) throw new Error('tb');
    expect(tb.value.rows.find((r) => r.account === '1002:icbc' && r.currency === 'CNY')).toEqual({
      account: '1002:icbc',
      code: '1002',
      subAccount: 'icbc',
      name: { en: 'Cash and settlement at payment channels', zhCN: '支付渠道存款及清算款' },
      type: 'asset',
      normalSide: 'debit',
      currency: 'CNY',
      debitMinor: 1000,
      creditMinor: 400,
      balanceMinor: 600,
    });
    expect(tb.value.rows.find((r) => r.account === '1002:alipay')?.balanceMinor).toBe(-200);
    expect(tb.value.rows.find((r) => r.account === '4001' && r.currency === 'CNY')?.balanceMinor).toBe(1000);
    expect(tb.value.rows).toHaveLength(6);
  });

  it('rolls sub-accounts up into their account', () => {
    const tb = trialBalanceOf(entries, DEFAULT_CHART, { rollUp: true, includeZero: false });
    expect(tb.ok && tb.value.rows.map((r) => [r.account, r.currency, r.debitMinor, r.creditMinor])).toEqual([
      ['1002', 'CNY', 1000, 600],
      ['1002', 'USD', 50, 0],
      ['1303', 'CNY', 600, 0],
      ['4001', 'CNY', 0, 1000],
      ['4001', 'USD', 0, 50],
    ]);
  });

  it('lists zero rows for a requested currency without activity', () => {
    const tb = trialBalance([], DEFAULT_CHART, { currencies: ['HKD'] });
    expect(tb.ok && tb.value.rows.length).toBe(DEFAULT_CHART.accounts.length);
    expect(tb.ok && tb.value.totals).toEqual([{ currency: 'HKD', debitMinor: 0, creditMinor: 0 }]);
  });

  it('reports unbalanced totals instead of hiding them', () => {
    const tb = trialBalance(
      [{ account: '1303', currency: 'CNY', debitMinor: 5, creditMinor: 0 }],
      DEFAULT_CHART,
    );
    expect(tb.ok && tb.value.balanced).toBe(false);
  });

  it('rejects totals on an account outside the chart', () => {
    const tb = trialBalance(
      [{ account: '7777', currency: 'CNY', debitMinor: 5, creditMinor: 5 }],
      DEFAULT_CHART,
    );
    expect(!tb.ok && tb.errors.map((e) => e.code)).toEqual(['ledger.unknown_account']);
  });
});
