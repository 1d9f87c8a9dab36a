import { type EodProgress, endOfDay } from '@puhui/services';
import { type CliCommand, CliError } from '../command.ts';
import { parseOptions } from '../io.ts';
import { output, withContext } from '../runtime.ts';

const WIDTH = 30;

function bar(p: EodProgress): string {
  const share = p.pending === 0 ? 1 : Math.min(1, p.processed / p.pending);
  const filled = Math.round(share * WIDTH);
  return `\r${p.date} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${p.processed}/${p.pending} loans`;
}

export const eod: CliCommand = {
  name: 'eod',
  summary: 'Run end of day: accrue, age, classify, provision and close business dates',
  usage: `Usage: puhui eod [--date YYYY-MM-DD] [--batch N] [--worker NAME] [--json]

Closes every business date from the open one up to --date (default: the open date itself), in
order: per active loan interest accrual (accrual basis), days past due, penalties, classification
and due-soon/overdue events; then provisions per category and a reconciliation of the loan
sub-ledger with the control accounts. Safe to interrupt and re-run: a closed date changes nothing,
an interrupted one resumes where it stopped. On PostgreSQL several 'puhui eod' processes may run
the same dates at once and share the work.

Options:
  --date D     last business date to close (YYYY-MM-DD)
  --batch N    loans per database transaction (default 500)
  --worker W   this worker's name in the progress records (default: eod-<pid>)
  --json       machine-readable output`,
  async run(ctx) {
    const { values } = parseOptions(ctx, {
      date: { type: 'string' },
      batch: { type: 'string' },
      worker: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
      throw new CliError('--date must be YYYY-MM-DD', 2);
    const batchSize = values.batch === undefined ? 500 : Number(values.batch);
    if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
      throw new CliError('--batch must be a whole number from 1 to 10000', 2);
    const tty = (ctx.stdout as { isTTY?: boolean }).isTTY === true && !values.json;
    return withContext(ctx, async (svc) => {
      const result = await endOfDay(svc, {
        date: values.date,
        batchSize,
        worker: values.worker ?? `eod-${process.pid}`,
        ...(tty ? { onProgress: (p: EodProgress) => ctx.stdout.write(bar(p)) } : {}),
      });
      if (tty) ctx.stdout.write('\n');
      const closed = result.days.filter((d) => !d.alreadyClosed);
      const first = result.days[0]?.date;
      const last = result.days[result.days.length - 1]?.date;
      const loans = closed.reduce((s, d) => s + d.processedHere, 0);
      const entries = closed.reduce((s, d) => s + d.entries, 0);
      output(
        ctx,
        values.json,
        result,
        closed.length === 0
          ? `${last} was already closed; nothing to do (open business date ${result.openDate})`
          : `closed ${first === last ? first : `${first}..${last}`}: ${closed.length} day(s), ${loans} loan-days processed, ${entries} journal entries, books reconciled; open business date ${result.openDate}`,
      );
      return 0;
    });
  },
};
