/**
 * Pure helpers of the loans pages: which actions a loan offers to whom, schedule and ledger rows
 * with amounts as decimal strings, and the list's query. No React here (tested in loans.test.ts).
 */
import type { components, paths } from '../../../api/schema.d.ts';
import { minorToAmount } from '../../../shared/decimal.ts';
import { formatAmount, formatRate } from '../../../shared/format.ts';
import type { Permission } from '../../../shared/permissions.ts';

export type Loan = components['schemas']['Loan'];
export type LoanListItem = components['schemas']['LoanListItem'];
export type LoanDetail = components['schemas']['LoanDetail'];
export type LoanTransaction = components['schemas']['LoanTransaction'];
export type LoanStatus = Loan['status'];
export type LoanProduct = components['schemas']['LoanProduct'];
export type JournalEntry =
  paths['/api/v1/loans/{id}/journal']['get']['responses']['200']['content']['application/json']['items'][number];
export type Category = NonNullable<
  NonNullable<paths['/api/v1/loans']['get']['parameters']['query']>['classification']
>;

/** Every loan status, in the order of a loan's life. */
export const LOAN_STATUSES = [
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
  'active',
  'overpaid',
  'closed',
  'written_off',
] as const satisfies readonly LoanStatus[];

/** The five loan categories (五级分类), best first. */
export const CATEGORIES = [
  'normal',
  'special_mention',
  'substandard',
  'doubtful',
  'loss',
] as const satisfies readonly Category[];

/** Payment channels the forms offer (the API accepts any channel key). */
export const CHANNELS = ['alipay', 'wechat', 'bank'] as const;

/** An action on a loan as a whole (reversing one transaction is {@link canReverse}). */
export type LoanAction =
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'disburse'
  | 'repay'
  | 'payoff'
  | 'charge'
  | 'waive'
  | 'writeOff'
  | 'recover'
  | 'classify';

/**
 * When each action applies and the permission it needs — the same rules as the server's use
 * cases (packages/services/src/lending/loans.ts), which check them again.
 */
export const ACTION_RULES: Readonly<
  Record<LoanAction, { readonly statuses: readonly LoanStatus[]; readonly permission: Permission }>
> = {
  approve: { statuses: ['submitted'], permission: 'loans:write' },
  reject: { statuses: ['submitted'], permission: 'loans:write' },
  withdraw: { statuses: ['submitted', 'approved'], permission: 'loans:write' },
  disburse: { statuses: ['approved'], permission: 'loans:transact' },
  // A payment arriving after closing is still recorded (it becomes an overpayment).
  repay: { statuses: ['active', 'overpaid', 'closed'], permission: 'loans:transact' },
  payoff: { statuses: ['active'], permission: 'loans:transact' },
  charge: { statuses: ['active'], permission: 'loans:transact' },
  waive: { statuses: ['active'], permission: 'loans:transact' },
  writeOff: { statuses: ['active'], permission: 'loans:write_off' },
  recover: { statuses: ['written_off'], permission: 'loans:transact' },
  classify: { statuses: ['active'], permission: 'loans:write_off' },
};

/** Menu order of the actions. */
const ACTION_ORDER: readonly LoanAction[] = [
  'approve',
  'reject',
  'withdraw',
  'disburse',
  'repay',
  'payoff',
  'charge',
  'waive',
  'recover',
  'classify',
  'writeOff',
];

/**
 * The actions a user holding the permissions `can` grants may take on a loan in `status`.
 *
 * @example availableActions('approved', (p) => p === 'loans:transact'); // ['disburse']
 */
export function availableActions(status: LoanStatus, can: (p: Permission) => boolean): LoanAction[] {
  return ACTION_ORDER.filter(
    (a) => ACTION_RULES[a].statuses.includes(status) && can(ACTION_RULES[a].permission),
  );
}

/** Loan statuses in which a transaction may be reversed (as the server's reversal use case). */
const REVERSIBLE_IN: readonly LoanStatus[] = ['active', 'closed', 'overpaid', 'written_off'];

/**
 * Whether the reverse button shows for a transaction: not itself a reversal, not already
 * reversed, on a loan in a reversible status, for a user with `loans:transact`.
 *
 * @example canReverse({ type: 'repayment', reversedBy: null }, 'active', () => true); // true
 */
export function canReverse(
  txn: Pick<LoanTransaction, 'type' | 'reversedBy'>,
  status: LoanStatus,
  can: (p: Permission) => boolean,
): boolean {
  return (
    txn.type !== 'reversal' &&
    txn.reversedBy === null &&
    REVERSIBLE_IN.includes(status) &&
    can('loans:transact')
  );
}

/** One instalment as the schedule tab shows it (amounts as decimal strings). */
export interface ScheduleRow {
  readonly n: number;
  readonly dueDate: string;
  readonly principal: string;
  readonly interest: string;
  readonly fee: string;
  readonly penalty: string;
  readonly due: string;
  readonly paid: string;
  readonly outstanding: string;
  /** `paid` when nothing is left, `overdue` when something is left after its due date. */
  readonly state: 'paid' | 'overdue' | 'open';
}

type Parts = { principal: number; interest: number; fee: number; penalty: number };
const sum = (p: Parts) => p.principal + p.interest + p.fee + p.penalty;

/**
 * A loan's instalments as rows; `businessDate` (when known) marks instalments with something left
 * after their due date as overdue.
 *
 * @example scheduleRows(loan.installments, 'CNY', '2026-03-02')[0].state; // 'paid'
 */
export function scheduleRows(
  installments: LoanDetail['installments'],
  currency: string,
  businessDate?: string,
): ScheduleRow[] {
  const a = (minor: number) => minorToAmount(minor, currency);
  return installments.map((i) => ({
    n: i.n,
    dueDate: i.dueDate,
    principal: a(i.dueMinor.principal),
    interest: a(i.dueMinor.interest),
    fee: a(i.dueMinor.fee),
    penalty: a(i.dueMinor.penalty),
    due: a(sum(i.dueMinor)),
    paid: a(sum(i.paidMinor)),
    outstanding: a(i.outstandingMinor),
    state:
      i.outstandingMinor <= 0
        ? 'paid'
        : businessDate !== undefined && i.dueDate < businessDate
          ? 'overdue'
          : 'open',
  }));
}

/** One line of a journal entry with the amount on its side (decimal strings). */
export interface LedgerLine {
  readonly key: string;
  readonly entryId: string;
  /** True on an entry's first line, which carries the entry's date, type and memo. */
  readonly first: boolean;
  /** How many lines the entry has (for the first line's row span). */
  readonly lines: number;
  readonly businessDate: string;
  readonly valueDate: string;
  readonly txnType: string;
  readonly memo: string;
  readonly reversesId: string | undefined;
  readonly account: string;
  readonly debit: string;
  readonly credit: string;
}

/**
 * Journal entries as one row per line, debit and credit in their own columns.
 *
 * @example ledgerLines(entries).filter((l) => l.first).length === entries.length; // true
 */
export function ledgerLines(entries: readonly JournalEntry[]): LedgerLine[] {
  return entries.flatMap((e) =>
    e.lines.map((l, i) => ({
      key: `${e.id}:${i}`,
      entryId: e.id,
      first: i === 0,
      lines: e.lines.length,
      businessDate: e.businessDate,
      valueDate: e.valueDate,
      txnType: e.txnType,
      memo: e.memo,
      reversesId: e.reversesId,
      account: l.account,
      debit: l.side === 'debit' ? minorToAmount(l.amountMinor, l.currency) : '',
      credit: l.side === 'credit' ? minorToAmount(l.amountMinor, l.currency) : '',
    })),
  );
}

/** The list's filters as the form holds them. */
export interface LoanFilters {
  status?: LoanStatus | undefined;
  productCode?: string | undefined;
  borrowerId?: string | undefined;
  classification?: Category | undefined;
  minDpd?: number | null | undefined;
}

/** `GET /api/v1/loans` query parameters. */
export type LoanQuery = NonNullable<paths['/api/v1/loans']['get']['parameters']['query']>;

/**
 * The list's query for a page: the filters that are set, and one row more than a page to know
 * whether there is a next one.
 *
 * @example loanQuery({ status: 'active', minDpd: null }, 40, 20); // { status: 'active', limit: 21, offset: 40 }
 */
export function loanQuery(filters: LoanFilters, offset: number, pageSize: number): LoanQuery {
  const query: LoanQuery = { limit: pageSize + 1, offset };
  if (filters.status) query.status = filters.status;
  if (filters.productCode) query.productCode = filters.productCode;
  if (filters.borrowerId) query.borrowerId = filters.borrowerId;
  if (filters.classification) query.classification = filters.classification;
  if (typeof filters.minDpd === 'number' && filters.minDpd >= 0) query.minDpd = filters.minDpd;
  return query;
}

/**
 * Active product versions, one per code (the newest), by code.
 *
 * @example activeProducts(items).map((p) => p.code); // ['AGRI6', 'CONSUMER3', 'MICRO12']
 */
export function activeProducts(products: readonly LoanProduct[]): LoanProduct[] {
  const byCode = new Map<string, LoanProduct>();
  for (const p of products) {
    if (p.status !== 'active') continue;
    const seen = byCode.get(p.code);
    if (!seen || seen.version < p.version) byCode.set(p.code, p);
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** A channel key the API accepts (`alipay`, `merchant-7`…). */
export const CHANNEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** Tag colours of the statuses: dark enough for white text at WCAG AA; `default` is grey on white. */
export const STATUS_COLORS: Readonly<Record<LoanStatus, string>> = {
  submitted: '#0b5cad',
  approved: '#531dab',
  rejected: '#a8071a',
  withdrawn: 'default',
  active: '#237804',
  overpaid: '#ad4e00',
  closed: 'default',
  written_off: '#5c0011',
};

/** Tag colours of the categories (as {@link STATUS_COLORS}). */
export const CATEGORY_COLORS: Readonly<Record<Category, string>> = {
  normal: 'default',
  special_mention: '#874d00',
  substandard: '#ad4e00',
  doubtful: '#a8071a',
  loss: '#5c0011',
};

/** What a product allows, for the hint under the product field (amounts grouped, rate in %). */
export interface ProductTerms {
  readonly currency: string;
  readonly min: string;
  readonly max: string;
  readonly minN: number;
  readonly maxN: number;
  readonly rate: string;
  /** A sensible first number of repayments: 12 when the product allows it, else its nearest limit. */
  readonly repayments: number;
}

/**
 * The limits and rate of a product version.
 *
 * @example productTerms(micro12); // { min: '1,000.00', max: '200,000.00', minN: 1, maxN: 36, rate: '18.00%', repayments: 12, … }
 */
export function productTerms(product: LoanProduct): ProductTerms {
  const { currency, limits, annualRate } = product.config;
  return {
    currency,
    min: formatAmount(minorToAmount(limits.minPrincipalMinor, currency)),
    max: formatAmount(minorToAmount(limits.maxPrincipalMinor, currency)),
    minN: limits.minRepayments,
    maxN: limits.maxRepayments,
    rate: annualRate.endsWith('%') ? annualRate : formatRate(annualRate),
    repayments: Math.min(limits.maxRepayments, Math.max(limits.minRepayments, 12)),
  };
}
