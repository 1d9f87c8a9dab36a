import { euclidean, greatCircleKm } from './distance.ts';
import { fail, listIds, type Outcome } from './errors.ts';
import { type SitingModel, type SitingProblem, sitingModels } from './types.ts';

/** Demand points within the radius of each site and sites within the radius of each demand point. */
export interface Coverage {
  /** `siteDemand[siteStart[j] .. siteStart[j+1])` are the demand indices site `j` covers. */
  readonly siteStart: Int32Array;
  readonly siteDemand: Int32Array;
  /** `demandSite[demandStart[i] .. demandStart[i+1])` are the sites that cover demand `i`. */
  readonly demandStart: Int32Array;
  readonly demandSite: Int32Array;
}

/**
 * A validated problem in solver form. Demand points and sites are re-indexed in id order (plain
 * code-unit comparison), so every tie between equally good choices falls to the smaller id no
 * matter how the input was ordered.
 */
export interface Instance {
  readonly model: SitingModel;
  readonly n: number;
  readonly m: number;
  readonly demandIds: readonly string[];
  readonly siteIds: readonly string[];
  readonly weight: Float64Array;
  readonly totalWeight: number;
  /** Row-major costs: `cost[i * m + j]` from demand `i` to site `j`. */
  readonly cost: Float64Array;
  /** Sites to open (0 for `lscp`, whose count is the objective). */
  readonly p: number;
  readonly radius: number | undefined;
  /** 1 where the site is fixed open. */
  readonly fixed: Uint8Array;
  readonly fixedCount: number;
  /** Per-site capacity (`Infinity` where none) when any site has one. */
  readonly capacity: Float64Array | undefined;
  /** Present when `radius` is given. */
  readonly coverage: Coverage | undefined;
}

/** Largest demand × candidate product accepted (the cost matrix is held in memory). */
export const MAX_PAIRS = 20_000_000;

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) dup.add(id);
    seen.add(id);
  }
  return [...dup];
}

/**
 * Builds the coverage lists (cost ≤ radius) of a row-major cost matrix.
 *
 * @example const cov = buildCoverage(new Float64Array([1, 9]), 1, 2, 5); // site 0 covers demand 0
 */
export function buildCoverage(cost: Float64Array, n: number, m: number, radius: number): Coverage {
  const siteCount = new Int32Array(m + 1);
  const demandStart = new Int32Array(n + 1);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) {
      if (cost[row + j]! <= radius) {
        siteCount[j + 1]!++;
        nnz++;
      }
    }
    demandStart[i + 1] = nnz;
  }
  const demandSite = new Int32Array(nnz);
  const siteStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) siteStart[j + 1] = siteStart[j]! + siteCount[j + 1]!;
  const fill = siteStart.slice(0, m);
  const siteDemand = new Int32Array(nnz);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) {
      if (cost[row + j]! <= radius) {
        demandSite[k++] = j;
        siteDemand[fill[j]!++] = i;
      }
    }
  }
  return { siteStart, siteDemand, demandStart, demandSite };
}

/**
 * Validates a {@link SitingProblem} and turns it into an {@link Instance}, or says precisely what
 * is wrong with a stable code (`invalid_input`, `missing_parameter`, `duplicate_id`, `unknown_id`,
 * `missing_cost`, `infeasible`).
 *
 * @example
 * const r = buildInstance({ model: 'mclp', coordinates: 'projected', p: 1, radius: 2,
 *   demand: [{ id: 'v1', x: 0, y: 0, weight: 10 }], candidates: [{ id: 's1', x: 1, y: 0 }] });
 * if (r.ok) r.value.coverage; // site s1 covers v1
 */
export function buildInstance(problem: SitingProblem): Outcome<Instance> {
  const { model } = problem;
  if (!sitingModels.includes(model)) {
    return fail('invalid_input', `unknown model '${String(model)}' (expected ${sitingModels.join(', ')})`);
  }
  if (problem.coordinates !== 'projected' && problem.coordinates !== 'lonlat') {
    return fail('invalid_input', `coordinates must be 'projected' or 'lonlat'`);
  }
  if (problem.demand.length === 0) return fail('invalid_input', 'there are no demand points');
  if (problem.candidates.length === 0) return fail('invalid_input', 'there are no candidate sites');
  const n = problem.demand.length;
  const m = problem.candidates.length;
  if (n * m > MAX_PAIRS) {
    return fail(
      'invalid_input',
      `${n} demand points × ${m} candidates exceeds the limit of ${MAX_PAIRS} pairs`,
    );
  }

  for (const [kind, points] of [
    ['demand point', problem.demand],
    ['candidate', problem.candidates],
  ] as const) {
    const empty = points.filter((pt) => typeof pt.id !== 'string' || pt.id.length === 0);
    if (empty.length > 0) return fail('invalid_input', `a ${kind} has an empty id`);
    const dup = duplicates(points.map((pt) => pt.id));
    if (dup.length > 0) return fail('duplicate_id', `duplicate ${kind} id ${listIds(dup)}`, dup);
    for (const pt of points) {
      if (!Number.isFinite(pt.x) || !Number.isFinite(pt.y)) {
        return fail('invalid_input', `${kind} '${pt.id}' has a non-numeric coordinate`, [pt.id]);
      }
      if (problem.coordinates === 'lonlat' && (Math.abs(pt.x) > 180 || Math.abs(pt.y) > 90)) {
        return fail('invalid_input', `${kind} '${pt.id}' is outside longitude/latitude range`, [pt.id]);
      }
    }
  }
  for (const d of problem.demand) {
    if (!Number.isFinite(d.weight) || d.weight < 0) {
      return fail('invalid_input', `demand point '${d.id}' has weight ${d.weight}; weights must be ≥ 0`, [
        d.id,
      ]);
    }
  }
  let capacitated = false;
  for (const c of problem.candidates) {
    if (c.capacity === undefined) continue;
    if (!Number.isFinite(c.capacity) || c.capacity < 0) {
      return fail('invalid_input', `candidate '${c.id}' has capacity ${c.capacity}; must be ≥ 0`, [c.id]);
    }
    capacitated = true;
  }

  const needsP = model !== 'lscp';
  const needsRadius = model === 'mclp' || model === 'lscp';
  if (needsP && problem.p === undefined) return fail('missing_parameter', `model ${model} needs p`);
  if (needsRadius && problem.radius === undefined) {
    return fail('missing_parameter', `model ${model} needs a radius`);
  }
  if (problem.radius !== undefined && (!Number.isFinite(problem.radius) || problem.radius < 0)) {
    return fail('invalid_input', `radius must be a number ≥ 0, got ${problem.radius}`);
  }
  const p = needsP ? (problem.p ?? 0) : 0;
  if (needsP && (!Number.isInteger(p) || p < 1)) {
    return fail('invalid_input', `p must be a whole number ≥ 1, got ${problem.p}`);
  }

  const demand = [...problem.demand].sort((a, b) => byId(a.id, b.id));
  const sites = [...problem.candidates].sort((a, b) => byId(a.id, b.id));
  const demandIndex = new Map(demand.map((d, i) => [d.id, i]));
  const siteIndex = new Map(sites.map((s, j) => [s.id, j]));

  const fixedIds = problem.fixed ?? [];
  const unknownFixed = fixedIds.filter((id) => !siteIndex.has(id));
  if (unknownFixed.length > 0) {
    return fail('unknown_id', `fixed site ${listIds(unknownFixed)} is not a candidate`, unknownFixed);
  }
  const dupFixed = duplicates(fixedIds);
  if (dupFixed.length > 0)
    return fail('duplicate_id', `fixed site ${listIds(dupFixed)} is listed twice`, dupFixed);
  const fixed = new Uint8Array(m);
  for (const id of fixedIds) fixed[siteIndex.get(id)!] = 1;
  if (needsP && p < fixedIds.length) {
    return fail('infeasible', `p = ${p} is less than the ${fixedIds.length} fixed sites`);
  }
  if (needsP && p > m) return fail('infeasible', `p = ${p} is more than the ${m} candidates`);

  const cost = new Float64Array(n * m);
  if (problem.costs !== undefined) {
    cost.fill(Number.NaN);
    const unknown = new Set<string>();
    const dupPairs: string[] = [];
    for (const e of problem.costs) {
      const i = demandIndex.get(e.demandId);
      const j = siteIndex.get(e.siteId);
      if (i === undefined) unknown.add(e.demandId);
      if (j === undefined) unknown.add(e.siteId);
      if (i === undefined || j === undefined) continue;
      if (!Number.isFinite(e.cost) || e.cost < 0) {
        return fail('invalid_input', `cost from '${e.demandId}' to '${e.siteId}' is ${e.cost}; must be ≥ 0`);
      }
      if (!Number.isNaN(cost[i * m + j]!)) dupPairs.push(`${e.demandId}→${e.siteId}`);
      cost[i * m + j] = e.cost;
    }
    if (unknown.size > 0) {
      const ids = [...unknown];
      return fail('unknown_id', `the cost matrix names unknown id ${listIds(ids)}`, ids);
    }
    if (dupPairs.length > 0) return fail('duplicate_id', `the cost matrix repeats pair ${listIds(dupPairs)}`);
    const missing: string[] = [];
    for (let i = 0; i < n && missing.length <= 5; i++) {
      for (let j = 0; j < m && missing.length <= 5; j++) {
        if (Number.isNaN(cost[i * m + j]!)) missing.push(`${demand[i]!.id}→${sites[j]!.id}`);
      }
    }
    if (missing.length > 0) {
      let count = 0;
      for (let k = 0; k < cost.length; k++) if (Number.isNaN(cost[k]!)) count++;
      return fail(
        'missing_cost',
        `the cost matrix lacks ${count} of ${n * m} (demand, site) pairs, e.g. ${listIds(missing.slice(0, 3))}`,
      );
    }
  } else {
    const dist = problem.coordinates === 'lonlat' ? greatCircleKm : euclidean;
    for (let i = 0; i < n; i++) {
      const d = demand[i]!;
      for (let j = 0; j < m; j++) {
        const s = sites[j]!;
        cost[i * m + j] = dist(d.x, d.y, s.x, s.y);
      }
    }
  }

  const weight = Float64Array.from(demand, (d) => d.weight);
  let totalWeight = 0;
  for (const w of weight) totalWeight += w;
  const coverage = problem.radius === undefined ? undefined : buildCoverage(cost, n, m, problem.radius);
  if (model === 'lscp' && coverage) {
    const unreachable: string[] = [];
    for (let i = 0; i < n; i++) {
      if (coverage.demandStart[i + 1] === coverage.demandStart[i]) unreachable.push(demand[i]!.id);
    }
    if (unreachable.length > 0) {
      return fail(
        'infeasible',
        `no candidate lies within radius ${problem.radius} of demand point ${listIds(unreachable)}`,
        unreachable,
      );
    }
  }
  const capacity = capacitated
    ? Float64Array.from(sites, (s) => s.capacity ?? Number.POSITIVE_INFINITY)
    : undefined;
  return {
    ok: true,
    value: {
      model,
      n,
      m,
      demandIds: demand.map((d) => d.id),
      siteIds: sites.map((s) => s.id),
      weight,
      totalWeight,
      cost,
      p,
      radius: problem.radius,
      fixed,
      fixedCount: fixedIds.length,
      capacity,
      coverage,
    },
  };
}
