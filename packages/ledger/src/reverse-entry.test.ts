import { describe, expect, it } from 'vitest';
import type { JournalEntry } from './journal-entry.ts';
import { reverseEntry } from './reverse-entry.ts';

const original: JournalEntry = Object.freeze({
  id: 'je-7',
  businessDate: '2025-03-01',
  valueDate: '2025-02-28',
  txnRef: 'rp-7',
  txnType: 'repayment',
  loanId: 'L9',
  memo: 'Repayment',
  lines: Object.freeze([
    { account: '1002:alipay', side: 'debit', amountMinor: 1100, currency: 'CNY' },
    { account: '1303', side: 'credit', amountMinor: 1000, currency: 'CNY' },
    { account: '1132', side: 'credit', amountMinor: 100, currency: 'CNY' },
  ] as const),
});

describe('reverseEntry', () => {
  it('swaps every side and links to the original', () => {
    expect(reverseEntry(original, { id: 'je-8', businessDate: '2025-03-05' })).toEqual({
      id: 'je-8',
      businessDate: '2025-03-05',
      valueDate: '2025-03-05',
      txnRef: 'rp-7',
      txnType: 'reversal',
      loanId: 'L9',
      memo: 'Reversal of je-7',
      reversesId: 'je-7',
      lines: [
        { account: '1002:alipay', side: 'credit', amountMinor: 1100, currency: 'CNY' },
        { account: '1303', side: 'debit', amountMinor: 1000, currency: 'CNY' },
        { account: '1132', side: 'debit', amountMinor: 100, currency: 'CNY' },
      ],
    });
  });

  it('takes a back value date, a reference and a memo', () => {
    const r = reverseEntry(original, {
      id: 'je-8',
      businessDate: '2025-03-05',
      valueDate: original.valueDate,
      txnRef: 'fix-1',
      memo: 'wrong channel',
    });
    expect([r.valueDate, r.txnRef, r.memo]).toEqual(['2025-02-28', 'fix-1', 'wrong channel']);
  });

  it('leaves the original untouched (it is frozen, and equal afterwards)', () => {
    const before = JSON.stringify(original);
    reverseEntry(original, { id: 'je-8', businessDate: '2025-03-05' });
    expect(JSON.stringify(original)).toBe(before);
  });
});
