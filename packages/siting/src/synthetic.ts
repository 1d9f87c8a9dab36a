import { normal, type Rng } from './rng.ts';
import type { CandidateSite, DemandPoint, SitingModel, SitingProblem } from './types.ts';

/** Shape of a synthetic instance. */
export interface SyntheticSpec {
  readonly model: SitingModel;
  readonly demand: number;
  readonly candidates: number;
  readonly p?: number;
  readonly radius?: number;
  /** Side of the square study area in km (default 100). */
  readonly extentKm?: number;
  /** Settlement clusters demand gathers around (default demand / 200, at least 3). */
  readonly clusters?: number;
}

/**
 * Draws a plausible synthetic instance in projected km: demand points clustered around
 * settlements (80%) or scattered (20%) with log-normal integer weights; candidates half near
 * demand points, half anywhere. Used by the benchmark and the property tests.
 *
 * @example syntheticProblem(createRng(1), { model: 'mclp', demand: 200, candidates: 50, p: 5, radius: 8 });
 */
export function syntheticProblem(rng: Rng, spec: SyntheticSpec): SitingProblem {
  const extent = spec.extentKm ?? 100;
  const clusterCount = spec.clusters ?? Math.max(3, Math.round(spec.demand / 200));
  const centres = Array.from({ length: clusterCount }, () => ({
    x: extent * (0.1 + 0.8 * rng.next()),
    y: extent * (0.1 + 0.8 * rng.next()),
    spread: extent * (0.02 + 0.05 * rng.next()),
  }));
  const clamp = (v: number): number => Math.min(extent, Math.max(0, v));
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  const demand: DemandPoint[] = [];
  for (let i = 0; i < spec.demand; i++) {
    let x: number;
    let y: number;
    if (rng.next() < 0.8) {
      const c = centres[Math.floor(rng.next() * centres.length)]!;
      x = clamp(c.x + c.spread * normal(rng));
      y = clamp(c.y + c.spread * normal(rng));
    } else {
      x = extent * rng.next();
      y = extent * rng.next();
    }
    const weight = Math.max(1, Math.round(Math.exp(5 + 0.8 * normal(rng))));
    demand.push({ id: `d${i}`, x: round(x), y: round(y), weight });
  }
  const candidates: CandidateSite[] = [];
  for (let j = 0; j < spec.candidates; j++) {
    if (j % 2 === 0) {
      const d = demand[Math.floor(rng.next() * demand.length)]!;
      candidates.push({
        id: `c${j}`,
        x: round(clamp(d.x + normal(rng))),
        y: round(clamp(d.y + normal(rng))),
      });
    } else {
      candidates.push({ id: `c${j}`, x: round(extent * rng.next()), y: round(extent * rng.next()) });
    }
  }
  return {
    model: spec.model,
    coordinates: 'projected',
    demand,
    candidates,
    ...(spec.p === undefined ? {} : { p: spec.p }),
    ...(spec.radius === undefined ? {} : { radius: spec.radius }),
  };
}
