import { describe, expect, it } from 'vitest';
import { ACCOUNT_ROLES, NORMAL_SIDE } from './account.ts';
import { createChart, extendChart, findAccount, missingRoles } from './chart.ts';
import { DEFAULT_ACCOUNTS, DEFAULT_CHART } from './default-chart.ts';

const loans = { code: '1303', name: { en: 'Loans', zhCN: '贷款' }, type: 'asset' };

function codes(config: unknown): string[] {
  const r = createChart(config);
  return r.ok ? [] : r.errors.map((e) => e.code);
}

describe('default chart', () => {
  it('has an account for every role the posting rules use', () => {
    expect(missingRoles(DEFAULT_CHART)).toEqual([]);
    expect(DEFAULT_CHART.byRole.size).toBe(ACCOUNT_ROLES.length);
  });

  it('has unique codes, both names, and normal sides that follow the type', () => {
    expect(new Set(DEFAULT_ACCOUNTS.map((a) => a.code)).size).toBe(DEFAULT_ACCOUNTS.length);
    for (const a of DEFAULT_ACCOUNTS) {
      expect(a.normalSide).toBe(NORMAL_SIDE[a.type]);
      expect(a.name.en.length * a.name.zhCN.length).toBeGreaterThan(0);
    }
  });

  it('covers the kinds of account a small lender needs', () => {
    const types = (role: (typeof ACCOUNT_ROLES)[number]) => DEFAULT_CHART.byRole.get(role)?.type;
    expect(types('lossAllowance')).toBe('contra-asset');
    expect(types('paidInCapital')).toBe('equity');
    expect(types('merchantPayable')).toBe('liability');
    expect(types('recoveryIncome')).toBe('income');
    expect(types('writeOffExpense')).toBe('expense');
    expect(DEFAULT_CHART.byRole.get('cash')?.subAccounts).toBe('channel');
    expect(DEFAULT_CHART.byRole.get('partnerSettlement')?.subAccounts).toBe('partner');
  });

  it('loads the same from its JSON form', () => {
    const r = createChart(JSON.parse(JSON.stringify({ accounts: DEFAULT_ACCOUNTS })));
    expect(r.ok && r.value.accounts).toEqual(DEFAULT_CHART.accounts);
  });

  it('lists accounts in numeric code order and finds sub-accounts by their parent', () => {
    const list = DEFAULT_CHART.accounts.map((a) => a.code);
    expect(list).toEqual([...list].sort((a, b) => Number(a) - Number(b)));
    expect(findAccount(DEFAULT_CHART, '1002:alipay')?.code).toBe('1002');
    expect(findAccount(DEFAULT_CHART, '8888')).toBeUndefined();
  });
});

describe('createChart', () => {
  it('derives the normal side when it is omitted', () => {
    const r = createChart([{ ...loans, type: 'contra-asset' }]);
    expect(r.ok && r.value.accounts[0]?.normalSide).toBe('credit');
  });

  const table: readonly [string, unknown, readonly string[]][] = [
    ['not a list', { accounts: 'x' }, ['ledger.invalid_chart']],
    ['an account that is not an object', [42], ['ledger.invalid_chart']],
    [
      'duplicate codes',
      [loans, { ...loans, name: { en: 'Other', zhCN: '其他' } }],
      ['ledger.duplicate_account_code'],
    ],
    [
      'a code with the sub-account separator',
      [{ ...loans, code: '1303:x' }],
      ['ledger.invalid_account_code'],
    ],
    ['an empty code', [{ ...loans, code: '' }], ['ledger.invalid_account_code']],
    ['an unknown type', [{ ...loans, type: 'revenue' }], ['ledger.invalid_account_type']],
    ['a normal side against the type', [{ ...loans, normalSide: 'credit' }], ['ledger.normal_side_mismatch']],
    ['a missing Chinese name', [{ ...loans, name: { en: 'Loans' } }], ['ledger.missing_account_name']],
    [
      'a blank English name',
      [{ ...loans, name: { en: ' ', zhCN: '贷款' } }],
      ['ledger.missing_account_name'],
    ],
    ['an unknown role', [{ ...loans, role: 'vault' }], ['ledger.invalid_role']],
    [
      'a role on two accounts',
      [
        { ...loans, role: 'loanPrincipal' },
        { ...loans, code: '1305', role: 'loanPrincipal' },
      ],
      ['ledger.duplicate_role'],
    ],
    [
      'an unknown sub-account dimension',
      [{ ...loans, subAccounts: 'branch' }],
      ['ledger.invalid_sub_account_dimension'],
    ],
    ['a description that is not text', [{ ...loans, description: 7 }], ['ledger.invalid_chart']],
  ];
  for (const [name, config, expected] of table) {
    it(`rejects ${name}`, () => {
      expect(codes(config)).toEqual(expected);
    });
  }

  it('reports every problem with its path', () => {
    const r = createChart([loans, { code: 'x y', type: 'nope', name: {} }]);
    expect(!r.ok && r.errors.map((e) => [e.code, e.path])).toEqual([
      ['ledger.invalid_account_code', 'accounts[1].code'],
      ['ledger.missing_account_name', 'accounts[1].name'],
      ['ledger.invalid_account_type', 'accounts[1].type'],
    ]);
  });
});

describe('extendChart', () => {
  it('adds new accounts to the default chart', () => {
    const r = extendChart(DEFAULT_CHART, [
      { code: '6051', name: { en: 'Other income', zhCN: '其他业务收入' }, type: 'income' },
    ]);
    expect(r.ok && r.value.accounts.length).toBe(DEFAULT_ACCOUNTS.length + 1);
    expect(r.ok && r.value.byCode.get('6051')?.normalSide).toBe('credit');
  });

  it('replaces an account with the same code whole', () => {
    const r = extendChart(DEFAULT_CHART, {
      accounts: [
        {
          code: '2241',
          name: { en: 'Customer credit balances', zhCN: '客户贷方余额' },
          type: 'liability',
          role: 'overpayments',
        },
      ],
    });
    expect(r.ok && r.value.byRole.get('overpayments')?.name.en).toBe('Customer credit balances');
    expect(r.ok && r.value.accounts.length).toBe(DEFAULT_ACCOUNTS.length);
  });

  it('moves a role to a new code when the old account is restated without it', () => {
    const r = extendChart(DEFAULT_CHART, [
      { code: '6711', name: { en: 'Waiver losses', zhCN: '减免损失' }, type: 'expense' },
      {
        code: '6712',
        name: { en: 'Write-off losses', zhCN: '核销损失' },
        type: 'expense',
        role: 'writeOffExpense',
      },
    ]);
    expect(r.ok && r.value.byRole.get('writeOffExpense')?.code).toBe('6712');
  });

  it('rejects a second account for a role the default chart already maps', () => {
    const r = extendChart(DEFAULT_CHART, [
      { code: '1002.1', name: { en: 'Vault', zhCN: '金库' }, type: 'asset', role: 'cash' },
    ]);
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['ledger.duplicate_role']);
  });

  it('rejects an extension that is not a list', () => {
    const r = extendChart(DEFAULT_CHART, 'accounts');
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['ledger.invalid_chart']);
  });
});
