import { AppError } from '@puhui/core';
import { type LoanPosition, reconcile, summariseSubledger, trialBalance } from '@puhui/ledger';
import { arrearsBucket, DEFAULT_ARREARS_BUCKETS, LOAN_CATEGORIES, type LoanCategory } from '@puhui/loans';
import { type CurrencyCode, currencyScale, formatMinor } from '@puhui/money';
import {
  accountTotalsOf,
  type Executor,
  exposureByClass,
  findEodRun,
  findProductById,
  loanLedgerNets,
  portfolioByDpd,
  subledgerPage,
  subledgerTotals,
  transactionFlows,
} from '@puhui/store';
import type { ServiceContext } from '../context.ts';
import { allowanceHeld, applyRate, businessDate, CHART } from './books.ts';
import { productConfigOf } from './loans.ts';

/** Minor units as a decimal string in major units (`12345` CNY → `"123.45"`). */
export function decimalOf(minor: number, currency: string): string {
  try {
    return formatMinor(minor, currency as CurrencyCode);
  } catch {
    const scale = 2;
    const sign = minor < 0 ? '-' : '';
    const a = Math.abs(minor);
    return `${sign}${Math.floor(a / 10 ** scale)}.${String(a % 10 ** scale).padStart(scale, '0')}`;
  }
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? '0.0000' : (part / whole).toFixed(4);
}

/** Portfolio at risk per currency: share of principal outstanding on loans past due by more than k days. */
export interface ParReport {
  readonly date: string;
  readonly currencies: ReadonlyArray<{
    readonly currency: string;
    readonly loans: number;
    readonly principal: string;
    readonly par: Readonly<
      Record<
        'par1' | 'par30' | 'par60' | 'par90',
        { readonly principal: string; readonly ratio: string; readonly loans: number }
      >
    >;
    readonly npl: { readonly principal: string; readonly ratio: string };
  }>;
}

/** Loans per classification category, with exposure and the allowance required and held. */
export interface ClassificationReport {
  readonly date: string;
  readonly rows: ReadonlyArray<{
    readonly currency: string;
    readonly category: LoanCategory;
    readonly loans: number;
    readonly principal: string;
    readonly exposure: string;
    readonly required: string;
    readonly held: string;
  }>;
}

/** Active loans by arrears bucket. */
export interface AgeingReport {
  readonly date: string;
  readonly rows: ReadonlyArray<{
    readonly currency: string;
    readonly bucket: string;
    readonly loans: number;
    readonly principal: string;
    readonly overdue: string;
  }>;
}

/** The portfolio figures end of day stores with a closed date. */
export interface PortfolioSummary {
  readonly par: ParReport;
  readonly classification: ClassificationReport;
  readonly ageing: AgeingReport;
}

const PAR_DAYS = { par1: 1, par30: 31, par60: 61, par90: 91 } as const;

/** Required allowance per category and currency: Σ over products of exposure × the product's rate. */
export async function requiredAllowance(
  ctx: ServiceContext,
  db: Executor,
): Promise<
  Map<
    string,
    {
      currency: string;
      category: LoanCategory;
      loans: number;
      principal: number;
      exposure: number;
      required: number;
    }
  >
> {
  const out = new Map<
    string,
    {
      currency: string;
      category: LoanCategory;
      loans: number;
      principal: number;
      exposure: number;
      required: number;
    }
  >();
  for (const r of await exposureByClass(db)) {
    const config = await productConfigOf(ctx, db, r.productId);
    const category = r.classification as LoanCategory;
    const key = `${r.currency}:${category}`;
    const row = out.get(key) ?? {
      currency: r.currency,
      category,
      loans: 0,
      principal: 0,
      exposure: 0,
      required: 0,
    };
    row.loans += r.loans;
    row.principal += r.principalMinor;
    row.exposure += r.exposureMinor;
    row.required += applyRate(r.exposureMinor, config.provisioning[category] ?? '1');
    out.set(key, row);
  }
  return out;
}

/**
 * The live portfolio figures (PAR, NPL, classification with provisioning, ageing) from the loans'
 * queryable columns as of the last end of day and later transactions.
 *
 * @example const s = await portfolioSummary(ctx, ctx.store.db, '2026-03-02');
 */
export async function portfolioSummary(
  ctx: ServiceContext,
  db: Executor,
  date: string,
): Promise<PortfolioSummary> {
  const byDpd = await portfolioByDpd(db);
  const currencies = [...new Set(byDpd.map((r) => r.currency))].sort();
  const required = await requiredAllowance(ctx, db);
  const par: ParReport = {
    date,
    currencies: currencies.map((currency) => {
      const rows = byDpd.filter((r) => r.currency === currency);
      const total = rows.reduce((s, r) => s + r.principalMinor, 0);
      const bucket = (min: number) => {
        const hit = rows.filter((r) => r.dpd >= min);
        const p = hit.reduce((s, r) => s + r.principalMinor, 0);
        return {
          principal: decimalOf(p, currency),
          ratio: ratio(p, total),
          loans: hit.reduce((s, r) => s + r.loans, 0),
        };
      };
      let npl = 0;
      for (const c of ['substandard', 'doubtful', 'loss'] as const)
        npl += required.get(`${currency}:${c}`)?.principal ?? 0;
      return {
        currency,
        loans: rows.reduce((s, r) => s + r.loans, 0),
        principal: decimalOf(total, currency),
        par: {
          par1: bucket(PAR_DAYS.par1),
          par30: bucket(PAR_DAYS.par30),
          par60: bucket(PAR_DAYS.par60),
          par90: bucket(PAR_DAYS.par90),
        },
        npl: { principal: decimalOf(npl, currency), ratio: ratio(npl, total) },
      };
    }),
  };
  const classRows: ClassificationReport['rows'][number][] = [];
  const classCurrencies = [
    ...new Set([...currencies, ...[...required.values()].map((r) => r.currency)]),
  ].sort();
  for (const currency of classCurrencies) {
    for (const category of LOAN_CATEGORIES) {
      const r = required.get(`${currency}:${category}`);
      const held = await allowanceHeld(db, category, currency);
      classRows.push({
        currency,
        category,
        loans: r?.loans ?? 0,
        principal: decimalOf(r?.principal ?? 0, currency),
        exposure: decimalOf(r?.exposure ?? 0, currency),
        required: decimalOf(r?.required ?? 0, currency),
        held: decimalOf(held, currency),
      });
    }
  }
  const ageing: AgeingReport['rows'][number][] = [];
  for (const currency of currencies) {
    for (const b of DEFAULT_ARREARS_BUCKETS) {
      const rows = byDpd.filter((r) => r.currency === currency && arrearsBucket(r.dpd)?.name === b.name);
      ageing.push({
        currency,
        bucket: b.name,
        loans: rows.reduce((s, r) => s + r.loans, 0),
        principal: decimalOf(
          rows.reduce((s, r) => s + r.principalMinor, 0),
          currency,
        ),
        overdue: decimalOf(
          rows.reduce((s, r) => s + r.overdueMinor, 0),
          currency,
        ),
      });
    }
  }
  return { par, classification: { date, rows: classRows }, ageing: { date, rows: ageing } };
}

/**
 * The portfolio figures of a date: the stored figures of a closed business date, or the live ones
 * for the open date (or no date).
 */
export async function portfolioAt(ctx: ServiceContext, date?: string): Promise<PortfolioSummary> {
  const open = await businessDate(ctx, ctx.store.db);
  if (date === undefined || date >= open) return portfolioSummary(ctx, ctx.store.db, date ?? open);
  const run = await findEodRun(ctx.store.db, date);
  if (run?.status !== 'completed' || !run.summary)
    throw new AppError('not_found', `No completed end of day for ${date}`);
  return JSON.parse(run.summary) as PortfolioSummary;
}

/** A trial-balance row with totals as decimal strings in major units. */
export interface TrialBalanceJsonRow {
  readonly account: string;
  readonly name: string;
  readonly nameZh: string;
  readonly type: string;
  readonly currency: string;
  readonly debit: string;
  readonly credit: string;
  readonly balance: string;
  readonly normalSide: string;
}

/** The trial balance as the API and CLI show it. */
export interface TrialBalanceReport {
  readonly date: string | null;
  readonly rows: readonly TrialBalanceJsonRow[];
  readonly totals: ReadonlyArray<{
    readonly currency: string;
    readonly debit: string;
    readonly credit: string;
    readonly balanced: boolean;
  }>;
  readonly balanced: boolean;
}

/**
 * The trial balance of every account in the chart (zero rows included) per currency, booked up to
 * `date` (all when omitted), with debit and credit totals as decimal strings.
 *
 * @example (await trialBalanceReport(ctx, '2026-03-31')).balanced // true
 */
export async function trialBalanceReport(ctx: ServiceContext, date?: string): Promise<TrialBalanceReport> {
  const totals = await accountTotalsOf(ctx.store.db, date ? { to: date } : {});
  const currencies = [...new Set(totals.map((t) => t.currency))];
  const tb = trialBalance(totals, CHART, {
    includeZero: true,
    currencies: currencies.length > 0 ? currencies : ['CNY'],
  });
  if (!tb.ok) throw new AppError('internal_error', tb.errors.map((e) => e.message).join('; '));
  return {
    date: date ?? null,
    rows: tb.value.rows.map((r) => ({
      account: r.account,
      name: r.name.en,
      nameZh: r.name.zhCN,
      type: r.type,
      currency: r.currency,
      debit: decimalOf(r.debitMinor, r.currency),
      credit: decimalOf(r.creditMinor, r.currency),
      balance: decimalOf(r.balanceMinor, r.currency),
      normalSide: r.normalSide,
    })),
    totals: tb.value.totals.map((t) => ({
      currency: t.currency,
      debit: decimalOf(t.debitMinor, t.currency),
      credit: decimalOf(t.creditMinor, t.currency),
      balanced: t.debitMinor === t.creditMinor,
    })),
    balanced: tb.value.balanced,
  };
}

/** Disbursements and collections per day or month within a date range. */
export interface FlowsReport {
  readonly from: string;
  readonly to: string;
  readonly period: 'day' | 'month';
  readonly rows: ReadonlyArray<{
    readonly period: string;
    readonly currency: string;
    readonly disbursements: string;
    readonly disbursementCount: number;
    readonly collections: string;
    readonly collectionCount: number;
    readonly recoveries: string;
  }>;
}

/**
 * Disbursed and collected amounts by period (reversed transactions excluded; a payoff is a
 * collection).
 *
 * @example await flowsReport(ctx, { from: '2026-01-01', to: '2026-03-31', period: 'month' });
 */
export async function flowsReport(
  ctx: ServiceContext,
  range: { from: string; to: string; period: 'day' | 'month' },
): Promise<FlowsReport> {
  const flows = await transactionFlows(ctx.store.db, range);
  const rows = new Map<
    string,
    { period: string; currency: string; d: number; dn: number; c: number; cn: number; r: number }
  >();
  for (const f of flows) {
    const period = range.period === 'month' ? f.date.slice(0, 7) : f.date;
    const key = `${period}:${f.currency}`;
    const row = rows.get(key) ?? { period, currency: f.currency, d: 0, dn: 0, c: 0, cn: 0, r: 0 };
    if (f.type === 'disbursement') {
      row.d += f.amountMinor;
      row.dn += f.count;
    } else if (f.type === 'repayment' || f.type === 'payoff') {
      row.c += f.amountMinor;
      row.cn += f.count;
    } else if (f.type === 'recovery') row.r += f.amountMinor;
    rows.set(key, row);
  }
  return {
    ...range,
    rows: [...rows.values()]
      .sort((a, b) =>
        a.period === b.period ? (a.currency < b.currency ? -1 : 1) : a.period < b.period ? -1 : 1,
      )
      .map((r) => ({
        period: r.period,
        currency: r.currency,
        disbursements: decimalOf(r.d, r.currency),
        disbursementCount: r.dn,
        collections: decimalOf(r.c, r.currency),
        collectionCount: r.cn,
        recoveries: decimalOf(r.r, r.currency),
      })),
  };
}

/** The outcome of {@link reconcileBooks}. */
export interface ReconciliationReport {
  readonly balanced: boolean;
  readonly lines: ReadonlyArray<{
    currency: string;
    component: string;
    account: string;
    subledgerMinor: number;
    ledgerMinor: number;
    differenceMinor: number;
  }>;
  /** Loans whose own position differs from the lines carrying their id (first 100). */
  readonly loanDifferences: ReadonlyArray<{
    loanId: string;
    component: string;
    subledgerMinor: number;
    ledgerMinor: number;
  }>;
  readonly loansChecked: number;
}

const COMPONENT_CODES = [
  ['principal', 'loanPrincipal', 1],
  ['interest', 'interestReceivable', 1],
  ['fees', 'feeReceivable', 1],
  ['penalties', 'penaltyReceivable', 1],
  ['overpayment', 'overpayments', -1],
] as const;

/**
 * Proves the loan sub-ledger equals the general-ledger control accounts: in total per currency
 * (the ledger's `reconcile`) and loan by loan (each loan's position against the lines carrying its
 * id), streaming loans a page at a time.
 *
 * @example (await reconcileBooks(ctx, ctx.store.db)).balanced // true
 */
export async function reconcileBooks(
  _ctx: ServiceContext,
  db: Executor,
  options: { perLoan?: boolean } = {},
): Promise<ReconciliationReport> {
  const positions: LoanPosition[] = (await subledgerTotals(db)).map((t) => ({ loanId: `Σ${t.basis}`, ...t }));
  const totals = await accountTotalsOf(db);
  const r = reconcile(summariseSubledger(positions), totals, CHART);
  if (!r.ok) throw new AppError('internal_error', r.errors.map((e) => e.message).join('; '));
  const loanDifferences: {
    loanId: string;
    component: string;
    subledgerMinor: number;
    ledgerMinor: number;
  }[] = [];
  let loansChecked = 0;
  if (options.perLoan !== false) {
    const codes = COMPONENT_CODES.map(([, role]) => CHART.byRole.get(role)?.code as string);
    const nets = new Map<string, number>();
    for (const n of await loanLedgerNets(db, codes))
      nets.set(`${n.loanId}:${n.code}`, (nets.get(`${n.loanId}:${n.code}`) ?? 0) + n.netMinor);
    let after = '';
    for (;;) {
      const page = await subledgerPage(db, after, 1000);
      for (const p of page) {
        loansChecked++;
        COMPONENT_CODES.forEach(([component, , sign], i) => {
          const field = `${component}Minor` as 'principalMinor';
          const mine =
            component === 'principal' || component === 'overpayment' || p.basis === 'accrual' ? p[field] : 0;
          const ledger = sign * (nets.get(`${p.loanId}:${codes[i]}`) ?? 0);
          if (mine !== ledger && loanDifferences.length < 100)
            loanDifferences.push({ loanId: p.loanId, component, subledgerMinor: mine, ledgerMinor: ledger });
        });
        after = p.loanId;
      }
      if (page.length < 1000) break;
    }
  }
  return {
    balanced: r.value.balanced && loanDifferences.length === 0,
    lines: r.value.lines.map((l) => ({ ...l })),
    loanDifferences,
    loansChecked,
  };
}

/** The currency scale (decimals) of a currency code, 2 when unknown. */
export function scaleOf(currency: string): number {
  try {
    return currencyScale(currency as CurrencyCode);
  } catch {
    return 2;
  }
}

/** The live portfolio per product code (all its versions together). */
export interface ProductMixReport {
  readonly date: string;
  readonly rows: ReadonlyArray<{
    readonly code: string;
    readonly name: string;
    readonly currency: string;
    readonly loans: number;
    readonly principal: string;
    readonly exposure: string;
  }>;
}

/**
 * Active loans, principal outstanding and exposure per product code as of now (the open business
 * date): the product mix of the portfolio. The name is the newest version's among the loans'.
 *
 * @example (await productMixReport(ctx)).rows[0] // { code: 'MICRO12', loans: 20, principal: '…', … }
 */
export async function productMixReport(ctx: ServiceContext): Promise<ProductMixReport> {
  const date = await businessDate(ctx, ctx.store.db);
  const out = new Map<
    string,
    { code: string; name: string; version: number; currency: string; loans: number; p: number; e: number }
  >();
  for (const r of await exposureByClass(ctx.store.db)) {
    const product = await findProductById(ctx.store.db, r.productId);
    const code = product?.code ?? r.productId;
    const key = `${code}:${r.currency}`;
    const row = out.get(key) ?? {
      code,
      name: product?.name ?? code,
      version: product?.version ?? 0,
      currency: r.currency,
      loans: 0,
      p: 0,
      e: 0,
    };
    if (product && product.version > row.version) {
      row.name = product.name;
      row.version = product.version;
    }
    row.loans += r.loans;
    row.p += r.principalMinor;
    row.e += r.exposureMinor;
    out.set(key, row);
  }
  return {
    date,
    rows: [...out.values()]
      .sort((a, b) => (a.code === b.code ? (a.currency < b.currency ? -1 : 1) : a.code < b.code ? -1 : 1))
      .map((r) => ({
        code: r.code,
        name: r.name,
        currency: r.currency,
        loans: r.loans,
        principal: decimalOf(r.p, r.currency),
        exposure: decimalOf(r.e, r.currency),
      })),
  };
}
