import { expect, it } from 'vitest';
import { solve } from './solve.ts';

// Location set covering, radius 2 km. Villages at x = 0, 3, 4, 7, 10 on a line; sites at
// x = 1 (covers 0, 3), 3.5 (covers 3, 4), 5 (covers 3, 4, 7), 8.5 (covers 7, 10), 10 (covers 10).
// Village 0 needs site a; village 10 needs d or e; 4 needs b or c. {a, c, d} covers all: a → 0, 3;
// c → 3, 4, 7; d → 7, 10. Two sites cannot: a is forced, and no single other site reaches both 4 and
// 10. So the optimum is 3 sites: a, c, d.
const problem = {
  model: 'lscp' as const,
  coordinates: 'projected' as const,
  radius: 2,
  demand: [0, 3, 4, 7, 10].map((x) => ({ id: `v${x}`, x, y: 0, weight: 1 })),
  candidates: [
    { id: 'a', x: 1, y: 0 },
    { id: 'b', x: 3.5, y: 0 },
    { id: 'c', x: 5, y: 0 },
    { id: 'd', x: 8.5, y: 0 },
    { id: 'e', x: 10, y: 0 },
  ],
};

for (const method of ['exact', 'heuristic'] as const) {
  it(`covers every village with a, c and d (${method})`, async () => {
    const r = await solve(problem, { now: () => 0, method });
    expect(r.ok && r.value).toMatchObject({
      selected: ['a', 'c', 'd'],
      objective: 3,
      coveredShare: 1,
      uncovered: [],
    });
  });
}

// Moving village 10 to x = 14 puts it 4 km from e: no site reaches it, so LSCP is infeasible.
it('reports the villages no site can reach', async () => {
  const far = { ...problem, demand: problem.demand.map((d) => (d.id === 'v10' ? { ...d, x: 14 } : d)) };
  const r = await solve(far, { now: () => 0 });
  expect(r.ok ? null : r.error).toMatchObject({ code: 'infeasible', ids: ['v10'] });
});
