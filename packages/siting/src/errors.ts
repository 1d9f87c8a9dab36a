/**
 * Stable codes for every expected siting failure (documented in docs/siting.md):
 * - `invalid_input`: a value is malformed (non-finite coordinate, negative weight, bad CSV cell…);
 * - `missing_parameter`: the model needs `p` or `radius` and it was not given;
 * - `duplicate_id`: a demand or candidate id (or a cost pair) appears twice;
 * - `unknown_id`: a fixed site or a cost row names an id that is not in the inputs;
 * - `missing_cost`: the cost matrix lacks a (demand, candidate) pair;
 * - `infeasible`: no choice of sites satisfies the model (p below the fixed sites, a demand point
 *   no candidate reaches, capacities too small…);
 * - `solver_failed`: HiGHS stopped without a usable answer (time limit with no incumbent, error).
 */
export type SitingErrorCode =
  | 'invalid_input'
  | 'missing_parameter'
  | 'duplicate_id'
  | 'unknown_id'
  | 'missing_cost'
  | 'infeasible'
  | 'solver_failed';

/** An expected failure as a value: a stable code, a message for people, and the ids involved. */
export interface SitingFailure {
  readonly code: SitingErrorCode;
  readonly message: string;
  readonly ids?: readonly string[];
}

/** Either a value or a {@link SitingFailure}. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: SitingFailure };

/**
 * Builds a failed {@link Outcome}.
 *
 * @example return fail('unknown_id', "fixed site 'S9' is not a candidate", ['S9']);
 */
export function fail(code: SitingErrorCode, message: string, ids?: readonly string[]): Outcome<never> {
  return { ok: false, error: ids === undefined ? { code, message } : { code, message, ids } };
}

/**
 * Lists ids for a message, at most `limit` of them: `'a', 'b' and 3 more`.
 *
 * @example listIds(['a', 'b', 'c'], 2); // "'a', 'b' and 1 more"
 */
export function listIds(ids: readonly string[], limit = 5): string {
  const shown = ids
    .slice(0, limit)
    .map((id) => `'${id}'`)
    .join(', ');
  return ids.length > limit ? `${shown} and ${ids.length - limit} more` : shown;
}
