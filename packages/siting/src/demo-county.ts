import county from '../demo/county.json' with { type: 'json' };
import type { SitingModel, SitingProblem } from './types.ts';

/** [x, y] in projected km from the county's origin. */
export type KmPoint = readonly [number, number];

/**
 * The synthetic demo county (see demo/generate.ts): outline and township boundaries in projected
 * km around an origin whose longitude/latitude is given for map labelling, villages with
 * populations, existing service stations and candidate sites. Invented data, no real place.
 */
export interface DemoCounty {
  readonly name: string;
  readonly synthetic: true;
  readonly seed: number;
  readonly note: string;
  readonly crs: { readonly kind: 'projected-km'; readonly originLonLat: readonly [number, number] };
  readonly boundary: readonly KmPoint[];
  readonly townships: readonly {
    readonly id: string;
    readonly code: string;
    readonly name: string;
    readonly seat: KmPoint;
    readonly boundary: readonly KmPoint[];
  }[];
  readonly villages: readonly {
    readonly id: string;
    readonly name: string;
    readonly township: string;
    readonly x: number;
    readonly y: number;
    readonly population: number;
  }[];
  /** Existing stations; each id is also a candidate id, so they can be fixed open. */
  readonly stations: readonly {
    readonly id: string;
    readonly name: string;
    readonly township: string;
    readonly x: number;
    readonly y: number;
  }[];
  readonly candidates: readonly {
    readonly id: string;
    readonly name: string;
    readonly township: string;
    readonly x: number;
    readonly y: number;
  }[];
}

/**
 * The demo county data.
 *
 * @example demoCounty.villages.length; // 347
 */
export const demoCounty = county as unknown as DemoCounty;

/** Options of {@link demoCountyProblem}. */
export interface DemoProblemOptions {
  readonly model?: SitingModel;
  /** Sites to open including the existing stations (default: stations + 6). */
  readonly p?: number;
  /** Coverage radius in km (default 5). */
  readonly radiusKm?: number;
}

/**
 * The default study of the demo county: villages weighted by population, every candidate, the
 * existing stations fixed open; by default MCLP with six new sites and a 5 km radius.
 *
 * @example const problem = demoCountyProblem(); // solve(problem, { now }) → where to add 6 stations
 */
export function demoCountyProblem(options: DemoProblemOptions = {}): SitingProblem {
  const model = options.model ?? 'mclp';
  return {
    model,
    coordinates: 'projected',
    demand: demoCounty.villages.map((v) => ({ id: v.id, x: v.x, y: v.y, weight: v.population })),
    candidates: demoCounty.candidates.map((c) => ({ id: c.id, x: c.x, y: c.y })),
    fixed: demoCounty.stations.map((s) => s.id),
    ...(model === 'lscp' ? {} : { p: options.p ?? demoCounty.stations.length + 6 }),
    radius: options.radiusKm ?? 5,
  };
}
