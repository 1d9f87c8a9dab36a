import type { MipModel } from './mip-model.ts';

/** How a MIP (or LP) solve ended. `limit`: stopped by the time limit, maybe with an incumbent. */
export type MipStatus = 'optimal' | 'infeasible' | 'limit' | 'error';

/** What a solver returns: the status, the column values of the best solution and the proven bound. */
export interface MipAnswer {
  readonly status: MipStatus;
  /** Column values of the best solution found, when there is one. */
  readonly values: Float64Array | undefined;
  /** Best proven objective bound (upper bound when maximising, lower when minimising), if known. */
  readonly bound: number | undefined;
  /** Row duals of an LP solve (relaxation), when the solver produced them. */
  readonly rowDual?: Float64Array;
  readonly message: string;
}

/** Options of one solve. `relaxation` ignores integrality (the LP relaxation). */
export interface MipSolveOptions {
  readonly timeLimitSeconds?: number;
  readonly relaxation?: boolean;
  /** Solve the relaxation by an interior-point method without crossover (fast, approximate duals). */
  readonly interior?: boolean;
}

/**
 * The small interface the siting engine needs from a MIP solver, so model building stays pure
 * and testable without one. {@link loadHighsSolver} supplies the HiGHS implementation.
 *
 * @example const answer = solver.solve(buildMip(inst).model, { timeLimitSeconds: 30 });
 */
export interface MipSolver {
  /** Name and version printed in results, e.g. `highs 1.15.1`. */
  readonly name: string;
  solve(model: MipModel, options?: MipSolveOptions): MipAnswer;
}
