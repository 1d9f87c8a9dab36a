/** The source of "now". Injected everywhere so tests can freeze or move time. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/**
 * The real clock, for adapters only.
 *
 * @example systemClock.now().toISOString();
 */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export interface ManualClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
}

/**
 * A clock frozen at `start` that only moves when told.
 *
 * @example const clock = manualClock('2026-01-01T00:00:00Z'); clock.advance(60_000);
 */
export function manualClock(start: Date | string): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
