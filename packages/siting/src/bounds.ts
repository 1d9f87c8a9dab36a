import type { Instance } from './instance.ts';

/** A proven bound on the optimum and how it was obtained. */
export interface Bound {
  /** Upper bound for `mclp` (maximise), lower bound for the minimising models. */
  readonly value: number;
  readonly method: string;
}

/** Subgradient controls of the Lagrangian bounds. */
export interface Schedule {
  readonly iterations: number;
  /** Called every `visitEvery` iterations with the sites the Lagrangian subproblem opened; may
   * return a better incumbent objective (e.g. after local search from those sites). */
  readonly visit?: (open: Uint8Array) => number;
  readonly visitEvery?: number;
  /** Starting multipliers (e.g. LP duals); clipped to their valid range. */
  readonly start?: Float64Array;
  /** Initial step factor of the Polyak rule (default 1; smaller for a good start). */
  readonly initialStep?: number;
  /** Run all iterations, restarting the step factor when it has shrunk, so `visit` sees more
   * varied site sets (a Lagrangian heuristic); otherwise stop once the steps are negligible. */
  readonly restart?: boolean;
}

/** Indices of the `count` largest (or smallest) values among the non-fixed sites; ties by index. */
function pickSites(values: Float64Array, fixed: Uint8Array, count: number, largest: boolean): number[] {
  const free: number[] = [];
  for (let j = 0; j < values.length; j++) if (!fixed[j]) free.push(j);
  free.sort((a, b) => (largest ? values[b]! - values[a]! : values[a]! - values[b]!) || a - b);
  return free.slice(0, count);
}

/**
 * Lagrangian upper bound for maximal covering: relaxing yᵢ ≤ Σ_{j covers i} xⱼ with multipliers
 * 0 ≤ λᵢ ≤ wᵢ gives L(λ) = Σᵢ max(0, wᵢ − λᵢ) + Σ_{fixed j} ρⱼ + (the p − |fixed| largest other ρⱼ),
 * ρⱼ = Σ_{i covered by j} λᵢ. Every L(λ) bounds the optimum from above; the subgradient method
 * drives it towards min_λ L(λ), which equals the LP-relaxation bound (the subproblem has the
 * integrality property). Returns the smallest L seen.
 *
 * @example mclpUpperBound(inst, heuristicCoveredWeight).value; // ≥ the optimum
 */
export function mclpUpperBound(
  inst: Instance,
  incumbent: number,
  schedule: Schedule = { iterations: 1000 },
): Bound {
  const { n, m, weight, fixed } = inst;
  const { siteStart, siteDemand, demandStart, demandSite } = inst.coverage!;
  const free = inst.p - inst.fixedCount;
  const lambda = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const deg = demandStart[i + 1]! - demandStart[i]!;
    const start = schedule.start?.[i] ?? weight[i]! / Math.max(1, Math.min(deg, 2));
    lambda[i] = deg > 0 ? Math.min(weight[i]!, Math.max(0, start)) : 0;
  }
  const rho = new Float64Array(m);
  const inX = new Uint8Array(m);
  const g = new Float64Array(n);
  let best = Number.POSITIVE_INFINITY;
  let mu = schedule.initialStep ?? 1;
  let stall = 0;
  for (let it = 0; it < schedule.iterations; it++) {
    rho.fill(0);
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let q = siteStart[j]!; q < siteStart[j + 1]!; q++) s += lambda[siteDemand[q]!]!;
      rho[j] = s;
    }
    inX.set(fixed);
    for (const j of pickSites(rho, fixed, free, true)) inX[j] = 1;
    if (schedule.visit && it % (schedule.visitEvery ?? 50) === 0)
      incumbent = Math.max(incumbent, schedule.visit(inX));
    let value = 0;
    for (let j = 0; j < m; j++) if (inX[j]) value += rho[j]!;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const start = demandStart[i]!;
      const end = demandStart[i + 1]!;
      if (start === end) {
        g[i] = 0;
        continue;
      }
      const y = lambda[i]! < weight[i]! ? 1 : 0;
      value += (weight[i]! - lambda[i]!) * y;
      let c = 0;
      for (let q = start; q < end; q++) c += inX[demandSite[q]!]!;
      // ∂L/∂λᵢ = (open sites covering i) − yᵢ; clip directions that leave [0, wᵢ].
      let gi = c - y;
      if ((gi > 0 && lambda[i] === 0) || (gi < 0 && lambda[i] === weight[i])) gi = 0;
      g[i] = gi;
      norm += gi * gi;
    }
    if (it === 0 || value < best - 1e-12 * Math.abs(best)) {
      best = value;
      stall = 0;
    } else if (++stall >= 30) {
      mu /= 2;
      stall = 0;
    }
    const slack = value - incumbent;
    if (norm === 0 || slack <= 1e-9 * Math.max(1, Math.abs(incumbent))) break;
    if (mu < 1e-4) {
      if (!schedule.restart) break;
      mu = schedule.initialStep ?? 1;
    }
    const step = (mu * slack) / norm;
    for (let i = 0; i < n; i++) {
      if (g[i] === 0) continue;
      lambda[i] = Math.min(weight[i]!, Math.max(0, lambda[i]! - step * g[i]!));
    }
  }
  return { value: best, method: 'lagrangian' };
}

/**
 * Lagrangian lower bound for set covering: relaxing Σ_{j covers i} xⱼ ≥ 1 with uᵢ ≥ 0 gives
 * L(u) = Σᵢ uᵢ + Σ_{fixed j} (1 − Uⱼ) + Σ_{other j} min(0, 1 − Uⱼ), Uⱼ = Σ_{i covered by j} uᵢ.
 * The site count is whole, so ⌈L⌉ is a bound too.
 *
 * @example lscpLowerBound(inst, heuristicSiteCount).value; // ≤ the optimum
 */
export function lscpLowerBound(
  inst: Instance,
  incumbent: number,
  schedule: Schedule = { iterations: 300 },
): Bound {
  const { n, m, fixed } = inst;
  const { siteStart, siteDemand, demandStart, demandSite } = inst.coverage!;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = 1 / Math.max(1, demandStart[i + 1]! - demandStart[i]!);
  const inX = new Uint8Array(m);
  const g = new Float64Array(n);
  let best = inst.fixedCount;
  let mu = 1;
  let stall = 0;
  for (let it = 0; it < schedule.iterations; it++) {
    let value = 0;
    for (let i = 0; i < n; i++) value += u[i]!;
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let q = siteStart[j]!; q < siteStart[j + 1]!; q++) s += u[siteDemand[q]!]!;
      inX[j] = fixed[j] || s > 1 ? 1 : 0;
      if (inX[j]) value += 1 - s;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let c = 0;
      for (let q = demandStart[i]!; q < demandStart[i + 1]!; q++) c += inX[demandSite[q]!]!;
      let gi = 1 - c;
      if (gi < 0 && u[i] === 0) gi = 0;
      g[i] = gi;
      norm += gi * gi;
    }
    if (it === 0 || value > best + 1e-12 * Math.abs(best)) {
      best = value;
      stall = 0;
    } else if (++stall >= 15) {
      mu /= 2;
      stall = 0;
    }
    if (Math.ceil(best - 1e-7 * Math.max(1, best)) >= incumbent || norm === 0 || mu < 1e-6) break;
    const step = (mu * (incumbent - value)) / norm;
    for (let i = 0; i < n; i++) u[i] = Math.max(0, u[i]! + step * g[i]!);
  }
  return {
    value: Math.max(inst.fixedCount, Math.ceil(best - 1e-7 * Math.max(1, best))),
    method: 'lagrangian',
  };
}

/**
 * Lagrangian lower bound for p-median: relaxing Σⱼ zᵢⱼ = 1 with λᵢ gives
 * L(λ) = Σᵢ λᵢ + Σ_{j open} ρⱼ, ρⱼ = Σᵢ min(0, wᵢdᵢⱼ − λᵢ), with the fixed sites and the
 * p − |fixed| smallest other ρⱼ open. Iterations are limited so the work stays near 4·10⁸ cells.
 *
 * @example pmedianLowerBound(inst, heuristicCost).value; // ≤ the optimum
 */
export function pmedianLowerBound(inst: Instance, incumbent: number): Bound {
  const { n, m, cost, weight, fixed } = inst;
  const iterations = Math.max(20, Math.min(400, Math.floor(4e8 / (n * m))));
  const free = inst.p - inst.fixedCount;
  const lambda = new Float64Array(n);
  // Start from each point's second-smallest weighted cost: a common, reasonably tight start.
  for (let i = 0; i < n; i++) {
    let a = Number.POSITIVE_INFINITY;
    let b = Number.POSITIVE_INFINITY;
    for (let j = 0; j < m; j++) {
      const c = weight[i]! * cost[i * m + j]!;
      if (c < a) {
        b = a;
        a = c;
      } else if (c < b) b = c;
    }
    lambda[i] = Number.isFinite(b) ? b : a;
  }
  const rho = new Float64Array(m);
  const inX = new Uint8Array(m);
  const g = new Float64Array(n);
  let best = Number.NEGATIVE_INFINITY;
  let mu = 1;
  let stall = 0;
  for (let it = 0; it < iterations; it++) {
    rho.fill(0);
    let value = 0;
    for (let i = 0; i < n; i++) {
      value += lambda[i]!;
      const row = i * m;
      for (let j = 0; j < m; j++) {
        const r = weight[i]! * cost[row + j]! - lambda[i]!;
        if (r < 0) rho[j]! += r;
      }
    }
    inX.set(fixed);
    for (const j of pickSites(rho, fixed, free, false)) inX[j] = 1;
    for (let j = 0; j < m; j++) if (inX[j]) value += rho[j]!;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let c = 0;
      const row = i * m;
      for (let j = 0; j < m; j++) if (inX[j] && weight[i]! * cost[row + j]! < lambda[i]!) c++;
      g[i] = 1 - c;
      norm += g[i]! * g[i]!;
    }
    if (it === 0 || value > best + 1e-12 * Math.abs(best)) {
      best = value;
      stall = 0;
    } else if (++stall >= 10) {
      mu /= 2;
      stall = 0;
    }
    const slack = incumbent - value;
    if (norm === 0 || slack <= 1e-9 * Math.max(1, Math.abs(incumbent)) || mu < 1e-6) break;
    const step = (mu * slack) / norm;
    for (let i = 0; i < n; i++) lambda[i]! += step * g[i]!;
  }
  return { value: Math.max(0, best), method: 'lagrangian' };
}

/**
 * Lower bound for p-center by packing: if more than p − |fixed| demand points, none within r of a
 * fixed site, can be chosen so that no candidate lies within r of two of them, then every choice
 * of p sites leaves one of them farther than r, so the optimum exceeds r (and is the next cost
 * value above r, as the optimum is always one of the costs). Bisection finds the largest such r a
 * greedy packing proves; the plain bound maxᵢ minⱼ dᵢⱼ is the floor.
 *
 * @example pcenterLowerBound(inst, heuristicRadius).value; // ≤ the optimum
 */
export function pcenterLowerBound(inst: Instance, incumbent: number): Bound {
  const { n, m, cost, fixed } = inst;
  const free = inst.p - inst.fixedCount;
  let floor = 0;
  for (let i = 0; i < n; i++) {
    let d = Number.POSITIVE_INFINITY;
    for (let j = 0; j < m; j++) d = Math.min(d, cost[i * m + j]!);
    floor = Math.max(floor, d);
  }
  const used = new Uint8Array(m);
  const degree = new Int32Array(n);
  const order = new Int32Array(n);
  const proves = (r: number): boolean => {
    used.fill(0);
    const active: number[] = [];
    for (let i = 0; i < n; i++) {
      let byFixed = false;
      let deg = 0;
      for (let j = 0; j < m; j++) {
        if (cost[i * m + j]! > r) continue;
        if (fixed[j]) byFixed = true;
        deg++;
      }
      degree[i] = deg;
      if (!byFixed) active.push(i);
    }
    active.sort((a, b) => degree[a]! - degree[b]! || a - b);
    order.set(active);
    let packed = 0;
    for (let t = 0; t < active.length; t++) {
      const i = order[t]!;
      const row = i * m;
      let clash = false;
      for (let j = 0; j < m && !clash; j++) clash = cost[row + j]! <= r && used[j] === 1;
      if (clash) continue;
      for (let j = 0; j < m; j++) if (cost[row + j]! <= r) used[j] = 1;
      if (++packed > free) return true;
    }
    return false;
  };
  let lo = floor;
  let hi = incumbent;
  let proven = Number.NEGATIVE_INFINITY;
  for (let it = 0; it < 30 && hi - lo > 1e-9 * Math.max(1, hi); it++) {
    const mid = (lo + hi) / 2;
    if (proves(mid)) {
      proven = mid;
      lo = mid;
    } else hi = mid;
  }
  let value = floor;
  if (proven > Number.NEGATIVE_INFINITY) {
    let next = Number.POSITIVE_INFINITY;
    for (let k = 0; k < cost.length; k++) if (cost[k]! > proven && cost[k]! < next) next = cost[k]!;
    value = Math.max(value, Math.min(next, incumbent));
  }
  return { value, method: 'packing' };
}
