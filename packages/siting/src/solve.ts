import {
  type Bound,
  lscpLowerBound,
  mclpUpperBound,
  pcenterLowerBound,
  pmedianLowerBound,
} from './bounds.ts';
import { fail, type Outcome } from './errors.ts';
import { evaluate, nearestAssignment, objectiveOf, type Solution } from './evaluate.ts';
import { exactSolve } from './exact.ts';
import { relativeGap } from './gap.ts';
import { greedyInterchange } from './heuristic.ts';
import { loadHighsSolver } from './highs-solver.ts';
import { buildInstance, type Instance } from './instance.ts';
import { mclpSearch } from './mclp-search.ts';
import type { MipSolver } from './mip-solver.ts';
import type { SitingProblem, SitingResult, SolveMethod } from './types.ts';

/** Options of {@link solve}. */
export interface SolveOptions {
  /** Millisecond clock (e.g. `() => performance.now()`), used only to report `seconds`. */
  readonly now: () => number;
  /** Default `auto`: exact up to {@link SolveOptions.exactMaxPairs} pairs or with capacities. */
  readonly method?: SolveMethod;
  /** MIP solver for exact solves; HiGHS is loaded when omitted and needed. */
  readonly solver?: MipSolver;
  /** Time limit of one exact solve, default 60 s; on expiry the best incumbent and its gap are returned. */
  readonly timeLimitSeconds?: number;
  /** `auto` solves exactly when demand × candidates is at most this (default 250 000). */
  readonly exactMaxPairs?: number;
  /** Most interchange swaps of the heuristic (default 10 000). */
  readonly maxSwaps?: number;
  /** Heuristic `mclp`: also solve the LP relaxation on the solver for its bound (default true). */
  readonly lpBound?: boolean;
}

export const DEFAULT_EXACT_MAX_PAIRS = 250_000;
export const DEFAULT_TIME_LIMIT_SECONDS = 60;

/**
 * Chooses the method `auto` resolves to: exact for capacitated instances and for at most
 * `exactMaxPairs` demand × candidate pairs, otherwise the heuristic.
 *
 * @example chooseMethod(inst, 'auto', 250_000); // 'exact' for a 200 × 50 instance
 */
export function chooseMethod(
  inst: Instance,
  method: SolveMethod,
  exactMaxPairs: number,
): 'exact' | 'heuristic' {
  if (method !== 'auto') return method;
  if (inst.capacity !== undefined) return 'exact';
  return inst.n * inst.m <= exactMaxPairs ? 'exact' : 'heuristic';
}

/**
 * A proven bound for a heuristic solution of an uncapacitated instance (see bounds.ts).
 *
 * @example heuristicBound(inst, 1200).value; // ≥ 1200 for mclp
 */
export function heuristicBound(inst: Instance, objective: number): Bound {
  switch (inst.model) {
    case 'mclp':
      return mclpUpperBound(inst, objective);
    case 'lscp':
      return lscpLowerBound(inst, objective);
    case 'pmedian':
      return pmedianLowerBound(inst, objective);
    case 'pcenter':
      return pcenterLowerBound(inst, objective);
  }
}

/**
 * Validates and solves a siting problem. Small and medium instances (and every capacitated one)
 * are solved exactly as mixed-integer programs on HiGHS; large ones by greedy + vertex
 * interchange, whose `gap` is measured against a Lagrangian bound that converges to the LP
 * relaxation bound. Failures come back as values with a stable code.
 *
 * @example
 * const r = await solve({ model: 'mclp', coordinates: 'projected', p: 1, radius: 5,
 *   demand: [{ id: 'v1', x: 0, y: 0, weight: 120 }], candidates: [{ id: 's1', x: 3, y: 0 }] },
 *   { now: () => performance.now() });
 * if (r.ok) r.value.selected; // ['s1']
 */
export async function solve(problem: SitingProblem, options: SolveOptions): Promise<Outcome<SitingResult>> {
  const start = options.now();
  const built = buildInstance(problem);
  if (!built.ok) return built;
  const inst = built.value;
  const method = chooseMethod(
    inst,
    options.method ?? 'auto',
    options.exactMaxPairs ?? DEFAULT_EXACT_MAX_PAIRS,
  );
  if (method === 'heuristic' && inst.capacity !== undefined) {
    return fail('invalid_input', 'the heuristic does not handle site capacities; use the exact method');
  }
  let sol: Solution;
  let gap: number;
  let solverName: string;
  if (method === 'exact') {
    const solver = options.solver ?? (await loadHighsSolver());
    const out = exactSolve(inst, solver, {
      timeLimitSeconds: options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
      now: options.now,
    });
    if (!out.ok) return out;
    ({ sol, gap } = out.value);
    solverName = `${solver.name} mip`;
  } else if (inst.model === 'mclp') {
    const solver = options.lpBound === false ? undefined : (options.solver ?? (await loadHighsSolver()));
    const found = mclpSearch(inst, {
      ...(solver ? { solver } : {}),
      ...(options.maxSwaps === undefined ? {} : { maxSwaps: options.maxSwaps }),
    });
    sol = nearestAssignment(inst, found.open);
    gap = relativeGap(inst.model, found.objective, found.bound.value);
    solverName = `greedy+interchange+lagrangian (${found.bound.method} bound)`;
  } else {
    sol = greedyInterchange(inst, options.maxSwaps === undefined ? {} : { maxSwaps: options.maxSwaps });
    const objective = objectiveOf(inst, sol);
    const bound = heuristicBound(inst, objective);
    gap = relativeGap(inst.model, objective, bound.value);
    solverName = `greedy+interchange (${bound.method} bound)`;
  }
  const evaluation = evaluate(inst, sol);
  return {
    ok: true,
    value: { ...evaluation, gap, solver: solverName, seconds: (options.now() - start) / 1000 },
  };
}
