import type { Trend } from '../binning/optimal-partition.ts';
import { column, type Table } from '../data/csv.ts';
import { detectFeatures, type FeatureColumn, type FeatureKind, featureColumns } from '../data/features.ts';
import { tableHash } from '../data/hash.ts';
import { stratifiedFolds } from '../data/split.ts';
import { encodeTarget } from '../data/target.ts';
import type { RawValue } from '../data/values.ts';
import { ensembleMargin, featureGain } from '../gbdt/ensemble.ts';
import { binMatrix, fitEncoders } from '../gbdt/feature-encoder.ts';
import { rowCodes, subsetRows } from '../gbdt/subset.ts';
import { type GbdtParams, trainGbdt } from '../gbdt/train-gbdt.ts';
import { treeToJson } from '../gbdt/tree.ts';
import { ks } from '../metrics/ranking.ts';
import { binShares, quantileEdges } from '../metrics/stability.ts';
import { type MetricSummary, summarize } from '../metrics/summary.ts';
import { DEFAULT_SCALING, logitToScore, type Scaling } from '../scorecard/scaling.ts';
import { compileScorecard, type ScorecardOptions, trainScorecard } from '../scorecard/scorecard.ts';
import {
  ARTEFACT_FORMAT,
  ARTEFACT_VERSION,
  type CharacteristicReference,
  type GradeBand,
  type ModelArtefact,
} from './artefact.ts';

/** Options for {@link trainModel}. Only `target` is required; the defaults give a good model. */
export interface TrainOptions {
  readonly target: string;
  /** 'scorecard' (default) or 'gbdt'. */
  readonly model?: 'scorecard' | 'gbdt';
  /** The target label that means bad; otherwise chosen by the rules of `encodeTarget`. */
  readonly badValue?: string;
  /** Columns never used as inputs (e.g. protected attributes, identifiers). */
  readonly drop?: readonly string[];
  /** Forced column kinds. */
  readonly kinds?: Readonly<Record<string, FeatureKind>>;
  /** Declared special values per numeric column (kept as their own bins). */
  readonly specialValues?: Readonly<Record<string, readonly number[]>>;
  /** +1: risk must not fall as the value rises; −1: must not rise; per column. */
  readonly monotone?: Readonly<Record<string, number>>;
  /** Scorecard binning trend per column (overrides `monotone` for scorecards). */
  readonly trends?: Readonly<Record<string, Trend | 'auto'>>;
  /** Seed for folds, subsampling and bootstrap (default 0). */
  readonly seed?: number;
  readonly scaling?: Scaling;
  /** Internal cross-validation folds (default 5; 0 turns validation off). */
  readonly folds?: number;
  readonly scorecard?: ScorecardOptions;
  /** Boosting parameters; unset ones are chosen by internal validation (trees, depth). */
  readonly gbdt?: GbdtParams;
  /** Grade bands; default: five grades A–E at the quintiles of training scores. */
  readonly grades?: readonly GradeBand[];
}

/** The trained artefact and notes on what training did. */
export interface TrainResult {
  readonly artefact: ModelArtefact;
  readonly notes: readonly string[];
}

/**
 * Turns table rows into applicant records (column → cell).
 *
 * @example tableRecords({ header: ['a'], rows: [['1']] }); // [{ a: '1' }]
 */
export function tableRecords(table: Table): Record<string, RawValue>[] {
  return table.rows.map((r) => {
    const o: Record<string, RawValue> = {};
    table.header.forEach((h, j) => {
      o[h] = r[j];
    });
    return o;
  });
}

function subsetColumns(cols: readonly FeatureColumn[], rows: readonly number[]): FeatureColumn[] {
  return cols.map((c) =>
    c.kind === 'numeric'
      ? { spec: c.spec, kind: 'numeric' as const, values: Float64Array.from(rows, (i) => c.values[i]!) }
      : { spec: c.spec, kind: 'categorical' as const, labels: rows.map((i) => c.labels[i]!) },
  );
}

function characteristics(cols: readonly FeatureColumn[]): CharacteristicReference[] {
  return cols.map((c) => {
    if (c.kind === 'numeric') {
      const present = c.values.filter((x) => !Number.isNaN(x));
      const edges = quantileEdges(present, 10);
      const shares = binShares(present, edges).map(
        (s) => (s * present.length) / Math.max(c.values.length, 1),
      );
      shares.push((c.values.length - present.length) / Math.max(c.values.length, 1));
      return { name: c.spec.name, kind: 'numeric' as const, edges, shares };
    }
    const freq = new Map<string, number>();
    let missing = 0;
    for (const l of c.labels) {
      if (l === null) missing++;
      else freq.set(l, (freq.get(l) ?? 0) + 1);
    }
    const labels = [...freq.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 20)
      .map(([l]) => l);
    const n = Math.max(c.labels.length, 1);
    const kept = labels.reduce((a, l) => a + freq.get(l)!, 0);
    const shares = [
      ...labels.map((l) => freq.get(l)! / n),
      (c.labels.length - kept - missing) / n,
      missing / n,
    ];
    return { name: c.spec.name, kind: 'categorical' as const, labels, shares };
  });
}

function defaultGrades(scores: readonly number[]): GradeBand[] {
  const s = [...scores].sort((a, b) => a - b);
  const q = (f: number): number => s[Math.min(s.length - 1, Math.floor(f * s.length))] ?? 0;
  const cuts = [0.8, 0.6, 0.4, 0.2].map((f) => Math.round(q(f)));
  const out: GradeBand[] = [];
  ['A', 'B', 'C', 'D'].forEach((g, i) => {
    const c = cuts[i]!;
    if (out.length === 0 || c < out[out.length - 1]!.minScore!) out.push({ grade: g, minScore: c });
  });
  out.push({ grade: String.fromCharCode(65 + out.length), minScore: null });
  return out;
}

/**
 * Trains a credit-risk model from a parsed table and returns its artefact. Detects column types,
 * reads the target (see `encodeTarget` for how the bad class is chosen), drops unusable columns,
 * and trains a WOE scorecard or boosted trees. With `folds` > 0 (default 5) it cross-validates:
 * the out-of-fold predictions give the validation metrics and the cut-off, and for boosted trees
 * they choose the number of trees (early stopping in each fold) and, unless given, the depth
 * (2, 3 or 4; one 80/20 hold-out instead of folds above 20,000 rows). The final model is refitted
 * on all rows. Deterministic: the same table, options and seed give the same artefact.
 *
 * @example const { artefact } = trainModel(parseCsv(text), { target: 'bad', model: 'gbdt', seed: 7 });
 */
export function trainModel(table: Table, options: TrainOptions): TrainResult {
  const notes: string[] = [];
  // Hold-out validation (large data) reports on the hold-out rows only.
  let oofSummaryOverride: MetricSummary | null = null;
  let oofCutoff: number | null = null;
  const seed = options.seed ?? 0;
  const modelType = options.model ?? 'scorecard';
  const scaling = options.scaling ?? DEFAULT_SCALING;
  if (!table.header.includes(options.target)) throw new Error(`target column '${options.target}' not found`);
  for (const d of options.drop ?? [])
    if (!table.header.includes(d)) throw new Error(`--drop column '${d}' not found`);
  const t = encodeTarget(column(table, options.target), options.target, options.badValue);
  const y = t.y;
  const n = y.length;
  if (n < table.rows.length) notes.push(`${table.rows.length - n} rows without a target value were left out`);
  notes.push(`bad class: '${t.encoding.badLabel}' (${t.encoding.rule})`);
  const sub: Table =
    n === table.rows.length ? table : { header: table.header, rows: t.rows.map((i) => table.rows[i]!) };
  const detected = detectFeatures(sub, {
    exclude: [options.target, ...(options.drop ?? [])],
    kinds: options.kinds,
    specialValues: options.specialValues,
  });
  for (const d of detected.dropped) notes.push(`column '${d.name}' not used: ${d.reason}`);
  if (detected.features.length === 0) throw new Error('no usable feature columns');
  const cols = featureColumns(sub, detected.features);
  let bads = 0;
  for (let i = 0; i < n; i++) bads += y[i]!;
  if (bads === 0 || bads === n)
    throw new Error('the target has only one class after removing missing values');
  const minClass = Math.min(bads, n - bads);
  const folds = Math.min(options.folds ?? 5, minClass);
  const useFolds = folds >= 2;
  const foldOf = useFolds ? stratifiedFolds(y, folds, seed) : null;
  const oof = new Float64Array(n);
  const foldRows = (k: number): { train: number[]; test: number[] } => {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (foldOf![i] === k ? test : train).push(i);
    return { train, test };
  };
  const records = tableRecords(sub);
  const monotoneTrend = (): Record<string, Trend | 'auto'> => {
    const out: Record<string, Trend | 'auto'> = {};
    for (const [k, v] of Object.entries(options.monotone ?? {}))
      if (v !== 0) out[k] = v > 0 ? 'ascending' : 'descending';
    return { ...out, ...(options.trends ?? {}) };
  };

  let artefactBody: Pick<ModelArtefact, 'scorecard' | 'gbdt'>;
  let trainLogit: Float64Array;
  let trainScores: number[];
  let validationText: string;
  const recorded: Record<string, unknown> = {
    model: modelType,
    target: options.target,
    badValue: options.badValue ?? null,
    drop: [...(options.drop ?? [])],
    kinds: options.kinds ?? {},
    specialValues: options.specialValues ?? {},
    monotone: options.monotone ?? {},
    folds: useFolds ? folds : 0,
  };

  if (modelType === 'scorecard') {
    const scOptions: ScorecardOptions = { ...options.scorecard, scaling, trends: monotoneTrend() };
    if (useFolds) {
      for (let k = 0; k < folds; k++) {
        const { train, test } = foldRows(k);
        const fit = trainScorecard(
          subsetColumns(cols, train),
          Uint8Array.from(train, (i) => y[i]!),
          scOptions,
        );
        const run = compileScorecard(fit.scorecard);
        for (const i of test) oof[i] = run(records[i]!).probability;
      }
      validationText = `${folds}-fold stratified cross-validation (out-of-fold predictions), seed ${seed}`;
    } else validationText = 'none';
    const fit = trainScorecard(cols, y, scOptions);
    const run = compileScorecard(fit.scorecard);
    trainLogit = new Float64Array(n);
    trainScores = [];
    records.forEach((r, i) => {
      const out = run(r);
      trainLogit[i] = Math.log(out.probability / (1 - out.probability));
      trainScores.push(out.score);
    });
    const selected = fit.scorecard.variables.length;
    notes.push(`scorecard: ${selected} of ${cols.length} variables selected`);
    artefactBody = {
      scorecard: {
        intercept: fit.scorecard.intercept,
        integerPoints: fit.scorecard.integerPoints,
        variables: fit.scorecard.variables,
        selection: fit.selection,
      },
    };
    recorded.scorecard = options.scorecard ?? {};
  } else {
    const encoders = fitEncoders(cols);
    const matrix = binMatrix(cols, encoders);
    const F = encoders.length;
    const monotone = encoders.map((e) => options.monotone?.[e.name] ?? 0);
    const user = options.gbdt ?? {};
    const base: GbdtParams = {
      learningRate: 0.05,
      subsample: 0.8,
      colsample: 0.8,
      minChildWeight: 1,
      lambda: 1,
      ...user,
      monotone,
      seed,
    };
    let chosen: GbdtParams = base;
    const large = n > 20000;
    if (user.nTrees === undefined && (useFolds || large)) {
      const depths = user.maxDepth !== undefined ? [user.maxDepth] : large ? [4] : [2, 3, 4];
      let best: { loss: number; depth: number; trees: number; oof: Float64Array } | null = null;
      for (const depth of depths) {
        const params: GbdtParams = { ...base, maxDepth: depth, nTrees: 2000, earlyStoppingRounds: 50 };
        const runs: { train: number[]; test: number[] }[] = [];
        if (large) {
          const holdout = stratifiedFolds(y, 5, seed);
          const train: number[] = [];
          const test: number[] = [];
          for (let i = 0; i < n; i++) (holdout[i] === 0 ? test : train).push(i);
          runs.push({ train, test });
        } else for (let k = 0; k < folds; k++) runs.push(foldRows(k));
        const pred = new Float64Array(n);
        let loss = 0;
        let iters = 0;
        let count = 0;
        runs.forEach(({ train, test }, k) => {
          const fit = trainGbdt(
            subsetRows(matrix, train),
            Uint8Array.from(train, (i) => y[i]!),
            { ...params, seed: seed + k },
            {
              codes: rowCodes(matrix, test),
              y: Uint8Array.from(test, (i) => y[i]!),
            },
          );
          const codes = rowCodes(matrix, test);
          const ens = { trees: fit.trees, baseMargin: fit.baseMargin, featureCount: F, float32: false };
          test.forEach((i, q) => {
            const m = ensembleMargin(ens, codes, q * F);
            pred[i] = 1 / (1 + Math.exp(-m));
            const z = m;
            loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i]! * z;
            count++;
          });
          iters += fit.bestIteration;
        });
        loss /= count;
        const trees = Math.max(10, Math.round((iters / runs.length) * (large ? 1.1 : 1 + 1 / folds)));
        notes.push(`gbdt depth ${depth}: validation log loss ${loss.toFixed(5)}, ${trees} trees`);
        if (!best || loss < best.loss - 1e-9) best = { loss, depth, trees, oof: pred };
      }
      chosen = { ...base, maxDepth: best!.depth, nTrees: best!.trees };
      if (!large) oof.set(best!.oof);
      else {
        // Hold-out predictions only cover a fifth of the rows: report validation on those rows.
        const holdout = stratifiedFolds(y, 5, seed);
        const yy: number[] = [];
        const pp: number[] = [];
        for (let i = 0; i < n; i++)
          if (holdout[i] === 0) {
            yy.push(y[i]!);
            pp.push(best!.oof[i]!);
          }
        recorded.holdoutRows = yy.length;
        oofSummaryOverride = summarize(yy, pp);
        oofCutoff = ks(yy, pp).threshold;
      }
      validationText = large
        ? `one stratified 80/20 hold-out (early stopping and metrics on the hold-out), seed ${seed}`
        : `${folds}-fold stratified cross-validation (early stopping per fold; out-of-fold predictions), seed ${seed}`;
    } else {
      chosen = { ...base, nTrees: user.nTrees ?? 300, maxDepth: user.maxDepth ?? 4 };
      validationText = 'none';
      if (useFolds) {
        for (let k = 0; k < folds; k++) {
          const { train, test } = foldRows(k);
          const fit = trainGbdt(
            subsetRows(matrix, train),
            Uint8Array.from(train, (i) => y[i]!),
            { ...chosen, seed: seed + k },
          );
          const codes = rowCodes(matrix, test);
          const ens = { trees: fit.trees, baseMargin: fit.baseMargin, featureCount: F, float32: false };
          test.forEach((i, q) => {
            oof[i] = 1 / (1 + Math.exp(-ensembleMargin(ens, codes, q * F)));
          });
        }
        validationText = `${folds}-fold stratified cross-validation (out-of-fold predictions), seed ${seed}`;
      }
    }
    const { earlyStoppingRounds: _unused, ...finalParams } = chosen;
    const fit = trainGbdt(matrix, y, finalParams);
    const ens = { trees: fit.trees, baseMargin: fit.baseMargin, featureCount: F, float32: false };
    const all = rowCodes(
      matrix,
      Array.from({ length: n }, (_, i) => i),
    );
    trainLogit = new Float64Array(n);
    trainScores = [];
    for (let i = 0; i < n; i++) {
      const m = ensembleMargin(ens, all, i * F);
      trainLogit[i] = m;
      trainScores.push(Math.round(logitToScore(m, scaling)));
    }
    const gain = featureGain(ens);
    notes.push(
      `gbdt: ${fit.trees.length} trees of depth ≤ ${finalParams.maxDepth}, learning rate ${finalParams.learningRate}`,
    );
    artefactBody = {
      gbdt: {
        encoders,
        baseMargin: fit.baseMargin,
        params: { ...finalParams, monotone: Array.from(monotone) },
        trees: fit.trees.map(treeToJson),
        importance: encoders
          .map((e, f) => ({ name: e.name, gain: gain[f]! }))
          .sort((a, b) => b.gain - a.gain || (a.name < b.name ? -1 : 1)),
      },
    };
    recorded.gbdt = { ...user };
  }

  const trainP = Array.from(trainLogit, (z) => 1 / (1 + Math.exp(-z)));
  const validation = oofSummaryOverride ?? (validationText !== 'none' ? summarize(y, oof) : null);
  const cutoff = oofCutoff ?? (validationText !== 'none' ? ks(y, oof).threshold : ks(y, trainP).threshold);
  const scoreEdges = quantileEdges(trainScores, 10);
  const artefact: ModelArtefact = {
    format: ARTEFACT_FORMAT,
    version: ARTEFACT_VERSION,
    modelType,
    target: t.encoding,
    features: detected.features,
    droppedColumns: detected.dropped,
    scaling,
    cutoff: Number.isFinite(cutoff) ? cutoff : 0.5,
    grades: options.grades ? [...options.grades] : defaultGrades(trainScores),
    training: {
      rows: n,
      bads,
      dataHash: tableHash(table),
      seed,
      options: recorded,
      validation: validationText,
    },
    metrics: { train: summarize(y, trainP), validation },
    reference: {
      scoreEdges,
      scoreShares: binShares(trainScores, scoreEdges),
      characteristics: characteristics(cols),
    },
    ...artefactBody,
  };
  return { artefact, notes };
}
