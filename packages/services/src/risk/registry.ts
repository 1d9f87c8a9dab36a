import { AppError } from '@puhui/core';
import {
  buildReport,
  type FeatureSpec,
  type GradeBand,
  type MetricSummary,
  type ModelArtefact,
  type PointsRow,
  parseArtefact,
  pointsTable,
  pointsTableCsv,
  pointsTableXlsx,
  type RiskReport,
  type Scaling,
  serializeArtefact,
} from '@puhui/risk';
import {
  demoteRiskRole,
  findRiskModel,
  insertRiskModel,
  latestRiskModelVersion,
  listRiskModels as listRows,
  lockRiskModel,
  type RiskModelRow,
  type RiskModelStatus,
  type RiskModelSummaryRow,
  setRiskModelStatus,
  type Tx,
} from '@puhui/store';
import { actorOf, nowIso, type Principal, type ServiceContext } from '../context.ts';
import { audit } from '../platform/audit.ts';
import { emit } from '../platform/events.ts';
import { modelInputs } from './inputs.ts';
import { engineErrors, type PreparedRiskModel, parseDataset } from './prepare.ts';
import { invalidateRiskModelCache } from './scoring.ts';

/** Headline metrics of a stored model. */
export interface RiskModelMetrics {
  /** In-sample, on the rows the model was trained on. */
  readonly train: MetricSummary | null;
  /** Internal cross-validation (out-of-fold predictions) during training. */
  readonly validation: MetricSummary | null;
  /** Of the validation report: on the hold-out, the training rows or an uploaded dataset. */
  readonly report: (MetricSummary & { readonly aucLower: number; readonly aucUpper: number }) | null;
  readonly reportOn: PreparedRiskModel['reportOn'];
}

/** A registry entry as lists show it. */
export interface RiskModelView {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly kind: 'scorecard' | 'gbdt' | 'xgboost';
  readonly source: 'trained' | 'uploaded';
  readonly status: RiskModelStatus;
  readonly trainingDataHash: string | null;
  readonly metrics: RiskModelMetrics;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly promotedBy: string | null;
  readonly promotedAt: string | null;
}

/** One model with everything a risk manager signs off and the console charts. */
export interface RiskModelDetail extends RiskModelView {
  readonly target: ModelArtefact['target'];
  /** Decline when P(bad) ≥ cutoff. */
  readonly cutoff: number;
  readonly grades: readonly GradeBand[];
  readonly scaling: Scaling;
  /** Every candidate input the model was given (name, kind, special values). */
  readonly features: readonly FeatureSpec[];
  /** The inputs the model actually uses (scorecard variables, features split on by trees). */
  readonly inputs: readonly string[];
  readonly droppedColumns: ModelArtefact['droppedColumns'];
  readonly training: ModelArtefact['training'];
  readonly notes: readonly string[];
  /** Scorecards: the attribute-points table (one row per bin, plus the unseen-value row). */
  readonly points: readonly PointsRow[] | null;
  /** Trees: gain importance per input, largest first. */
  readonly importance: readonly { readonly name: string; readonly gain: number }[];
  /** The validation report: ROC, KS curve, calibration, score distribution, binning, stability, fairness. */
  readonly report: RiskReport | null;
}

function metricsOf(prepared: PreparedRiskModel): RiskModelMetrics {
  const r = prepared.report;
  return {
    train: prepared.artefact.metrics.train,
    validation: prepared.artefact.metrics.validation,
    report: r
      ? {
          rows: r.metrics.rows,
          bads: r.metrics.bads,
          auc: r.metrics.auc,
          gini: r.metrics.gini,
          ks: r.metrics.ks,
          brier: r.metrics.brier,
          logLoss: r.metrics.logLoss,
          aucLower: r.metrics.aucInterval.lower,
          aucUpper: r.metrics.aucInterval.upper,
        }
      : null,
    reportOn: prepared.reportOn,
  };
}

function view(row: RiskModelSummaryRow): RiskModelView {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    kind: row.kind,
    source: row.source,
    status: row.status,
    trainingDataHash: row.training_data_hash,
    metrics: JSON.parse(row.metrics) as RiskModelMetrics,
    createdBy: row.created_by,
    createdAt: row.created_at,
    promotedBy: row.promoted_by,
    promotedAt: row.promoted_at,
  };
}

function treeImportance(artefact: ModelArtefact): { name: string; gain: number }[] {
  if (artefact.gbdt) return [...artefact.gbdt.importance];
  const x = artefact.xgboost;
  if (!x) return [];
  const gain = new Array<number>(x.featureNames.length).fill(0);
  for (const t of x.trees)
    t.feature.forEach((f, i) => {
      if (f >= 0) gain[f] = gain[f]! + (t.gain[i] ?? 0);
    });
  return x.featureNames
    .map((name, f) => ({ name, gain: gain[f]! }))
    .filter((g) => g.gain > 0)
    .sort((a, b) => b.gain - a.gain || (a.name < b.name ? -1 : 1));
}

/**
 * Stores a trained or uploaded model as a new `candidate` (next version under its name), with an
 * audit record and a `risk.model_created` event, in the caller's transaction.
 *
 * @example await ctx.store.transaction((tx) => saveRiskModel(ctx, tx, actor, trainRiskModel(request)));
 */
export async function saveRiskModel(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  prepared: PreparedRiskModel,
): Promise<RiskModelView> {
  const version = (await latestRiskModelVersion(tx, prepared.name)) + 1;
  const metrics = metricsOf(prepared);
  const row: RiskModelRow = {
    id: ctx.ids.next('rsk'),
    name: prepared.name,
    version,
    kind: prepared.artefact.modelType,
    source: prepared.source,
    status: 'candidate',
    artefact: serializeArtefact(prepared.artefact),
    metrics: JSON.stringify(metrics),
    report: prepared.report ? JSON.stringify(prepared.report) : null,
    notes: JSON.stringify(prepared.notes),
    training_data_hash: prepared.artefact.training?.dataHash ?? null,
    created_by: actorOf(actor),
    created_at: nowIso(ctx),
    promoted_by: null,
    promoted_at: null,
  };
  await insertRiskModel(tx, row);
  const details = {
    name: row.name,
    version,
    kind: row.kind,
    source: row.source,
    trainingDataHash: row.training_data_hash,
    reportAuc: metrics.report?.auc ?? null,
  };
  await audit(ctx, tx, actor, {
    action: 'risk.model.create',
    subjectType: 'risk_model',
    subjectId: row.id,
    after: { status: row.status, artefact: row.artefact },
    details,
  });
  await emit(ctx, tx, `risk_model:${row.id}`, 'risk.model_created', { modelId: row.id, ...details });
  return view(row);
}

/** Registry entries, newest first, optionally of one status. */
export async function listRiskModels(
  ctx: ServiceContext,
  filter: { status?: RiskModelStatus | undefined; limit: number; offset: number },
): Promise<RiskModelView[]> {
  return (await listRows(ctx.store.db, filter)).map(view);
}

async function requireModel(ctx: ServiceContext, id: string): Promise<RiskModelRow> {
  const row = await findRiskModel(ctx.store.db, id);
  if (!row) throw new AppError('not_found', `No risk model ${id}`);
  return row;
}

/**
 * One model with its metrics, inputs, points table (scorecards) or importance (trees) and its
 * validation report, or `not_found`.
 *
 * @example (await getRiskModel(ctx, 'rsk_…')).report?.roc; // [{ fpr, tpr }, …]
 */
export async function getRiskModel(ctx: ServiceContext, id: string): Promise<RiskModelDetail> {
  const row = await requireModel(ctx, id);
  const artefact = parseArtefact(JSON.parse(row.artefact));
  return {
    ...view(row),
    target: artefact.target,
    cutoff: artefact.cutoff,
    grades: artefact.grades,
    scaling: artefact.scaling,
    features: artefact.features,
    inputs: modelInputs(artefact),
    droppedColumns: artefact.droppedColumns,
    training: artefact.training,
    notes: JSON.parse(row.notes) as string[],
    points: artefact.scorecard ? pointsTable(artefact.scorecard) : null,
    importance: treeImportance(artefact),
    report: row.report ? (JSON.parse(row.report) as RiskReport) : null,
  };
}

/**
 * A model's artefact as stored (JSON text), for `puhui risk score --model` or another install.
 *
 * @example const text = await riskModelArtefact(ctx, id); JSON.parse(text).format; // 'puhui-risk-model'
 */
export async function riskModelArtefact(ctx: ServiceContext, id: string): Promise<string> {
  return (await requireModel(ctx, id)).artefact;
}

/**
 * A scorecard's attribute-points table as an Excel workbook or CSV; `not_found` for tree models.
 *
 * @example const { body, contentType } = await riskPointsFile(ctx, id, 'xlsx');
 */
export async function riskPointsFile(
  ctx: ServiceContext,
  id: string,
  format: 'xlsx' | 'csv',
): Promise<{ filename: string; contentType: string; body: Uint8Array | string }> {
  const row = await requireModel(ctx, id);
  const artefact = parseArtefact(JSON.parse(row.artefact));
  if (!artefact.scorecard)
    throw new AppError('not_found', `Risk model ${id} is a ${row.kind} model: it has no points table`);
  const base = `${row.name.replace(/[^A-Za-z0-9._-]+/g, '-')}-v${row.version}-points`;
  return format === 'xlsx'
    ? {
        filename: `${base}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: pointsTableXlsx(artefact.scorecard),
      }
    : {
        filename: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: pointsTableCsv(artefact.scorecard),
      };
}

/** What a role change did. */
export interface RoleChange {
  readonly model: RiskModelView;
  /** The model that lost the role (retired champion, or challenger back to candidate), if any. */
  readonly replaced: string | null;
}

async function changeRole(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
  role: 'champion' | 'challenger',
): Promise<RoleChange> {
  const row = await lockRiskModel(tx, id, ctx.store.capabilities.rowLocks);
  if (!row) throw new AppError('not_found', `No risk model ${id}`);
  if (row.status === role) throw new AppError('conflict', `Risk model ${id} is already the ${role}`);
  if (role === 'challenger' && row.status === 'champion')
    throw new AppError('conflict', `Risk model ${id} is the champion; it cannot also be the challenger`);
  // A promoted challenger leaves the challenger slot empty; the old champion retires; a replaced
  // challenger goes back to being a candidate.
  const demotedTo: RiskModelStatus = role === 'champion' ? 'retired' : 'candidate';
  const replaced = (await demoteRiskRole(tx, role, demotedTo))[0] ?? null;
  const at = nowIso(ctx);
  const by = actorOf(actor);
  await setRiskModelStatus(tx, id, role, { promotedBy: by, promotedAt: at });
  const details = { name: row.name, version: row.version, kind: row.kind, replaced };
  await audit(ctx, tx, actor, {
    action: role === 'champion' ? 'risk.model.promote' : 'risk.model.challenger',
    subjectType: 'risk_model',
    subjectId: id,
    before: { status: row.status },
    after: { status: role },
    details,
  });
  if (replaced)
    await audit(ctx, tx, actor, {
      action: role === 'champion' ? 'risk.model.retire' : 'risk.model.challenger_replaced',
      subjectType: 'risk_model',
      subjectId: replaced,
      before: { status: role },
      after: { status: demotedTo },
      details: { replacedBy: id },
    });
  await emit(ctx, tx, 'risk_models', role === 'champion' ? 'risk.champion_promoted' : 'risk.challenger_set', {
    modelId: id,
    previousModelId: replaced,
  });
  invalidateRiskModelCache(ctx);
  return {
    model: view({ ...row, status: role, promoted_by: by, promoted_at: at }),
    replaced,
  };
}

/**
 * Makes a model the champion that answers live score requests. The previous champion is retired
 * (a retired model may be promoted again to roll back); a promoted challenger leaves the
 * challenger slot empty. Audited, with a `risk.champion_promoted` event; the in-process model
 * cache is invalidated (call {@link invalidateRiskModelCache} again after commit).
 *
 * @example await ctx.store.transaction((tx) => promoteRiskModel(ctx, tx, actor, 'rsk_…'));
 */
export async function promoteRiskModel(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
): Promise<RoleChange> {
  return changeRole(ctx, tx, actor, id, 'champion');
}

/**
 * Makes a model the challenger, scored in shadow beside the champion on every live request (its
 * answer is logged, never returned). A previous challenger goes back to `candidate`.
 *
 * @example await ctx.store.transaction((tx) => setRiskChallenger(ctx, tx, actor, 'rsk_…'));
 */
export async function setRiskChallenger(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
): Promise<RoleChange> {
  return changeRole(ctx, tx, actor, id, 'challenger');
}

/**
 * Stops the shadow run: the challenger (if any) goes back to `candidate`. Audited when it changes
 * anything; returns the id of the model that was the challenger.
 *
 * @example await ctx.store.transaction((tx) => clearRiskChallenger(ctx, tx, actor));
 */
export async function clearRiskChallenger(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
): Promise<{ cleared: string | null }> {
  const cleared = (await demoteRiskRole(tx, 'challenger', 'candidate'))[0] ?? null;
  if (cleared) {
    await audit(ctx, tx, actor, {
      action: 'risk.model.challenger_cleared',
      subjectType: 'risk_model',
      subjectId: cleared,
      before: { status: 'challenger' },
      after: { status: 'candidate' },
    });
    await emit(ctx, tx, 'risk_models', 'risk.challenger_cleared', { modelId: cleared });
  }
  invalidateRiskModelCache(ctx);
  return { cleared };
}

/** Input of {@link compareRiskModels}. */
export interface RiskCompareRequest {
  readonly modelIds: readonly string[];
  /** Labelled data (CSV text with a header row). */
  readonly csv: string;
  /** Target column (default: each model's training target). */
  readonly target?: string | undefined;
  readonly badValue?: string | undefined;
  readonly group?: string | undefined;
  readonly groupCuts?: readonly number[] | undefined;
  readonly seed?: number | undefined;
}

/** One model's measurements on the comparison data. */
export interface RiskComparison {
  readonly model: Pick<RiskModelView, 'id' | 'name' | 'version' | 'kind' | 'status'>;
  readonly metrics: RiskReport['metrics'];
  readonly cutoff: number;
  readonly confusion: RiskReport['confusion'];
  readonly approvalRate: number;
  /** PSI of the score against the model's training distribution (null for imported models). */
  readonly scorePsi: number | null;
  readonly roc: RiskReport['roc'];
  readonly calibration: RiskReport['calibration'];
  readonly fairness: RiskReport['fairness'];
}

/**
 * Scores one labelled dataset with two or more stored models and sets their AUC (with bootstrap
 * interval), Gini, KS, Brier, log loss, confusion at each model's cut-off, approval rate, score
 * PSI, ROC, calibration and fairness side by side; `best` names the leader on each headline metric.
 *
 * @example const c = await compareRiskModels(ctx, { modelIds: [a, b], csv }); c.best.auc; // 'rsk_…'
 */
export async function compareRiskModels(
  ctx: ServiceContext,
  request: RiskCompareRequest,
): Promise<{
  readonly data: { readonly rows: number; readonly bads: number };
  readonly models: readonly RiskComparison[];
  readonly best: {
    readonly auc: string;
    readonly ks: string;
    readonly brier: string;
    readonly logLoss: string;
  };
}> {
  const ids = [...new Set(request.modelIds)];
  if (ids.length < 2)
    throw new AppError('validation_failed', 'Name at least two different models to compare');
  const rows = await Promise.all(ids.map((id) => requireModel(ctx, id)));
  const table = parseDataset(request.csv);
  const models = rows.map((row): RiskComparison => {
    const artefact = parseArtefact(JSON.parse(row.artefact));
    const target = request.target ?? artefact.target?.column;
    if (!target)
      throw new AppError('dataset_invalid', `target is required: model ${row.id} names no training target`);
    if (!table.header.includes(target))
      throw new AppError('dataset_invalid', `target column '${target}' not found`);
    if (request.group !== undefined && !table.header.includes(request.group))
      throw new AppError('dataset_invalid', `group column '${request.group}' not found`);
    const report = engineErrors('dataset_invalid', () =>
      buildReport(artefact, table, {
        target,
        ...(request.badValue !== undefined ? { badValue: request.badValue } : {}),
        ...(request.group !== undefined ? { group: request.group } : {}),
        ...(request.groupCuts !== undefined ? { groupCuts: request.groupCuts } : {}),
        seed: request.seed ?? 0,
      }),
    );
    return {
      model: { id: row.id, name: row.name, version: row.version, kind: row.kind, status: row.status },
      metrics: report.metrics,
      cutoff: report.cutoff,
      confusion: report.confusion,
      approvalRate: report.confusion.approvalRate,
      scorePsi: report.stability.score?.psi ?? null,
      roc: report.roc,
      calibration: report.calibration,
      fairness: report.fairness,
    };
  });
  const pick = (better: (a: RiskComparison, b: RiskComparison) => boolean): string =>
    models.reduce((best, m) => (better(m, best) ? m : best)).model.id;
  // Undefined metrics (NaN, e.g. AUC on a one-class dataset) travel as null, as stored reports do.
  return jsonSafe({
    data: { rows: models[0]!.metrics.rows, bads: models[0]!.metrics.bads },
    models,
    best: {
      auc: pick((a, b) => a.metrics.auc > b.metrics.auc),
      ks: pick((a, b) => a.metrics.ks > b.metrics.ks),
      brier: pick((a, b) => a.metrics.brier < b.metrics.brier),
      logLoss: pick((a, b) => a.metrics.logLoss < b.metrics.logLoss),
    },
  });
}

function jsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
