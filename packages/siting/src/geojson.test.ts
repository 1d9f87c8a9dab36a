import { expect, it } from 'vitest';
import { toGeoJson } from './geojson.ts';
import type { SitingProblem, SitingResult } from './types.ts';

const problem: SitingProblem = {
  model: 'mclp',
  coordinates: 'projected',
  p: 1,
  radius: 2,
  fixed: ['s1'],
  demand: [
    { id: 'v1', x: 0, y: 0, weight: 10 },
    { id: 'v2', x: 9, y: 0, weight: 5 },
  ],
  candidates: [
    { id: 's1', x: 1, y: 0 },
    { id: 's2', x: 9, y: 1 },
  ],
};
const result: SitingResult = {
  model: 'mclp',
  selected: ['s1'],
  objective: 10,
  coveredWeight: 10,
  coveredShare: 10 / 15,
  uncovered: ['v2'],
  assignment: { v1: 's1' },
  gap: 0,
  solver: 'test',
  seconds: 0,
};

it('writes sites, demand points and assignment lines', () => {
  const fc = toGeoJson(problem, result);
  expect(fc.features.map((f) => f.properties.kind)).toEqual([
    'site',
    'site',
    'demand',
    'assignment',
    'demand',
  ]);
  expect(fc.features[0]!.properties).toEqual({
    kind: 'site',
    id: 's1',
    selected: true,
    fixed: true,
    capacity: null,
  });
  expect(fc.features[4]!.properties).toEqual({
    kind: 'demand',
    id: 'v2',
    weight: 5,
    covered: false,
    site: null,
  });
  expect(fc.features[3]!.geometry).toEqual({
    type: 'LineString',
    coordinates: [
      [0, 0],
      [1, 0],
    ],
  });
});

it('converts projected km to longitude/latitude around an origin', () => {
  const fc = toGeoJson(problem, result, { originLonLat: [105, 29], assignmentLines: false });
  const [lon, lat] = fc.features[2]!.geometry.coordinates as [number, number];
  expect([lon, lat]).toEqual([105, 29]);
  const [lon1] = fc.features[0]!.geometry.coordinates as [number, number];
  // 1 km east at 29°N: 1 / (111.195 · cos 29°) = 0.010283°.
  expect(lon1 - 105).toBeCloseTo(0.010283, 5);
});
