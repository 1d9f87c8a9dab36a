import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../../../shared/permissions.ts';
import {
  ACTION_RULES,
  activeProducts,
  availableActions,
  canReverse,
  type JournalEntry,
  LOAN_STATUSES,
  type LoanDetail,
  type LoanProduct,
  ledgerLines,
  loanQuery,
  productTerms,
  scheduleRows,
} from './loans.ts';

const holding =
  (...granted: Permission[]) =>
  (p: Permission) =>
    granted.includes(p);
const everything = () => true;

describe('availableActions', () => {
  it('offers each status its actions, for a user holding every permission', () => {
    expect(availableActions('submitted', everything)).toEqual(['approve', 'reject', 'withdraw']);
    expect(availableActions('approved', everything)).toEqual(['withdraw', 'disburse']);
    expect(availableActions('active', everything)).toEqual([
      'repay',
      'payoff',
      'charge',
      'waive',
      'classify',
      'writeOff',
    ]);
    expect(availableActions('written_off', everything)).toEqual(['recover']);
    expect(availableActions('closed', everything)).toEqual(['repay']);
    for (const s of ['rejected', 'withdrawn'] as const) expect(availableActions(s, everything)).toEqual([]);
  });

  it('follows the role matrix: officers transact, operations also write off, others only read', () => {
    const officer = holding('loans:read', 'loans:write', 'loans:transact');
    const ops = holding('loans:read', 'loans:transact', 'loans:write_off');
    const auditor = holding('loans:read');
    expect(availableActions('submitted', officer)).toEqual(['approve', 'reject', 'withdraw']);
    expect(availableActions('submitted', ops)).toEqual([]);
    expect(availableActions('approved', ops)).toEqual(['disburse']);
    expect(availableActions('active', officer)).not.toContain('writeOff');
    expect(availableActions('active', officer)).not.toContain('classify');
    expect(availableActions('active', ops)).toContain('writeOff');
    for (const s of LOAN_STATUSES) expect(availableActions(s, auditor)).toEqual([]);
  });

  it('names only permissions that exist', () => {
    for (const rule of Object.values(ACTION_RULES)) expect(PERMISSIONS).toContain(rule.permission);
  });
});

describe('canReverse', () => {
  it('allows reversing a live transaction once, never a reversal, and only on a serviced loan', () => {
    const repayment = { type: 'repayment', reversedBy: null };
    expect(canReverse(repayment, 'active', everything)).toBe(true);
    expect(canReverse(repayment, 'written_off', everything)).toBe(true);
    expect(canReverse({ type: 'repayment', reversedBy: 'ltx_9' }, 'active', everything)).toBe(false);
    expect(canReverse({ type: 'reversal', reversedBy: null }, 'active', everything)).toBe(false);
    expect(canReverse(repayment, 'approved', everything)).toBe(false);
    expect(canReverse(repayment, 'active', holding('loans:read'))).toBe(false);
  });
});

describe('scheduleRows', () => {
  const parts = (principal: number, interest: number, fee = 0, penalty = 0) => ({
    principal,
    interest,
    fee,
    penalty,
  });
  const installments: LoanDetail['installments'] = [
    {
      n: 1,
      dueDate: '2026-02-01',
      dueMinor: parts(80_000, 10_000),
      paidMinor: parts(80_000, 10_000),
      outstandingMinor: 0,
    },
    {
      n: 2,
      dueDate: '2026-03-01',
      dueMinor: parts(81_000, 9_000, 0, 150),
      paidMinor: parts(0, 5_000),
      outstandingMinor: 85_150,
    },
    {
      n: 3,
      dueDate: '2026-04-01',
      dueMinor: parts(82_000, 8_000, 500),
      paidMinor: parts(0, 0),
      outstandingMinor: 90_500,
    },
  ];

  it('writes amounts as decimal strings and totals each instalment', () => {
    const [first, second] = scheduleRows(installments, 'CNY', '2026-03-02');
    expect(first).toMatchObject({
      principal: '800.00',
      interest: '100.00',
      due: '900.00',
      paid: '900.00',
      outstanding: '0.00',
    });
    expect(second).toMatchObject({ penalty: '1.50', due: '901.50', paid: '50.00', outstanding: '851.50' });
  });

  it('marks paid, overdue and open instalments against the business date', () => {
    expect(scheduleRows(installments, 'CNY', '2026-03-02').map((r) => r.state)).toEqual([
      'paid',
      'overdue',
      'open',
    ]);
    // Due today is not overdue yet; without a business date nothing is marked overdue.
    expect(scheduleRows(installments, 'CNY', '2026-03-01').map((r) => r.state)).toEqual([
      'paid',
      'open',
      'open',
    ]);
    expect(scheduleRows(installments, 'CNY').map((r) => r.state)).toEqual(['paid', 'open', 'open']);
  });
});

describe('ledgerLines', () => {
  it('puts each line’s amount on its side and marks each entry’s first line', () => {
    const entries: JournalEntry[] = [
      {
        id: 'je_1',
        businessDate: '2026-03-02',
        valueDate: '2026-03-02',
        txnRef: 'ltx_1',
        txnType: 'disbursement',
        memo: 'Disbursement',
        lines: [
          { account: '1301', side: 'debit', amountMinor: 1_000_000, currency: 'CNY' },
          { account: '1002:alipay', side: 'credit', amountMinor: 1_000_000, currency: 'CNY' },
        ],
      },
      {
        id: 'je_2',
        businessDate: '2026-03-03',
        valueDate: '2026-03-02',
        txnRef: 'ltx_2',
        txnType: 'reversal',
        memo: 'Reversal',
        reversesId: 'je_1',
        lines: [{ account: '1301', side: 'credit', amountMinor: 5, currency: 'CNY' }],
      },
    ];
    const lines = ledgerLines(entries);
    expect(lines.map((l) => [l.entryId, l.first, l.lines, l.account, l.debit, l.credit])).toEqual([
      ['je_1', true, 2, '1301', '10000.00', ''],
      ['je_1', false, 2, '1002:alipay', '', '10000.00'],
      ['je_2', true, 1, '1301', '', '0.05'],
    ]);
    expect(lines[2]?.reversesId).toBe('je_1');
  });
});

describe('loanQuery', () => {
  it('sends only the filters that are set, and asks for one row more than a page', () => {
    expect(loanQuery({}, 0, 20)).toEqual({ limit: 21, offset: 0 });
    expect(
      loanQuery(
        {
          status: 'active',
          productCode: 'MICRO12',
          borrowerId: 'bor_1',
          classification: 'substandard',
          minDpd: 0,
        },
        40,
        20,
      ),
    ).toEqual({
      status: 'active',
      productCode: 'MICRO12',
      borrowerId: 'bor_1',
      classification: 'substandard',
      minDpd: 0,
      limit: 21,
      offset: 40,
    });
    expect(loanQuery({ status: undefined, minDpd: null, productCode: '' }, 0, 10)).toEqual({
      limit: 11,
      offset: 0,
    });
  });
});

describe('activeProducts', () => {
  it('keeps the newest active version of each code, sorted by code', () => {
    const p = (code: string, version: number, status: LoanProduct['status']) =>
      ({ id: `${code}-${version}`, code, version, status }) as LoanProduct;
    const list = activeProducts([
      p('MICRO12', 1, 'retired'),
      p('MICRO12', 2, 'active'),
      p('AGRI6', 1, 'active'),
      p('NEW', 1, 'pending'),
      p('CONSUMER3', 1, 'rejected'),
    ]);
    expect(list.map((x) => x.id)).toEqual(['AGRI6-1', 'MICRO12-2']);
  });
});

describe('productTerms', () => {
  it('states a product’s limits as amounts and its rate as a percentage', () => {
    const product = {
      config: {
        currency: 'CNY',
        annualRate: '0.12',
        limits: {
          minPrincipalMinor: 100_000,
          maxPrincipalMinor: 5_000_000,
          minRepayments: 3,
          maxRepayments: 6,
        },
      },
    } as LoanProduct;
    expect(productTerms(product)).toEqual({
      currency: 'CNY',
      min: '1,000.00',
      max: '50,000.00',
      minN: 3,
      maxN: 6,
      rate: '12.00%',
      repayments: 6,
    });
    const percent = { config: { ...product.config, annualRate: '7.2%' } } as LoanProduct;
    expect(productTerms(percent).rate).toBe('7.2%');
    const long = {
      config: {
        ...product.config,
        limits: { ...product.config.limits, minRepayments: 18, maxRepayments: 36 },
      },
    } as LoanProduct;
    expect(productTerms(long).repayments).toBe(18);
  });
});
