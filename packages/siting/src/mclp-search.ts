import { type Bound, mclpUpperBound } from './bounds.ts';
import { nearestAssignment, objectiveOf } from './evaluate.ts';
import { greedyInterchange, improveCover } from './heuristic.ts';
import type { Instance } from './instance.ts';
import { buildMip } from './mip-model.ts';
import type { MipSolver } from './mip-solver.ts';

/** Controls of {@link mclpSearch}. */
export interface MclpSearchOptions {
  /** When given, the LP relaxation is solved (interior point) for its duals and its solution. */
  readonly solver?: MipSolver;
  readonly lpTimeLimitSeconds?: number;
  /** Subgradient iterations (default 3000) and how often their sites seed a local search (default 50). */
  readonly iterations?: number;
  readonly visitEvery?: number;
  readonly maxSwaps?: number;
}

/** The best sites found and a proven upper bound on the covered weight. */
export interface MclpSearchResult {
  readonly open: Uint8Array;
  readonly objective: number;
  readonly bound: Bound;
}

/**
 * Large maximal-covering instances: greedy + vertex interchange, then a Lagrangian phase whose
 * subproblem sites (the p best-priced sites under the current multipliers) seed further
 * interchange runs, keeping the best. With a solver, the LP relaxation is solved first by interior
 * point: its duals start the multipliers — L(λ) of any λ is a valid upper bound, so the bound is
 * certified here rather than taken on trust from an approximate LP — and the p largest LP site
 * values seed one more local search.
 *
 * @example const { open, bound } = mclpSearch(inst, { solver }); // bound.value ≥ optimum
 */
export function mclpSearch(inst: Instance, options: MclpSearchOptions = {}): MclpSearchResult {
  const swaps = options.maxSwaps === undefined ? {} : { maxSwaps: options.maxSwaps };
  let open = greedyInterchange(inst, swaps).open;
  let best = objectiveOf(inst, nearestAssignment(inst, open));
  const seen = new Set<string>();
  const consider = (start: Uint8Array): number => {
    const key = start.join('');
    if (seen.has(key)) return best;
    seen.add(key);
    const candidate = improveCover(inst, start, swaps);
    const value = objectiveOf(inst, nearestAssignment(inst, candidate));
    if (value > best) {
      best = value;
      open = candidate;
    }
    return best;
  };
  let start: Float64Array | undefined;
  let method = 'lagrangian';
  if (options.solver) {
    const mip = buildMip(inst);
    const answer = options.solver.solve(mip.model, {
      relaxation: true,
      interior: true,
      timeLimitSeconds: options.lpTimeLimitSeconds ?? 30,
    });
    if (answer.rowDual && mip.coverRow) {
      start = new Float64Array(inst.n);
      for (let i = 0; i < inst.n; i++) {
        const r = mip.coverRow[i]!;
        start[i] = r >= 0 ? Math.abs(answer.rowDual[r]!) : 0;
      }
      method = 'lp duals + lagrangian';
    }
    if (answer.values) {
      const free: number[] = [];
      for (let j = 0; j < inst.m; j++) if (!inst.fixed[j]) free.push(j);
      free.sort((a, b) => answer.values![b]! - answer.values![a]! || a - b);
      const seed = inst.fixed.slice();
      for (const j of free.slice(0, inst.p - inst.fixedCount)) seed[j] = 1;
      consider(seed);
    }
  }
  // Search phase: a subgradient trajectory from the plain start gives varied site sets.
  const search = mclpUpperBound(inst, best, {
    iterations: options.iterations ?? 3000,
    visitEvery: options.visitEvery ?? 25,
    visit: consider,
    restart: true,
  });
  // Bound phase: polish the LP duals (when there are any); every L(λ) evaluated is a bound.
  const polished = start
    ? mclpUpperBound(inst, best, { iterations: 200, start, initialStep: 0.05 }).value
    : Infinity;
  return { open, objective: best, bound: { value: Math.min(search.value, polished), method } };
}
