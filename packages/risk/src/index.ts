// Public surface of @puhui/risk: credit-risk modelling that is pure (no I/O, no clock, seeded).

export { optimalPartition, type PartitionConstraints, type Trend } from './binning/optimal-partition.ts';
export {
  type Bin,
  type BinningOptions,
  binLookup,
  fitBinning,
  type VariableBinning,
  woeColumn,
} from './binning/variable-binning.ts';
export { ivTerm, woe } from './binning/woe.ts';
export { column, csvRecords, parseCsv, type Table, toCsv } from './data/csv.ts';
export {
  type DetectOptions,
  type DroppedColumn,
  detectFeatures,
  type FeatureColumn,
  type FeatureKind,
  type FeatureSpec,
  featureColumns,
} from './data/features.ts';
export { tableHash } from './data/hash.ts';
export { stratifiedFolds, stratifiedSplit } from './data/split.ts';
export { encodeTarget, type TargetEncoding } from './data/target.ts';
export { isMissing, parseNumber, type RawValue, toLabel, toNumeric } from './data/values.ts';
export { bandLabels, type FairnessReport, fairness, type GroupFairness } from './fairness/fairness.ts';
export {
  type Ensemble,
  ensembleMargin,
  ensembleShap,
  featureGain,
  marginToProbability,
} from './gbdt/ensemble.ts';
export {
  type BinnedMatrix,
  binMatrix,
  codeMatrix,
  compileEncoder,
  encoderBins,
  type FeatureEncoder,
  fitEncoders,
} from './gbdt/feature-encoder.ts';
export { type GbdtFit, type GbdtParams, trainGbdt, type ValidationSet } from './gbdt/train-gbdt.ts';
export { childOf, leafOf, type Tree, type TreeJson, treeFromJson, treeToJson } from './gbdt/tree.ts';
export { treeExpectation, treeShap } from './gbdt/tree-shap.ts';
export { importXgboostJson, parseModelJson, type XgboostModel } from './gbdt/xgboost-import.ts';
export { aucBootstrap, type Interval } from './metrics/bootstrap.ts';
export {
  brier,
  type ConfusionMatrix,
  confusionMatrix,
  logLoss,
  type RiskBand,
  riskBands,
} from './metrics/probability-metrics.ts';
export { auc, gini, type KsResult, ks, type RocPoint, rocCurve, tieGroups } from './metrics/ranking.ts';
export {
  binShares,
  characteristicStability,
  edgeLabels,
  psi,
  quantileEdges,
  type Stability,
  type StabilityBin,
  scorePsi,
} from './metrics/stability.ts';
export { type MetricSummary, summarize } from './metrics/summary.ts';
export type { GbdtPart, ScorecardPart, XgboostPart } from './model/artefact.ts';
export {
  ARTEFACT_FORMAT,
  ARTEFACT_VERSION,
  type CharacteristicReference,
  type GradeBand,
  type ModelArtefact,
  parseArtefact,
  type StabilityReference,
  serializeArtefact,
  type TrainingInfo,
} from './model/artefact.ts';
export {
  type ApplicantRecord,
  gradeOf,
  loadModel,
  type Reason,
  type ScoreResult,
  type Scorer,
} from './model/scorer.ts';
export { type TrainOptions, type TrainResult, tableRecords, trainModel } from './model/train-model.ts';
export { isXgboostJson, type XgboostArtefactOptions, xgboostArtefact } from './model/xgboost-artefact.ts';
export { createRng, type Rng, shuffled } from './random.ts';
export { buildReport, type ReportOptions, type RiskReport } from './report/build-report.ts';
export { escapeHtml, renderReportHtml } from './report/render-html.ts';
export { fitLogistic, type LogisticFit } from './scorecard/logistic.ts';
export {
  type PointsRow,
  pointsTable,
  pointsTableCsv,
  pointsTableJson,
  pointsTableXlsx,
} from './scorecard/points-table.ts';
export {
  DEFAULT_SCALING,
  logitToScore,
  probabilityToScore,
  type Scaling,
  scalingConstants,
  scoreToProbability,
} from './scorecard/scaling.ts';
export {
  buildScorecard,
  compileScorecard,
  type Scorecard,
  type ScorecardOptions,
  type ScorecardVariable,
  type SelectionStep,
  trainScorecard,
} from './scorecard/scorecard.ts';
export { buildXlsx } from './scorecard/xlsx.ts';
