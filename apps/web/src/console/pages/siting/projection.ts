/**
 * Map projection for the siting page: no tile server, so the map is drawn in SVG from the shipped
 * coordinates. Planar coordinates are km east (x) and north (y) of an origin; longitude/latitude
 * are first projected to such km with an equirectangular projection scaled by cos(latitude) at
 * the origin (distortion well under 1 % across a county).
 */

/** A point in planar km: x east, y north. */
export type Km = readonly [number, number];

/** Mean Earth radius in km (the siting engine's great-circle distances use the same). */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Longitude/latitude (degrees) to km east and north of `origin` (equirectangular, cos φ₀ scaling).
 *
 * @example lonLatToKm([105.46, 29.35], [105.45, 29.35]); // ≈ [0.97, 0]
 */
export function lonLatToKm(point: Km, origin: Km): [number, number] {
  const rad = Math.PI / 180;
  const [lon, lat] = point;
  const [lon0, lat0] = origin;
  return [(lon - lon0) * rad * Math.cos(lat0 * rad) * EARTH_RADIUS_KM, (lat - lat0) * rad * EARTH_RADIUS_KM];
}

/**
 * The inverse of {@link lonLatToKm}: km east and north of `origin` to longitude/latitude.
 *
 * @example kmToLonLat([0, 111.2], [105.45, 29.35]); // ≈ [105.45, 30.35]
 */
export function kmToLonLat(point: Km, origin: Km): [number, number] {
  const rad = Math.PI / 180;
  const [x, y] = point;
  const [lon0, lat0] = origin;
  return [lon0 + x / (EARTH_RADIUS_KM * Math.cos(lat0 * rad) * rad), lat0 + y / (EARTH_RADIUS_KM * rad)];
}

/** The smallest rectangle holding a set of points. */
export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/**
 * The bounds of the given points (and circles of `radius` around them when given).
 *
 * @example boundsOf([[0, 0], [10, 4]]); // { minX: 0, minY: 0, maxX: 10, maxY: 4 }
 */
export function boundsOf(points: Iterable<Km>, radius = 0): Bounds {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    minX = Math.min(minX, x - radius);
    minY = Math.min(minY, y - radius);
    maxX = Math.max(maxX, x + radius);
    maxY = Math.max(maxY, y + radius);
  }
  if (!Number.isFinite(minX)) return { minX: -1, minY: -1, maxX: 1, maxY: 1 };
  return { minX, minY, maxX, maxY };
}

/** Planar km mapped onto an SVG viewBox of fixed width: one scale for both axes, north up. */
export interface View {
  readonly width: number;
  readonly height: number;
  /** SVG units per km. */
  readonly scale: number;
  /** km → SVG [x, y] (y grows downwards in SVG, so north is up). */
  project(point: Km): [number, number];
  /** A length in km → SVG units (circles keep their true radius). */
  length(km: number): number;
}

/**
 * Fits `bounds` into a viewBox `width` units wide with `padding` units on every side, keeping the
 * aspect ratio (the height follows).
 *
 * @example const v = fitView({ minX: 0, minY: 0, maxX: 10, maxY: 5 }, 120, 10); v.project([0, 5]); // [10, 10]
 */
export function fitView(bounds: Bounds, width: number, padding: number): View {
  const spanX = Math.max(bounds.maxX - bounds.minX, 1e-9);
  const spanY = Math.max(bounds.maxY - bounds.minY, 1e-9);
  const scale = (width - 2 * padding) / spanX;
  const height = spanY * scale + 2 * padding;
  return {
    width,
    height,
    scale,
    project: ([x, y]) => [padding + (x - bounds.minX) * scale, padding + (bounds.maxY - y) * scale],
    length: (km) => km * scale,
  };
}

/**
 * An SVG path for a closed ring of km points (`M … L … Z`), coordinates rounded to 0.1 unit.
 *
 * @example ringPath([[0, 0], [1, 0], [1, 1]], view); // 'M10 20L30 20L30 0Z' for a suitable view
 */
export function ringPath(ring: readonly Km[], view: View): string {
  return `${ring
    .map((p, i) => {
      const [x, y] = view.project(p);
      return `${i === 0 ? 'M' : 'L'}${round1(x)} ${round1(y)}`;
    })
    .join('')}Z`;
}

/**
 * A marker radius growing with the square root of the population (area proportional to people),
 * between `min` and `max` SVG units.
 *
 * @example markerRadius(100, 400, 2, 10); // 6
 */
export function markerRadius(population: number, largest: number, min: number, max: number): number {
  if (largest <= 0 || population <= 0) return min;
  return min + (max - min) * Math.sqrt(Math.min(population, largest) / largest);
}

/**
 * A "nice" scale-bar length in km (1, 2 or 5 × 10ⁿ) of at most `maxKm`.
 *
 * @example niceKm(7.3); // 5
 */
export function niceKm(maxKm: number): number {
  if (!(maxKm > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(maxKm));
  for (const step of [5, 2, 1]) if (step * power <= maxKm) return step * power;
  return power;
}

/** Rounds to one decimal place (SVG coordinates). */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
