/** A fitted logistic regression: logit P(bad) = intercept + Σ coefficients[j] · x[j]. */
export interface LogisticFit {
  readonly intercept: number;
  readonly coefficients: readonly number[];
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Solves the symmetric positive-definite system A x = b by Cholesky (A is n×n, row-major).
 * A tiny ridge is added if a pivot is not positive.
 *
 * @example solveSpd(Float64Array.of(4, 0, 0, 2), Float64Array.of(8, 2), 2); // [2, 1]
 */
export function solveSpd(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) L[i * n + i] = Math.sqrt(Math.max(s, 1e-12));
      else L[i * n + j] = s / L[j * n + j]!;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * z[k]!;
    z[i] = s / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  return x;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Fits logistic regression by Newton–Raphson (IRLS) with step halving and an optional L2
 * penalty `l2` on the coefficients (not the intercept). `columns[j][i]` is feature j of row i.
 *
 * @example fitLogistic([Float64Array.of(-1, -1, 1, 1)], Uint8Array.of(0, 1, 0, 1)).coefficients; // [≈0]
 */
export function fitLogistic(
  columns: readonly Float64Array[],
  y: ArrayLike<number>,
  options: { l2?: number; maxIterations?: number; tolerance?: number; weights?: ArrayLike<number> } = {},
): LogisticFit {
  const l2 = options.l2 ?? 0;
  const maxIter = options.maxIterations ?? 50;
  const tol = options.tolerance ?? 1e-9;
  const w = options.weights;
  const p = columns.length;
  const d = p + 1;
  const n = y.length;
  let beta = new Float64Array(d);
  let ybar = 0;
  let wsum = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i]! : 1;
    ybar += wi * y[i]!;
    wsum += wi;
  }
  ybar /= wsum;
  beta[0] = Math.log(Math.max(ybar, 1e-9) / Math.max(1 - ybar, 1e-9));
  const eta = new Float64Array(n);
  const objective = (b: Float64Array): number => {
    let ll = 0;
    for (let i = 0; i < n; i++) {
      let z = b[0]!;
      for (let j = 0; j < p; j++) z += b[j + 1]! * columns[j]![i]!;
      eta[i] = z;
      const wi = w ? w[i]! : 1;
      // log-likelihood of y under logit z, computed stably
      ll += wi * (y[i]! * z - (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))));
    }
    let pen = 0;
    for (let j = 1; j < d; j++) pen += b[j]! * b[j]!;
    return ll - 0.5 * l2 * pen;
  };
  let obj = objective(beta);
  let iterations = 0;
  let converged = false;
  const H = new Float64Array(d * d);
  const g = new Float64Array(d);
  const row = new Float64Array(d);
  for (; iterations < maxIter; iterations++) {
    H.fill(0);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const mu = sigmoid(eta[i]!);
      const wi = w ? w[i]! : 1;
      const wt = wi * Math.max(mu * (1 - mu), 1e-12);
      const r = wi * (y[i]! - mu);
      row[0] = 1;
      for (let j = 0; j < p; j++) row[j + 1] = columns[j]![i]!;
      for (let a = 0; a < d; a++) {
        const ra = row[a]!;
        g[a]! += r * ra;
        const wa = wt * ra;
        for (let c = 0; c <= a; c++) H[a * d + c]! += wa * row[c]!;
      }
    }
    for (let a = 0; a < d; a++) for (let c = 0; c < a; c++) H[c * d + a] = H[a * d + c]!;
    for (let j = 1; j < d; j++) {
      H[j * d + j]! += l2;
      g[j]! -= l2 * beta[j]!;
    }
    const step = solveSpd(H, g, d);
    let t = 1;
    let next = new Float64Array(d);
    let nextObj = obj;
    for (let half = 0; half < 30; half++) {
      next = beta.map((v, j) => v + t * step[j]!);
      nextObj = objective(next);
      if (nextObj >= obj - 1e-12) break;
      t /= 2;
    }
    const change = Math.max(...step.map((s) => Math.abs(s * t)));
    beta = next;
    const improved = nextObj - obj;
    obj = nextObj;
    if (change < tol || Math.abs(improved) < tol * (1 + Math.abs(obj))) {
      converged = true;
      iterations++;
      break;
    }
  }
  objective(beta);
  let ll = 0;
  for (let i = 0; i < n; i++) {
    const z = eta[i]!;
    ll += (w ? w[i]! : 1) * (y[i]! * z - (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))));
  }
  return {
    intercept: beta[0]!,
    coefficients: Array.from(beta.subarray(1)),
    logLikelihood: ll,
    iterations,
    converged,
  };
}
