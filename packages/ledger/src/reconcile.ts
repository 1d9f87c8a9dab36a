import type { AccountRole } from './account.ts';
import { parseAccountId } from './account-id.ts';
import type { AccountTotal } from './account-totals.ts';
import type { Chart } from './chart.ts';
import { fail, issue, type LedgerResult, ok } from './errors.ts';
import type { JournalEntry } from './journal-entry.ts';
import type { Basis } from './transaction.ts';

/** The components of a loan the sub-ledger tracks and the general ledger controls. */
export const LOAN_COMPONENTS = ['principal', 'interest', 'fees', 'penalties', 'overpayment'] as const;

/** One of {@link LOAN_COMPONENTS}. */
export type LoanComponent = (typeof LOAN_COMPONENTS)[number];

/**
 * The control account role of each component: the GL balance of that account must equal the sum
 * of the component over all loans.
 */
export const CONTROL_ROLES: Readonly<Record<LoanComponent, AccountRole>> = {
  principal: 'loanPrincipal',
  interest: 'interestReceivable',
  fees: 'feeReceivable',
  penalties: 'penaltyReceivable',
  overpayment: 'overpayments',
};

/** What the loan sub-ledger says one loan owes (and holds as overpayment), in minor units. */
export interface LoanPosition {
  readonly loanId: string;
  readonly currency: string;
  /** The loan's product basis: under cash basis interest, fees and penalties are not on the books. */
  readonly basis: Basis;
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly penaltiesMinor: number;
  readonly overpaymentMinor: number;
}

/** Σ of each on-book component over the loans of one currency. */
export interface SubledgerSummary {
  readonly currency: string;
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly penaltiesMinor: number;
  readonly overpaymentMinor: number;
}

/** One comparison: sub-ledger total against control-account balance. */
export interface ReconciliationLine {
  readonly currency: string;
  readonly component: LoanComponent;
  /** The control account's code. */
  readonly account: string;
  readonly subledgerMinor: number;
  readonly ledgerMinor: number;
  /** ledger − sub-ledger; zero when they agree. */
  readonly differenceMinor: number;
}

export interface Reconciliation {
  /** Every comparison, per currency and component. */
  readonly lines: readonly ReconciliationLine[];
  /** The lines that disagree. */
  readonly differences: readonly ReconciliationLine[];
  /** True when there are no differences. */
  readonly balanced: boolean;
}

/** A disagreement for one loan: its sub-ledger position against the GL lines carrying its loan id. */
export interface LoanDifference extends ReconciliationLine {
  /** The loan id; `''` for control-account lines whose entry carries no loan id. */
  readonly loanId: string;
}

const FIELD: Readonly<Record<LoanComponent, keyof SubledgerSummary & `${string}Minor`>> = {
  principal: 'principalMinor',
  interest: 'interestMinor',
  fees: 'feesMinor',
  penalties: 'penaltiesMinor',
  overpayment: 'overpaymentMinor',
};

/** @internal what part of a position is on the books under its basis. */
function onBooks(position: LoanPosition, component: LoanComponent): number {
  if (position.basis === 'cash' && component !== 'principal' && component !== 'overpayment') return 0;
  return position[FIELD[component]];
}

/**
 * Sums loan positions into one sub-ledger summary per currency, counting only what is on the
 * books: under cash basis a loan's unpaid interest, fees and penalties are off-book.
 *
 * @example
 * summariseSubledger([{ loanId: 'L1', currency: 'CNY', basis: 'accrual', principalMinor: 9000, interestMinor: 50,
 *                       feesMinor: 0, penaltiesMinor: 0, overpaymentMinor: 0 }])
 * // [{ currency: 'CNY', principalMinor: 9000, interestMinor: 50, feesMinor: 0, penaltiesMinor: 0, overpaymentMinor: 0 }]
 */
export function summariseSubledger(positions: Iterable<LoanPosition>): SubledgerSummary[] {
  const sums = new Map<string, Record<LoanComponent, number>>();
  for (const p of positions) {
    const s = sums.get(p.currency) ?? { principal: 0, interest: 0, fees: 0, penalties: 0, overpayment: 0 };
    for (const c of LOAN_COMPONENTS) s[c] += onBooks(p, c);
    sums.set(p.currency, s);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, s]) => ({
      currency,
      principalMinor: s.principal,
      interestMinor: s.interest,
      feesMinor: s.fees,
      penaltiesMinor: s.penalties,
      overpaymentMinor: s.overpayment,
    }));
}

/**
 * Compares the loan sub-ledger summary with the general-ledger control accounts (their balances
 * summed over sub-accounts, from account totals as of the same date) and returns every
 * comparison and the differences. Every currency on either side is compared; a missing side
 * counts as zero. Fails with `ledger.missing_role` when the chart lacks a control account.
 *
 * @example
 * const r = reconcile(summariseSubledger(positions), accountTotals(entries, { to: date }), DEFAULT_CHART);
 * if (r.ok && !r.value.balanced) console.table(r.value.differences);
 */
export function reconcile(
  subledger: Iterable<SubledgerSummary>,
  totals: Iterable<AccountTotal>,
  chart: Chart,
): LedgerResult<Reconciliation> {
  const controls = controlAccounts(chart);
  if (!controls.ok) return controls;
  const byCode = controls.value;
  const ledger = new Map<string, number>();
  const currencies = new Set<string>();
  for (const t of totals) {
    const component = byCode.get(parseAccountId(t.account).code);
    if (component === undefined) continue;
    currencies.add(t.currency);
    const key = `${t.currency}\u0000${component}`;
    ledger.set(key, (ledger.get(key) ?? 0) + normalBalance(chart, component, t.debitMinor - t.creditMinor));
  }
  const sub = new Map<string, SubledgerSummary>();
  for (const s of subledger) {
    currencies.add(s.currency);
    const prev = sub.get(s.currency);
    sub.set(
      s.currency,
      prev === undefined
        ? s
        : {
            currency: s.currency,
            principalMinor: prev.principalMinor + s.principalMinor,
            interestMinor: prev.interestMinor + s.interestMinor,
            feesMinor: prev.feesMinor + s.feesMinor,
            penaltiesMinor: prev.penaltiesMinor + s.penaltiesMinor,
            overpaymentMinor: prev.overpaymentMinor + s.overpaymentMinor,
          },
    );
  }
  const lines: ReconciliationLine[] = [];
  for (const currency of [...currencies].sort()) {
    for (const component of LOAN_COMPONENTS) {
      const subledgerMinor = sub.get(currency)?.[FIELD[component]] ?? 0;
      const ledgerMinor = ledger.get(`${currency}\u0000${component}`) ?? 0;
      lines.push({
        currency,
        component,
        account: chart.byRole.get(CONTROL_ROLES[component])!.code,
        subledgerMinor,
        ledgerMinor,
        differenceMinor: ledgerMinor - subledgerMinor,
      });
    }
  }
  const differences = lines.filter((l) => l.differenceMinor !== 0);
  return ok({ lines, differences, balanced: differences.length === 0 });
}

/**
 * Reconciles loan by loan: each loan's on-book position against the control-account lines of
 * the entries carrying its loan id. Returns only the disagreements (empty when every loan
 * agrees), so it pinpoints which loan a difference found by {@link reconcile} comes from.
 *
 * @example reconcileLoans(positions, entries, DEFAULT_CHART) // { ok: true, value: [] }
 */
export function reconcileLoans(
  positions: Iterable<LoanPosition>,
  entries: Iterable<JournalEntry>,
  chart: Chart,
): LedgerResult<LoanDifference[]> {
  const controls = controlAccounts(chart);
  if (!controls.ok) return controls;
  const byCode = controls.value;
  const ledger = new Map<string, number>();
  const keys = new Set<string>();
  for (const entry of entries) {
    const loanId = entry.loanId ?? '';
    for (const line of entry.lines) {
      const component = byCode.get(parseAccountId(line.account).code);
      if (component === undefined) continue;
      const key = `${loanId}\u0000${line.currency}\u0000${component}`;
      keys.add(key);
      const net = line.side === 'debit' ? line.amountMinor : -line.amountMinor;
      ledger.set(key, (ledger.get(key) ?? 0) + normalBalance(chart, component, net));
    }
  }
  const sub = new Map<string, number>();
  for (const p of positions) {
    for (const component of LOAN_COMPONENTS) {
      const key = `${p.loanId}\u0000${p.currency}\u0000${component}`;
      keys.add(key);
      sub.set(key, (sub.get(key) ?? 0) + onBooks(p, component));
    }
  }
  const differences: LoanDifference[] = [];
  for (const key of [...keys].sort()) {
    const [loanId, currency, component] = key.split('\u0000') as [string, string, LoanComponent];
    const ledgerMinor = ledger.get(key) ?? 0;
    const subledgerMinor = sub.get(key) ?? 0;
    if (ledgerMinor !== subledgerMinor) {
      differences.push({
        loanId,
        currency,
        component,
        account: chart.byRole.get(CONTROL_ROLES[component])!.code,
        subledgerMinor,
        ledgerMinor,
        differenceMinor: ledgerMinor - subledgerMinor,
      });
    }
  }
  return ok(differences);
}

function controlAccounts(chart: Chart): LedgerResult<Map<string, LoanComponent>> {
  const byCode = new Map<string, LoanComponent>();
  const missing: string[] = [];
  for (const component of LOAN_COMPONENTS) {
    const account = chart.byRole.get(CONTROL_ROLES[component]);
    if (account === undefined) missing.push(CONTROL_ROLES[component]);
    else byCode.set(account.code, component);
  }
  if (missing.length > 0) {
    return fail(
      missing.map((role) => issue('ledger.missing_role', `the chart has no account with role ${role}`)),
    );
  }
  return ok(byCode);
}

/** Converts a debit-minus-credit net into the control account's normal-side balance. */
function normalBalance(chart: Chart, component: LoanComponent, net: number): number {
  return chart.byRole.get(CONTROL_ROLES[component])!.normalSide === 'debit' ? net : 0 - net;
}
