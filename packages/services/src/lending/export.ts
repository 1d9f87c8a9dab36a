import type {
  FlowsReport,
  PortfolioSummary,
  ProductMixReport,
  ReconciliationReport,
  TrialBalanceReport,
} from './reports.ts';

/** A report as a table: what CSV and Excel downloads are made of. */
export interface ReportTable {
  readonly name: string;
  readonly columns: ReadonlyArray<{ readonly key: string; readonly header: string }>;
  readonly rows: ReadonlyArray<Readonly<Record<string, string | number | boolean | null>>>;
}

/** The report names `puhui report` and `GET /api/v1/reports/…` know. */
export const REPORT_KINDS = [
  'trial-balance',
  'par',
  'classification',
  'provisioning',
  'ageing',
  'flows',
  'reconciliation',
  'products',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

function cols(...keys: string[]): ReportTable['columns'] {
  return keys.map((key) => ({ key, header: key }));
}

/** The trial balance as one table (one row per account and currency, then the totals). */
export function trialBalanceTable(tb: TrialBalanceReport): ReportTable {
  return {
    name: 'trial-balance',
    columns: cols(
      'account',
      'name',
      'nameZh',
      'type',
      'normalSide',
      'currency',
      'debit',
      'credit',
      'balance',
    ),
    rows: [
      ...tb.rows.map((r) => ({ ...r })),
      ...tb.totals.map((t) => ({
        account: 'TOTAL',
        name: '',
        nameZh: '',
        type: '',
        normalSide: '',
        currency: t.currency,
        debit: t.debit,
        credit: t.credit,
        balance: '',
      })),
    ],
  };
}

/** PAR and NPL per currency. */
export function parTable(s: PortfolioSummary): ReportTable {
  return {
    name: 'par',
    columns: cols(
      'date',
      'currency',
      'loans',
      'principal',
      'par1',
      'par30',
      'par60',
      'par90',
      'nplPrincipal',
      'nplRatio',
    ),
    rows: s.par.currencies.map((c) => ({
      date: s.par.date,
      currency: c.currency,
      loans: c.loans,
      principal: c.principal,
      par1: c.par.par1.ratio,
      par30: c.par.par30.ratio,
      par60: c.par.par60.ratio,
      par90: c.par.par90.ratio,
      nplPrincipal: c.npl.principal,
      nplRatio: c.npl.ratio,
    })),
  };
}

/** Loans and exposure per classification category. */
export function classificationTable(s: PortfolioSummary): ReportTable {
  return {
    name: 'classification',
    columns: cols('date', 'currency', 'category', 'loans', 'principal', 'exposure'),
    rows: s.classification.rows.map((r) => ({
      date: s.classification.date,
      currency: r.currency,
      category: r.category,
      loans: r.loans,
      principal: r.principal,
      exposure: r.exposure,
    })),
  };
}

/** Allowance required and held per category. */
export function provisioningTable(s: PortfolioSummary): ReportTable {
  return {
    name: 'provisioning',
    columns: cols('date', 'currency', 'category', 'exposure', 'required', 'held'),
    rows: s.classification.rows.map((r) => ({
      date: s.classification.date,
      currency: r.currency,
      category: r.category,
      exposure: r.exposure,
      required: r.required,
      held: r.held,
    })),
  };
}

/** Arrears ageing buckets. */
export function ageingTable(s: PortfolioSummary): ReportTable {
  return {
    name: 'ageing',
    columns: cols('date', 'currency', 'bucket', 'loans', 'principal', 'overdue'),
    rows: s.ageing.rows.map((r) => ({ date: s.ageing.date, ...r })),
  };
}

/** Disbursements and collections per period. */
export function flowsTable(f: FlowsReport): ReportTable {
  return {
    name: 'flows',
    columns: cols(
      'period',
      'currency',
      'disbursements',
      'disbursementCount',
      'collections',
      'collectionCount',
      'recoveries',
    ),
    rows: f.rows.map((r) => ({ ...r })),
  };
}

/** Active loans, principal and exposure per product code. */
export function productMixTable(m: ProductMixReport): ReportTable {
  return {
    name: 'products',
    columns: cols('date', 'code', 'name', 'currency', 'loans', 'principal', 'exposure'),
    rows: m.rows.map((r) => ({ date: m.date, ...r })),
  };
}

/** Sub-ledger against control accounts. */
export function reconciliationTable(r: ReconciliationReport): ReportTable {
  return {
    name: 'reconciliation',
    columns: cols('currency', 'component', 'account', 'subledgerMinor', 'ledgerMinor', 'differenceMinor'),
    rows: r.lines.map((l) => ({ ...l })),
  };
}

function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A table as RFC 4180 CSV (header row, CRLF line ends).
 *
 * @example toCsv(parTable(summary)).split('\r\n')[0] // 'date,currency,loans,…'
 */
export function toCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Tables as an Excel workbook (one sheet each), built with exceljs. Decimal strings that are
 * amounts are written as numbers so spreadsheets can sum them.
 *
 * @example const bytes = await toXlsx([trialBalanceTable(tb)]);
 */
export async function toXlsx(tables: readonly ReportTable[]): Promise<Buffer> {
  // Loaded on first use: exceljs takes most of a second to import.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Puhui';
  book.created = new Date(0);
  for (const t of tables) {
    const sheet = book.addWorksheet(t.name.slice(0, 31));
    sheet.columns = t.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.max(10, c.header.length + 2),
    }));
    for (const row of t.rows) {
      const out: Record<string, string | number | boolean | null> = {};
      for (const c of t.columns) {
        const v = row[c.key] ?? null;
        out[c.key] =
          typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && c.key !== 'account' ? Number(v) : v;
      }
      sheet.addRow(out);
    }
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
