import {
  ACCOUNT_ROLES,
  ACCOUNT_TYPES,
  type Account,
  type AccountRole,
  type AccountType,
  NORMAL_SIDE,
  SUB_ACCOUNT_DIMENSIONS,
  type SubAccountDimension,
} from './account.ts';
import { KEY_PATTERN, parseAccountId } from './account-id.ts';
import { fail, issue, type LedgerIssue, type LedgerResult, ok } from './errors.ts';

/** A validated chart of accounts with look-ups by code and by role. Build one with {@link createChart}. */
export interface Chart {
  /** Accounts in code order. */
  readonly accounts: readonly Account[];
  readonly byCode: ReadonlyMap<string, Account>;
  readonly byRole: ReadonlyMap<AccountRole, Account>;
}

/**
 * Validates a user-supplied chart (parsed JSON: an array of accounts, or `{ accounts: [...] }`)
 * and builds a {@link Chart}. Each account needs `code`, `name.en`, `name.zhCN` and `type`;
 * `normalSide` may be omitted (it follows from the type) but must agree with it when given;
 * `role` and `subAccounts` are optional. Codes and roles must be unique. Every problem is reported.
 *
 * @example
 * const r = createChart([{ code: '1303', name: { en: 'Loans', zhCN: '贷款' }, type: 'asset', role: 'loanPrincipal' }]);
 * if (r.ok) r.value.byRole.get('loanPrincipal')?.code; // '1303'
 */
export function createChart(config: unknown): LedgerResult<Chart> {
  const list = Array.isArray(config)
    ? config
    : isRecord(config) && Array.isArray(config.accounts)
      ? config.accounts
      : undefined;
  if (list === undefined) {
    return fail([issue('ledger.invalid_chart', 'expected an array of accounts or { accounts: [...] }')]);
  }
  const errors: LedgerIssue[] = [];
  const accounts: Account[] = [];
  list.forEach((raw: unknown, i: number) => {
    const parsed = parseAccount(raw, `accounts[${i}]`, errors);
    if (parsed !== undefined) accounts.push(parsed);
  });
  const byCode = new Map<string, Account>();
  const byRole = new Map<AccountRole, Account>();
  for (const account of accounts) {
    if (byCode.has(account.code)) {
      errors.push(issue('ledger.duplicate_account_code', `account code ${account.code} appears twice`));
    }
    byCode.set(account.code, account);
    if (account.role !== undefined) {
      const other = byRole.get(account.role);
      if (other !== undefined && other.code !== account.code) {
        errors.push(
          issue('ledger.duplicate_role', `role ${account.role} is on both ${other.code} and ${account.code}`),
        );
      }
      byRole.set(account.role, account);
    }
  }
  if (errors.length > 0) return fail(errors);
  const sorted = [...accounts].sort((a, b) => compareCodes(a.code, b.code));
  return ok(Object.freeze({ accounts: Object.freeze(sorted), byCode, byRole }));
}

/**
 * Merges a user-supplied extension into a chart: accounts with new codes are added, an account
 * with an existing code replaces that account whole (so a lender may rename, re-role or move a
 * role to another code by also restating the old account without it). The result is validated
 * like {@link createChart}.
 *
 * @example
 * const r = extendChart(DEFAULT_CHART, [{ code: '6051', name: { en: 'Other income', zhCN: '其他业务收入' }, type: 'income' }]);
 */
export function extendChart(base: Chart, extension: unknown): LedgerResult<Chart> {
  const list = Array.isArray(extension)
    ? extension
    : isRecord(extension) && Array.isArray(extension.accounts)
      ? extension.accounts
      : undefined;
  if (list === undefined) {
    return fail([issue('ledger.invalid_chart', 'expected an array of accounts or { accounts: [...] }')]);
  }
  const extensionCodes = new Set<string>();
  for (const raw of list) {
    if (isRecord(raw) && typeof raw.code === 'string') extensionCodes.add(raw.code);
  }
  const kept = base.accounts.filter((a) => !extensionCodes.has(a.code));
  return createChart([...kept, ...list]);
}

/**
 * The roles from `roles` (default: all of {@link ACCOUNT_ROLES}) that the chart has no account for.
 * A chart used with the default posting rules should have none missing.
 *
 * @example missingRoles(DEFAULT_CHART) // []
 */
export function missingRoles(chart: Chart, roles: readonly AccountRole[] = ACCOUNT_ROLES): AccountRole[] {
  return roles.filter((role) => !chart.byRole.has(role));
}

/**
 * Finds the chart account an account id (`code` or `code:key`) posts to, or undefined.
 *
 * @example findAccount(DEFAULT_CHART, '1002:alipay')?.name.en // 'Cash and settlement at payment channels'
 */
export function findAccount(chart: Chart, id: string): Account | undefined {
  return chart.byCode.get(parseAccountId(id).code);
}

function parseAccount(raw: unknown, path: string, errors: LedgerIssue[]): Account | undefined {
  if (!isRecord(raw)) {
    errors.push(issue('ledger.invalid_chart', 'an account must be an object', path));
    return undefined;
  }
  const before = errors.length;
  const { code, name, type, normalSide, role, subAccounts, description } = raw;
  if (typeof code !== 'string' || !KEY_PATTERN.test(code)) {
    errors.push(issue('ledger.invalid_account_code', `invalid account code ${String(code)}`, `${path}.code`));
  }
  if (
    !isRecord(name) ||
    typeof name.en !== 'string' ||
    name.en.trim() === '' ||
    typeof name.zhCN !== 'string' ||
    name.zhCN.trim() === ''
  ) {
    errors.push(issue('ledger.missing_account_name', 'name.en and name.zhCN are required', `${path}.name`));
  }
  if (typeof type !== 'string' || !(ACCOUNT_TYPES as readonly string[]).includes(type)) {
    errors.push(issue('ledger.invalid_account_type', `invalid account type ${String(type)}`, `${path}.type`));
  } else if (normalSide !== undefined && normalSide !== NORMAL_SIDE[type as AccountType]) {
    errors.push(
      issue(
        'ledger.normal_side_mismatch',
        `a ${type} account is ${NORMAL_SIDE[type as AccountType]}-normal, not ${String(normalSide)}`,
        `${path}.normalSide`,
      ),
    );
  }
  if (
    role !== undefined &&
    (typeof role !== 'string' || !(ACCOUNT_ROLES as readonly string[]).includes(role))
  ) {
    errors.push(issue('ledger.invalid_role', `unknown role ${String(role)}`, `${path}.role`));
  }
  if (
    subAccounts !== undefined &&
    (typeof subAccounts !== 'string' || !(SUB_ACCOUNT_DIMENSIONS as readonly string[]).includes(subAccounts))
  ) {
    errors.push(
      issue(
        'ledger.invalid_sub_account_dimension',
        `unknown dimension ${String(subAccounts)}`,
        `${path}.subAccounts`,
      ),
    );
  }
  if (description !== undefined && typeof description !== 'string') {
    errors.push(issue('ledger.invalid_chart', 'description must be text', `${path}.description`));
  }
  if (errors.length > before) return undefined;
  const accountType = type as AccountType;
  const names = name as { en: string; zhCN: string };
  return Object.freeze({
    code: code as string,
    name: Object.freeze({ en: names.en, zhCN: names.zhCN }),
    type: accountType,
    normalSide: NORMAL_SIDE[accountType],
    ...(role === undefined ? {} : { role: role as AccountRole }),
    ...(subAccounts === undefined ? {} : { subAccounts: subAccounts as SubAccountDimension }),
    ...(description === undefined ? {} : { description: description as string }),
  });
}

/** Orders codes numerically where both are digits, else as text. */
function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
