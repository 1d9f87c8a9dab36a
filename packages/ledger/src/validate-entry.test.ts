import { describe, expect, it } from 'vitest';
import { DEFAULT_CHART } from './default-chart.ts';
import type { JournalEntry, JournalLine } from './journal-entry.ts';
import { validateEntry } from './validate-entry.ts';

const base: JournalEntry = {
  id: 'je-1',
  businessDate: '2025-03-01',
  valueDate: '2025-03-01',
  txnRef: 'tx-1',
  txnType: 'disbursement',
  loanId: 'L1',
  memo: 'Loan disbursement',
  lines: [
    { account: '1303', side: 'debit', amountMinor: 1000, currency: 'CNY' },
    { account: '1002:alipay', side: 'credit', amountMinor: 1000, currency: 'CNY' },
  ],
};

const dr = (account: string, amountMinor: number, currency = 'CNY'): JournalLine => ({
  account,
  side: 'debit',
  amountMinor,
  currency,
});
const cr = (account: string, amountMinor: number, currency = 'CNY'): JournalLine => ({
  account,
  side: 'credit',
  amountMinor,
  currency,
});

function codes(entry: JournalEntry): string[] {
  const r = validateEntry(entry, DEFAULT_CHART);
  return r.ok ? [] : r.errors.map((e) => e.code);
}

describe('validateEntry', () => {
  it('accepts a balanced entry and returns it unchanged', () => {
    expect(validateEntry(base, DEFAULT_CHART)).toEqual({ ok: true, value: base });
  });

  it('accepts several currencies each balanced on its own', () => {
    const entry = {
      ...base,
      lines: [dr('1303', 5), cr('1002:icbc', 5), dr('1303', 7, 'USD'), cr('1002:citi', 7, 'USD')],
    };
    expect(codes(entry)).toEqual([]);
  });

  const table: readonly [string, Partial<JournalEntry>, readonly string[]][] = [
    ['one line', { lines: [dr('1303', 5)] }, ['ledger.too_few_lines', 'ledger.unbalanced']],
    ['no lines', { lines: [] }, ['ledger.too_few_lines']],
    ['debits ≠ credits', { lines: [dr('1303', 1000), cr('1002:alipay', 999)] }, ['ledger.unbalanced']],
    [
      'balanced in total but not per currency',
      { lines: [dr('1303', 5, 'CNY'), cr('1002:x', 5, 'USD')] },
      ['ledger.unbalanced', 'ledger.unbalanced'],
    ],
    ['unknown account', { lines: [dr('9999', 5), cr('1002:alipay', 5)] }, ['ledger.unknown_account']],
    [
      'zero amount',
      { lines: [dr('1303', 0), cr('1002:alipay', 0)] },
      ['ledger.non_positive_amount', 'ledger.non_positive_amount'],
    ],
    [
      'negative amount',
      { lines: [dr('1303', -5), cr('1002:alipay', 5)] },
      ['ledger.non_positive_amount', 'ledger.unbalanced'],
    ],
    [
      'fraction of a minor unit',
      { lines: [dr('1303', 0.5), cr('1002:alipay', 0.5)] },
      ['ledger.not_integer', 'ledger.not_integer'],
    ],
    [
      'NaN',
      { lines: [dr('1303', Number.NaN), cr('1002:alipay', 5)] },
      ['ledger.not_integer', 'ledger.unbalanced'],
    ],
    [
      'beyond safe integers',
      { lines: [dr('1303', 2 ** 53), cr('1002:alipay', 2 ** 53)] },
      ['ledger.not_integer', 'ledger.not_integer'],
    ],
    [
      'sum beyond safe integers',
      {
        lines: [
          dr('1303', 2 ** 52),
          dr('1303', 2 ** 52),
          cr('1002:alipay', 2 ** 52),
          cr('1002:alipay', 2 ** 52),
        ],
      },
      ['ledger.amount_overflow'],
    ],
    [
      'lower-case currency',
      { lines: [dr('1303', 5, 'cny'), cr('1002:a', 5, 'cny')] },
      ['ledger.invalid_currency', 'ledger.invalid_currency'],
    ],
    [
      'bad side',
      {
        lines: [
          { account: '1303', side: 'left' as 'debit', amountMinor: 5, currency: 'CNY' },
          cr('1002:a', 5),
        ],
      },
      ['ledger.invalid_side', 'ledger.unbalanced'],
    ],
    [
      'control account without sub-account',
      { lines: [dr('1303', 5), cr('1002', 5)] },
      ['ledger.missing_sub_account'],
    ],
    [
      'sub-account on a plain account',
      { lines: [dr('1303:x', 5), cr('1002:a', 5)] },
      ['ledger.unexpected_sub_account'],
    ],
    ['empty sub-account key', { lines: [dr('1303', 5), cr('1002:', 5)] }, ['ledger.invalid_sub_account']],
    [
      'sub-account key with a space',
      { lines: [dr('1303', 5), cr('1002:ali pay', 5)] },
      ['ledger.invalid_sub_account'],
    ],
    ['missing id', { id: '' }, ['ledger.missing_field']],
    ['missing transaction reference', { txnRef: ' ' }, ['ledger.missing_field']],
    ['impossible business date', { businessDate: '2025-02-29' }, ['ledger.invalid_date']],
    ['malformed value date', { valueDate: '2025/03/01' }, ['ledger.invalid_date']],
  ];
  for (const [name, patch, expected] of table) {
    it(`rejects ${name}`, () => {
      expect(codes({ ...base, ...patch })).toEqual(expected);
    });
  }

  it('names the offending line in the path', () => {
    const r = validateEntry({ ...base, lines: [dr('1303', 5), cr('4242', 5)] }, DEFAULT_CHART);
    expect(!r.ok && r.errors[0]).toMatchObject({ code: 'ledger.unknown_account', path: 'lines[1].account' });
  });
});
