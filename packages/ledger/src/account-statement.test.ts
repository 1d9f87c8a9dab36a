import { describe, expect, it } from 'vitest';
import { accountStatement, balanceAt } from './account-statement.ts';
import { DEFAULT_CHART } from './default-chart.ts';
import type { JournalEntry, JournalLine } from './journal-entry.ts';

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
  txnRef: `ref-${id}`,
  txnType: 'test',
  loanId: 'L1',
  memo: `memo ${id}`,
  lines,
});

// Given out of date order on purpose: statements sort by date, keeping input order within a day.
const entries = [
  entry('d3', '2025-01-03', [line('1002:icbc', 'debit', 30), line('6011', 'credit', 30)]),
  entry('d1', '2025-01-01', [line('1002:icbc', 'debit', 1000), line('4001', 'credit', 1000)]),
  entry('d2a', '2025-01-02', [line('1303', 'debit', 300), line('1002:icbc', 'credit', 300)]),
  entry('d2b', '2025-01-02', [line('1303', 'debit', 200), line('1002:alipay', 'credit', 200)], '2024-12-30'),
  entry('usd', '2025-01-02', [line('1002:icbc', 'debit', 7, 'USD'), line('4001', 'credit', 7, 'USD')]),
];

describe('accountStatement', () => {
  it('gives opening balance, lines with running balance and closing balance', () => {
    const s = accountStatement(entries, { account: '1002:icbc', currency: 'CNY' }, DEFAULT_CHART, {
      from: '2025-01-02',
      to: '2025-01-03',
    });
    expect(s).toEqual({
      ok: true,
      value: {
        account: '1002:icbc',
        currency: 'CNY',
        normalSide: 'debit',
        from: '2025-01-02',
        to: '2025-01-03',
        openingBalanceMinor: 1000,
        debitMinor: 30,
        creditMinor: 300,
        closingBalanceMinor: 730,
        lines: [
          {
            entryId: 'd2a',
            businessDate: '2025-01-02',
            valueDate: '2025-01-02',
            txnRef: 'ref-d2a',
            txnType: 'test',
            loanId: 'L1',
            memo: 'memo d2a',
            account: '1002:icbc',
            side: 'credit',
            amountMinor: 300,
            balanceMinor: 700,
          },
          {
            entryId: 'd3',
            businessDate: '2025-01-03',
            valueDate: '2025-01-03',
            txnRef: 'ref-d3',
            txnType: 'test',
            loanId: 'L1',
            memo: 'memo d3',
            account: '1002:icbc',
            side: 'debit',
            amountMinor: 30,
            balanceMinor: 730,
          },
        ],
      },
    });
  });

  it('covers every sub-account when given the bare code', () => {
    const s = accountStatement(entries, { account: '1002', currency: 'CNY' }, DEFAULT_CHART);
    expect(s.ok && s.value.lines.map((l) => [l.entryId, l.account, l.balanceMinor])).toEqual([
      ['d1', '1002:icbc', 1000],
      ['d2a', '1002:icbc', 700],
      ['d2b', '1002:alipay', 500],
      ['d3', '1002:icbc', 530],
    ]);
  });

  it('shows credit-normal accounts as positive balances', () => {
    const s = accountStatement(entries, { account: '4001', currency: 'CNY' }, DEFAULT_CHART);
    expect(s.ok && s.value.closingBalanceMinor).toBe(1000);
  });

  it('orders and filters by value date when asked', () => {
    const s = accountStatement(
      entries,
      { account: '1303', currency: 'CNY', dateField: 'valueDate' },
      DEFAULT_CHART,
      {
        to: '2024-12-31',
      },
    );
    expect(s.ok && s.value.lines.map((l) => l.entryId)).toEqual(['d2b']);
  });

  it('keeps currencies apart', () => {
    const s = accountStatement(entries, { account: '1002', currency: 'USD' }, DEFAULT_CHART);
    expect(s.ok && [s.value.lines.length, s.value.closingBalanceMinor]).toEqual([1, 7]);
  });

  it('rejects an account outside the chart', () => {
    const s = accountStatement(entries, { account: '9999', currency: 'CNY' }, DEFAULT_CHART);
    expect(!s.ok && s.errors.map((e) => e.code)).toEqual(['ledger.unknown_account']);
  });
});

describe('balanceAt', () => {
  const at = (account: string, date: string) =>
    balanceAt(entries, { account, currency: 'CNY' }, date, DEFAULT_CHART);
  it('counts entries up to and including the date', () => {
    expect(at('1002', '2024-12-31')).toEqual({ ok: true, value: 0 });
    expect(at('1002', '2025-01-01')).toEqual({ ok: true, value: 1000 });
    expect(at('1002', '2025-01-02')).toEqual({ ok: true, value: 500 });
    expect(at('1002:alipay', '2025-01-02')).toEqual({ ok: true, value: -200 });
    expect(at('6011', '2025-12-31')).toEqual({ ok: true, value: 30 });
  });
  it('agrees with the statement closing balance', () => {
    const s = accountStatement(entries, { account: '1002', currency: 'CNY' }, DEFAULT_CHART, {
      to: '2025-01-02',
    });
    expect(s.ok && s.value.closingBalanceMinor).toBe(500);
  });
});
