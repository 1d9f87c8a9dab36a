import type { VariableBinning } from '../binning/variable-binning.ts';
import type { DroppedColumn, FeatureSpec } from '../data/features.ts';
import type { TargetEncoding } from '../data/target.ts';
import type { FeatureEncoder } from '../gbdt/feature-encoder.ts';
import type { GbdtParams } from '../gbdt/train-gbdt.ts';
import type { TreeJson } from '../gbdt/tree.ts';
import type { MetricSummary } from '../metrics/summary.ts';
import type { Scaling } from '../scorecard/scaling.ts';
import type { SelectionStep } from '../scorecard/scorecard.ts';

/** The identifier every artefact carries in `format`. */
export const ARTEFACT_FORMAT = 'puhui-risk-model';
/** The artefact layout version this code writes and reads. */
export const ARTEFACT_VERSION = 1;

/** A grade and the lowest score that earns it; grades are listed best first. */
export interface GradeBand {
  readonly grade: string;
  /** Lowest score in the grade; null for the last (open-ended) grade. */
  readonly minScore: number | null;
}

/** Training-time distribution of one input, kept to measure drift (characteristic stability). */
export interface CharacteristicReference {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** Numeric: interval cut points (decile edges). */
  readonly edges?: readonly number[];
  /** Categorical: the labels tracked (others count as '(other)'; missing as '(missing)'). */
  readonly labels?: readonly string[];
  readonly shares: readonly number[];
}

/** Training-time distributions used by reports to compute PSI and characteristic stability. */
export interface StabilityReference {
  readonly scoreEdges: readonly number[];
  readonly scoreShares: readonly number[];
  readonly characteristics: readonly CharacteristicReference[];
}

/** Where the model came from. */
export interface TrainingInfo {
  readonly rows: number;
  readonly bads: number;
  readonly dataHash: string;
  readonly seed: number;
  /** The options the model was trained with, for reproduction. */
  readonly options: Readonly<Record<string, unknown>>;
  /** How the validation metrics were obtained, in words. */
  readonly validation: string;
}

/** The scorecard part of an artefact. */
export interface ScorecardPart {
  readonly intercept: number;
  readonly integerPoints: boolean;
  readonly variables: readonly {
    readonly binning: VariableBinning;
    readonly coefficient: number;
    readonly points: readonly number[];
    readonly unmatchedPoints: number;
  }[];
  readonly selection: readonly SelectionStep[];
}

/** The boosted-trees part of an artefact (trees work on encoder codes). */
export interface GbdtPart {
  readonly encoders: readonly FeatureEncoder[];
  readonly baseMargin: number;
  readonly params: GbdtParams;
  readonly trees: readonly TreeJson[];
  readonly importance: readonly { readonly name: string; readonly gain: number }[];
}

/** An imported XGBoost model (trees work on float32 inputs and category codes). */
export interface XgboostPart {
  readonly featureNames: readonly string[];
  readonly featureTypes: readonly string[];
  readonly objective: string;
  readonly xgboostVersion: readonly number[];
  readonly baseMargin: number;
  readonly trees: readonly TreeJson[];
  /** Per categorical feature: labels in code order (label → its index is the code XGBoost saw). */
  readonly categoryCodes: Readonly<Record<string, readonly string[]>>;
}

/**
 * A versioned, self-describing model. Everything needed to score, explain and monitor is inside;
 * the same data, options and seed give a byte-identical serialisation.
 */
export interface ModelArtefact {
  readonly format: typeof ARTEFACT_FORMAT;
  readonly version: typeof ARTEFACT_VERSION;
  readonly modelType: 'scorecard' | 'gbdt' | 'xgboost';
  readonly target: TargetEncoding | null;
  readonly features: readonly FeatureSpec[];
  readonly droppedColumns: readonly DroppedColumn[];
  readonly scaling: Scaling;
  /** Decline when the bad probability is at or above this. */
  readonly cutoff: number;
  readonly grades: readonly GradeBand[];
  readonly training: TrainingInfo | null;
  readonly metrics: { readonly train: MetricSummary | null; readonly validation: MetricSummary | null };
  readonly reference: StabilityReference | null;
  readonly scorecard?: ScorecardPart;
  readonly gbdt?: GbdtPart;
  readonly xgboost?: XgboostPart;
}

/**
 * Serialises an artefact as compact JSON with a final newline. Key order is fixed by
 * construction and numbers print in their shortest round-trip form, so equal artefacts give
 * equal bytes.
 *
 * @example serializeArtefact(artefact).endsWith('\n'); // true
 */
export function serializeArtefact(a: ModelArtefact): string {
  return `${JSON.stringify(a)}\n`;
}

/**
 * Checks that parsed JSON is an artefact this code can read and returns it typed. Raw XGBoost
 * JSON is not accepted here; see `xgboostArtefact`.
 *
 * @example parseArtefact(JSON.parse(text)).modelType; // 'scorecard'
 */
export function parseArtefact(json: unknown): ModelArtefact {
  if (typeof json !== 'object' || json === null) throw new Error('model is not a JSON object');
  const a = json as Partial<ModelArtefact>;
  if (a.format !== ARTEFACT_FORMAT) throw new Error(`model format must be '${ARTEFACT_FORMAT}'`);
  if (a.version !== ARTEFACT_VERSION)
    throw new Error(`model version ${String(a.version)} is not supported (expected ${ARTEFACT_VERSION})`);
  if (a.modelType === 'scorecard' && !a.scorecard)
    throw new Error('scorecard model has no scorecard section');
  if (a.modelType === 'gbdt' && !a.gbdt) throw new Error('gbdt model has no gbdt section');
  if (a.modelType === 'xgboost' && !a.xgboost) throw new Error('xgboost model has no xgboost section');
  if (!['scorecard', 'gbdt', 'xgboost'].includes(String(a.modelType)))
    throw new Error(`unknown model type '${String(a.modelType)}'`);
  if (!Array.isArray(a.features) || !Array.isArray(a.grades) || !a.scaling)
    throw new Error('model is missing features, grades or scaling');
  return a as ModelArtefact;
}
