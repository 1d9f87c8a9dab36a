import type { Trend } from '../binning/optimal-partition.ts';
import {
  type BinningOptions,
  binLookup,
  fitBinning,
  type VariableBinning,
  woeColumn,
} from '../binning/variable-binning.ts';
import type { FeatureColumn } from '../data/features.ts';
import type { RawValue } from '../data/values.ts';
import { fitLogistic, solveSpd } from './logistic.ts';
import { DEFAULT_SCALING, type Scaling, scalingConstants } from './scaling.ts';

/** One variable of a scorecard: its binning, coefficient and points per bin. */
export interface ScorecardVariable {
  readonly binning: VariableBinning;
  readonly coefficient: number;
  /** Points for each bin, in the binning's order. */
  readonly points: readonly number[];
  /** Points for a value that matches no bin (scored at WOE 0, the average risk). */
  readonly unmatchedPoints: number;
}

/** A fitted WOE logistic scorecard. */
export interface Scorecard {
  readonly scaling: Scaling;
  readonly intercept: number;
  readonly variables: readonly ScorecardVariable[];
  /** Whether points are rounded to whole numbers. */
  readonly integerPoints: boolean;
}

/** Why each candidate variable was kept or left out. */
export interface SelectionStep {
  readonly name: string;
  readonly iv: number;
  readonly status: 'selected' | 'low IV' | 'correlated' | 'not selected' | 'wrong sign';
  readonly detail?: string;
}

/** Options for {@link trainScorecard}. */
export interface ScorecardOptions {
  readonly binning?: BinningOptions;
  /** Per-variable bad-rate trend, overriding `binning.trend`. */
  readonly trends?: Readonly<Record<string, Trend | 'auto'>>;
  readonly scaling?: Scaling;
  /** Drop variables with IV below this (default 0.02). */
  readonly minIv?: number;
  /** Drop the weaker of two variables whose WOE correlation exceeds this in absolute value (default 0.8). */
  readonly maxCorrelation?: number;
  /** 'forward' (default): add variables while they improve AIC; 'all': keep every variable passing the filters. */
  readonly selection?: 'forward' | 'all';
  readonly maxVariables?: number;
  /** L2 penalty on the WOE coefficients (default 1). */
  readonly l2?: number;
  readonly integerPoints?: boolean;
}

function corr(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Score-test statistic for adding each candidate to a fitted model (larger = more useful). */
function scoreTests(
  selected: readonly Float64Array[],
  candidates: readonly Float64Array[],
  y: ArrayLike<number>,
  intercept: number,
  coefs: readonly number[],
): number[] {
  const n = y.length;
  const d = selected.length + 1;
  const mu = new Float64Array(n);
  const wt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = intercept;
    for (let j = 0; j < selected.length; j++) z += coefs[j]! * selected[j]![i]!;
    const m = 1 / (1 + Math.exp(-z));
    mu[i] = m;
    wt[i] = m * (1 - m);
  }
  const H = new Float64Array(d * d);
  const col = (j: number, i: number): number => (j === 0 ? 1 : selected[j - 1]![i]!);
  for (let a = 0; a < d; a++)
    for (let c = 0; c <= a; c++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += wt[i]! * col(a, i) * col(c, i);
      H[a * d + c] = s;
      H[c * d + a] = s;
    }
  return candidates.map((x) => {
    let u = 0;
    let v = 0;
    const cross = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      u += xi * (y[i]! - mu[i]!);
      v += wt[i]! * xi * xi;
      for (let a = 0; a < d; a++) cross[a]! += wt[i]! * xi * col(a, i);
    }
    const sol = solveSpd(H, cross, d);
    let q = 0;
    for (let a = 0; a < d; a++) q += cross[a]! * sol[a]!;
    const vv = v - q;
    return vv > 1e-12 ? (u * u) / vv : 0;
  });
}

/**
 * Trains a WOE logistic scorecard: optimal binning of every feature, IV filter, correlation
 * filter, forward selection (score test to pick, AIC to accept), L2 logistic regression on WOE
 * (variables whose coefficient comes out with the wrong sign are removed and the model refitted),
 * then points per bin scaled by base score, base odds and PDO.
 *
 * @example const { scorecard } = trainScorecard(columns, y); scorecard.variables.length; // e.g. 9
 */
export function trainScorecard(
  columns: readonly FeatureColumn[],
  y: Uint8Array,
  options: ScorecardOptions = {},
): { scorecard: Scorecard; selection: SelectionStep[]; binnings: VariableBinning[] } {
  const minIv = options.minIv ?? 0.02;
  const maxCorr = options.maxCorrelation ?? 0.8;
  const l2 = options.l2 ?? 1;
  const maxVars = options.maxVariables ?? 25;
  const binnings = columns.map((c) =>
    fitBinning(c, y, {
      ...options.binning,
      trend: options.trends?.[c.spec.name] ?? options.binning?.trend ?? 'auto',
    }),
  );
  const woes = columns.map((c, j) => woeColumn(binnings[j]!, c.kind === 'numeric' ? c.values : c.labels));
  const order = binnings.map((_, j) => j).sort((a, b) => binnings[b]!.iv - binnings[a]!.iv || a - b);
  const status = new Map<number, SelectionStep>();
  const pool: number[] = [];
  for (const j of order) {
    const b = binnings[j]!;
    if (b.iv < minIv && !(pool.length === 0 && j === order[order.length - 1])) {
      status.set(j, { name: b.name, iv: b.iv, status: 'low IV', detail: `IV ${b.iv.toFixed(4)} < ${minIv}` });
      continue;
    }
    const clash = pool.find((k) => Math.abs(corr(woes[j]!, woes[k]!)) > maxCorr);
    if (clash !== undefined) {
      status.set(j, {
        name: b.name,
        iv: b.iv,
        status: 'correlated',
        detail: `|r| > ${maxCorr} with ${binnings[clash]!.name}`,
      });
      continue;
    }
    pool.push(j);
  }
  if (pool.length === 0 && order.length > 0) pool.push(order[0]!);
  let chosen: number[] = [];
  if ((options.selection ?? 'forward') === 'all') chosen = pool.slice(0, maxVars);
  else {
    let fit = fitLogistic([], y, { l2 });
    const remaining = pool.slice();
    while (remaining.length > 0 && chosen.length < maxVars) {
      const stats = scoreTests(
        chosen.map((k) => woes[k]!),
        remaining.map((k) => woes[k]!),
        y,
        fit.intercept,
        fit.coefficients,
      );
      let bi = 0;
      for (let r = 1; r < stats.length; r++) if (stats[r]! > stats[bi]!) bi = r;
      const cand = remaining[bi]!;
      const trial = fitLogistic(
        [...chosen, cand].map((k) => woes[k]!),
        y,
        { l2 },
      );
      if (2 * (trial.logLikelihood - fit.logLikelihood) <= 2) break;
      chosen.push(cand);
      remaining.splice(bi, 1);
      fit = trial;
    }
    if (chosen.length === 0 && pool.length > 0) chosen.push(pool[0]!);
  }
  // Fit, removing variables whose coefficient has the wrong sign (WOE is ln(good/bad): β must be < 0).
  let fit = fitLogistic(
    chosen.map((k) => woes[k]!),
    y,
    { l2 },
  );
  for (;;) {
    let worst = -1;
    for (let r = 0; r < chosen.length; r++)
      if (fit.coefficients[r]! >= 0 && (worst < 0 || fit.coefficients[r]! > fit.coefficients[worst]!))
        worst = r;
    if (worst < 0 || chosen.length === 1) break;
    const k = chosen[worst]!;
    status.set(k, {
      name: binnings[k]!.name,
      iv: binnings[k]!.iv,
      status: 'wrong sign',
      detail: `coefficient ${fit.coefficients[worst]!.toFixed(4)} ≥ 0`,
    });
    chosen.splice(worst, 1);
    fit = fitLogistic(
      chosen.map((k2) => woes[k2]!),
      y,
      { l2 },
    );
  }
  for (const j of pool)
    if (!chosen.includes(j) && !status.has(j))
      status.set(j, {
        name: binnings[j]!.name,
        iv: binnings[j]!.iv,
        status: 'not selected',
        detail: 'did not improve AIC',
      });
  chosen.forEach((j) => {
    status.set(j, { name: binnings[j]!.name, iv: binnings[j]!.iv, status: 'selected' });
  });
  const scorecard = buildScorecard(
    chosen.map((j) => binnings[j]!),
    fit.intercept,
    fit.coefficients,
    options.scaling ?? DEFAULT_SCALING,
    options.integerPoints ?? true,
  );
  return { scorecard, selection: order.map((j) => status.get(j)!), binnings };
}

/**
 * Turns WOE coefficients into points per bin: for m variables, a bin with WOE w of a variable
 * with coefficient β gets −(β·w + β₀/m)·factor + offset/m points, so the points add up to
 * offset − factor · logit P(bad).
 *
 * @example buildScorecard([binning], -0.5, [-1], DEFAULT_SCALING, true).variables[0].points;
 */
export function buildScorecard(
  binnings: readonly VariableBinning[],
  intercept: number,
  coefficients: readonly number[],
  scaling: Scaling,
  integerPoints: boolean,
): Scorecard {
  const { factor, offset } = scalingConstants(scaling);
  const m = Math.max(1, binnings.length);
  const round = (x: number): number => (integerPoints ? Math.round(x) : x);
  const pts = (beta: number, w: number): number => round(-(beta * w + intercept / m) * factor + offset / m);
  return {
    scaling,
    intercept,
    integerPoints,
    variables: binnings.map((b, j) => ({
      binning: b,
      coefficient: coefficients[j]!,
      points: b.bins.map((bin) => pts(coefficients[j]!, bin.woe)),
      unmatchedPoints: pts(coefficients[j]!, 0),
    })),
  };
}

/** The result of scoring one applicant on a scorecard. */
export interface ScorecardResult {
  readonly probability: number;
  readonly score: number;
  /** Variables that cost the most points against the best bin of each, worst first. */
  readonly reasons: readonly {
    readonly variable: string;
    readonly bin: string;
    readonly pointsLost: number;
  }[];
}

/**
 * Compiles a scorecard into a fast scoring function over raw applicant records.
 *
 * @example compileScorecard(card)({ duration_months: 24, checking_status: 'A11' }).score; // e.g. 512
 */
export function compileScorecard(
  card: Scorecard,
): (record: Readonly<Record<string, RawValue>>) => ScorecardResult {
  const vars = card.variables.map((v) => ({
    name: v.binning.name,
    look: binLookup(v.binning),
    woes: v.binning.bins.map((b) => b.woe),
    labels: v.binning.bins.map((b) => b.label),
    points: v.points,
    unmatched: v.unmatchedPoints,
    best: Math.max(v.unmatchedPoints, ...v.points),
    beta: v.coefficient,
  }));
  return (record) => {
    let logit = card.intercept;
    let score = 0;
    const reasons: { variable: string; bin: string; pointsLost: number }[] = [];
    for (const v of vars) {
      const b = v.look(record[v.name]);
      const w = b < 0 ? 0 : v.woes[b]!;
      const p = b < 0 ? v.unmatched : v.points[b]!;
      logit += v.beta * w;
      score += p;
      const lost = v.best - p;
      if (lost > 0)
        reasons.push({ variable: v.name, bin: b < 0 ? 'unseen value' : v.labels[b]!, pointsLost: lost });
    }
    reasons.sort((a, b) => b.pointsLost - a.pointsLost);
    return { probability: 1 / (1 + Math.exp(-logit)), score, reasons: reasons.slice(0, 3) };
  };
}
