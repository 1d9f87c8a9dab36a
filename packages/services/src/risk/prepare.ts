import { AppError, type ErrorCode } from '@puhui/core';
import {
  buildReport,
  column,
  encodeTarget,
  type FeatureKind,
  isXgboostJson,
  loadModel,
  type ModelArtefact,
  parseArtefact,
  parseCsv,
  parseModelJson,
  type RiskReport,
  stratifiedSplit,
  type Table,
  type TrainOptions,
  trainModel,
  xgboostArtefact,
} from '@puhui/risk';

/** What a risk manager asks for when training a model from a CSV file. */
export interface RiskTrainRequest {
  /** Registry name; each save under the same name gets the next version. */
  readonly name: string;
  /** The training data: CSV text with a header row. */
  readonly csv: string;
  /** The binary target column (0/1, 1/2, good/bad, …; see docs/risk.md for how "bad" is chosen). */
  readonly target: string;
  readonly model?: 'scorecard' | 'gbdt' | undefined;
  /** Columns never used as inputs (protected attributes, identifiers). */
  readonly drop?: readonly string[] | undefined;
  readonly seed?: number | undefined;
  /** The target value that means bad. */
  readonly badValue?: string | undefined;
  /** Column to measure fairness across in the validation report (e.g. age); need not be an input. */
  readonly group?: string | undefined;
  /** Cut points banding a numeric group column (default: quartiles). */
  readonly groupCuts?: readonly number[] | undefined;
  /**
   * Share of rows held out (stratified, seeded) for the validation report; the model is trained on
   * the rest. Default 0.3; 0 trains on every row and reports on the training rows (in-sample).
   */
  readonly holdout?: number | undefined;
  /** Internal cross-validation folds (default 5; 0 = none). */
  readonly folds?: number | undefined;
  readonly categorical?: readonly string[] | undefined;
  readonly numeric?: readonly string[] | undefined;
  readonly specialValues?: Readonly<Record<string, readonly number[]>> | undefined;
  /** +1: risk may only rise with the column; −1: only fall. */
  readonly monotone?: Readonly<Record<string, number>> | undefined;
  /** Boosted trees only: number of trees, depth, learning rate (default: chosen by validation). */
  readonly trees?: number | undefined;
  readonly depth?: number | undefined;
  readonly learningRate?: number | undefined;
}

/** An uploaded model: a Puhui artefact, or a raw XGBoost JSON model (`save_model("model.json")`). */
export interface RiskUploadRequest {
  readonly name: string;
  /** The model as parsed JSON, or as JSON text (XGBoost writes bare `NaN`, which text allows). */
  readonly artefact: unknown;
  /** XGBoost only: per categorical input, its labels in code order. */
  readonly categoryCodes?: Readonly<Record<string, readonly string[]>> | undefined;
  /** XGBoost only: decline when P(bad) ≥ cutoff (default 0.5). */
  readonly cutoff?: number | undefined;
  /** Optional labelled data (CSV text) to build the validation report on. */
  readonly validationCsv?: string | undefined;
  /** Target column of `validationCsv` (default: the artefact's training target). */
  readonly target?: string | undefined;
  readonly badValue?: string | undefined;
  readonly group?: string | undefined;
  readonly groupCuts?: readonly number[] | undefined;
}

/** A trained or uploaded model ready to store, with its validation report. */
export interface PreparedRiskModel {
  readonly name: string;
  readonly source: 'trained' | 'uploaded';
  readonly artefact: ModelArtefact;
  readonly report: RiskReport | null;
  /** What the report was built on. */
  readonly reportOn: 'holdout' | 'training' | 'dataset' | null;
  readonly notes: readonly string[];
}

/**
 * Runs `fn`, turning the plain `Error`s the risk engine throws for bad data or models into the
 * catalogue error `code` with the engine's message. Programming faults (TypeError, …) pass through.
 */
export function engineErrors<T>(code: ErrorCode, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Error && error.constructor === Error) throw new AppError(code, error.message);
    throw error;
  }
}

/**
 * Parses CSV text into a table, refusing text without data rows (`dataset_invalid`).
 *
 * @example parseDataset('a,bad\n1,0\n').rows.length; // 1
 */
export function parseDataset(csv: string, what = 'the CSV'): Table {
  const table = engineErrors('dataset_invalid', () => parseCsv(csv));
  if (table.header.length === 0 || table.rows.length === 0)
    throw new AppError('dataset_invalid', `${what} has no data rows`);
  return table;
}

function requireColumn(table: Table, name: string | undefined, role: string): void {
  if (name !== undefined && !table.header.includes(name))
    throw new AppError('dataset_invalid', `${role} column '${name}' not found`);
}

function rowsOf(table: Table, idx: readonly number[]): Table {
  return { header: table.header, rows: idx.map((i) => table.rows[i]!) };
}

/**
 * Trains a model from CSV text and builds its validation report. Pure computation (no database);
 * run it before opening the transaction that stores the result. With `holdout` > 0 (default 0.3)
 * the rows with a target are split, stratified and seeded: the model is trained on the rest and
 * the report (ROC, KS, calibration, score distribution, stability, fairness) is built on the
 * held-out rows.
 *
 * @example const m = trainRiskModel({ name: 'SME card', csv, target: 'bad', group: 'age_years' });
 */
export function trainRiskModel(request: RiskTrainRequest): PreparedRiskModel {
  const table = parseDataset(request.csv);
  requireColumn(table, request.target, 'target');
  requireColumn(table, request.group, 'group');
  for (const d of request.drop ?? []) requireColumn(table, d, 'drop');
  const seed = request.seed ?? 0;
  const holdout = request.holdout ?? 0.3;
  const model = request.model ?? 'scorecard';
  const kinds: Record<string, FeatureKind> = {};
  for (const c of request.categorical ?? []) kinds[c] = 'categorical';
  for (const c of request.numeric ?? []) kinds[c] = 'numeric';
  const gbdt =
    model === 'gbdt'
      ? {
          ...(request.trees !== undefined ? { nTrees: request.trees } : {}),
          ...(request.depth !== undefined ? { maxDepth: request.depth } : {}),
          ...(request.learningRate !== undefined ? { learningRate: request.learningRate } : {}),
        }
      : undefined;
  const options: TrainOptions = {
    target: request.target,
    model,
    ...(request.badValue !== undefined ? { badValue: request.badValue } : {}),
    drop: [...(request.drop ?? [])],
    kinds,
    specialValues: request.specialValues ?? {},
    monotone: request.monotone ?? {},
    seed,
    ...(request.folds !== undefined ? { folds: request.folds } : {}),
    ...(gbdt ? { gbdt } : {}),
  };
  const notes: string[] = [];
  let trainTable = table;
  let reportTable = table;
  if (holdout > 0) {
    const t = engineErrors('dataset_invalid', () =>
      encodeTarget(column(table, request.target), request.target, request.badValue),
    );
    const split = engineErrors('dataset_invalid', () => stratifiedSplit(t.y, holdout, seed));
    const heldBads = split.test.reduce((a, i) => a + t.y[i]!, 0);
    if (heldBads === 0 || heldBads === split.test.length)
      throw new AppError(
        'dataset_invalid',
        `the ${Math.round(holdout * 100)} % hold-out has only one class; use more rows or holdout 0`,
      );
    trainTable = rowsOf(
      table,
      split.train.map((i) => t.rows[i]!),
    );
    reportTable = rowsOf(
      table,
      split.test.map((i) => t.rows[i]!),
    );
    notes.push(
      `validation report on a stratified ${Math.round(holdout * 1000) / 10} % hold-out (${split.test.length} rows, seed ${seed}); model trained on the other ${split.train.length} rows`,
    );
  } else notes.push('no hold-out: the validation report is measured on the training rows (in-sample)');
  const trained = engineErrors('dataset_invalid', () => trainModel(trainTable, options));
  const report = engineErrors('dataset_invalid', () =>
    buildReport(trained.artefact, reportTable, {
      ...(request.group !== undefined ? { group: request.group } : {}),
      ...(request.groupCuts !== undefined ? { groupCuts: request.groupCuts } : {}),
      seed,
    }),
  );
  return {
    name: request.name,
    source: 'trained',
    artefact: trained.artefact,
    report,
    reportOn: holdout > 0 ? 'holdout' : 'training',
    notes: [...trained.notes, ...notes],
  };
}

/**
 * Checks and wraps an uploaded model: a Puhui artefact is checked and loaded; a raw XGBoost JSON
 * model is imported (`xgboostArtefact`). Either must load and score an empty applicant, or the
 * upload is refused with `model_invalid`. With `validationCsv`, a validation report is built on it.
 *
 * @example const m = prepareUploadedModel({ name: 'Python XGB', artefact: JSON.parse(modelJson) });
 */
export function prepareUploadedModel(request: RiskUploadRequest): PreparedRiskModel {
  let json: unknown = request.artefact;
  if (typeof json === 'string') {
    try {
      json = parseModelJson(json);
    } catch (error) {
      throw new AppError('model_invalid', `the model is not JSON: ${(error as Error).message}`);
    }
  }
  const xgb = isXgboostJson(json);
  let artefact: ModelArtefact;
  try {
    artefact = xgb
      ? xgboostArtefact(json, {
          ...(request.categoryCodes ? { categoryCodes: request.categoryCodes } : {}),
          ...(request.cutoff !== undefined ? { cutoff: request.cutoff } : {}),
        })
      : parseArtefact(json);
    const scorer = loadModel(artefact);
    const trial = scorer.score({});
    if (!Number.isFinite(trial.probability)) throw new Error('it scores an empty applicant as NaN');
  } catch (error) {
    throw new AppError('model_invalid', `the model does not load: ${(error as Error).message}`);
  }
  const notes = [
    xgb
      ? `imported an XGBoost model (${artefact.xgboost?.trees.length ?? 0} trees, objective ${artefact.xgboost?.objective})`
      : `uploaded a Puhui ${artefact.modelType} artefact`,
  ];
  let report: RiskReport | null = null;
  if (request.validationCsv !== undefined) {
    const table = parseDataset(request.validationCsv, 'validationCsv');
    const target = request.target ?? artefact.target?.column;
    if (!target)
      throw new AppError('dataset_invalid', 'target is required to validate a model that names no target');
    requireColumn(table, target, 'target');
    requireColumn(table, request.group, 'group');
    report = engineErrors('dataset_invalid', () =>
      buildReport(artefact, table, {
        target,
        ...(request.badValue !== undefined ? { badValue: request.badValue } : {}),
        ...(request.group !== undefined ? { group: request.group } : {}),
        ...(request.groupCuts !== undefined ? { groupCuts: request.groupCuts } : {}),
      }),
    );
    notes.push(`validation report on the uploaded dataset (${report.data.rows} rows)`);
  }
  return {
    name: request.name,
    source: 'uploaded',
    artefact,
    report,
    reportOn: report ? 'dataset' : null,
    notes,
  };
}
