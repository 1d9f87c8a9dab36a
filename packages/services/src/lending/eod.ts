import { AppError } from '@puhui/core';
import { type JournalEntry, post } from '@puhui/ledger';
import { LOAN_CATEGORIES } from '@puhui/loans';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '@puhui/money';
import {
  accountTotalsOf,
  appendEntries,
  claimEodBatch,
  completeEodRun,
  countEodPending,
  type EodLoanRow,
  eodProgress,
  findEodRun,
  findLoanStates,
  insertClassificationChanges,
  insertEodBatch,
  type LoanClassificationChangeRow,
  type LoanEodUpdate,
  listEodRuns,
  lockEodRun,
  type StoredEntry,
  saveEodInputs,
  setOpenDate,
  startEodRun,
  type Tx,
  updateLoansEod,
} from '@puhui/store';
import { nowIso, type Principal, type ServiceContext } from '../context.ts';
import { audit } from '../platform/audit.ts';
import { emit } from '../platform/events.ts';
import { decodeEodInput, encodeEodInput, type ServicingAccount, snapshotOf } from './account.ts';
import { businessDate, CHART, postEntries } from './books.ts';
import { classificationChange, positionOf, productConfigOf, rulesOf } from './loans.ts';
import { planPostings } from './posting.ts';
import type { ProductConfig } from './product-config.ts';
import { type PortfolioSummary, portfolioSummary, reconcileBooks, requiredAllowance } from './reports.ts';

/** Options of {@link endOfDay}. */
export interface EodOptions {
  /** Close business dates up to and including this one (default: the open business date). */
  readonly date?: string | undefined;
  /** Loans per batch transaction (default 500). */
  readonly batchSize?: number;
  /** Name of this worker in the progress records (several may share a run on PostgreSQL). */
  readonly worker?: string;
  /** Called after every committed batch. */
  readonly onProgress?: (p: EodProgress) => void;
  /**
   * Batches this worker keeps in flight at once on PostgreSQL (default 2), so computing one
   * overlaps the database writing another; SQLite, with its single writer, always runs one.
   */
  readonly lanes?: number;
  /** How long a worker waits between checks while others finish a run (ms, default 100). */
  readonly pollMs?: number;
  /** Give up when no loan of the date was processed by anyone for this long (ms, default 120 s). */
  readonly stallMs?: number;
}

/** Progress of the running date. */
export interface EodProgress {
  readonly date: string;
  /** Loans this worker has processed for the date. */
  readonly processed: number;
  /** Active loans still to process when the run started (all workers). */
  readonly pending: number;
}

/** What end of day did for one business date. */
export interface EodDay {
  readonly date: string;
  /** True when the date was already closed: nothing changed. */
  readonly alreadyClosed: boolean;
  readonly loans: number;
  readonly batches: number;
  readonly entries: number;
  /** Loans this worker processed. */
  readonly processedHere: number;
  readonly provisionEntries: number;
  readonly reconciled: boolean;
}

/** The outcome of {@link endOfDay}. */
export interface EodResult {
  readonly days: readonly EodDay[];
  /** The open business date afterwards. */
  readonly openDate: string;
}

const SYSTEM: Principal = { kind: 'system', id: 'eod' };
const MILESTONES = [1, 31, 61, 91, 181, 361];

/**
 * Closes business dates: for each date from the open one up to `date` (catching up missed days in
 * order), every active loan is brought to the date in batches — interest accrued (accrual basis),
 * penalties charged, days past due and classification updated (the arrears floor, or staff's worse
 * category), due-soon and overdue events emitted — then provisions are posted per category, the
 * sub-ledger is reconciled with the control accounts, and the next date opens.
 *
 * Each batch is one transaction that also stamps its loans with the date, so a crash loses at
 * most the batch in flight and a rerun continues where it stopped; a date already closed changes
 * nothing. Loans are streamed by id (bounded memory). On PostgreSQL several workers may run the
 * same dates at once: batches are claimed with `FOR UPDATE SKIP LOCKED` and one worker alone
 * finishes each date.
 *
 * @example await endOfDay(ctx, { date: '2026-03-31' });
 */
export async function endOfDay(ctx: ServiceContext, options: EodOptions = {}): Promise<EodResult> {
  if (options.date !== undefined && !isLocalDate(options.date))
    throw new AppError('validation_failed', `${options.date} is not a date (YYYY-MM-DD)`, [
      { path: 'date', message: 'not a calendar date' },
    ]);
  const open = await businessDate(ctx, ctx.store.db);
  const target = options.date ?? open;
  const days: EodDay[] = [];
  if (target < open) {
    const run = await findEodRun(ctx.store.db, target);
    if (run?.status !== 'completed')
      throw new AppError(
        'eod_date_invalid',
        `${target} is before the open business date ${open} and was never closed`,
      );
    days.push(closedDay(run.business_date, run.loans, run.batches, run.entries));
    return { days, openDate: open };
  }
  for (let date = open; date <= target; date = addDays(date as LocalDate, 1)) {
    days.push(await closeDate(ctx, date, options));
  }
  return { days, openDate: await businessDate(ctx, ctx.store.db) };
}

function closedDay(date: string, loans: number, batches: number, entries: number): EodDay {
  return {
    date,
    alreadyClosed: true,
    loans,
    batches,
    entries,
    processedHere: 0,
    provisionEntries: 0,
    reconciled: true,
  };
}

async function closeDate(ctx: ServiceContext, date: string, options: EodOptions): Promise<EodDay> {
  const existing = await findEodRun(ctx.store.db, date);
  if (existing?.status === 'completed')
    return closedDay(date, existing.loans, existing.batches, existing.entries);
  await startEodRun(ctx.store.db, date, nowIso(ctx));
  const batchSize = options.batchSize ?? 500;
  const worker = options.worker ?? 'main';
  const pending = await countEodPending(ctx.store.db, date);
  let processed = 0;
  let idle = 0;
  let lastPending = pending;
  // On PostgreSQL several batches are in flight at once (each claims its own loans with SKIP
  // LOCKED), so computing one overlaps the database writing another.
  const lanes = ctx.store.capabilities.skipLocked ? Math.max(1, options.lanes ?? 2) : 1;
  for (;;) {
    let failed = false;
    const lane = async () => {
      let cursor = '';
      while (!failed) {
        const batch = await ctx.store.transaction((tx) =>
          processBatch(ctx, tx, date, cursor, batchSize, worker),
        );
        if (batch === null) return;
        processed += batch.loans;
        cursor = batch.lastId;
        options.onProgress?.({ date, processed, pending });
        // On SQLite every await resolves at once: a turn of the event loop between batches keeps
        // a server running its scheduled end of day answering requests.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(
      Array.from({ length: lanes }, () =>
        lane().catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    const finished = await ctx.store.transaction((tx) => finishDate(ctx, tx, date));
    if (finished) {
      const run = await findEodRun(ctx.store.db, date);
      return {
        date,
        alreadyClosed: false,
        loans: run?.loans ?? 0,
        batches: run?.batches ?? 0,
        entries: run?.entries ?? 0,
        processedHere: processed,
        provisionEntries: finished.provisionEntries,
        reconciled: true,
      };
    }
    // Another worker still holds loans of this date: wait, then take over anything left.
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
    const left = await countEodPending(ctx.store.db, date);
    idle = left < lastPending ? 0 : idle + 1;
    lastPending = left;
    if (idle * (options.pollMs ?? 100) > (options.stallMs ?? 120_000))
      throw new AppError(
        'internal_error',
        `end of day ${date} stalled: ${left} loans left that no worker can claim`,
      );
    const run = await findEodRun(ctx.store.db, date);
    if (run?.status === 'completed')
      return {
        ...closedDay(date, run.loans, run.batches, run.entries),
        alreadyClosed: false,
        processedHere: processed,
      };
  }
}

async function processBatch(
  ctx: ServiceContext,
  tx: Tx,
  date: string,
  afterId: string,
  limit: number,
  worker: string,
): Promise<{ loans: number; lastId: string } | null> {
  const rows = await claimEodBatch(tx, ctx.store, date, afterId, limit);
  if (rows.length === 0) return null;
  const inputs = await eodInputsOf(tx, rows);
  const configs = new Map<string, ProductConfig>();
  for (const row of rows)
    if (!configs.has(row.product_id))
      configs.set(row.product_id, await productConfigOf(ctx, tx, row.product_id));
  const entries: StoredEntry[] = [];
  const updates: LoanEodUpdate[] = [];
  const events: Array<{ loanId: string; type: string; payload: Record<string, unknown> }> = [];
  const changes: LoanClassificationChangeRow[] = [];
  const memo = `EOD ${date}`;
  rows.forEach((row, k) => {
    const config = configs.get(row.product_id) as ProductConfig;
    let n = 0;
    // Decoded one at a time, so a batch keeps no parsed accounts alive.
    const snap = snapshotOf(decodeEodInput(inputs[k] as string), date, rulesOf(config, row));
    const plan = planPostings({
      loanId: row.id,
      currency: row.currency,
      basis: config.basis,
      chart: CHART,
      businessDate: date,
      previous: new Map(),
      previousEntries: new Map(),
      effects: [],
      fundsOf: () => ({ kind: 'channel', channel: 'bank' }),
      booked: positionOf(row),
      target: snap.position,
      writeOff: () => ({ classification: row.classification, fromAllowanceMinor: 0 }),
      // Deterministic ids: a loan is processed once per date, so they never collide.
      newId: () => `je_eod_${date}_${row.id}_${++n}`,
      memo,
    });
    // One append for the whole batch; each entry keeps its own loan and borrower.
    for (const e of plan.entries) entries.push({ ...e, borrowerId: row.borrower_id });
    updates.push({
      id: row.id,
      principalOutstandingMinor: snap.position.principalMinor,
      interestReceivableMinor: snap.position.interestMinor,
      feesReceivableMinor: snap.position.feesMinor,
      penaltiesReceivableMinor: snap.position.penaltiesMinor,
      overpaymentMinor: snap.position.overpaymentMinor,
      totalOutstandingMinor: snap.payoffMinor,
      overdueMinor: snap.overdueMinor,
      dpd: snap.dpd,
      classification: snap.classification,
      nextDueDate: snap.nextDueDate,
      eodDate: date,
    });
    if (
      snap.nextDueDate !== null &&
      daysBetween(date as LocalDate, snap.nextDueDate as LocalDate) === config.dueSoonDays
    )
      events.push({
        loanId: row.id,
        type: 'loan.payment_due_soon',
        payload: { loanId: row.id, dueDate: snap.nextDueDate, businessDate: date },
      });
    const crossed = MILESTONES.filter((m) => row.dpd < m && snap.dpd >= m).pop();
    if (crossed !== undefined)
      events.push({
        loanId: row.id,
        type: 'loan.overdue',
        payload: { loanId: row.id, dpd: snap.dpd, overdueMinor: snap.overdueMinor, businessDate: date },
      });
    changes.push(
      ...classificationChange(
        ctx,
        row.id,
        row.classification,
        snap.classification,
        'end_of_day',
        SYSTEM,
        snap.dpd,
        date,
      ),
    );
    if (snap.classification !== row.classification)
      events.push({
        loanId: row.id,
        type: 'loan.classification_changed',
        payload: { loanId: row.id, from: row.classification, to: snap.classification, businessDate: date },
      });
  });
  const now = nowIso(ctx);
  await appendEntries(tx, entries, now);
  await updateLoansEod(tx, ctx.store, updates, now);
  await insertClassificationChanges(tx, changes);
  for (const e of events) await emit(ctx, tx, `loan:${e.loanId}`, e.type, e.payload);
  const first = rows[0]?.id as string;
  const last = rows[rows.length - 1]?.id as string;
  await insertEodBatch(tx, {
    id: `eodb_${date}_${first}`,
    business_date: date,
    worker,
    first_loan_id: first,
    last_loan_id: last,
    loans: rows.length,
    entries: entries.length,
    committed_at: now,
  });
  return { loans: rows.length, lastId: last };
}

/**
 * The compact end-of-day inputs of a batch, in row order. A loan stored before inputs existed has
 * its input made from the servicing state once, and saved in the batch's transaction.
 */
async function eodInputsOf(tx: Tx, rows: readonly EodLoanRow[]): Promise<string[]> {
  const missing = rows.filter((r) => r.eod_input === null).map((r) => r.id);
  const filled = new Map<string, string>();
  if (missing.length > 0) {
    const made = (await findLoanStates(tx, missing)).map((s) => ({
      loanId: s.loan_id,
      input: encodeEodInput(JSON.parse(s.state) as ServicingAccount),
    }));
    await saveEodInputs(tx, made);
    for (const m of made) filled.set(m.loanId, m.input);
  }
  return rows.map((r) => {
    const input = r.eod_input ?? filled.get(r.id);
    if (input === undefined) throw new AppError('internal_error', `loan ${r.id} has no servicing state`);
    return input;
  });
}

/**
 * The last step of a date, by one worker under the run's row lock: when no loan is left, post the
 * provisions per category and currency, reconcile the sub-ledger with the control accounts (a
 * difference fails the step and leaves the run open), store the portfolio figures and open the
 * next date. Returns null while loans remain (other workers still hold them).
 */
async function finishDate(
  ctx: ServiceContext,
  tx: Tx,
  date: string,
): Promise<{ provisionEntries: number } | null> {
  const run = await lockEodRun(tx, ctx.store, date);
  if (!run) throw new AppError('internal_error', `end of day ${date} has no run record`);
  if (run.status === 'completed') return { provisionEntries: 0 };
  if ((await countEodPending(tx, date)) > 0) return null;
  const required = await requiredAllowance(ctx, tx);
  const allowanceCode = CHART.byRole.get('lossAllowance')?.code as string;
  const currencies = new Set<string>([...required.values()].map((r) => r.currency));
  const held = new Map<string, number>();
  for (const t of await accountTotalsOf(tx)) {
    if (!t.account.startsWith(`${allowanceCode}:`)) continue;
    currencies.add(t.currency);
    held.set(`${t.currency}:${t.account.slice(allowanceCode.length + 1)}`, t.creditMinor - t.debitMinor);
  }
  const provisions: JournalEntry[] = [];
  for (const currency of [...currencies].sort()) {
    for (const category of LOAN_CATEGORIES) {
      const r = post(
        {
          type: 'provision',
          id: `je_eod_${date}_provision_${currency}_${category}`,
          txnRef: `eod:${date}`,
          businessDate: date,
          currency,
          classification: category,
          currentMinor: held.get(`${currency}:${category}`) ?? 0,
          targetMinor: required.get(`${currency}:${category}`)?.required ?? 0,
          memo: `EOD ${date}: provision ${category}`,
        },
        'accrual',
        CHART,
      );
      if (!r.ok) throw new AppError('internal_error', r.errors.map((e) => e.message).join('; '));
      if (r.value) provisions.push(r.value);
    }
  }
  await postEntries(ctx, tx, provisions);
  const reconciliation = await reconcileBooks(ctx, tx, { perLoan: false });
  if (!reconciliation.balanced) {
    const diff = reconciliation.lines.filter((l) => l.differenceMinor !== 0);
    throw new AppError(
      'reconciliation_failed',
      `End of day ${date}: ${diff.map((d) => `${d.currency} ${d.component} ledger ${d.ledgerMinor} ≠ sub-ledger ${d.subledgerMinor}`).join('; ')}`,
    );
  }
  const summary: PortfolioSummary = await portfolioSummary(ctx, tx, date);
  const progress = await eodProgress(tx, date);
  await completeEodRun(tx, date, {
    completedAt: nowIso(ctx),
    loans: progress.loans,
    batches: progress.batches,
    entries: progress.entries + provisions.length,
    summary: JSON.stringify(summary),
  });
  const next = addDays(date as LocalDate, 1);
  await setOpenDate(tx, next, nowIso(ctx));
  await audit(ctx, tx, SYSTEM, {
    action: 'eod.complete',
    subjectType: 'business_date',
    subjectId: date,
    details: {
      loans: progress.loans,
      batches: progress.batches,
      entries: progress.entries,
      provisions: provisions.length,
    },
  });
  await emit(ctx, tx, `eod:${date}`, 'eod.completed', {
    businessDate: date,
    nextBusinessDate: next,
    loans: progress.loans,
  });
  return { provisionEntries: provisions.length };
}

/**
 * Recent end-of-day runs, newest first. A completed run shows its final counts; a running one its
 * progress so far (loans, batches and entries of the batches committed) and `pending`, the active
 * loans still to process for the date.
 *
 * @example (await listEodRunsView(ctx, 10)).runs[0] // { date, status: 'running', loans: 500, pending: 1200, … }
 */
export async function listEodRunsView(ctx: ServiceContext, limit = 30) {
  const open = await businessDate(ctx, ctx.store.db);
  const runs = await listEodRuns(ctx.store.db, limit);
  return {
    openDate: open,
    runs: await Promise.all(
      runs.map(async (r) => {
        const live =
          r.status === 'running'
            ? {
                ...(await eodProgress(ctx.store.db, r.business_date)),
                pending: await countEodPending(ctx.store.db, r.business_date),
              }
            : { loans: r.loans, batches: r.batches, entries: r.entries, pending: 0 };
        return {
          date: r.business_date,
          status: r.status,
          startedAt: r.started_at,
          completedAt: r.completed_at,
          ...live,
        };
      }),
    ),
  };
}
