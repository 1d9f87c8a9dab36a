// Credit-risk model registry and live scoring (issue 5, "Service"). See docs/risk.md.
export { DEMO_RISK_MODEL_NAME, GERMAN_CREDIT_CSV, seedDemoRiskModel } from './demo.ts';
export { modelInputs } from './inputs.ts';
export {
  engineErrors,
  type PreparedRiskModel,
  parseDataset,
  prepareUploadedModel,
  type RiskTrainRequest,
  type RiskUploadRequest,
  trainRiskModel,
} from './prepare.ts';
export {
  clearRiskChallenger,
  compareRiskModels,
  getRiskModel,
  listRiskModels,
  promoteRiskModel,
  type RiskCompareRequest,
  type RiskComparison,
  type RiskModelDetail,
  type RiskModelMetrics,
  type RiskModelView,
  type RoleChange,
  riskModelArtefact,
  riskPointsFile,
  saveRiskModel,
  setRiskChallenger,
} from './registry.ts';
export {
  invalidateRiskModelCache,
  RISK_ROLE_TTL_MS,
  type RiskScoreReason,
  type RiskScoreRequest,
  type RiskScoreResult,
  type ShadowSummary,
  scoreApplicant,
  shadowSummary,
} from './scoring.ts';
