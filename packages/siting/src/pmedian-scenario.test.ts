import { expect, it } from 'vitest';
import { solve } from './solve.ts';

// p-median, p = 2, on a line. Villages: A(0) w 10, B(1) w 10, C(10) w 5, D(12) w 5.
// Sites at 0, 1, 11. Pairs:
//   {0, 1}:  A 0, B 0, C 5·9 = 45, D 5·11 = 55          → 100
//   {0, 11}: A 0, B 10·1 = 10, C 5·1 = 5, D 5·1 = 5      → 20
//   {1, 11}: A 10·1 = 10, B 0, C 5, D 5                  → 20   (tie with {0, 11})
// The heuristic is deterministic: greedy first opens the best single site, p1 (A 10 + C 45 + D 55 =
// 110, against p0: 10 + 50 + 60 = 120 and p11: 110 + 100 + 5 + 5 = 220), then p11 (total 20).
// Swapping p1 for p0 also gives 20, which is no strict improvement, so {p1, p11} stays.
// p-center, p = 2, same data: {0, 11} → max(1, 1, 1) = 1; {1, 11} → 1 too; {0, 1} → 11. Optimum 1.
const base = {
  coordinates: 'projected' as const,
  p: 2,
  demand: [
    { id: 'A', x: 0, y: 0, weight: 10 },
    { id: 'B', x: 1, y: 0, weight: 10 },
    { id: 'C', x: 10, y: 0, weight: 5 },
    { id: 'D', x: 12, y: 0, weight: 5 },
  ],
  candidates: [
    { id: 'p0', x: 0, y: 0 },
    { id: 'p1', x: 1, y: 0 },
    { id: 'p11', x: 11, y: 0 },
  ],
};

it('p-median heuristic: weighted distance 20 with p1 and p11', async () => {
  const r = await solve({ ...base, model: 'pmedian' }, { now: () => 0, method: 'heuristic' });
  expect(r.ok && r.value).toMatchObject({
    selected: ['p1', 'p11'],
    objective: 20,
    assignment: { A: 'p1', B: 'p1', C: 'p11', D: 'p11' },
    gap: 0,
  });
});

it('p-median exact: weighted distance 20', async () => {
  const r = await solve({ ...base, model: 'pmedian' }, { now: () => 0, method: 'exact' });
  expect(r.ok && r.value.objective).toBe(20);
  expect(r.ok && r.value.selected).toContain('p11');
});

it('p-center: the largest distance is 1 km', async () => {
  for (const method of ['exact', 'heuristic'] as const) {
    const r = await solve({ ...base, model: 'pcenter' }, { now: () => 0, method });
    expect(r.ok && r.value).toMatchObject({ objective: 1, coveredShare: 1 });
    expect(r.ok && r.value.selected).toContain('p11');
  }
});

// With a 0.5 km radius only B (at p1) lies within reach of {p1, p11}: A is 1 km from p1, C and D
// 1 km from p11 → covered weight 10 of 30.
it('reports coverage at the radius when one is given', async () => {
  const r = await solve({ ...base, model: 'pmedian', radius: 0.5 }, { now: () => 0, method: 'heuristic' });
  expect(r.ok && r.value).toMatchObject({
    coveredWeight: 10,
    coveredShare: 10 / 30,
    uncovered: ['A', 'C', 'D'],
  });
});
