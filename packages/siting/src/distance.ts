/** Mean Earth radius in km (IUGG), used for great-circle distances. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Straight-line distance between two projected points, in their own unit.
 *
 * @example euclidean(0, 0, 3, 4); // 5
 */
export function euclidean(x1: number, y1: number, x2: number, y2: number): number {
  return Math.hypot(x2 - x1, y2 - y1);
}

/**
 * Great-circle (haversine) distance in km between two longitude/latitude points in degrees.
 *
 * @example greatCircleKm(0, 0, 1, 0); // ≈ 111.195
 */
export function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Converts projected km offsets from an origin to longitude/latitude degrees with a local
 * equirectangular approximation (good to well under 0.1% across a county), for maps and GeoJSON.
 *
 * @example kmToLonLat(0, 111.195, [105, 29]); // ≈ [105, 30]
 */
export function kmToLonLat(xKm: number, yKm: number, origin: readonly [number, number]): [number, number] {
  const [lon0, lat0] = origin;
  const kmPerDegree = (EARTH_RADIUS_KM * Math.PI) / 180;
  const lat = lat0 + yKm / kmPerDegree;
  const lon = lon0 + xKm / (kmPerDegree * Math.cos((lat0 * Math.PI) / 180));
  return [lon, lat];
}
