import { describe, expect, it } from 'vitest';
import { boundsOf, fitView, kmToLonLat, lonLatToKm, markerRadius, niceKm, ringPath } from './projection.ts';

const ORIGIN = [105.45, 29.35] as const;

/** Great-circle distance in km (haversine), to check the projection against. */
function haversine(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe('lonLatToKm', () => {
  it('puts the origin at (0, 0) and north up, east right', () => {
    expect(lonLatToKm(ORIGIN, ORIGIN)).toEqual([0, 0]);
    const [x, y] = lonLatToKm([105.5, 29.4], ORIGIN);
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(0);
  });

  it('shrinks longitude by cos(latitude): a degree east is shorter than a degree north', () => {
    const [east] = lonLatToKm([106.45, 29.35], ORIGIN);
    const [, north] = lonLatToKm([105.45, 30.35], ORIGIN);
    expect(north).toBeCloseTo(111.195, 2);
    expect(east / north).toBeCloseTo(Math.cos((29.35 * Math.PI) / 180), 12);
  });

  it('keeps distances within a county-sized area to within 0.5 % of the great circle', () => {
    const a = [105.2, 29.2] as const;
    const b = [105.75, 29.55] as const;
    const [ax, ay] = lonLatToKm(a, ORIGIN);
    const [bx, by] = lonLatToKm(b, ORIGIN);
    const planar = Math.hypot(bx - ax, by - ay);
    expect(Math.abs(planar / haversine(a, b) - 1)).toBeLessThan(0.005);
  });

  it('is undone by kmToLonLat', () => {
    const [lon, lat] = kmToLonLat(lonLatToKm([105.61, 29.12], ORIGIN), ORIGIN);
    expect(lon).toBeCloseTo(105.61, 10);
    expect(lat).toBeCloseTo(29.12, 10);
  });
});

describe('boundsOf and fitView', () => {
  it('bounds points, widened by a radius', () => {
    expect(
      boundsOf([
        [0, 0],
        [10, 4],
      ]),
    ).toEqual({ minX: 0, minY: 0, maxX: 10, maxY: 4 });
    expect(boundsOf([[1, 1]], 2)).toEqual({ minX: -1, minY: -1, maxX: 3, maxY: 3 });
    expect(boundsOf([])).toEqual({ minX: -1, minY: -1, maxX: 1, maxY: 1 });
  });

  it('maps the bounds into the padded viewBox with one scale, north up', () => {
    const view = fitView({ minX: -5, minY: 0, maxX: 5, maxY: 5 }, 120, 10);
    expect(view.scale).toBe(10);
    expect(view.height).toBe(70);
    expect(view.project([-5, 5])).toEqual([10, 10]); // north-west corner: top left
    expect(view.project([5, 0])).toEqual([110, 60]); // south-east corner: bottom right
    expect(view.project([0, 2.5])).toEqual([60, 35]);
    // A 5 km radius is 50 units, the same horizontally and vertically.
    expect(view.length(5)).toBe(50);
  });

  it('draws rings as closed paths', () => {
    const view = fitView({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, 40, 10);
    expect(
      ringPath(
        [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
        view,
      ),
    ).toBe('M10 30L30 30L30 10Z');
  });
});

describe('markerRadius and niceKm', () => {
  it('grows the marker area with population, within bounds', () => {
    expect(markerRadius(400, 400, 2, 10)).toBe(10);
    expect(markerRadius(100, 400, 2, 10)).toBe(6);
    expect(markerRadius(0, 400, 2, 10)).toBe(2);
    expect(markerRadius(900, 400, 2, 10)).toBe(10);
  });

  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceKm(7.3)).toBe(5);
    expect(niceKm(12.7)).toBe(10);
    expect(niceKm(0.3)).toBe(0.2);
    expect(niceKm(0)).toBe(1);
  });
});
