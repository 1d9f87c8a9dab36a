/**
 * The four location models:
 * - `mclp` maximal covering: open `p` sites to maximise the demand weight within `radius`;
 * - `lscp` location set covering: the fewest sites so every demand point is within `radius`;
 * - `pmedian`: open `p` sites to minimise the weighted total distance to the assigned site;
 * - `pcenter`: open `p` sites to minimise the largest distance from a demand point to its site.
 */
export type SitingModel = 'mclp' | 'lscp' | 'pmedian' | 'pcenter';

/** The models, in the order the CLI lists them. */
export const sitingModels: readonly SitingModel[] = ['mclp', 'lscp', 'pmedian', 'pcenter'];

/**
 * How `x`/`y` are read: `projected` planar coordinates (Euclidean distance, in the coordinates'
 * own unit, km in the demo county) or `lonlat` degrees (`x` = longitude, `y` = latitude;
 * great-circle distance in km).
 */
export type CoordinateKind = 'projected' | 'lonlat';

/** A place where people live (a village, a household cluster) with its weight (e.g. population). */
export interface DemandPoint {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly weight: number;
}

/** A place where a service point could be opened; `capacity` limits the demand weight it serves. */
export interface CandidateSite {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly capacity?: number;
}

/** One entry of a supplied cost matrix (e.g. road distance or travel minutes). */
export interface CostEntry {
  readonly demandId: string;
  readonly siteId: string;
  readonly cost: number;
}

/**
 * A siting problem as the CLI and the server receive it. When `costs` is given it replaces the
 * computed distances and must hold every (demand, candidate) pair.
 */
export interface SitingProblem {
  readonly model: SitingModel;
  readonly coordinates: CoordinateKind;
  readonly demand: readonly DemandPoint[];
  readonly candidates: readonly CandidateSite[];
  readonly costs?: readonly CostEntry[];
  /** Number of sites to open, fixed ones included (`mclp`, `pmedian`, `pcenter`). */
  readonly p?: number;
  /** Coverage radius in distance units (required by `mclp` and `lscp`; reporting only otherwise). */
  readonly radius?: number;
  /** Candidate ids that are open already (existing stations) and must stay open. */
  readonly fixed?: readonly string[];
}

/** `exact`: HiGHS mixed-integer program; `heuristic`: greedy + vertex interchange; `auto` picks by size. */
export type SolveMethod = 'auto' | 'exact' | 'heuristic';

/**
 * The answer, in the shape `puhui site` prints. `objective` is the model's own objective (covered
 * weight, number of sites, weighted distance, largest distance); `gap` is the relative distance to
 * the best proven bound (0 = proven optimal); `seconds` is the wall time of the solve.
 */
export interface SitingResult {
  readonly model: SitingModel;
  readonly selected: readonly string[];
  readonly objective: number;
  readonly coveredWeight: number;
  readonly coveredShare: number;
  readonly uncovered: readonly string[];
  readonly assignment: Readonly<Record<string, string>>;
  readonly gap: number;
  readonly solver: string;
  readonly seconds: number;
}
