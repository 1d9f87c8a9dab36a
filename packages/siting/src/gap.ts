import type { SitingModel } from './types.ts';

/**
 * Relative optimality gap of `objective` against a proven `bound`: (bound − objective) / bound
 * when maximising, (objective − bound) / objective when minimising; 0 when they meet.
 *
 * @example relativeGap('mclp', 98, 100); // 0.02
 */
export function relativeGap(model: SitingModel, objective: number, bound: number): number {
  const diff = model === 'mclp' ? bound - objective : objective - bound;
  const scale = model === 'mclp' ? Math.abs(bound) : Math.abs(objective);
  if (diff <= 1e-9 * Math.max(1, scale)) return 0;
  return diff / scale;
}
