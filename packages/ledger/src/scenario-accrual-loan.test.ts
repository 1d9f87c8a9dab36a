// Reference scenario: one accrual-basis loan of CNY 10,000.00 from funding to first provisioning.
//
//  date        transaction                                              amount (fen)
//  2025-01-01  capital paid in at ICBC                                  100,000,000
//  2025-01-02  disbursement to the borrower from ICBC                     1,000,000
//  2025-01-31  interest accrual: 1,000,000 × 12% × 30/365 = 9,863.01 →        9,863
//  2025-02-01  repayment via Alipay: principal 80,000 + interest 9,863       89,863
//  2025-02-15  late fee 2,000; penalty 150                                 2,000 / 150
//  2025-02-20  repayment via Alipay: fees 2,000 + penalties 150
//              + principal 27,850 = 30,000                                   30,000
//  2025-02-28  provision "normal": 1% × 892,150 = 8,921.5 → 8,921 (floor)        8,921
//  2025-03-05  repayment of 500 principal via WeChat posted by mistake ...        500
//  2025-03-06  ... and reversed                                                   500
//
//  Σ debits = Σ credits = 100,000,000 + 1,000,000 + 9,863 + 89,863 + 2,000 + 150 + 30,000
//                         + 8,921 + 500 + 500 = 101,141,797
//  Principal outstanding = 1,000,000 − 80,000 − 27,850 = 892,150
//  Alipay = 89,863 + 30,000 = 119,863; ICBC = 100,000,000 − 1,000,000 = 99,000,000
//  Check: assets 99,000,000 + 119,863 + 892,150 − allowance 8,921 = 100,003,092
//       = capital 100,000,000 + income (9,863 + 2,000 + 150) − expense 8,921.
import { describe, expect, it } from 'vitest';
import { accountStatement, balanceAt } from './account-statement.ts';
import { accountTotals } from './account-totals.ts';
import { DEFAULT_CHART } from './default-chart.ts';
import type { JournalEntry } from './journal-entry.ts';
import { post } from './post.ts';
import { reconcile, reconcileLoans, summariseSubledger } from './reconcile.ts';
import type { LedgerTransaction } from './transaction.ts';
import { trialBalanceOf } from './trial-balance.ts';

const entries: JournalEntry[] = [];
let n = 0;
type Unbooked = LedgerTransaction extends infer T
  ? T extends LedgerTransaction
    ? Omit<T, 'id' | 'txnRef'>
    : never
  : never;
function book(txn: Unbooked): JournalEntry {
  n += 1;
  const r = post({ id: `je-${n}`, txnRef: `tx-${n}`, ...txn }, 'accrual', DEFAULT_CHART);
  if (!r.ok || r.value === null) throw new Error(`cannot post ${txn.type}: ${JSON.stringify(r)}`);
  entries.push(r.value);
  return r.value;
}
const cny = { currency: 'CNY', loanId: 'L1' } as const;
const alipay = { kind: 'channel', channel: 'alipay' } as const;

book({
  ...cny,
  loanId: undefined,
  type: 'funding',
  businessDate: '2025-01-01',
  source: 'capital',
  to: { kind: 'channel', channel: 'icbc' },
  amountMinor: 100_000_000,
});
book({
  ...cny,
  type: 'disbursement',
  businessDate: '2025-01-02',
  to: { kind: 'channel', channel: 'icbc' },
  amountMinor: 1_000_000,
});
book({ ...cny, type: 'interest_accrual', businessDate: '2025-01-31', amountMinor: 9863 });
book({
  ...cny,
  type: 'repayment',
  businessDate: '2025-02-01',
  from: alipay,
  principalMinor: 80_000,
  interestMinor: 9863,
});
book({ ...cny, type: 'fee_charge', businessDate: '2025-02-15', amountMinor: 2000 });
book({ ...cny, type: 'penalty_charge', businessDate: '2025-02-15', amountMinor: 150 });
book({
  ...cny,
  type: 'repayment',
  businessDate: '2025-02-20',
  from: alipay,
  feesMinor: 2000,
  penaltiesMinor: 150,
  principalMinor: 27_850,
});
book({
  currency: 'CNY',
  type: 'provision',
  businessDate: '2025-02-28',
  classification: 'normal',
  currentMinor: 0,
  targetMinor: 8921,
});
const mistake = book({
  ...cny,
  type: 'repayment',
  businessDate: '2025-03-05',
  from: { kind: 'channel', channel: 'wechat' },
  principalMinor: 500,
});
book({ type: 'reversal', businessDate: '2025-03-06', original: mistake });

describe('scenario: accrual-basis loan', () => {
  it('trial balance has the expected balances and equal totals', () => {
    const tb = trialBalanceOf(entries, DEFAULT_CHART);
    if (!tb.ok) throw new Error('tb');
    const balances = Object.fromEntries(
      tb.value.rows.filter((r) => r.debitMinor + r.creditMinor > 0).map((r) => [r.account, r.balanceMinor]),
    );
    expect(balances).toEqual({
      '1002:alipay': 119_863,
      '1002:icbc': 99_000_000,
      '1002:wechat': 0,
      '1132': 0,
      '1133': 0,
      '1134': 0,
      '1303': 892_150,
      '1304:normal': 8921,
      '4001': 100_000_000,
      '6011': 9863,
      '6012': 150,
      '6021': 2000,
      '6702': 8921,
    });
    expect(tb.value.totals).toEqual([{ currency: 'CNY', debitMinor: 101_141_797, creditMinor: 101_141_797 }]);
    expect(tb.value.balanced).toBe(true);
  });

  it('principal statement for February runs from 1,000,000 to 892,150', () => {
    const s = accountStatement(entries, { account: '1303', currency: 'CNY' }, DEFAULT_CHART, {
      from: '2025-02-01',
      to: '2025-02-28',
    });
    expect(s.ok && s.value.openingBalanceMinor).toBe(1_000_000);
    expect(s.ok && s.value.lines.map((l) => [l.businessDate, l.side, l.amountMinor, l.balanceMinor])).toEqual(
      [
        ['2025-02-01', 'credit', 80_000, 920_000],
        ['2025-02-20', 'credit', 27_850, 892_150],
      ],
    );
    expect(s.ok && s.value.closingBalanceMinor).toBe(892_150);
  });

  it('the mistaken repayment nets to zero across its two days', () => {
    expect(balanceAt(entries, { account: '1303', currency: 'CNY' }, '2025-03-05', DEFAULT_CHART)).toEqual({
      ok: true,
      value: 891_650,
    });
    expect(balanceAt(entries, { account: '1303', currency: 'CNY' }, '2025-03-06', DEFAULT_CHART)).toEqual({
      ok: true,
      value: 892_150,
    });
  });

  it('the loan sub-ledger reconciles with the control accounts, in total and per loan', () => {
    const positions = [
      {
        loanId: 'L1',
        currency: 'CNY',
        basis: 'accrual',
        principalMinor: 892_150,
        interestMinor: 0,
        feesMinor: 0,
        penaltiesMinor: 0,
        overpaymentMinor: 0,
      },
    ] as const;
    const r = reconcile(summariseSubledger(positions), accountTotals(entries), DEFAULT_CHART);
    expect(r.ok && r.value.balanced).toBe(true);
    expect(reconcileLoans(positions, entries, DEFAULT_CHART)).toEqual({ ok: true, value: [] });
  });

  it('a sub-ledger one fen short is caught, with the loan named', () => {
    const positions = [
      {
        loanId: 'L1',
        currency: 'CNY',
        basis: 'accrual',
        principalMinor: 892_149,
        interestMinor: 0,
        feesMinor: 0,
        penaltiesMinor: 0,
        overpaymentMinor: 0,
      },
    ] as const;
    const r = reconcile(summariseSubledger(positions), accountTotals(entries), DEFAULT_CHART);
    expect(r.ok && r.value.differences).toEqual([
      {
        currency: 'CNY',
        component: 'principal',
        account: '1303',
        subledgerMinor: 892_149,
        ledgerMinor: 892_150,
        differenceMinor: 1,
      },
    ]);
    const byLoan = reconcileLoans(positions, entries, DEFAULT_CHART);
    expect(byLoan.ok && byLoan.value.map((d) => [d.loanId, d.component, d.differenceMinor])).toEqual([
      ['L1', 'principal', 1],
    ]);
  });
});
