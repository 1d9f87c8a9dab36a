import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  ageingTable,
  classificationTable,
  flowsReport,
  flowsTable,
  parTable,
  portfolioAt,
  productMixReport,
  productMixTable,
  provisioningTable,
  REPORT_KINDS,
  type ReportKind,
  type ReportTable,
  reconcileBooks,
  reconciliationTable,
  toCsv,
  toXlsx,
  trialBalanceReport,
  trialBalanceTable,
} from '@puhui/services';
import { type CliCommand, CliError } from '../command.ts';
import { parseOptions } from '../io.ts';
import { withContext } from '../runtime.ts';

function textTable(t: ReportTable): string {
  const widths = t.columns.map((c) =>
    Math.max(c.header.length, ...t.rows.map((r) => String(r[c.key] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(t.columns.map((c) => c.header)),
    ...t.rows.map((r) => line(t.columns.map((c) => String(r[c.key] ?? '')))),
  ].join('\n');
}

export const report: CliCommand = {
  name: 'report',
  summary: 'Portfolio and accounting reports (trial balance, PAR, classification, provisioning, …)',
  usage: `Usage: puhui report <${REPORT_KINDS.join('|')}> [--date YYYY-MM-DD] [--json|--csv|--xlsx FILE]

  trial-balance   every account with debit and credit totals (booked up to --date)
  par             portfolio at risk PAR1/30/60/90 and NPL ratio
  classification  loans and exposure per five-category classification
  provisioning    loss allowance required and held per category
  ageing          arrears ageing buckets
  flows           disbursements and collections (--from, --to, --period day|month)
  reconciliation  loan sub-ledger against the control accounts
  products        active loans, principal and exposure per product (now)

A --date before the open business date reads the figures its end of day stored.

Options:
  --date D        as of this business date
  --json          JSON on stdout
  --csv           CSV on stdout
  --xlsx FILE     write an Excel workbook
  --from D --to D --period P   range and period of 'flows'`,
  async run(ctx) {
    const { values, positionals } = parseOptions(
      ctx,
      {
        date: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        xlsx: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        period: { type: 'string' },
      },
      true,
    );
    const kind = positionals[0] as ReportKind | undefined;
    if (!kind || !(REPORT_KINDS as readonly string[]).includes(kind))
      throw new CliError(`name a report: ${REPORT_KINDS.join(', ')}`, 2);
    for (const d of [values.date, values.from, values.to])
      if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new CliError('dates are YYYY-MM-DD', 2);
    if ([values.json, values.csv, values.xlsx !== undefined].filter(Boolean).length > 1)
      throw new CliError('choose one of --json, --csv, --xlsx', 2);
    return withContext(ctx, async (svc) => {
      let json: unknown;
      let table: ReportTable;
      switch (kind) {
        case 'trial-balance': {
          const tb = await trialBalanceReport(svc, values.date);
          json = tb;
          table = trialBalanceTable(tb);
          break;
        }
        case 'flows': {
          if (!values.from || !values.to) throw new CliError('flows needs --from and --to', 2);
          const period = values.period === 'day' ? 'day' : 'month';
          const f = await flowsReport(svc, { from: values.from, to: values.to, period });
          json = f;
          table = flowsTable(f);
          break;
        }
        case 'products': {
          const m = await productMixReport(svc);
          json = m;
          table = productMixTable(m);
          break;
        }
        case 'reconciliation': {
          const r = await reconcileBooks(svc, svc.store.db);
          json = r;
          table = reconciliationTable(r);
          break;
        }
        default: {
          const s = await portfolioAt(svc, values.date);
          const pick = {
            par: [s.par, parTable],
            classification: [s.classification, classificationTable],
            provisioning: [s.classification, provisioningTable],
            ageing: [s.ageing, ageingTable],
          } as const;
          const [data, make] = pick[kind];
          json = data;
          table = make(s);
        }
      }
      if (values.json) ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      else if (values.csv) ctx.stdout.write(toCsv(table));
      else if (values.xlsx !== undefined) {
        const file = resolve(ctx.cwd, values.xlsx);
        await writeFile(file, await toXlsx([table]));
        ctx.stdout.write(`wrote ${kind} (${table.rows.length} rows) to ${values.xlsx}\n`);
      } else ctx.stdout.write(`${textTable(table)}\n`);
      return 0;
    });
  },
};
