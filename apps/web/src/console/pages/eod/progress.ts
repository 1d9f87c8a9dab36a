import type { paths } from '../../../api/schema.d.ts';

/** An end-of-day run as `GET /api/v1/eod` lists it. */
export type EodRun =
  paths['/api/v1/eod']['get']['responses']['200']['content']['application/json']['runs'][number];

/** How far a run has got: loans done of the loans it has to do, and the whole percent. */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly percent: number;
}

/**
 * The progress of a run: a completed one is 100 %; a running one has done `loans` of
 * `loans + pending` (rounded down, so 100 % only once nothing is pending).
 *
 * @example runProgress({ status: 'running', loans: 250, pending: 750 }); // { done: 250, total: 1000, percent: 25 }
 */
export function runProgress(run: Pick<EodRun, 'status' | 'loans' | 'pending'>): RunProgress {
  const total = run.loans + run.pending;
  if (run.status === 'completed') return { done: run.loans, total: run.loans, percent: 100 };
  if (total === 0) return { done: 0, total: 0, percent: 0 };
  return { done: run.loans, total, percent: Math.floor((run.loans * 100) / total) };
}

/**
 * How long a run took (or has taken so far, against `now`), in whole seconds, as `[minutes, seconds]`.
 *
 * @example runDuration('2026-03-02T08:00:00Z', '2026-03-02T08:02:05Z', new Date()); // [2, 5]
 */
export function runDuration(startedAt: string, completedAt: string | null, now: Date): [number, number] {
  const end = completedAt ? Date.parse(completedAt) : now.getTime();
  const seconds = Math.max(0, Math.round((end - Date.parse(startedAt)) / 1000));
  return [Math.floor(seconds / 60), seconds % 60];
}

/**
 * The business dates a run up to `target` closes, from the open date on (none when the target
 * is before it).
 *
 * @example datesToClose('2026-03-02', '2026-03-04'); // ['2026-03-02', '2026-03-03', '2026-03-04']
 */
export function datesToClose(openDate: string, target: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${target}T00:00:00Z`);
  for (let d = Date.parse(`${openDate}T00:00:00Z`); d <= end && out.length <= 366; d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

/** Whether the list shows a run still in progress (the page then refreshes it every second). */
export function anyRunning(runs: readonly Pick<EodRun, 'status'>[] | undefined): boolean {
  return runs?.some((r) => r.status === 'running') ?? false;
}
