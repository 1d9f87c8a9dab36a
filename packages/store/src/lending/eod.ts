import { type Selectable, sql } from 'kysely';
import type { Executor, Store, Tx } from '../store.ts';
import type { LoanRow } from './loans.ts';
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

/** What end of day reads of a loan: the row's hot columns and its compact input. */
export type EodLoanRow = Pick<
  LoanRow,
  | 'id'
  | 'borrower_id'
  | 'product_id'
  | 'currency'
  | 'principal_outstanding_minor'
  | 'interest_receivable_minor'
  | 'fees_receivable_minor'
  | 'penalties_receivable_minor'
  | 'overpayment_minor'
  | 'dpd'
  | 'classification'
  | 'staff_classification'
> & {
  /** The compact end-of-day input; null for a loan stored before inputs existed. */
  eod_input: string | null;
};

/**
 * The next batch of active loans not yet processed for `date`, after `afterId` in id order (the
 * loans' primary key). On PostgreSQL the loan rows are locked with `FOR UPDATE SKIP LOCKED`, so
 * several workers share a run without taking the same loan.
 *
 * @example const batch = await claimEodBatch(tx, store, '2026-03-02', '', 1000);
 */
export async function claimEodBatch(
  tx: Tx,
  store: Pick<Store, 'capabilities'>,
  date: string,
  afterId: string,
  limit: number,
): Promise<EodLoanRow[]> {
  let q = tx
    .selectFrom('loans')
    .leftJoin('loan_eod_inputs as i', (j) =>
      // Bounds both sides of the join, so PostgreSQL's merge join starts at the cursor.
      j.onRef('i.loan_id', '=', 'loans.id').on('i.loan_id', '>', afterId),
    )
    .select([
      'loans.id',
      'loans.borrower_id',
      'loans.product_id',
      'loans.currency',
      'loans.principal_outstanding_minor',
      'loans.interest_receivable_minor',
      'loans.fees_receivable_minor',
      'loans.penalties_receivable_minor',
      'loans.overpayment_minor',
      'loans.dpd',
      'loans.classification',
      'loans.staff_classification',
      'i.input as eod_input',
    ])
    .where('loans.status', '=', 'active')
    .where((eb) => eb.or([eb('loans.eod_date', 'is', null), eb('loans.eod_date', '<', date)]))
    .where('loans.id', '>', afterId)
    .orderBy('loans.id')
    .limit(limit);
  if (store.capabilities.skipLocked) q = q.forUpdate(['loans']).skipLocked();
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

/**
 * Writes end-of-day results for many loans in one statement per batch, looking loans up by
 * primary key: on PostgreSQL `UPDATE … FROM unnest(…)` with one array parameter per column; on
 * SQLite `UPDATE … FROM json_each(…)` with one JSON parameter. No indexed column changes, so PostgreSQL can
 * keep each new row version on its page (a heap-only update).
 */
export async function updateLoansEod(
  tx: Tx,
  store: Pick<Store, 'dialect'>,
  rows: readonly LoanEodUpdate[],
  now: string,
): Promise<void> {
  if (rows.length === 0) return;
  const set = sql`principal_outstanding_minor = s.p, interest_receivable_minor = s.i,
      fees_receivable_minor = s.f, penalties_receivable_minor = s.pen, overpayment_minor = s.o,
      total_outstanding_minor = s.t, overdue_minor = s.od, dpd = s.dpd, classification = s.c,
      next_due_date = s.nd, eod_date = s.ed, updated_at = ${now}, version = loans.version + 1`;
  if (store.dialect === 'postgres') {
    const col = <T>(f: (r: LoanEodUpdate) => T) => rows.map(f);
    await sql`update loans set ${set}
      from unnest(${col((r) => r.id)}::text[], ${col((r) => r.principalOutstandingMinor)}::bigint[],
        ${col((r) => r.interestReceivableMinor)}::bigint[], ${col((r) => r.feesReceivableMinor)}::bigint[],
        ${col((r) => r.penaltiesReceivableMinor)}::bigint[], ${col((r) => r.overpaymentMinor)}::bigint[],
        ${col((r) => r.totalOutstandingMinor)}::bigint[], ${col((r) => r.overdueMinor)}::bigint[],
        ${col((r) => r.dpd)}::integer[], ${col((r) => r.classification)}::text[],
        ${col((r) => r.nextDueDate)}::text[], ${col((r) => r.eodDate)}::text[])
        as s(id, p, i, f, pen, o, t, od, dpd, c, nd, ed)
      where loans.id = s.id`.execute(tx);
    return;
  }
  // One JSON parameter expanded by json_each: a short statement instead of 12 bound values a row.
  const json = JSON.stringify(
    rows.map((r) => [
      r.id,
      r.principalOutstandingMinor,
      r.interestReceivableMinor,
      r.feesReceivableMinor,
      r.penaltiesReceivableMinor,
      r.overpaymentMinor,
      r.totalOutstandingMinor,
      r.overdueMinor,
      r.dpd,
      r.classification,
      r.nextDueDate,
      r.eodDate,
    ]),
  );
  await sql`update loans set ${set}
    from (select value ->> 0 as id, value ->> 1 as p, value ->> 2 as i, value ->> 3 as f,
      value ->> 4 as pen, value ->> 5 as o, value ->> 6 as t, value ->> 7 as od, value ->> 8 as dpd,
      value ->> 9 as c, value ->> 10 as nd, value ->> 11 as ed from json_each(${json})) as s
    where loans.id = s.id`.execute(tx);
}
