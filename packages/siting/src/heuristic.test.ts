import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';
import { solve } from './solve.ts';
import { syntheticProblem } from './synthetic.ts';
import type { SitingProblem } from './types.ts';

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('greedy + interchange', () => {
  it.each(['mclp', 'lscp', 'pmedian', 'pcenter'] as const)(
    '%s: the answer does not depend on input order',
    async (model) => {
      const problem: SitingProblem = {
        ...syntheticProblem(createRng(11), {
          model,
          demand: 120,
          candidates: 30,
          p: 4,
          radius: model === 'lscp' ? 45 : 25,
        }),
        ...(model === 'lscp' ? { p: undefined } : {}),
      };
      const shuffled = {
        ...problem,
        demand: shuffle(problem.demand, 1),
        candidates: shuffle(problem.candidates, 2),
      };
      const options = { now: () => 0, method: 'heuristic' as const, lpBound: false };
      const a = await solve(problem, options);
      const b = await solve(shuffled, options);
      expect(a.ok && b.ok).toBe(true);
      if (a.ok && b.ok) {
        expect(b.value.selected).toEqual(a.value.selected);
        expect(b.value.objective).toBeCloseTo(a.value.objective, 9);
      }
    },
  );

  it('equal sites tie to the smaller id', async () => {
    // Two candidates at the same spot; either covers the village. 'a' < 'b', so 'a' is chosen.
    const problem: SitingProblem = {
      model: 'mclp',
      coordinates: 'projected',
      p: 1,
      radius: 1,
      demand: [{ id: 'v', x: 0, y: 0, weight: 1 }],
      candidates: [
        { id: 'b', x: 0, y: 0 },
        { id: 'a', x: 0, y: 0 },
      ],
    };
    const r = await solve(problem, { now: () => 0, method: 'heuristic', lpBound: false });
    expect(r.ok && r.value.selected).toEqual(['a']);
  });

  it('refuses capacities (they need the exact solver)', async () => {
    const problem: SitingProblem = {
      model: 'pmedian',
      coordinates: 'projected',
      p: 1,
      demand: [{ id: 'v', x: 0, y: 0, weight: 1 }],
      candidates: [{ id: 'a', x: 0, y: 0, capacity: 5 }],
    };
    const r = await solve(problem, { now: () => 0, method: 'heuristic' });
    expect(r.ok ? null : r.error.code).toBe('invalid_input');
  });

  it('mclp on 800 × 120 stays within 2% of its proven bound', async () => {
    const problem = syntheticProblem(createRng(5), {
      model: 'mclp',
      demand: 800,
      candidates: 120,
      p: 12,
      radius: 5,
    });
    const r = await solve(problem, { now: () => 0, method: 'heuristic' });
    expect(r.ok && r.value.gap).toBeLessThan(0.02);
  });
});
