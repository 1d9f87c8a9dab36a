import type { SitingFailure } from './errors.ts';
import { buildInstance } from './instance.ts';
import type { SitingProblem } from './types.ts';

/**
 * Checks a problem without solving it (for an HTTP handler to reject bad input early): `undefined`
 * when it is valid, otherwise the failure with its stable code (`unknown_id`, `missing_cost`,
 * `infeasible`, …). Infeasibility that only the solver can prove (capacities) is not caught here.
 *
 * @example validateProblem({ ...problem, fixed: ['nope'] })?.code; // 'unknown_id'
 */
export function validateProblem(problem: SitingProblem): SitingFailure | undefined {
  const built = buildInstance(problem);
  return built.ok ? undefined : built.error;
}
