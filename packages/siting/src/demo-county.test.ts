import { expect, it } from 'vitest';
import { demoCounty, demoCountyProblem } from './demo-county.ts';
import { solve } from './solve.ts';

function inside([x, y]: readonly [number, number], poly: readonly (readonly [number, number])[]): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

it('is marked synthetic and internally consistent', () => {
  expect(demoCounty.synthetic).toBe(true);
  const candidateIds = new Set(demoCounty.candidates.map((c) => c.id));
  for (const s of demoCounty.stations) expect(candidateIds.has(s.id)).toBe(true);
  const townships = new Map(demoCounty.townships.map((t) => [t.id, t]));
  for (const v of demoCounty.villages) {
    expect(v.population).toBeGreaterThan(0);
    expect(inside([v.x, v.y], demoCounty.boundary)).toBe(true);
    const t = townships.get(v.township)!;
    if (!v.id.endsWith('-00')) expect(inside([v.x, v.y], t.boundary)).toBe(true);
  }
  expect(new Set(demoCounty.villages.map((v) => v.id)).size).toBe(demoCounty.villages.length);
});

it('the default study keeps the stations and adds six sites', async () => {
  const problem = demoCountyProblem();
  const r = await solve(problem, { now: () => 0 });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.value.selected).toHaveLength(demoCounty.stations.length + 6);
  for (const s of demoCounty.stations) expect(r.value.selected).toContain(s.id);
  expect(r.value.gap).toBe(0);
  // Adding sites can only raise coverage over the stations alone.
  const stationsOnly = await solve(demoCountyProblem({ p: demoCounty.stations.length }), { now: () => 0 });
  expect(stationsOnly.ok && stationsOnly.value.coveredWeight).toBeLessThan(r.value.coveredWeight);
});
