import { type Selectable, sql } from 'kysely';
import type { Executor, Store, Tx } from '../store.ts';
import { type LoanRow, selectLoans } from './loans.ts';
import type { EodBatchesTable, EodRunsTable } from './schema.ts';

export type EodRunRow = Selectable<EodRunsTable>;
export type EodBatchRow = Selectable<EodBatchesTable>;

/** The open business date, if one was ever set. */
export async function findOpenDate(db: Executor): Promise<string | undefined> {
  const row = await db.selectFrom('business_date').select('open_date').where('id', '=', 1).executeTakeFirst();
  return row?.open_date;
}

/** Sets the open business date. */
export async function setOpenDate(db: Executor, date: string, now: string): Promise<void> {
  await db
    .insertInto('business_date')
    .values({ id: 1, open_date: date, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ open_date: date, updated_at: now }))
    .execute();
}

/** The end-of-day run of a business date, if any. */
export async function findEodRun(db: Executor, date: string): Promise<EodRunRow | undefined> {
  return db.selectFrom('eod_runs').selectAll().where('business_date', '=', date).executeTakeFirst();
}

/** Runs, newest first. */
export async function listEodRuns(db: Executor, limit: number): Promise<EodRunRow[]> {
  return db.selectFrom('eod_runs').selectAll().orderBy('business_date', 'desc').limit(limit).execute();
}

/** Creates the run of a date unless it exists (several workers may race to start it). */
export async function startEodRun(db: Executor, date: string, now: string): Promise<void> {
  await db
    .insertInto('eod_runs')
    .values({
      business_date: date,
      status: 'running',
      started_at: now,
      completed_at: null,
      loans: 0,
      batches: 0,
      entries: 0,
      summary: null,
    })
    .onConflict((oc) => oc.column('business_date').doNothing())
    .execute();
}

/** Reads a run for update (PostgreSQL row lock), so one worker alone finishes it. */
export async function lockEodRun(
  tx: Tx,
  store: Pick<Store, 'capabilities'>,
  date: string,
): Promise<EodRunRow | undefined> {
  let q = tx.selectFrom('eod_runs').selectAll().where('business_date', '=', date);
  if (store.capabilities.rowLocks) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Marks a run completed with its counts and summary. */
export async function completeEodRun(
  db: Executor,
  date: string,
  patch: { completedAt: string; loans: number; batches: number; entries: number; summary: string },
): Promise<void> {
  await db
    .updateTable('eod_runs')
    .set({
      status: 'completed',
      completed_at: patch.completedAt,
      loans: patch.loans,
      batches: patch.batches,
      entries: patch.entries,
      summary: patch.summary,
    })
    .where('business_date', '=', date)
    .execute();
}

/** Records a committed batch (in the batch's transaction). */
export async function insertEodBatch(db: Executor, row: EodBatchRow): Promise<void> {
  await db.insertInto('eod_batches').values(row).execute();
}

/** Batches, loans and entries committed so far for a date. */
export async function eodProgress(
  db: Executor,
  date: string,
): Promise<{ batches: number; loans: number; entries: number }> {
  const row = await db
    .selectFrom('eod_batches')
    .select((eb) => [
      eb.fn.countAll<number>().as('batches'),
      eb.fn.sum<number>('loans').as('loans'),
      eb.fn.sum<number>('entries').as('entries'),
    ])
    .where('business_date', '=', date)
    .executeTakeFirst();
  return {
    batches: Number(row?.batches ?? 0),
    loans: Number(row?.loans ?? 0),
    entries: Number(row?.entries ?? 0),
  };
}

/** Active loans end of day has not yet processed for `date`. */
export async function countEodPending(db: Executor, date: string): Promise<number> {
  const row = await db
    .selectFrom('loans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('eod_date', 'is', null), eb('eod_date', '<', date)]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The next batch of active loans not yet processed for `date`, after `afterId` in id order. On
 * PostgreSQL the rows are locked with `FOR UPDATE SKIP LOCKED`, so several workers share a run
 * without taking the same loan.
 *
 * @example const batch = await claimEodBatch(tx, store, '2026-03-02', '', 1000);
 */
export async function claimEodBatch(
  tx: Tx,
  store: Pick<Store, 'capabilities'>,
  date: string,
  afterId: string,
  limit: number,
): Promise<LoanRow[]> {
  let q = selectLoans(tx)
    .where('loans.status', '=', 'active')
    .where((eb) => eb.or([eb('loans.eod_date', 'is', null), eb('loans.eod_date', '<', date)]))
    .where('loans.id', '>', afterId)
    // Bounds both sides of the join, so PostgreSQL's merge join starts at the cursor.
    .where('loan_states.loan_id', '>', afterId)
    .orderBy('loans.id')
    .limit(limit);
  if (store.capabilities.skipLocked) q = q.forUpdate().skipLocked();
  return q.execute();
}

/** What end of day changes on a loan row. */
export interface LoanEodUpdate {
  readonly id: string;
  readonly principalOutstandingMinor: number;
  readonly interestReceivableMinor: number;
  readonly feesReceivableMinor: number;
  readonly penaltiesReceivableMinor: number;
  readonly overpaymentMinor: number;
  readonly totalOutstandingMinor: number;
  readonly overdueMinor: number;
  readonly dpd: number;
  readonly classification: string;
  readonly nextDueDate: string | null;
  readonly eodDate: string;
}

const BULK = 500;

/**
 * Writes end-of-day results for many loans: the batch's values go to a scratch table keyed by
 * loan id, one `UPDATE loans … FROM eod_staging` joins them in (primary keys on both sides, so
 * both databases loop over the batch and look loans up by id), and the scratch rows are removed
 * before the batch commits.
 */
export async function updateLoansEod(tx: Tx, rows: readonly LoanEodUpdate[], now: string): Promise<void> {
  if (rows.length === 0) return;
  // The batch's id range lets PostgreSQL read loans by primary key instead of scanning the table.
  let first = rows[0]?.id as string;
  let last = first;
  for (const r of rows) {
    if (r.id < first) first = r.id;
    if (r.id > last) last = r.id;
  }
  for (let i = 0; i < rows.length; i += BULK) {
    await tx
      .insertInto('eod_staging')
      .values(
        rows.slice(i, i + BULK).map((r) => ({
          id: r.id,
          p: r.principalOutstandingMinor,
          i: r.interestReceivableMinor,
          f: r.feesReceivableMinor,
          pen: r.penaltiesReceivableMinor,
          o: r.overpaymentMinor,
          t: r.totalOutstandingMinor,
          od: r.overdueMinor,
          dpd: r.dpd,
          c: r.classification,
          nd: r.nextDueDate,
          ed: r.eodDate,
        })),
      )
      .execute();
  }
  await sql`update loans set
      principal_outstanding_minor = s.p, interest_receivable_minor = s.i, fees_receivable_minor = s.f,
      penalties_receivable_minor = s.pen, overpayment_minor = s.o, total_outstanding_minor = s.t,
      overdue_minor = s.od, dpd = s.dpd, classification = s.c, next_due_date = s.nd, eod_date = s.ed,
      updated_at = ${now}, version = loans.version + 1
    from eod_staging s
    where loans.id = s.id and loans.id >= ${first} and loans.id <= ${last}`.execute(tx);
  await tx.deleteFrom('eod_staging').execute();
}
