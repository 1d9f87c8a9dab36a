import highsModule, { type Highs, type ModelStatusCode } from 'highs';
import type { MipModel } from './mip-model.ts';
import type { MipAnswer, MipSolveOptions, MipSolver } from './mip-solver.ts';

// The package's declarations are read as CommonJS (default = module object) while Node loads its
// ES build (default = the loader), so accept either shape.
type Loader = () => Promise<Highs>;
const loadHighs = ((highsModule as unknown as { default?: Loader }).default ??
  highsModule) as unknown as Loader;

let runtime: Promise<Highs> | undefined;

function statusOf(highs: Highs, code: ModelStatusCode): MipAnswer['status'] {
  const s = highs.constants.modelStatus;
  if (code === s.optimal) return 'optimal';
  if (code === s.infeasible || code === s.unboundedOrInfeasible) return 'infeasible';
  if (
    code === s.timeLimit ||
    code === s.iterationLimit ||
    code === s.solutionLimit ||
    code === s.interrupted
  ) {
    return 'limit';
  }
  return 'error';
}

/** Runs one model through a fresh persistent HiGHS instance and always frees it. */
function solveWith(highs: Highs, model: MipModel, options: MipSolveOptions): MipAnswer {
  const inf = highs.infinity;
  const clamp = (a: Float64Array): Float64Array =>
    a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const relaxed = options.relaxation === true;
  const hasInteger = !relaxed && model.integer.some((v) => v === 1);
  const data = {
    numCols: model.numCols,
    numRows: model.numRows,
    sense:
      model.sense === 'maximize'
        ? highs.constants.objectiveSense.maximize
        : highs.constants.objectiveSense.minimize,
    colCost: model.colCost,
    colLower: clamp(model.colLower),
    colUpper: clamp(model.colUpper),
    rowLower: clamp(model.rowLower),
    rowUpper: clamp(model.rowUpper),
    matrix: {
      format: 'csr' as const,
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.rowStart,
      indices: model.rowIndex,
      values: model.rowValue,
    },
    ...(hasInteger ? { integrality: Int32Array.from(model.integer) } : {}),
  };
  const m = highs.createModel(data);
  try {
    m.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 1e-9,
      random_seed: 0,
      ...(options.timeLimitSeconds !== undefined ? { time_limit: options.timeLimitSeconds } : {}),
      ...(relaxed && options.interior ? { solver: 'ipm', run_crossover: 'off' } : {}),
    });
    const run = m.run();
    const status = statusOf(highs, run.modelStatus);
    const hasPrimal =
      Number(m.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const solution = hasPrimal ? m.getSolution() : undefined;
    const values = solution ? Float64Array.from(solution.colValue) : undefined;
    const rowDual = !hasInteger && solution?.rowDual ? Float64Array.from(solution.rowDual) : undefined;
    let bound: number | undefined;
    if (hasInteger) {
      const b = Number(m.info.get('mip_dual_bound'));
      bound = Number.isFinite(b) ? b : undefined;
    } else if (status === 'optimal') {
      bound = m.getObjectiveValue();
    }
    return {
      status,
      values,
      bound,
      ...(rowDual ? { rowDual } : {}),
      message: `HiGHS model status ${run.modelStatus}`,
    };
  } finally {
    m.dispose();
  }
}

/**
 * Loads HiGHS (compiled to WebAssembly, via the `highs` package) once per process and wraps it as
 * a {@link MipSolver}. Options: no log output, zero relative MIP gap (proven optimal answers), a
 * fixed random seed for repeatable runs.
 *
 * @example const solver = await loadHighsSolver(); solver.name; // 'highs 1.15.1'
 */
export async function loadHighsSolver(): Promise<MipSolver> {
  runtime ??= loadHighs();
  const highs = await runtime;
  return {
    name: `highs ${highs.version.string}`,
    solve: (model, options = {}) => solveWith(highs, model, options),
  };
}
