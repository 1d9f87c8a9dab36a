/** A day and how many events it had. */
export interface DayCount {
  readonly day: string;
  readonly count: number;
}

/**
 * Counts records per UTC calendar day over the `days` days ending with `today` (oldest first,
 * days without records as 0); records outside the window are ignored.
 *
 * @example eventsPerDay([{ occurredAt: '2026-03-02T08:00:00Z' }], new Date('2026-03-02T12:00:00Z'), 2);
 * // [{ day: '2026-03-01', count: 0 }, { day: '2026-03-02', count: 1 }]
 */
export function eventsPerDay(
  records: readonly { occurredAt: string }[],
  today: Date,
  days: number,
): DayCount[] {
  const counts = new Map<string, number>();
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const window: string[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(end - i * 86_400_000).toISOString().slice(0, 10);
    window.push(day);
    counts.set(day, 0);
  }
  for (const r of records) {
    const day = r.occurredAt.slice(0, 10);
    const c = counts.get(day);
    if (c !== undefined) counts.set(day, c + 1);
  }
  return window.map((day) => ({ day, count: counts.get(day) ?? 0 }));
}
