/** The six kinds of account. A contra-asset (the loss allowance) reduces an asset and is credit-normal. */
export const ACCOUNT_TYPES = ['asset', 'contra-asset', 'liability', 'equity', 'income', 'expense'] as const;

/** One of {@link ACCOUNT_TYPES}. */
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** The side of a journal line, and the side on which an account's balance normally sits. */
export type Side = 'debit' | 'credit';

/**
 * The normal balance side of each account type: assets and expenses grow with debits; liabilities,
 * equity, income and contra-assets grow with credits.
 *
 * @example NORMAL_SIDE['contra-asset'] // 'credit'
 */
export const NORMAL_SIDE: Readonly<Record<AccountType, Side>> = {
  asset: 'debit',
  'contra-asset': 'credit',
  liability: 'credit',
  equity: 'credit',
  income: 'credit',
  expense: 'debit',
};

/**
 * What an account's sub-accounts are keyed by. An account with a dimension is a control account:
 * every line must name a sub-account, e.g. `1002:alipay` for the Alipay channel.
 */
export const SUB_ACCOUNT_DIMENSIONS = ['channel', 'partner', 'merchant', 'classification'] as const;

/** One of {@link SUB_ACCOUNT_DIMENSIONS}. */
export type SubAccountDimension = (typeof SUB_ACCOUNT_DIMENSIONS)[number];

/**
 * The roles the posting rules address. A chart maps each role to one account, so a lender may
 * renumber or rename accounts without touching the rules.
 */
export const ACCOUNT_ROLES = [
  'cash',
  'partnerSettlement',
  'loanPrincipal',
  'interestReceivable',
  'feeReceivable',
  'penaltyReceivable',
  'lossAllowance',
  'overpayments',
  'merchantPayable',
  'fundingBorrowings',
  'paidInCapital',
  'interestIncome',
  'feeIncome',
  'penaltyIncome',
  'recoveryIncome',
  'provisionExpense',
  'writeOffExpense',
] as const;

/** One of {@link ACCOUNT_ROLES}. */
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** An account's name in the two languages Puhui shows. */
export interface AccountName {
  readonly en: string;
  readonly zhCN: string;
}

/** One account of the chart. */
export interface Account {
  /** Stable code, e.g. `1303`. Letters, digits, `.`, `_`, `-`; never `:` (that separates sub-accounts). */
  readonly code: string;
  readonly name: AccountName;
  readonly type: AccountType;
  /** Always {@link NORMAL_SIDE}[type]; stored so reports need not derive it. */
  readonly normalSide: Side;
  /** The role the posting rules use this account for, if any. */
  readonly role?: AccountRole;
  /** When set, every line on this account names a sub-account of this dimension. */
  readonly subAccounts?: SubAccountDimension;
  readonly description?: string;
}
