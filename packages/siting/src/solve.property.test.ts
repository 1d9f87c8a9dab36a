import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHighsSolver } from './highs-solver.ts';
import { solve } from './solve.ts';
import type { SitingModel, SitingProblem } from './types.ts';

const now = (): number => 0;

/** Independent brute force: every site set, and with capacities every assignment. */
function bruteForce(problem: SitingProblem): number | undefined {
  const { demand, candidates, model } = problem;
  const m = candidates.length;
  const r = problem.radius ?? Number.POSITIVE_INFINITY;
  const dist = (i: number, j: number): number =>
    Math.hypot(demand[i]!.x - candidates[j]!.x, demand[i]!.y - candidates[j]!.y);
  const fixed = new Set(problem.fixed ?? []);
  const capacitated = candidates.some((c) => c.capacity !== undefined);
  let best: number | undefined;
  const better = (v: number): boolean => best === undefined || (model === 'mclp' ? v > best : v < best);
  for (let mask = 0; mask < 1 << m; mask++) {
    const open = candidates.map((_, j) => (mask >> j) & 1).flatMap((b, j) => (b ? [j] : []));
    if (candidates.some((c, j) => fixed.has(c.id) && !open.includes(j))) continue;
    if (model !== 'lscp' && open.length !== problem.p) continue;
    // Options per demand point: an open site (within r for the covering models), or none (mclp).
    const options = demand.map((_, i) => {
      const sites = open.filter((j) => model === 'pmedian' || model === 'pcenter' || dist(i, j) <= r);
      return model === 'mclp' ? [...sites, -1] : sites;
    });
    if (options.some((o) => o.length === 0)) continue;
    const choose = (i: number, load: number[], acc: number[]): void => {
      if (i === demand.length) {
        const value =
          model === 'mclp'
            ? acc.reduce((s, j, k) => s + (j >= 0 ? demand[k]!.weight : 0), 0)
            : model === 'lscp'
              ? open.length
              : model === 'pmedian'
                ? acc.reduce((s, j, k) => s + demand[k]!.weight * dist(k, j), 0)
                : Math.max(0, ...acc.map((j, k) => dist(k, j)));
        if (better(value)) best = value;
        return;
      }
      const choices = capacitated
        ? options[i]!
        : [
            options[i]!.filter((j) => j >= 0).sort((a, b) => dist(i, a) - dist(i, b))[0] ??
              (model === 'mclp' ? -1 : options[i]![0]!),
          ];
      for (const j of choices) {
        if (j >= 0 && capacitated) {
          const cap = candidates[j]!.capacity ?? Number.POSITIVE_INFINITY;
          if (load[j]! + demand[i]!.weight > cap) continue;
          load[j]! += demand[i]!.weight;
          choose(i + 1, load, [...acc, j]);
          load[j]! -= demand[i]!.weight;
        } else choose(i + 1, load, [...acc, j]);
      }
    };
    choose(0, new Array<number>(m).fill(0), []);
  }
  return best;
}

const point = fc.record({ x: fc.integer({ min: 0, max: 10 }), y: fc.integer({ min: 0, max: 10 }) });

function arbitraryProblem(model: SitingModel, capacities: boolean): fc.Arbitrary<SitingProblem> {
  return fc
    .record({
      demand: fc.array(fc.record({ at: point, weight: fc.integer({ min: 0, max: 20 }) }), {
        minLength: 1,
        maxLength: 6,
      }),
      sites: fc.array(fc.record({ at: point, capacity: fc.integer({ min: 5, max: 60 }) }), {
        minLength: 1,
        maxLength: 5,
      }),
      pShare: fc.double({ min: 0, max: 1, noNaN: true }),
      radius: fc.integer({ min: 1, max: 12 }),
      fixedMask: fc.integer({ min: 0, max: 31 }),
    })
    .map(({ demand, sites, pShare, radius, fixedMask }) => {
      const m = sites.length;
      const p = 1 + Math.min(m - 1, Math.floor(pShare * m));
      const fixed = sites
        .map((_, j) => `s${j}`)
        .filter((_, j) => (fixedMask >> j) & 1)
        .slice(0, p);
      return {
        model,
        coordinates: 'projected' as const,
        demand: demand.map((d, i) => ({ id: `d${i}`, x: d.at.x, y: d.at.y, weight: d.weight })),
        candidates: sites.map((s, j) => ({
          id: `s${j}`,
          x: s.at.x,
          y: s.at.y,
          ...(capacities ? { capacity: s.capacity } : {}),
        })),
        ...(model === 'lscp' ? {} : { p }),
        radius: model === 'lscp' ? radius + 4 : radius,
        fixed,
      };
    });
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe.each(['mclp', 'lscp', 'pmedian', 'pcenter'] as const)('%s', (model) => {
  it('exact optimum equals brute-force enumeration', async () => {
    const solver = await loadHighsSolver();
    await fc.assert(
      fc.asyncProperty(arbitraryProblem(model, false), async (problem) => {
        const expected = bruteForce(problem);
        const r = await solve(problem, { now, solver, method: 'exact' });
        if (expected === undefined) {
          expect(r.ok).toBe(false);
          return;
        }
        expect(r.ok).toBe(true);
        if (r.ok) expect(close(r.value.objective, expected)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('with capacities, exact optimum equals brute-force enumeration', async () => {
    const solver = await loadHighsSolver();
    await fc.assert(
      fc.asyncProperty(arbitraryProblem(model, true), async (problem) => {
        const expected = bruteForce(problem);
        const r = await solve(problem, { now, solver, method: 'exact' });
        if (expected === undefined) {
          expect(r.ok ? 'solved' : r.error.code).toBe('infeasible');
          return;
        }
        expect(r.ok).toBe(true);
        if (r.ok) expect(close(r.value.objective, expected)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('heuristic answers are feasible, never beat the optimum, and their bound holds', async () => {
    const solver = await loadHighsSolver();
    await fc.assert(
      fc.asyncProperty(arbitraryProblem(model, false), async (problem) => {
        const expected = bruteForce(problem);
        const r = await solve(problem, { now, solver, method: 'heuristic' });
        if (expected === undefined) return;
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const { objective, gap } = r.value;
        if (model === 'mclp') {
          expect(objective).toBeLessThanOrEqual(expected + 1e-9);
          // gap = (B − obj) / B, so the bound B = obj / (1 − gap) must be at least the optimum.
          if (gap < 1)
            expect(objective / (1 - gap)).toBeGreaterThanOrEqual(expected - 1e-6 * Math.max(1, expected));
        } else {
          expect(objective).toBeGreaterThanOrEqual(expected - 1e-9);
          // gap = (obj − B) / obj, so B = obj · (1 − gap) must not exceed the optimum.
          expect(objective * (1 - gap)).toBeLessThanOrEqual(expected + 1e-6 * Math.max(1, expected));
        }
        if (model !== 'lscp') expect(r.value.selected).toHaveLength(problem.p!);
        for (const id of problem.fixed ?? []) expect(r.value.selected).toContain(id);
      }),
      { numRuns: 40 },
    );
  });
});
