import { describe, expect, it } from 'vitest';
import { createChart } from './chart.ts';
import { DEFAULT_ACCOUNTS, DEFAULT_CHART } from './default-chart.ts';
import type { JournalEntry } from './journal-entry.ts';
import { type LoanPosition, reconcile, reconcileLoans, summariseSubledger } from './reconcile.ts';

const position = (p: Partial<LoanPosition> & Pick<LoanPosition, 'loanId' | 'basis'>): LoanPosition => ({
  currency: 'CNY',
  principalMinor: 0,
  interestMinor: 0,
  feesMinor: 0,
  penaltiesMinor: 0,
  overpaymentMinor: 0,
  ...p,
});

describe('summariseSubledger', () => {
  it('sums on-book components per currency; cash-basis interest, fees and penalties are off-book', () => {
    expect(
      summariseSubledger([
        position({
          loanId: 'A',
          basis: 'accrual',
          principalMinor: 100,
          interestMinor: 10,
          feesMinor: 1,
          penaltiesMinor: 2,
        }),
        position({
          loanId: 'B',
          basis: 'cash',
          principalMinor: 50,
          interestMinor: 99,
          feesMinor: 9,
          penaltiesMinor: 9,
          overpaymentMinor: 5,
        }),
        position({ loanId: 'C', basis: 'accrual', currency: 'USD', principalMinor: 7 }),
      ]),
    ).toEqual([
      {
        currency: 'CNY',
        principalMinor: 150,
        interestMinor: 10,
        feesMinor: 1,
        penaltiesMinor: 2,
        overpaymentMinor: 5,
      },
      {
        currency: 'USD',
        principalMinor: 7,
        interestMinor: 0,
        feesMinor: 0,
        penaltiesMinor: 0,
        overpaymentMinor: 0,
      },
    ]);
  });
});

describe('reconcile', () => {
  const totals = [
    { account: '1303', currency: 'CNY', debitMinor: 1000, creditMinor: 850 },
    { account: '1132', currency: 'CNY', debitMinor: 10, creditMinor: 0 },
    { account: '2241', currency: 'CNY', debitMinor: 0, creditMinor: 5 },
    { account: '1002:x', currency: 'CNY', debitMinor: 5, creditMinor: 1000 },
  ];

  it('compares every component per currency and finds no difference when they agree', () => {
    const r = reconcile(
      [
        {
          currency: 'CNY',
          principalMinor: 150,
          interestMinor: 10,
          feesMinor: 0,
          penaltiesMinor: 0,
          overpaymentMinor: 5,
        },
      ],
      totals,
      DEFAULT_CHART,
    );
    expect(r.ok && r.value.lines.map((l) => [l.component, l.account, l.ledgerMinor])).toEqual([
      ['principal', '1303', 150],
      ['interest', '1132', 10],
      ['fees', '1133', 0],
      ['penalties', '1134', 0],
      ['overpayment', '2241', 5],
    ]);
    expect(r.ok && r.value.balanced).toBe(true);
  });

  it('reports a difference as ledger − sub-ledger, including a currency only one side has', () => {
    const r = reconcile(
      [
        {
          currency: 'CNY',
          principalMinor: 151,
          interestMinor: 10,
          feesMinor: 0,
          penaltiesMinor: 0,
          overpaymentMinor: 5,
        },
        {
          currency: 'USD',
          principalMinor: 3,
          interestMinor: 0,
          feesMinor: 0,
          penaltiesMinor: 0,
          overpaymentMinor: 0,
        },
      ],
      totals,
      DEFAULT_CHART,
    );
    expect(r.ok && r.value.differences).toEqual([
      {
        currency: 'CNY',
        component: 'principal',
        account: '1303',
        subledgerMinor: 151,
        ledgerMinor: 150,
        differenceMinor: -1,
      },
      {
        currency: 'USD',
        component: 'principal',
        account: '1303',
        subledgerMinor: 3,
        ledgerMinor: 0,
        differenceMinor: -3,
      },
    ]);
    expect(r.ok && r.value.balanced).toBe(false);
  });

  it('fails when the chart lacks a control account', () => {
    const chart = createChart(DEFAULT_ACCOUNTS.filter((a) => a.role !== 'overpayments'));
    if (!chart.ok) throw new Error('setup');
    const r = reconcile([], totals, chart.value);
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['ledger.missing_role']);
  });
});

describe('reconcileLoans', () => {
  const e = (id: string, loanId: string | undefined, account: string, amountMinor: number): JournalEntry => ({
    id,
    businessDate: '2025-01-01',
    valueDate: '2025-01-01',
    txnRef: id,
    txnType: 'test',
    ...(loanId === undefined ? {} : { loanId }),
    memo: '',
    lines: [
      { account, side: 'debit', amountMinor, currency: 'CNY' },
      { account: '1002:x', side: 'credit', amountMinor, currency: 'CNY' },
    ],
  });

  it('names the loans that disagree, and control lines without a loan id', () => {
    const entries = [e('1', 'A', '1303', 100), e('2', 'B', '1303', 40), e('3', undefined, '1132', 3)];
    const r = reconcileLoans(
      [
        position({ loanId: 'A', basis: 'accrual', principalMinor: 100 }),
        position({ loanId: 'B', basis: 'accrual', principalMinor: 50 }),
      ],
      entries,
      DEFAULT_CHART,
    );
    expect(
      r.ok && r.value.map((d) => [d.loanId, d.component, d.subledgerMinor, d.ledgerMinor, d.differenceMinor]),
    ).toEqual([
      ['', 'interest', 0, 3, 3],
      ['B', 'principal', 50, 40, -10],
    ]);
  });
});
