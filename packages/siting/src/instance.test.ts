import { describe, expect, it } from 'vitest';
import { greatCircleKm, kmToLonLat } from './distance.ts';
import { buildInstance } from './instance.ts';
import type { SitingProblem } from './types.ts';
import { validateProblem } from './validate.ts';

const problem: SitingProblem = {
  model: 'mclp',
  coordinates: 'projected',
  p: 1,
  radius: 5,
  demand: [
    { id: 'v2', x: 0, y: 0, weight: 10 },
    { id: 'v1', x: 3, y: 4, weight: 5 },
  ],
  candidates: [
    { id: 's2', x: 0, y: 0 },
    { id: 's1', x: 6, y: 8 },
  ],
};

describe('buildInstance', () => {
  it('re-indexes in id order and computes Euclidean costs', () => {
    const r = buildInstance(problem);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.demandIds).toEqual(['v1', 'v2']);
    expect(r.value.siteIds).toEqual(['s1', 's2']);
    // v1 (3,4) → s1 (6,8) = 5, → s2 (0,0) = 5; v2 (0,0) → s1 = 10, → s2 = 0.
    expect(Array.from(r.value.cost)).toEqual([5, 5, 10, 0]);
  });

  it('uses a supplied cost matrix instead of distances', () => {
    const costs = [
      { demandId: 'v1', siteId: 's1', cost: 1 },
      { demandId: 'v1', siteId: 's2', cost: 2 },
      { demandId: 'v2', siteId: 's1', cost: 3 },
      { demandId: 'v2', siteId: 's2', cost: 4 },
    ];
    const r = buildInstance({ ...problem, costs });
    expect(r.ok && Array.from(r.value.cost)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    [{ fixed: ['s9'] }, 'unknown_id'],
    [{ costs: [{ demandId: 'v1', siteId: 'zz', cost: 1 }] }, 'unknown_id'],
    [{ costs: [{ demandId: 'v1', siteId: 's1', cost: 1 }] }, 'missing_cost'],
    [{ costs: [{ demandId: 'v1', siteId: 's1', cost: -1 }] }, 'invalid_input'],
    [{ p: undefined }, 'missing_parameter'],
    [{ radius: undefined }, 'missing_parameter'],
    [{ p: 0 }, 'invalid_input'],
    [{ p: 1.5 }, 'invalid_input'],
    [{ p: 3 }, 'infeasible'],
    [{ fixed: ['s1', 's2'] }, 'infeasible'],
    [{ fixed: ['s1', 's1'], p: 2 }, 'duplicate_id'],
    [{ demand: [...problem.demand, { id: 'v1', x: 0, y: 0, weight: 1 }] }, 'duplicate_id'],
    [{ demand: [{ id: 'v1', x: 0, y: 0, weight: -1 }] }, 'invalid_input'],
    [{ demand: [{ id: 'v1', x: Number.NaN, y: 0, weight: 1 }] }, 'invalid_input'],
    [{ coordinates: 'lonlat' as const, demand: [{ id: 'v1', x: 200, y: 0, weight: 1 }] }, 'invalid_input'],
    [{ candidates: [] }, 'invalid_input'],
    [{ model: 'lscp' as const, radius: 1 }, 'infeasible'],
  ] as const)('%o fails with %s', (change, code) => {
    expect(validateProblem({ ...problem, ...change } as SitingProblem)?.code).toBe(code);
  });

  it('accepts a valid problem', () => {
    expect(validateProblem(problem)).toBeUndefined();
  });

  it('uses great-circle km for longitude/latitude', () => {
    const r = buildInstance({
      ...problem,
      coordinates: 'lonlat',
      demand: [{ id: 'v', x: 105, y: 29, weight: 1 }],
      candidates: [{ id: 's', x: 105, y: 30 }],
    });
    // One degree of latitude on a sphere of radius 6371.0088 km: 6371.0088 · π / 180 = 111.195 km.
    expect(r.ok && r.value.cost[0]).toBeCloseTo(111.195, 3);
  });
});

describe('distances', () => {
  it('great circle: London to Paris is about 344 km', () => {
    expect(greatCircleKm(-0.1278, 51.5074, 2.3522, 48.8566)).toBeCloseTo(343.9, 0);
  });

  it('kmToLonLat inverts small offsets', () => {
    const [lon, lat] = kmToLonLat(10, 20, [105, 29]);
    expect(greatCircleKm(105, 29, lon, 29)).toBeCloseTo(10, 1);
    expect(greatCircleKm(105, 29, 105, lat)).toBeCloseTo(20, 6);
  });
});
