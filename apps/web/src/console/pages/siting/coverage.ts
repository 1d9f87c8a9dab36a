import type { paths } from '../../../api/schema.d.ts';
import { type Km, lonLatToKm } from './projection.ts';

/** A stored study with its inputs and result, as `GET /api/v1/siting/studies/{id}` returns it. */
export type Study =
  paths['/api/v1/siting/studies/{id}']['get']['responses']['200']['content']['application/json'];
export type SitingProblem = Study['problem'];
export type SitingResult = Study['result'];

/**
 * The demo county as `GET /api/v1/siting/demo-county` returns it (the route's schema leaves it
 * open; the shape is `DemoCounty` of `@puhui/siting`): outline and townships in projected km
 * around a labelled origin, villages with population, stations and candidate sites.
 */
export interface DemoCounty {
  readonly name: string;
  readonly note: string;
  readonly crs: { readonly kind: 'projected-km'; readonly originLonLat: Km };
  readonly boundary: readonly Km[];
  readonly townships: readonly {
    readonly id: string;
    readonly code: string;
    readonly name: string;
    readonly seat: Km;
    readonly boundary: readonly Km[];
  }[];
  readonly villages: readonly Place[];
  readonly stations: readonly Place[];
  readonly candidates: readonly Place[];
}

/** A named place of the demo county. */
export interface Place {
  readonly id: string;
  readonly name: string;
  readonly township: string;
  readonly x: number;
  readonly y: number;
  readonly population?: number;
}

/** A study's points in planar km, whatever coordinates it was given in. */
export interface PlanarStudy {
  readonly demand: readonly { readonly id: string; readonly at: Km; readonly weight: number }[];
  readonly candidates: readonly { readonly id: string; readonly at: Km }[];
  /** For longitude/latitude studies, the origin the km are measured from; null for projected ones. */
  readonly origin: Km | null;
}

/**
 * The study's demand points and candidate sites in km: projected coordinates as they are;
 * longitude/latitude projected around the demand points' mean position.
 *
 * @example planarStudy(study.problem).demand[0].at; // [-0.06, 1.45]
 */
export function planarStudy(problem: SitingProblem): PlanarStudy {
  if (problem.coordinates === 'projected')
    return {
      demand: problem.demand.map((d) => ({ id: d.id, at: [d.x, d.y] as Km, weight: d.weight })),
      candidates: problem.candidates.map((c) => ({ id: c.id, at: [c.x, c.y] as Km })),
      origin: null,
    };
  const n = Math.max(problem.demand.length, 1);
  const origin: Km = [
    problem.demand.reduce((s, d) => s + d.x, 0) / n,
    problem.demand.reduce((s, d) => s + d.y, 0) / n,
  ];
  return {
    demand: problem.demand.map((d) => ({ id: d.id, at: lonLatToKm([d.x, d.y], origin), weight: d.weight })),
    candidates: problem.candidates.map((c) => ({ id: c.id, at: lonLatToKm([c.x, c.y], origin) })),
    origin,
  };
}

/**
 * Whether a study was run on the demo county (projected, every demand point one of its villages),
 * so the county's outline, townships and names can be drawn under it.
 */
export function onDemoCounty(problem: SitingProblem, county: DemoCounty | undefined): boolean {
  if (!county || problem.coordinates !== 'projected') return false;
  const villages = new Set(county.villages.map((v) => v.id));
  return problem.demand.every((d) => villages.has(d.id));
}

/** The demand points a result serves: assigned to an open site and not listed as uncovered. */
export function coveredDemand(result: SitingResult): Set<string> {
  const uncovered = new Set(result.uncovered);
  return new Set(Object.keys(result.assignment).filter((id) => !uncovered.has(id)));
}

/** One chosen site of a study and what it serves. */
export interface SiteRow {
  readonly id: string;
  /** An existing station kept open (a fixed site), or a new one. */
  readonly existing: boolean;
  /** Demand points it serves within the radius. */
  readonly points: number;
  /** Their total weight (population). */
  readonly covered: number;
}

/**
 * The chosen sites with the demand each serves (points assigned to it and within the radius),
 * existing stations first, then new sites, each by id.
 *
 * @example siteRows(study.problem, study.result)[0]; // { id: 'C-BA-00', existing: true, points: 31, covered: 40210 }
 */
export function siteRows(problem: SitingProblem, result: SitingResult): SiteRow[] {
  const weight = new Map(problem.demand.map((d) => [d.id, d.weight]));
  const fixed = new Set(problem.fixed ?? []);
  const covered = coveredDemand(result);
  const rows = new Map<string, { points: number; covered: number }>(
    result.selected.map((id) => [id, { points: 0, covered: 0 }]),
  );
  for (const [demandId, siteId] of Object.entries(result.assignment)) {
    const row = rows.get(siteId);
    if (!row || !covered.has(demandId)) continue;
    row.points += 1;
    row.covered += weight.get(demandId) ?? 0;
  }
  return [...rows]
    .map(([id, r]) => ({ id, existing: fixed.has(id), ...r }))
    .sort((a, b) => Number(b.existing) - Number(a.existing) || a.id.localeCompare(b.id));
}

/** Coverage of one township of the demo county. */
export interface TownshipRow {
  readonly id: string;
  readonly name: string;
  readonly villages: number;
  readonly population: number;
  readonly covered: number;
  /** covered ÷ population (0 for an empty township). */
  readonly share: number;
}

/**
 * Population and covered population per township of the demo county, in the county's order.
 *
 * @example townshipRows(county, study.result)[0]; // { id: 'T01', name: 'Qingshan', villages: 34, population: 70120, covered: 69000, share: 0.98 }
 */
export function townshipRows(county: DemoCounty, result: SitingResult): TownshipRow[] {
  const covered = coveredDemand(result);
  return county.townships.map((t) => {
    const villages = county.villages.filter((v) => v.township === t.id);
    const population = villages.reduce((s, v) => s + (v.population ?? 0), 0);
    const served = villages.reduce((s, v) => s + (covered.has(v.id) ? (v.population ?? 0) : 0), 0);
    return {
      id: t.id,
      name: t.name,
      villages: villages.length,
      population,
      covered: served,
      share: population > 0 ? served / population : 0,
    };
  });
}

/**
 * A whole number of people with thousands separators in the reader's language.
 *
 * @example people(442883, 'en'); // '442,883'
 */
export function people(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}
