import type { Instance } from './instance.ts';
import type { SitingResult } from './types.ts';

/** Open sites and, per demand point, the index of the site serving it (-1: not served). */
export interface Solution {
  readonly open: Uint8Array;
  readonly assign: Int32Array;
}

/** The part of a {@link SitingResult} that depends only on the instance and the solution. */
export type Evaluation = Omit<SitingResult, 'gap' | 'solver' | 'seconds'>;

/**
 * Assigns every demand point to its nearest open site (ties to the smaller site id). In `mclp` a
 * point farther than the radius from every open site stays unassigned (-1), as it is not covered.
 *
 * @example const sol = nearestAssignment(inst, open); sol.assign[0]; // site index serving demand 0
 */
export function nearestAssignment(inst: Instance, open: Uint8Array): Solution {
  const { n, m, cost } = inst;
  const assign = new Int32Array(n).fill(-1);
  const openList: number[] = [];
  for (let j = 0; j < m; j++) if (open[j]) openList.push(j);
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    const row = i * m;
    for (const j of openList) {
      const c = cost[row + j]!;
      if (c < bestCost) {
        bestCost = c;
        best = j;
      }
    }
    if (inst.model === 'mclp' && inst.radius !== undefined && bestCost > inst.radius) best = -1;
    assign[i] = best;
  }
  return { open, assign };
}

/**
 * The model's objective for a solution: covered weight (`mclp`), open-site count (`lscp`), weighted
 * total distance (`pmedian`) or largest distance (`pcenter`).
 *
 * @example objectiveOf(inst, nearestAssignment(inst, open)); // e.g. 1234.5 covered weight
 */
export function objectiveOf(inst: Instance, sol: Solution): number {
  const { n, m, cost, weight } = inst;
  switch (inst.model) {
    case 'lscp': {
      let count = 0;
      for (const o of sol.open) count += o;
      return count;
    }
    case 'mclp': {
      let sum = 0;
      for (let i = 0; i < n; i++) if (sol.assign[i]! >= 0) sum += weight[i]!;
      return sum;
    }
    case 'pmedian': {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += weight[i]! * cost[i * m + sol.assign[i]!]!;
      return sum;
    }
    case 'pcenter': {
      let max = 0;
      for (let i = 0; i < n; i++) max = Math.max(max, cost[i * m + sol.assign[i]!]!);
      return max;
    }
  }
}

/**
 * Reports a solution in the printed shape: selected ids (sorted), objective, the weight within the
 * radius (all weight when no radius is given for `pmedian`/`pcenter`), its share, the ids of
 * demand points left uncovered, and the demand → site assignment.
 *
 * @example evaluate(inst, sol).coveredShare; // 0.87
 */
export function evaluate(inst: Instance, sol: Solution): Evaluation {
  const { n, m, cost, weight, radius } = inst;
  const selected: string[] = [];
  for (let j = 0; j < m; j++) if (sol.open[j]) selected.push(inst.siteIds[j]!);
  const assignment: Record<string, string> = {};
  const uncovered: string[] = [];
  let coveredWeight = 0;
  for (let i = 0; i < n; i++) {
    const j = sol.assign[i]!;
    if (j >= 0) assignment[inst.demandIds[i]!] = inst.siteIds[j]!;
    const covered = j >= 0 && (radius === undefined || cost[i * m + j]! <= radius);
    if (covered) coveredWeight += weight[i]!;
    else uncovered.push(inst.demandIds[i]!);
  }
  const coveredShare =
    inst.totalWeight > 0 ? coveredWeight / inst.totalWeight : uncovered.length === 0 ? 1 : 0;
  return {
    model: inst.model,
    selected,
    objective: objectiveOf(inst, sol),
    coveredWeight,
    coveredShare,
    uncovered,
    assignment,
  };
}
