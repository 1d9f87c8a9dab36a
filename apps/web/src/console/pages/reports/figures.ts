import { compareDecimal, decimal, divideDecimal, formatDecimal, parseDecimal } from '@puhui/money';
import type { components } from '../../../api/schema.d.ts';
import { sumAmounts } from '../../../shared/decimal.ts';

export type ParReport = components['schemas']['ParReport'];
export type ClassificationReport = components['schemas']['ClassificationReport'];
export type AgeingReport = components['schemas']['AgeingReport'];
export type FlowsReport = components['schemas']['FlowsReport'];
export type TrialBalanceReport = components['schemas']['TrialBalanceReport'];
export type ReconciliationReport = components['schemas']['ReconciliationReport'];
export type ProductMixReport = components['schemas']['ProductMixReport'];
export type Category = ClassificationReport['rows'][number]['category'];

/** The currency the console leads with: CNY when the portfolio has it, else the first one. */
export const HOME_CURRENCY = 'CNY';

/**
 * The PAR report's figures for one currency (CNY when present), or undefined for an empty book.
 *
 * @example headline(par)?.par.par30.ratio; // '0.0523'
 */
export function headline(par: ParReport): ParReport['currencies'][number] | undefined {
  return par.currencies.find((c) => c.currency === HOME_CURRENCY) ?? par.currencies[0];
}

/** A decimal-string amount exactly (anything else as zero). */
const exact = (amount: string) => parseDecimal(amount) ?? decimal(0);

/**
 * `part / whole` of two decimal-string amounts as a decimal fraction with `digits` places,
 * rounded half up, exactly ("0" when the whole is zero).
 *
 * @example shareOf('25.00', '200.00'); // '0.1250'
 */
export function shareOf(part: string, whole: string, digits = 4): string {
  const w = exact(whole);
  if (w.units === 0n) return (0).toFixed(digits);
  return formatDecimal(divideDecimal(exact(part), w, digits, 'half_up'), digits);
}

/** A bar or pie chart's data: labels, numbers to draw, and the exact totals to say. */
export interface FlowSeries {
  readonly periods: readonly string[];
  /** For drawing only (a chart needs numbers); the exact figures are the strings. */
  readonly disbursements: readonly number[];
  readonly collections: readonly number[];
  readonly totalDisbursed: string;
  readonly totalCollected: string;
  readonly disbursementCount: number;
  readonly collectionCount: number;
}

/**
 * Disbursements and collections per period of one currency, every period of the report present
 * (periods without flows as 0), with exact totals.
 *
 * @example flowSeries(report, 'CNY').totalDisbursed; // '12000.00'
 */
export function flowSeries(report: FlowsReport, currency: string, periods?: readonly string[]): FlowSeries {
  const rows = report.rows.filter((r) => r.currency === currency);
  const labels = periods ?? [...new Set(rows.map((r) => r.period))].sort();
  const by = new Map(rows.map((r) => [r.period, r]));
  return {
    periods: labels,
    disbursements: labels.map((p) => Number(by.get(p)?.disbursements ?? 0)),
    collections: labels.map((p) => Number(by.get(p)?.collections ?? 0)),
    totalDisbursed: sumAmounts(rows.map((r) => r.disbursements)),
    totalCollected: sumAmounts(rows.map((r) => r.collections)),
    disbursementCount: rows.reduce((s, r) => s + r.disbursementCount, 0),
    collectionCount: rows.reduce((s, r) => s + r.collectionCount, 0),
  };
}

/**
 * The `count` months ending with the month of `date`, oldest first (`YYYY-MM`), and the first day
 * of the first one — the range of a monthly flows report.
 *
 * @example monthsEnding('2026-03-02', 3); // { from: '2026-01-01', months: ['2026-01', '2026-02', '2026-03'] }
 */
export function monthsEnding(date: string, count: number): { from: string; months: string[] } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - i, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return { from: `${months[0]}-01`, months };
}

/** One slice of a mix: its key, the exact amount, its share, and a number to draw. */
export interface MixSlice {
  readonly key: string;
  readonly label: string;
  readonly loans: number;
  readonly amount: string;
  /** Share of the total as a fraction with 4 places. */
  readonly share: string;
  readonly value: number;
}

/**
 * Principal outstanding per category of one currency, with each category's share (empty
 * categories left out).
 *
 * @example categoryMix(report, 'CNY')[0]; // { key: 'normal', amount: '…', share: '0.9120', … }
 */
export function categoryMix(report: ClassificationReport, currency: string): MixSlice[] {
  const rows = report.rows.filter((r) => r.currency === currency && r.loans > 0);
  const total = sumAmounts(rows.map((r) => r.principal));
  return rows.map((r) => ({
    key: r.category,
    label: r.category,
    loans: r.loans,
    amount: r.principal,
    share: shareOf(r.principal, total),
    value: Number(r.principal),
  }));
}

/**
 * Principal outstanding per product code of one currency, largest first, with shares.
 *
 * @example productMix(report, 'CNY')[0]; // { key: 'MICRO12', label: 'Micro business loan …', share: '0.5500', … }
 */
export function productMix(report: ProductMixReport, currency: string): MixSlice[] {
  const rows = report.rows.filter((r) => r.currency === currency);
  const total = sumAmounts(rows.map((r) => r.principal));
  return rows
    .map((r) => ({
      key: r.code,
      label: r.name,
      loans: r.loans,
      amount: r.principal,
      share: shareOf(r.principal, total),
      value: Number(r.principal),
    }))
    .sort((a, b) => (compareDecimal(exact(b.amount), exact(a.amount)) > 0 ? 1 : -1));
}

/**
 * Held minus required allowance of a provisioning row, exactly (negative: under-provisioned).
 *
 * @example allowanceGap({ held: '100.00', required: '125.50' }); // '-25.50'
 */
export function allowanceGap(row: { held: string; required: string }): string {
  const negated = row.required.startsWith('-') ? row.required.slice(1) : `-${row.required}`;
  return sumAmounts([row.held, negated]);
}

/**
 * Column totals of report rows, exactly: `totals(rows, ['principal', 'overdue'])`.
 *
 * @example totals([{ a: '1.10' }, { a: '2.00' }], ['a']); // { a: '3.10' }
 */
export function totals<K extends string>(
  rows: readonly Readonly<Record<K, string>>[],
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, sumAmounts(rows.map((r) => r[k]))])) as Record<K, string>;
}
