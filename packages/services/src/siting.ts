import { AppError, type ErrorCode } from '@puhui/core';
import {
  demoCounty,
  demoCountyProblem,
  type SitingFailure,
  type SitingModel,
  type SitingProblem,
  type SitingResult,
  type SolveMethod,
  solve,
  toGeoJson,
} from '@puhui/siting';
import {
  findSitingStudy,
  insertSitingStudy,
  listSitingStudies,
  type SitingStudyRow,
  type Tx,
} from '@puhui/store';
import { actorOf, nowIso, type Principal, type ServiceContext } from './context.ts';
import { audit } from './platform/audit.ts';
import { emit } from './platform/events.ts';

/** What a user asks for: a model on the demo county, or on their own points. */
export interface SitingStudyRequest {
  readonly name: string;
  readonly model: SitingModel;
  readonly p?: number | undefined;
  readonly radius?: number | undefined;
  readonly fixed?: readonly string[] | undefined;
  readonly method?: SolveMethod | undefined;
  readonly timeLimitSeconds?: number | undefined;
  /** Own inputs; when absent the demo county's villages, stations and candidate sites are used. */
  readonly problem?: Omit<SitingProblem, 'model' | 'p' | 'radius' | 'fixed'> | undefined;
}

/** A study as the API shows it. */
export interface SitingStudyView {
  readonly id: string;
  readonly name: string;
  readonly model: string;
  readonly demandCount: number;
  readonly candidateCount: number;
  readonly coveredShare: number;
  readonly isDefault: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
}

const CODE: Record<SitingFailure['code'], ErrorCode> = {
  invalid_input: 'validation_failed',
  missing_parameter: 'validation_failed',
  duplicate_id: 'validation_failed',
  unknown_id: 'unknown_id',
  missing_cost: 'missing_cost',
  infeasible: 'infeasible',
  solver_failed: 'solver_failed',
};

/** The problem a request describes: the caller's own inputs or the demo county's. */
export function sitingProblemOf(request: SitingStudyRequest): SitingProblem {
  const demo: SitingProblem | undefined = request.problem
    ? undefined
    : demoCountyProblem({ model: request.model });
  const p = request.p ?? demo?.p;
  const radius = request.radius ?? demo?.radius;
  const fixed = request.fixed ?? demo?.fixed;
  const base = request.problem ?? (demo as SitingProblem);
  return {
    coordinates: base.coordinates,
    demand: base.demand,
    candidates: base.candidates,
    ...(base.costs ? { costs: base.costs } : {}),
    model: request.model,
    ...(p === undefined ? {} : { p }),
    ...(radius === undefined ? {} : { radius }),
    ...(fixed === undefined ? {} : { fixed }),
  };
}

/**
 * Solves a siting request (exact MIP on HiGHS for small and medium instances, heuristic with a
 * bound for large ones). Runs outside any transaction: solving may take seconds. Failures become
 * catalogue errors naming the ids involved.
 *
 * @example const { problem, result } = await solveSitingStudy({ name: 'Coverage 5 km', model: 'mclp', radius: 5 });
 */
export async function solveSitingStudy(
  request: SitingStudyRequest,
): Promise<{ problem: SitingProblem; result: SitingResult }> {
  const problem = sitingProblemOf(request);
  const started = Date.now();
  const outcome = await solve(problem, {
    now: () => Date.now() - started,
    method: request.method ?? 'auto',
    timeLimitSeconds: request.timeLimitSeconds ?? 30,
  });
  if (!outcome.ok) {
    const { code, message, ids } = outcome.error;
    throw new AppError(
      CODE[code],
      message,
      ids?.slice(0, 20).map((id) => ({ path: 'body', message: `id ${id}` })),
    );
  }
  return { problem, result: outcome.value };
}

function view(row: Omit<SitingStudyRow, 'problem' | 'result'>): SitingStudyView {
  return {
    id: row.id,
    name: row.name,
    model: row.model,
    demandCount: row.demand_count,
    candidateCount: row.candidate_count,
    coveredShare: row.covered_share,
    isDefault: row.is_default === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/**
 * Stores a solved study (with audit record and a `siting.study_completed` event) in the caller's
 * transaction.
 *
 * @example await ctx.store.transaction((tx) => saveSitingStudy(ctx, tx, actor, 'Default', problem, result));
 */
export async function saveSitingStudy(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  input: { name: string; problem: SitingProblem; result: SitingResult; isDefault?: boolean },
): Promise<SitingStudyView & { result: SitingResult }> {
  const row: SitingStudyRow = {
    id: ctx.ids.next('sit'),
    name: input.name,
    model: input.problem.model,
    problem: JSON.stringify(input.problem),
    result: JSON.stringify(input.result),
    demand_count: input.problem.demand.length,
    candidate_count: input.problem.candidates.length,
    covered_share: input.result.coveredShare,
    is_default: input.isDefault ? 1 : 0,
    created_by: actorOf(actor),
    created_at: nowIso(ctx),
  };
  await insertSitingStudy(tx, row);
  const summary = {
    model: row.model,
    selected: input.result.selected.length,
    coveredShare: row.covered_share,
    gap: input.result.gap,
  };
  await audit(ctx, tx, actor, {
    action: 'siting.study',
    subjectType: 'siting_study',
    subjectId: row.id,
    details: summary,
  });
  await emit(ctx, tx, `siting_study:${row.id}`, 'siting.study_completed', { studyId: row.id, ...summary });
  return { ...view(row), result: input.result };
}

/** Study summaries, newest first. */
export async function listStudies(
  ctx: ServiceContext,
  page: { limit: number; offset: number },
): Promise<SitingStudyView[]> {
  return (await listSitingStudies(ctx.store.db, page)).map(view);
}

/** One study with its inputs and result, or `not_found`. */
export async function getStudy(
  ctx: ServiceContext,
  id: string,
): Promise<SitingStudyView & { problem: SitingProblem; result: SitingResult }> {
  const row = await findSitingStudy(ctx.store.db, id);
  if (!row) throw new AppError('not_found', `No siting study ${id}`);
  return {
    ...view(row),
    problem: JSON.parse(row.problem) as SitingProblem,
    result: JSON.parse(row.result) as SitingResult,
  };
}

/**
 * A study as GeoJSON (lon/lat, via the demo county's origin for projected km coordinates) for
 * desktop GIS.
 */
export async function studyGeoJson(ctx: ServiceContext, id: string) {
  const study = await getStudy(ctx, id);
  return toGeoJson(study.problem, study.result, {
    ...(study.problem.coordinates === 'projected'
      ? { originLonLat: demoCounty.crs.originLonLat as [number, number] }
      : {}),
  });
}

/** Solves and stores the demo county's default study (MCLP, existing stations fixed). */
export async function seedDefaultSitingStudy(ctx: ServiceContext, actor: Principal): Promise<void> {
  const { problem, result } = await solveSitingStudy({ name: 'Demo county coverage', model: 'mclp' });
  await ctx.store.transaction((tx) =>
    saveSitingStudy(ctx, tx, actor, {
      name: 'Demo county: 5 km coverage with existing stations',
      problem,
      result,
      isDefault: true,
    }),
  );
}
