import { pcenterLowerBound } from './bounds.ts';
import { fail, type Outcome } from './errors.ts';
import { nearestAssignment, objectiveOf, type Solution } from './evaluate.ts';
import { relativeGap } from './gap.ts';
import { assignmentGreedy, distinctCosts, greedyInterchange } from './heuristic.ts';
import { buildCoverage, type Instance } from './instance.ts';
import { buildMip } from './mip-model.ts';
import type { MipSolver } from './mip-solver.ts';

/** Limits of an exact solve: the total time budget and the clock that measures it (ms). */
export interface ExactLimits {
  readonly timeLimitSeconds: number;
  readonly now: () => number;
}

/**
 * Solves an instance to proven optimality with a MIP solver. Uncapacitated p-center goes through
 * covering (see {@link exactPCenter}); every other case is one MIP from {@link buildMip}. On the
 * time limit the best incumbent is returned with its gap to the solver's bound.
 *
 * @example const r = exactSolve(inst, await loadHighsSolver(), { timeLimitSeconds: 60, now });
 */
export function exactSolve(
  inst: Instance,
  solver: MipSolver,
  limits: ExactLimits,
): Outcome<{ sol: Solution; gap: number }> {
  if (inst.model === 'pcenter' && inst.capacity === undefined) return exactPCenter(inst, solver, limits);
  const mip = buildMip(inst);
  const answer = solver.solve(mip.model, { timeLimitSeconds: limits.timeLimitSeconds });
  if (answer.status === 'infeasible') {
    const why =
      inst.capacity !== undefined
        ? 'the site capacities cannot serve the demand with the allowed number of sites'
        : 'no choice of sites satisfies the model';
    return fail('infeasible', why);
  }
  if (answer.values === undefined || answer.status === 'error') {
    return fail(
      'solver_failed',
      answer.status === 'limit'
        ? `${solver.name} reached the ${limits.timeLimitSeconds} s time limit without a feasible solution`
        : `${solver.name} failed: ${answer.message}`,
    );
  }
  const sol = mip.decode(answer.values);
  const objective = objectiveOf(inst, sol);
  const gap =
    answer.status === 'optimal' || answer.bound === undefined
      ? 0
      : relativeGap(inst.model, objective, answer.bound);
  return { ok: true, value: { sol, gap } };
}

/**
 * Exact p-center as a sequence of set-covering MIPs: the optimal radius is one of the costs, and
 * radius r is achievable iff the fewest sites covering every point within r (fixed sites open) is
 * at most p. Bisection over the distinct costs between a proven lower bound and the heuristic's
 * radius needs about log₂(#costs) small MIPs — far faster than the assignment formulation, whose
 * LP relaxation is weak. Sites left over are added greedily by weighted distance.
 *
 * @example exactPCenter(inst, solver, { timeLimitSeconds: 60, now }); // proven optimal radius
 */
export function exactPCenter(
  inst: Instance,
  solver: MipSolver,
  limits: ExactLimits,
): Outcome<{ sol: Solution; gap: number }> {
  const { n, m } = inst;
  const deadline = limits.now() + limits.timeLimitSeconds * 1000;
  let best = greedyInterchange(inst).open;
  const upper = objectiveOf(inst, nearestAssignment(inst, best));
  const radii = distinctCosts(inst, pcenterLowerBound(inst, upper).value, upper);
  let lo = 0;
  let hi = radii.length - 2;
  let proven = radii[0] ?? upper;
  while (lo <= hi) {
    const remaining = (deadline - limits.now()) / 1000;
    if (remaining <= 0) break;
    const mid = (lo + hi) >> 1;
    const r = radii[mid]!;
    const cover: Instance = {
      ...inst,
      model: 'lscp',
      radius: r,
      coverage: buildCoverage(inst.cost, n, m, r),
      capacity: undefined,
    };
    let reachable = true;
    for (let i = 0; i < n && reachable; i++)
      reachable = cover.coverage!.demandStart[i + 1]! > cover.coverage!.demandStart[i]!;
    if (!reachable) {
      lo = mid + 1;
      proven = radii[lo] ?? upper;
      continue;
    }
    const mip = buildMip(cover);
    const answer = solver.solve(mip.model, { timeLimitSeconds: remaining });
    const sites =
      answer.values === undefined ? Number.POSITIVE_INFINITY : objectiveOf(cover, mip.decode(answer.values));
    if (sites <= inst.p) {
      best = mip.decode(answer.values!).open;
      hi = mid - 1;
    } else if (answer.status === 'optimal' || (answer.bound !== undefined && answer.bound > inst.p + 1e-9)) {
      lo = mid + 1;
      proven = radii[lo] ?? upper;
    } else if (answer.status === 'error') {
      return fail('solver_failed', `${solver.name} failed: ${answer.message}`);
    } else {
      break;
    }
  }
  const open = padSites(inst, best);
  const sol = nearestAssignment(inst, open);
  return { ok: true, value: { sol, gap: relativeGap('pcenter', objectiveOf(inst, sol), proven) } };
}

/** Adds sites greedily (by weighted distance, ties to the smaller id) until p are open. */
function padSites(inst: Instance, open: Uint8Array): Uint8Array {
  let count = 0;
  for (const o of open) count += o;
  if (count >= inst.p) return open;
  const median: Instance = { ...inst, model: 'pmedian', fixed: open, fixedCount: count };
  return assignmentGreedy(median);
}
