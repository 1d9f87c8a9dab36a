// Reference scenario: a cash-basis loan paid to a merchant by entrusted payment, collected
// through a scenario partner, provisioned, written off and partly recovered.
//
//  date        transaction                                                 amount (fen)
//  2025-01-01  funding borrowed, at ICBC                                      5,000,000
//  2025-01-05  disbursement by entrusted payment to merchant farm-supply        600,000
//  2025-01-06  payout to farm-supply from ICBC                                  600,000
//  2025-02-05  repayment collected by partner agri-mall:
//              principal 100,000 + interest 6,000 + fees 1,000 = 107,000          107,000
//  2025-02-10  agri-mall remits 107,000 to ICBC                                 107,000
//  2025-02-28  provision substandard: 25% × 500,000 = 125,000                   125,000
//  2025-05-31  provision loss: 100% × 500,000 = 500,000 (0 → 500,000)           500,000
//  2025-05-31  provision substandard released (125,000 → 0)                     125,000
//  2025-06-01  write-off: principal 500,000 (interest 15,000 is off-book under
//              cash basis), all 500,000 from the loss allowance                 500,000
//  2025-07-01  recovery via WeChat                                               80,000
//
//  ICBC = 5,000,000 − 600,000 + 107,000 = 4,507,000; principal = 600,000 − 100,000 − 500,000 = 0
//  Provision expense = 125,000 + 500,000 − 125,000 = 500,000
//  Check: assets 4,507,000 + 80,000 = 4,587,000
//       = borrowing 5,000,000 + income (6,000 + 1,000 + 80,000) − expense 500,000.
import { describe, expect, it } from 'vitest';
import { accountStatement } from './account-statement.ts';
import { accountTotals } from './account-totals.ts';
import { DEFAULT_CHART } from './default-chart.ts';
import type { JournalEntry } from './journal-entry.ts';
import { post } from './post.ts';
import { reconcile, summariseSubledger } from './reconcile.ts';
import type { LedgerTransaction } from './transaction.ts';
import { trialBalanceOf } from './trial-balance.ts';

const entries: JournalEntry[] = [];
let n = 0;
type Unbooked = LedgerTransaction extends infer T
  ? T extends LedgerTransaction
    ? Omit<T, 'id' | 'txnRef'>
    : never
  : never;
function book(txn: Unbooked): void {
  n += 1;
  const r = post({ id: `je-${n}`, txnRef: `tx-${n}`, ...txn }, 'cash', DEFAULT_CHART);
  if (!r.ok || r.value === null) throw new Error(`cannot post ${txn.type}: ${JSON.stringify(r)}`);
  entries.push(r.value);
}
const cny = { currency: 'CNY', loanId: 'L2' } as const;
const icbc = { kind: 'channel', channel: 'icbc' } as const;

book({
  currency: 'CNY',
  type: 'funding',
  businessDate: '2025-01-01',
  source: 'borrowing',
  to: icbc,
  amountMinor: 5_000_000,
});
book({
  ...cny,
  type: 'disbursement',
  businessDate: '2025-01-05',
  to: { kind: 'merchant', merchant: 'farm-supply' },
  amountMinor: 600_000,
});
book({
  ...cny,
  type: 'merchant_payout',
  businessDate: '2025-01-06',
  merchant: 'farm-supply',
  from: icbc,
  amountMinor: 600_000,
});
book({
  ...cny,
  type: 'repayment',
  businessDate: '2025-02-05',
  from: { kind: 'partner', partner: 'agri-mall' },
  principalMinor: 100_000,
  interestMinor: 6000,
  feesMinor: 1000,
});
book({
  currency: 'CNY',
  type: 'partner_settlement',
  businessDate: '2025-02-10',
  partner: 'agri-mall',
  channel: 'icbc',
  direction: 'partner_to_lender',
  amountMinor: 107_000,
});
book({
  currency: 'CNY',
  type: 'provision',
  businessDate: '2025-02-28',
  classification: 'substandard',
  currentMinor: 0,
  targetMinor: 125_000,
});
book({
  currency: 'CNY',
  type: 'provision',
  businessDate: '2025-05-31',
  classification: 'loss',
  currentMinor: 0,
  targetMinor: 500_000,
});
book({
  currency: 'CNY',
  type: 'provision',
  businessDate: '2025-05-31',
  classification: 'substandard',
  currentMinor: 125_000,
  targetMinor: 0,
});
book({
  ...cny,
  type: 'write_off',
  businessDate: '2025-06-01',
  classification: 'loss',
  principalMinor: 500_000,
  interestMinor: 15_000,
  fromAllowanceMinor: 500_000,
});
book({
  ...cny,
  type: 'recovery',
  businessDate: '2025-07-01',
  from: { kind: 'channel', channel: 'wechat' },
  amountMinor: 80_000,
});

describe('scenario: cash-basis entrusted loan, written off and recovered', () => {
  it('ends with the expected balances (rolled up to accounts)', () => {
    const tb = trialBalanceOf(entries, DEFAULT_CHART, { rollUp: true });
    if (!tb.ok) throw new Error('tb');
    const balances = Object.fromEntries(tb.value.rows.map((r) => [r.account, r.balanceMinor]));
    expect(balances).toEqual({
      '1002': 4_587_000,
      '1132': 0,
      '1133': 0,
      '1134': 0,
      '1221': 0,
      '1303': 0,
      '1304': 0,
      '2202': 0,
      '2241': 0,
      '2501': 5_000_000,
      '4001': 0,
      '6011': 6000,
      '6012': 0,
      '6021': 1000,
      '6301': 80_000,
      '6702': 500_000,
      '6711': 0,
    });
    expect(tb.value.balanced).toBe(true);
  });

  it('the allowance statement across classifications runs 125,000 → 625,000 → 500,000 → 0', () => {
    const s = accountStatement(entries, { account: '1304', currency: 'CNY' }, DEFAULT_CHART);
    expect(s.ok && s.value.lines.map((l) => [l.account, l.balanceMinor])).toEqual([
      ['1304:substandard', 125_000],
      ['1304:loss', 625_000],
      ['1304:substandard', 500_000],
      ['1304:loss', 0],
    ]);
  });

  it('no receivable was ever booked for interest or fees under cash basis', () => {
    expect(entries.some((e) => e.lines.some((l) => ['1132', '1133', '1134'].includes(l.account)))).toBe(
      false,
    );
  });

  it('reconciles: a written-off loan has nothing on the books, its unpaid interest is off-book', () => {
    const positions = [
      {
        loanId: 'L2',
        currency: 'CNY',
        basis: 'cash',
        principalMinor: 0,
        interestMinor: 15_000,
        feesMinor: 0,
        penaltiesMinor: 0,
        overpaymentMinor: 0,
      },
    ] as const;
    const r = reconcile(summariseSubledger(positions), accountTotals(entries), DEFAULT_CHART);
    expect(r.ok && r.value.balanced).toBe(true);
  });
});
