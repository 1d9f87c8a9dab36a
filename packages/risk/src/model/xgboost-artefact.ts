import { treeToJson } from '../gbdt/tree.ts';
import { importXgboostJson } from '../gbdt/xgboost-import.ts';
import { DEFAULT_SCALING, probabilityToScore, type Scaling } from '../scorecard/scaling.ts';
import { ARTEFACT_FORMAT, ARTEFACT_VERSION, type GradeBand, type ModelArtefact } from './artefact.ts';

/** Options for {@link xgboostArtefact}. */
export interface XgboostArtefactOptions {
  /** Per categorical feature, its labels in code order (pandas: `df[col].cat.categories`). */
  readonly categoryCodes?: Readonly<Record<string, readonly string[]>>;
  readonly scaling?: Scaling;
  /** Decline when P(bad) ≥ cutoff (default 0.5). */
  readonly cutoff?: number;
  readonly grades?: readonly GradeBand[];
}

/**
 * Wraps a model saved by XGBoost (`save_model("model.json")`, binary logistic objective) as a
 * Puhui artefact, so it scores, explains (TreeSHAP) and reports like a native model and
 * reproduces XGBoost's probabilities to float32 precision. Categorical inputs may be given as
 * codes, or as labels when `categoryCodes` lists them in code order. Default grades are bands of
 * bad probability (A < 2 %, B < 5 %, C < 10 %, D < 20 %, E otherwise) turned into scores.
 *
 * @example const artefact = xgboostArtefact(JSON.parse(text), { categoryCodes: { purpose: ['car', 'tv'] } });
 */
export function xgboostArtefact(json: unknown, options: XgboostArtefactOptions = {}): ModelArtefact {
  const m = importXgboostJson(json);
  const scaling = options.scaling ?? DEFAULT_SCALING;
  const grades = options.grades ?? [
    ...[0.02, 0.05, 0.1, 0.2].map((p, i) => ({
      grade: 'ABCD'[i]!,
      minScore: Math.round(probabilityToScore(p, scaling)),
    })),
    { grade: 'E', minScore: null },
  ];
  return {
    format: ARTEFACT_FORMAT,
    version: ARTEFACT_VERSION,
    modelType: 'xgboost',
    target: null,
    features: m.featureNames.map((name, i) => ({
      name,
      kind: m.featureTypes[i] === 'c' ? ('categorical' as const) : ('numeric' as const),
      specialValues: [],
    })),
    droppedColumns: [],
    scaling,
    cutoff: options.cutoff ?? 0.5,
    grades,
    training: null,
    metrics: { train: null, validation: null },
    reference: null,
    xgboost: {
      featureNames: m.featureNames,
      featureTypes: m.featureTypes,
      objective: m.objective,
      xgboostVersion: m.version,
      baseMargin: m.ensemble.baseMargin,
      trees: m.ensemble.trees.map(treeToJson),
      categoryCodes: options.categoryCodes ?? {},
    },
  };
}

/**
 * True when parsed JSON looks like a raw XGBoost model file rather than a Puhui artefact.
 *
 * @example isXgboostJson({ learner: {}, version: [1, 7, 4] }); // true
 */
export function isXgboostJson(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'learner' in json && !('format' in json);
}
