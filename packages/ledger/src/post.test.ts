import { describe, expect, it } from 'vitest';
import { createChart } from './chart.ts';
import { DEFAULT_ACCOUNTS, DEFAULT_CHART } from './default-chart.ts';
import type { JournalEntry } from './journal-entry.ts';
import { post } from './post.ts';
import type { Basis, LedgerTransaction } from './transaction.ts';

type Line = readonly ['Dr' | 'Cr', string, number];

const h = { id: 'je-1', txnRef: 'tx-1', businessDate: '2025-03-01', currency: 'CNY', loanId: 'L1' } as const;

function linesOf(txn: LedgerTransaction, basis: Basis): readonly Line[] | null {
  const r = post(txn, basis, DEFAULT_CHART);
  if (!r.ok) throw new Error(`post failed: ${JSON.stringify(r.errors)}`);
  if (r.value === null) return null;
  return r.value.lines.map((l) => [l.side === 'debit' ? 'Dr' : 'Cr', l.account, l.amountMinor] as const);
}

function codesOf(txn: LedgerTransaction, basis: Basis = 'accrual'): string[] {
  const r = post(txn, basis, DEFAULT_CHART);
  return r.ok ? [] : r.errors.map((e) => e.code);
}

interface Case {
  readonly name: string;
  readonly txn: LedgerTransaction;
  readonly cash: readonly Line[] | null;
  readonly accrual: readonly Line[] | null;
}

const cases: readonly Case[] = [
  {
    name: 'funding: capital paid in at a bank channel',
    txn: {
      ...h,
      type: 'funding',
      source: 'capital',
      to: { kind: 'channel', channel: 'icbc' },
      amountMinor: 10_000_000,
    },
    cash: [
      ['Dr', '1002:icbc', 10_000_000],
      ['Cr', '4001', 10_000_000],
    ],
    accrual: [
      ['Dr', '1002:icbc', 10_000_000],
      ['Cr', '4001', 10_000_000],
    ],
  },
  {
    name: 'funding: money borrowed',
    txn: {
      ...h,
      type: 'funding',
      source: 'borrowing',
      to: { kind: 'channel', channel: 'icbc' },
      amountMinor: 5_000_000,
    },
    cash: [
      ['Dr', '1002:icbc', 5_000_000],
      ['Cr', '2501', 5_000_000],
    ],
    accrual: [
      ['Dr', '1002:icbc', 5_000_000],
      ['Cr', '2501', 5_000_000],
    ],
  },
  {
    name: 'disbursement to the borrower through a channel',
    txn: { ...h, type: 'disbursement', to: { kind: 'channel', channel: 'alipay' }, amountMinor: 1_000_000 },
    cash: [
      ['Dr', '1303', 1_000_000],
      ['Cr', '1002:alipay', 1_000_000],
    ],
    accrual: [
      ['Dr', '1303', 1_000_000],
      ['Cr', '1002:alipay', 1_000_000],
    ],
  },
  {
    name: 'disbursement through a scenario partner',
    txn: { ...h, type: 'disbursement', to: { kind: 'partner', partner: 'jd' }, amountMinor: 300_000 },
    cash: [
      ['Dr', '1303', 300_000],
      ['Cr', '1221:jd', 300_000],
    ],
    accrual: [
      ['Dr', '1303', 300_000],
      ['Cr', '1221:jd', 300_000],
    ],
  },
  {
    name: 'disbursement by entrusted payment to a merchant',
    txn: { ...h, type: 'disbursement', to: { kind: 'merchant', merchant: 'seed-co' }, amountMinor: 800_000 },
    cash: [
      ['Dr', '1303', 800_000],
      ['Cr', '2202:seed-co', 800_000],
    ],
    accrual: [
      ['Dr', '1303', 800_000],
      ['Cr', '2202:seed-co', 800_000],
    ],
  },
  {
    name: 'payout of the entrusted payment to the merchant',
    txn: {
      ...h,
      type: 'merchant_payout',
      merchant: 'seed-co',
      from: { kind: 'channel', channel: 'icbc' },
      amountMinor: 800_000,
    },
    cash: [
      ['Dr', '2202:seed-co', 800_000],
      ['Cr', '1002:icbc', 800_000],
    ],
    accrual: [
      ['Dr', '2202:seed-co', 800_000],
      ['Cr', '1002:icbc', 800_000],
    ],
  },
  {
    // 9000 + 1000 + 200 + 50 + 30 = 10280 received
    name: 'repayment of every component with an overpayment',
    txn: {
      ...h,
      type: 'repayment',
      from: { kind: 'channel', channel: 'alipay' },
      principalMinor: 9000,
      interestMinor: 1000,
      feesMinor: 200,
      penaltiesMinor: 50,
      overpaymentMinor: 30,
    },
    cash: [
      ['Dr', '1002:alipay', 10_280],
      ['Cr', '1303', 9000],
      ['Cr', '6011', 1000],
      ['Cr', '6021', 200],
      ['Cr', '6012', 50],
      ['Cr', '2241', 30],
    ],
    accrual: [
      ['Dr', '1002:alipay', 10_280],
      ['Cr', '1303', 9000],
      ['Cr', '1132', 1000],
      ['Cr', '1133', 200],
      ['Cr', '1134', 50],
      ['Cr', '2241', 30],
    ],
  },
  {
    name: 'repayment of interest only, collected by a partner',
    txn: { ...h, type: 'repayment', from: { kind: 'partner', partner: 'jd' }, interestMinor: 4567 },
    cash: [
      ['Dr', '1221:jd', 4567],
      ['Cr', '6011', 4567],
    ],
    accrual: [
      ['Dr', '1221:jd', 4567],
      ['Cr', '1132', 4567],
    ],
  },
  {
    // 500 + 30 = 530 taken from the overpayment balance
    name: 'repayment applied from the overpayment balance',
    txn: { ...h, type: 'repayment', from: { kind: 'overpayment' }, principalMinor: 500, interestMinor: 30 },
    cash: [
      ['Dr', '2241', 530],
      ['Cr', '1303', 500],
      ['Cr', '6011', 30],
    ],
    accrual: [
      ['Dr', '2241', 530],
      ['Cr', '1303', 500],
      ['Cr', '1132', 30],
    ],
  },
  {
    name: 'interest accrual',
    txn: { ...h, type: 'interest_accrual', amountMinor: 123 },
    cash: null,
    accrual: [
      ['Dr', '1132', 123],
      ['Cr', '6011', 123],
    ],
  },
  {
    name: 'fee charge',
    txn: { ...h, type: 'fee_charge', amountMinor: 500 },
    cash: null,
    accrual: [
      ['Dr', '1133', 500],
      ['Cr', '6021', 500],
    ],
  },
  {
    name: 'penalty charge',
    txn: { ...h, type: 'penalty_charge', amountMinor: 77 },
    cash: null,
    accrual: [
      ['Dr', '1134', 77],
      ['Cr', '6012', 77],
    ],
  },
  {
    name: 'waiver of interest and penalties',
    txn: { ...h, type: 'waiver', interestMinor: 100, penaltiesMinor: 20 },
    cash: null,
    accrual: [
      ['Dr', '6011', 100],
      ['Dr', '6012', 20],
      ['Cr', '1132', 100],
      ['Cr', '1134', 20],
    ],
  },
  {
    name: 'waiver of principal and fees',
    txn: { ...h, type: 'waiver', principalMinor: 300, feesMinor: 50 },
    cash: [
      ['Dr', '6711', 300],
      ['Cr', '1303', 300],
    ],
    accrual: [
      ['Dr', '6711', 300],
      ['Dr', '6021', 50],
      ['Cr', '1303', 300],
      ['Cr', '1133', 50],
    ],
  },
  {
    // cash: only the 400000 principal is on the books, all covered by the allowance.
    // accrual: 400000 + 12000 + 3000 = 415000 on the books; 400000 from allowance, 15000 expense.
    name: 'write-off partly covered by the allowance',
    txn: {
      ...h,
      type: 'write_off',
      classification: 'loss',
      principalMinor: 400_000,
      interestMinor: 12_000,
      penaltiesMinor: 3000,
      fromAllowanceMinor: 400_000,
    },
    cash: [
      ['Dr', '1304:loss', 400_000],
      ['Cr', '1303', 400_000],
    ],
    accrual: [
      ['Dr', '1304:loss', 400_000],
      ['Dr', '6711', 15_000],
      ['Cr', '1303', 400_000],
      ['Cr', '1132', 12_000],
      ['Cr', '1134', 3000],
    ],
  },
  {
    name: 'write-off with no allowance held',
    txn: {
      ...h,
      type: 'write_off',
      classification: 'doubtful',
      principalMinor: 7000,
      feesMinor: 100,
      fromAllowanceMinor: 0,
    },
    cash: [
      ['Dr', '6711', 7000],
      ['Cr', '1303', 7000],
    ],
    accrual: [
      ['Dr', '6711', 7100],
      ['Cr', '1303', 7000],
      ['Cr', '1133', 100],
    ],
  },
  {
    name: 'recovery after write-off',
    txn: { ...h, type: 'recovery', from: { kind: 'channel', channel: 'wechat' }, amountMinor: 25_000 },
    cash: [
      ['Dr', '1002:wechat', 25_000],
      ['Cr', '6301', 25_000],
    ],
    accrual: [
      ['Dr', '1002:wechat', 25_000],
      ['Cr', '6301', 25_000],
    ],
  },
  {
    name: 'overpayment refund',
    txn: { ...h, type: 'overpayment_refund', to: { kind: 'channel', channel: 'alipay' }, amountMinor: 30 },
    cash: [
      ['Dr', '2241', 30],
      ['Cr', '1002:alipay', 30],
    ],
    accrual: [
      ['Dr', '2241', 30],
      ['Cr', '1002:alipay', 30],
    ],
  },
  {
    name: 'partner remits collections',
    txn: {
      ...h,
      type: 'partner_settlement',
      partner: 'jd',
      channel: 'icbc',
      direction: 'partner_to_lender',
      amountMinor: 99_000,
    },
    cash: [
      ['Dr', '1002:icbc', 99_000],
      ['Cr', '1221:jd', 99_000],
    ],
    accrual: [
      ['Dr', '1002:icbc', 99_000],
      ['Cr', '1221:jd', 99_000],
    ],
  },
  {
    name: 'lender funds the partner',
    txn: {
      ...h,
      type: 'partner_settlement',
      partner: 'jd',
      channel: 'icbc',
      direction: 'lender_to_partner',
      amountMinor: 300_000,
    },
    cash: [
      ['Dr', '1221:jd', 300_000],
      ['Cr', '1002:icbc', 300_000],
    ],
    accrual: [
      ['Dr', '1221:jd', 300_000],
      ['Cr', '1002:icbc', 300_000],
    ],
  },
  {
    // 2500 target − 1000 held = 1500 more allowance
    name: 'provision up to target',
    txn: {
      ...h,
      loanId: undefined,
      type: 'provision',
      classification: 'substandard',
      currentMinor: 1000,
      targetMinor: 2500,
    },
    cash: [
      ['Dr', '6702', 1500],
      ['Cr', '1304:substandard', 1500],
    ],
    accrual: [
      ['Dr', '6702', 1500],
      ['Cr', '1304:substandard', 1500],
    ],
  },
  {
    // 2500 held − 1000 target = 1500 released
    name: 'provision down to target',
    txn: { ...h, type: 'provision', classification: 'substandard', currentMinor: 2500, targetMinor: 1000 },
    cash: [
      ['Dr', '1304:substandard', 1500],
      ['Cr', '6702', 1500],
    ],
    accrual: [
      ['Dr', '1304:substandard', 1500],
      ['Cr', '6702', 1500],
    ],
  },
  {
    name: 'provision already at target',
    txn: { ...h, type: 'provision', classification: 'normal', currentMinor: 800, targetMinor: 800 },
    cash: null,
    accrual: null,
  },
];

describe('post: posting rules on both bases', () => {
  for (const c of cases) {
    it(`${c.name} (cash basis)`, () => {
      expect(linesOf(c.txn, 'cash')).toEqual(c.cash);
    });
    it(`${c.name} (accrual basis)`, () => {
      expect(linesOf(c.txn, 'accrual')).toEqual(c.accrual);
    });
  }
});

describe('post: entry header', () => {
  it('copies id, reference, dates, loan id and currency; defaults value date and memo', () => {
    const r = post({ ...h, type: 'fee_charge', amountMinor: 500 }, 'accrual', DEFAULT_CHART);
    expect(r.ok && r.value).toEqual({
      id: 'je-1',
      businessDate: '2025-03-01',
      valueDate: '2025-03-01',
      txnRef: 'tx-1',
      txnType: 'fee_charge',
      loanId: 'L1',
      memo: 'Fee charge',
      lines: [
        { account: '1133', side: 'debit', amountMinor: 500, currency: 'CNY' },
        { account: '6021', side: 'credit', amountMinor: 500, currency: 'CNY' },
      ],
    } satisfies JournalEntry);
  });

  it('keeps a given value date and memo, and omits an absent loan id', () => {
    const { loanId: _omit, ...noLoan } = h;
    const r = post(
      {
        ...noLoan,
        valueDate: '2025-02-27',
        memo: 'back-valued',
        type: 'recovery',
        from: { kind: 'channel', channel: 'icbc' },
        amountMinor: 5,
      },
      'cash',
      DEFAULT_CHART,
    );
    expect(r.ok).toBe(true);
    if (!r.ok || r.value === null) return;
    expect(r.value.valueDate).toBe('2025-02-27');
    expect(r.value.memo).toBe('back-valued');
    expect('loanId' in r.value).toBe(false);
  });

  it('posts a reversal as the mirror of the original on either basis', () => {
    const original = post({ ...h, type: 'interest_accrual', amountMinor: 123 }, 'accrual', DEFAULT_CHART);
    if (!original.ok || original.value === null) throw new Error('setup');
    for (const basis of ['cash', 'accrual'] as const) {
      const r = post(
        {
          id: 'je-2',
          txnRef: 'rev-1',
          businessDate: '2025-03-02',
          type: 'reversal',
          original: original.value,
        },
        basis,
        DEFAULT_CHART,
      );
      expect(r.ok && r.value).toMatchObject({
        id: 'je-2',
        txnRef: 'rev-1',
        txnType: 'reversal',
        reversesId: 'je-1',
        loanId: 'L1',
        lines: [
          { account: '1132', side: 'credit', amountMinor: 123, currency: 'CNY' },
          { account: '6011', side: 'debit', amountMinor: 123, currency: 'CNY' },
        ],
      });
    }
  });
});

describe('post: rejected transactions', () => {
  const channel = { kind: 'channel', channel: 'alipay' } as const;
  const table: readonly [string, LedgerTransaction, Basis, readonly string[]][] = [
    [
      'zero disbursement',
      { ...h, type: 'disbursement', to: channel, amountMinor: 0 },
      'accrual',
      ['ledger.non_positive_amount'],
    ],
    [
      'negative accrual',
      { ...h, type: 'interest_accrual', amountMinor: -5 },
      'accrual',
      ['ledger.non_positive_amount'],
    ],
    ['fractional amount', { ...h, type: 'fee_charge', amountMinor: 10.5 }, 'accrual', ['ledger.not_integer']],
    ['unsafe amount', { ...h, type: 'fee_charge', amountMinor: 2 ** 53 }, 'accrual', ['ledger.not_integer']],
    [
      'negative component',
      { ...h, type: 'repayment', from: channel, principalMinor: 100, interestMinor: -1 },
      'cash',
      ['ledger.negative_amount'],
    ],
    ['empty repayment', { ...h, type: 'repayment', from: channel }, 'cash', ['ledger.non_positive_amount']],
    ['empty waiver', { ...h, type: 'waiver', principalMinor: 0 }, 'accrual', ['ledger.non_positive_amount']],
    [
      'overpaying from the overpayment balance',
      { ...h, type: 'repayment', from: { kind: 'overpayment' }, principalMinor: 5, overpaymentMinor: 1 },
      'accrual',
      ['ledger.invalid_transaction'],
    ],
    [
      'allowance beyond the amount on the books (cash: principal only)',
      {
        ...h,
        type: 'write_off',
        classification: 'loss',
        principalMinor: 100,
        interestMinor: 50,
        fromAllowanceMinor: 120,
      },
      'cash',
      ['ledger.allowance_exceeds_amount'],
    ],
    [
      'bad currency',
      { ...h, currency: 'cny', type: 'fee_charge', amountMinor: 1 },
      'accrual',
      ['ledger.invalid_currency'],
    ],
    [
      'bad business date',
      { ...h, businessDate: '2025-02-30', type: 'fee_charge', amountMinor: 1 },
      'accrual',
      ['ledger.invalid_date'],
    ],
    [
      'bad value date',
      { ...h, valueDate: '25-03-01', type: 'fee_charge', amountMinor: 1 },
      'accrual',
      ['ledger.invalid_date'],
    ],
    ['empty id', { ...h, id: ' ', type: 'fee_charge', amountMinor: 1 }, 'accrual', ['ledger.missing_field']],
    [
      'empty reference',
      { ...h, txnRef: '', type: 'fee_charge', amountMinor: 1 },
      'accrual',
      ['ledger.missing_field'],
    ],
    [
      'channel key with a space',
      { ...h, type: 'disbursement', to: { kind: 'channel', channel: 'ali pay' }, amountMinor: 1 },
      'accrual',
      ['ledger.invalid_sub_account'],
    ],
    [
      'unknown type',
      { ...h, type: 'teleport', amountMinor: 1 } as unknown as LedgerTransaction,
      'accrual',
      ['ledger.unknown_transaction_type'],
    ],
  ];
  for (const [name, txn, basis, expected] of table) {
    it(name, () => {
      expect(codesOf(txn, basis)).toEqual(expected);
    });
  }

  it('rejects an unknown basis', () => {
    const r = post({ ...h, type: 'fee_charge', amountMinor: 1 }, 'hybrid' as Basis, DEFAULT_CHART);
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['ledger.invalid_basis']);
  });

  it('reports a role the chart lacks', () => {
    const chart = createChart(DEFAULT_ACCOUNTS.filter((a) => a.role !== 'penaltyReceivable'));
    if (!chart.ok) throw new Error('setup');
    const r = post({ ...h, type: 'penalty_charge', amountMinor: 1 }, 'accrual', chart.value);
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['ledger.missing_role']);
    // the same chart still serves cash basis, where penalties need no receivable
    const cash = post({ ...h, type: 'penalty_charge', amountMinor: 1 }, 'cash', chart.value);
    expect(cash).toEqual({ ok: true, value: null });
  });

  it('refuses to reverse an invalid entry', () => {
    const broken: JournalEntry = {
      id: 'x',
      businessDate: '2025-03-01',
      valueDate: '2025-03-01',
      txnRef: 'x',
      txnType: 'manual',
      memo: '',
      lines: [{ account: '1303', side: 'debit', amountMinor: 5, currency: 'CNY' }],
    };
    const r = post(
      { id: 'r', txnRef: 'r', businessDate: '2025-03-02', type: 'reversal', original: broken },
      'cash',
      DEFAULT_CHART,
    );
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['ledger.too_few_lines', 'ledger.unbalanced']);
  });
});
