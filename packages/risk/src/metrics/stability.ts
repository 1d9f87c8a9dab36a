/** Share of rows per bin in a reference and a current dataset, and the PSI terms. */
export interface StabilityBin {
  readonly label: string;
  readonly expectedShare: number;
  readonly actualShare: number;
  readonly contribution: number;
}

/** Population stability of one distribution (scores or a characteristic). */
export interface Stability {
  readonly psi: number;
  /** "stable" (< 0.1), "moderate shift" (0.1–0.25) or "major shift" (≥ 0.25). */
  readonly verdict: 'stable' | 'moderate shift' | 'major shift';
  readonly bins: readonly StabilityBin[];
}

const FLOOR = 1e-4;

/**
 * Population stability index between two share vectors over the same bins:
 * Σ (actual − expected) · ln(actual / expected), shares floored at 1e-4 so empty bins stay finite.
 *
 * @example psi([0.5, 0.5], [0.5, 0.5]).psi; // 0
 */
export function psi(
  expected: readonly number[],
  actual: readonly number[],
  labels?: readonly string[],
): Stability {
  if (expected.length !== actual.length) throw new Error('expected and actual must have the same bins');
  let total = 0;
  const bins = expected.map((e, i) => {
    const a = actual[i]!;
    const ef = Math.max(e, FLOOR);
    const af = Math.max(a, FLOOR);
    const contribution = (af - ef) * Math.log(af / ef);
    total += contribution;
    return { label: labels?.[i] ?? String(i + 1), expectedShare: e, actualShare: a, contribution };
  });
  return {
    psi: total,
    verdict: total < 0.1 ? 'stable' : total < 0.25 ? 'moderate shift' : 'major shift',
    bins,
  };
}

/**
 * Cut points at the reference sample's deciles (or `bins` quantiles), de-duplicated; used to bin
 * both samples for a score PSI.
 *
 * @example quantileEdges([1, 2, 3, 4], 2); // [2.5]
 */
export function quantileEdges(reference: ArrayLike<number>, bins = 10): number[] {
  const v = Float64Array.from(reference as ArrayLike<number>)
    .filter((x) => !Number.isNaN(x))
    .sort();
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) {
    const pos = (b * v.length) / bins;
    const lo = v[Math.max(0, Math.ceil(pos) - 1)];
    const hi = v[Math.min(v.length - 1, Math.ceil(pos))];
    if (lo === undefined || hi === undefined) continue;
    const e = lo === hi ? lo : (lo + hi) / 2;
    if (edges.length === 0 || e > edges[edges.length - 1]!) edges.push(e);
  }
  return edges;
}

/**
 * Shares of values falling in each interval defined by ascending `edges` (value < edge[0] is the
 * first bin; value ≥ last edge the final bin).
 *
 * @example binShares([1, 2, 3, 4], [2.5]); // [0.5, 0.5]
 */
export function binShares(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < edges[mid]!) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]!++;
  }
  return counts.map((c) => (values.length ? c / values.length : 0));
}

/**
 * Score PSI between a reference sample (e.g. training) and a current sample, binned at the
 * reference's deciles.
 *
 * @example scorePsi(trainScores, liveScores).verdict; // 'stable'
 */
export function scorePsi(reference: ArrayLike<number>, current: ArrayLike<number>, bins = 10): Stability {
  const edges = quantileEdges(reference, bins);
  const labels = edgeLabels(edges);
  return psi(binShares(reference, edges), binShares(current, edges), labels);
}

/**
 * Labels for the intervals cut by `edges`: `< e0`, `[e0, e1)`, …, `≥ eN`.
 *
 * @example edgeLabels([1, 2]); // ['< 1', '[1, 2)', '≥ 2']
 */
export function edgeLabels(edges: readonly number[]): string[] {
  const f = (x: number): string => String(Number(x.toPrecision(6)));
  if (edges.length === 0) return ['all'];
  return [
    `< ${f(edges[0]!)}`,
    ...edges.slice(1).map((e, i) => `[${f(edges[i]!)}, ${f(e)})`),
    `≥ ${f(edges[edges.length - 1]!)}`,
  ];
}

/**
 * Characteristic stability of a categorical or binned attribute: PSI over the labels seen in
 * either sample (counts per label in, shares out).
 *
 * @example characteristicStability(['a', 'a', 'b'], ['a', 'b', 'b']).psi; // ≈ 0.23
 */
export function characteristicStability(reference: readonly string[], current: readonly string[]): Stability {
  const labels = [...new Set([...reference, ...current])].sort();
  const share = (xs: readonly string[]): number[] => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return labels.map((l) => (xs.length ? (m.get(l) ?? 0) / xs.length : 0));
  };
  return psi(share(reference), share(current), labels);
}
