import type { Selectable } from 'kysely';
import type { RiskModelsTable, RiskScoreLogTable } from './schema.ts';
import type { Executor } from './store.ts';

export type RiskModelRow = Selectable<RiskModelsTable>;
export type RiskModelStatus = RiskModelsTable['status'];
/** A model row without its heavy JSON columns (artefact, report). */
export type RiskModelSummaryRow = Omit<RiskModelRow, 'artefact' | 'report'>;
export type RiskScoreLogRow = Selectable<RiskScoreLogTable>;

const SUMMARY_COLUMNS = [
  'id',
  'name',
  'version',
  'kind',
  'source',
  'status',
  'metrics',
  'notes',
  'training_data_hash',
  'created_by',
  'created_at',
  'promoted_by',
  'promoted_at',
] as const;

/** Stores a new model. */
export async function insertRiskModel(db: Executor, row: RiskModelRow): Promise<void> {
  await db.insertInto('risk_models').values(row).execute();
}

/** One model with its artefact and report, if any. */
export async function findRiskModel(db: Executor, id: string): Promise<RiskModelRow | undefined> {
  return db.selectFrom('risk_models').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * One model, locked against concurrent role changes until the transaction ends (PostgreSQL; SQLite
 * serialises writers).
 */
export async function lockRiskModel(
  db: Executor,
  id: string,
  rowLocks: boolean,
): Promise<RiskModelSummaryRow | undefined> {
  const q = db.selectFrom('risk_models').select(SUMMARY_COLUMNS).where('id', '=', id);
  return (rowLocks ? q.forUpdate() : q).executeTakeFirst();
}

/** The highest version stored under a model name (0 when none). */
export async function latestRiskModelVersion(db: Executor, name: string): Promise<number> {
  const row = await db
    .selectFrom('risk_models')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Model summaries (no artefact or report), newest first, optionally of one status. */
export async function listRiskModels(
  db: Executor,
  filter: { status?: RiskModelStatus | undefined; limit: number; offset: number },
): Promise<RiskModelSummaryRow[]> {
  let q = db.selectFrom('risk_models').select(SUMMARY_COLUMNS);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** The ids of the current champion and challenger (null when the role is empty). */
export async function findRiskRoles(
  db: Executor,
): Promise<{ championId: string | null; challengerId: string | null }> {
  const rows = await db
    .selectFrom('risk_models')
    .select(['id', 'status'])
    .where('status', 'in', ['champion', 'challenger'])
    .execute();
  return {
    championId: rows.find((r) => r.status === 'champion')?.id ?? null,
    challengerId: rows.find((r) => r.status === 'challenger')?.id ?? null,
  };
}

/** Moves every model holding `from` to `to` (e.g. the champion to retired); returns their ids. */
export async function demoteRiskRole(
  db: Executor,
  from: 'champion' | 'challenger',
  to: RiskModelStatus,
): Promise<string[]> {
  const rows = await db.selectFrom('risk_models').select('id').where('status', '=', from).execute();
  if (rows.length === 0) return [];
  await db.updateTable('risk_models').set({ status: to }).where('status', '=', from).execute();
  return rows.map((r) => r.id);
}

/** Gives one model a new status, recording who promoted it and when. */
export async function setRiskModelStatus(
  db: Executor,
  id: string,
  status: RiskModelStatus,
  by: { promotedBy: string; promotedAt: string },
): Promise<void> {
  await db
    .updateTable('risk_models')
    .set({ status, promoted_by: by.promotedBy, promoted_at: by.promotedAt })
    .where('id', '=', id)
    .execute();
}

/** Appends live scores (one statement, so a champion's and a challenger's row land together). */
export async function insertRiskScores(db: Executor, rows: readonly RiskScoreLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('risk_score_log')
    .values([...rows])
    .execute();
}

/** Logged scores of one model, newest first. */
export async function listRiskScores(
  db: Executor,
  filter: { modelId?: string | undefined; requestId?: string | undefined; limit: number },
): Promise<RiskScoreLogRow[]> {
  let q = db.selectFrom('risk_score_log').selectAll();
  if (filter.modelId) q = q.where('model_id', '=', filter.modelId);
  if (filter.requestId) q = q.where('request_id', '=', filter.requestId);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/**
 * Applicants scored by both models, as (champion row, challenger row) pairs joined on the request
 * id, newest first.
 */
export async function listShadowPairs(
  db: Executor,
  filter: { championId: string; challengerId: string; limit: number },
): Promise<
  {
    request_id: string;
    champion_probability: number;
    champion_score: number;
    champion_grade: string;
    champion_decision: 'approve' | 'decline';
    challenger_probability: number;
    challenger_score: number;
    challenger_grade: string;
    challenger_decision: 'approve' | 'decline';
    created_at: string;
  }[]
> {
  return db
    .selectFrom('risk_score_log as c')
    .innerJoin('risk_score_log as s', (j) =>
      j.onRef('s.request_id', '=', 'c.request_id').on('s.role', '=', 'challenger'),
    )
    .select([
      'c.request_id as request_id',
      'c.probability as champion_probability',
      'c.score as champion_score',
      'c.grade as champion_grade',
      'c.decision as champion_decision',
      's.probability as challenger_probability',
      's.score as challenger_score',
      's.grade as challenger_grade',
      's.decision as challenger_decision',
      'c.created_at as created_at',
    ])
    .where('c.role', '=', 'champion')
    .where('c.model_id', '=', filter.championId)
    .where('s.model_id', '=', filter.challengerId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(filter.limit)
    .execute();
}
