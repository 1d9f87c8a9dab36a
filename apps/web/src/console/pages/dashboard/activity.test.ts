import { describe, expect, it } from 'vitest';
import { eventsPerDay } from './activity.ts';

describe('eventsPerDay', () => {
  it('counts per UTC day in the window, oldest first, with empty days as 0', () => {
    const records = [
      { occurredAt: '2026-03-02T08:00:00.000Z' },
      { occurredAt: '2026-03-02T23:59:59.999Z' },
      { occurredAt: '2026-02-28T00:00:00.000Z' },
      { occurredAt: '2026-02-01T10:00:00.000Z' }, // outside a 3-day window
    ];
    expect(eventsPerDay(records, new Date('2026-03-02T12:00:00Z'), 3)).toEqual([
      { day: '2026-02-28', count: 1 },
      { day: '2026-03-01', count: 0 },
      { day: '2026-03-02', count: 2 },
    ]);
  });

  it('gives a full window of zeros without records', () => {
    const result = eventsPerDay([], new Date('2026-01-01T00:00:00Z'), 14);
    expect(result).toHaveLength(14);
    expect(result[0]?.day).toBe('2025-12-19');
    expect(result.every((d) => d.count === 0)).toBe(true);
  });
});
