/** The reports the page shows, in tab order. */
export const REPORT_KINDS = [
  'par',
  'classification',
  'provisioning',
  'ageing',
  'flows',
  'trial-balance',
  'reconciliation',
  'products',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Reports read as of a business date (the others are live or take a range). */
export const DATED_KINDS: readonly ReportKind[] = [
  'par',
  'classification',
  'provisioning',
  'ageing',
  'trial-balance',
];

/** What the page asks a report for: an as-of date (none: live), and the flows' range and period. */
export interface ReportQuery {
  readonly date?: string | undefined;
  readonly from: string;
  readonly to: string;
  readonly period: 'day' | 'month';
}

export type FileFormat = 'xlsx' | 'csv';

/**
 * The file name a download is saved under: the report, then its date or range.
 *
 * @example reportFileName('par', { date: '2026-03-01', from: '', to: '', period: 'month' }, 'xlsx', '2026-03-02'); // 'puhui-par-2026-03-01.xlsx'
 * @example reportFileName('flows', { from: '2025-04-01', to: '2026-03-02', period: 'month' }, 'csv', '2026-03-02'); // 'puhui-flows-2025-04-01-to-2026-03-02-month.csv'
 */
export function reportFileName(
  kind: ReportKind,
  q: ReportQuery,
  format: FileFormat,
  openDate: string,
): string {
  const when =
    kind === 'flows'
      ? `${q.from}-to-${q.to}-${q.period}`
      : DATED_KINDS.includes(kind)
        ? (q.date ?? openDate)
        : openDate;
  return `puhui-${kind}-${when}.${format}`;
}
