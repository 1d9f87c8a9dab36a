import { kmToLonLat } from './distance.ts';
import type { SitingProblem, SitingResult } from './types.ts';

/** A GeoJSON FeatureCollection (RFC 7946) as plain data. */
export interface FeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly Feature[];
}

/** A GeoJSON Feature with a point or line geometry. */
export interface Feature {
  readonly type: 'Feature';
  readonly geometry:
    | { readonly type: 'Point'; readonly coordinates: readonly [number, number] }
    | { readonly type: 'LineString'; readonly coordinates: readonly (readonly [number, number])[] };
  readonly properties: Readonly<Record<string, string | number | boolean | null>>;
}

/** Options of {@link toGeoJson}. */
export interface GeoJsonOptions {
  /** Longitude/latitude of the projected origin: projected km coordinates are converted with it. */
  readonly originLonLat?: readonly [number, number];
  /** Add a line from each served demand point to its site (default true). */
  readonly assignmentLines?: boolean;
}

/**
 * Exports a solved problem for desktop GIS: demand points (`kind: 'demand'`, weight, covered,
 * site), candidate sites (`kind: 'site'`, selected, fixed) and assignment lines. Longitude/latitude
 * problems are written as they are; projected km ones are converted when `originLonLat` is given
 * (otherwise their coordinates are written unchanged, which GIS tools read as a local plane).
 *
 * @example const fc = toGeoJson(problem, result, { originLonLat: [105.2, 29.1] });
 */
export function toGeoJson(
  problem: SitingProblem,
  result: SitingResult,
  options: GeoJsonOptions = {},
): FeatureCollection {
  const origin = options.originLonLat;
  const place = (x: number, y: number): [number, number] =>
    problem.coordinates === 'projected' && origin ? kmToLonLat(x, y, origin) : [x, y];
  const selected = new Set(result.selected);
  const fixed = new Set(problem.fixed ?? []);
  const uncovered = new Set(result.uncovered);
  const sites = new Map(problem.candidates.map((c) => [c.id, c]));
  const features: Feature[] = [];
  for (const c of problem.candidates) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: place(c.x, c.y) },
      properties: {
        kind: 'site',
        id: c.id,
        selected: selected.has(c.id),
        fixed: fixed.has(c.id),
        capacity: c.capacity ?? null,
      },
    });
  }
  for (const d of problem.demand) {
    const site = result.assignment[d.id];
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: place(d.x, d.y) },
      properties: {
        kind: 'demand',
        id: d.id,
        weight: d.weight,
        covered: !uncovered.has(d.id),
        site: site ?? null,
      },
    });
    const s = site === undefined ? undefined : sites.get(site);
    if (s && options.assignmentLines !== false) {
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [place(d.x, d.y), place(s.x, s.y)] },
        properties: { kind: 'assignment', demand: d.id, site: s.id },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
