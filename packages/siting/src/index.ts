export {
  type ParsedPoints,
  type PointColumns,
  parseCandidatesCsv,
  parseCostsCsv,
  parseCsv,
  parseDemandCsv,
} from './csv.ts';
export {
  type DemoCounty,
  type DemoProblemOptions,
  demoCounty,
  demoCountyProblem,
  type KmPoint,
} from './demo-county.ts';
export { EARTH_RADIUS_KM, euclidean, greatCircleKm, kmToLonLat } from './distance.ts';
export type { Outcome, SitingErrorCode, SitingFailure } from './errors.ts';
export { relativeGap } from './gap.ts';
export { type Feature, type FeatureCollection, type GeoJsonOptions, toGeoJson } from './geojson.ts';
export { loadHighsSolver } from './highs-solver.ts';
export { buildInstance, type Instance, MAX_PAIRS } from './instance.ts';
export { buildMip, type MipModel, type SitingMip } from './mip-model.ts';
export type { MipAnswer, MipSolveOptions, MipSolver, MipStatus } from './mip-solver.ts';
export { createRng, type Rng } from './rng.ts';
export { DEFAULT_EXACT_MAX_PAIRS, DEFAULT_TIME_LIMIT_SECONDS, type SolveOptions, solve } from './solve.ts';
export { type SyntheticSpec, syntheticProblem } from './synthetic.ts';
export type {
  CandidateSite,
  CoordinateKind,
  CostEntry,
  DemandPoint,
  SitingModel,
  SitingProblem,
  SitingResult,
  SolveMethod,
} from './types.ts';
export { sitingModels } from './types.ts';
export { validateProblem } from './validate.ts';
