import { randomBytes } from 'node:crypto';

/** The source of new identifiers. Injected so tests get predictable ids. */
export interface IdSource {
  /** A new unique id, prefixed by its kind (`usr_…`, `evt_…`). */
  next(prefix: string): string;
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encodeTime(ms: number): string {
  let out = '';
  let value = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/**
 * Time-ordered random ids (a ULID-like layout: 10 characters of milliseconds, 16 random), sortable
 * by creation time. For adapters; domain code receives an IdSource.
 *
 * @example randomIds(systemClock).next('usr'); // 'usr_01jd…'
 */
export function randomIds(clock: { now(): Date }): IdSource {
  return {
    next(prefix) {
      const bytes = randomBytes(16);
      let rand = '';
      for (const byte of bytes) rand += ALPHABET[byte % 32];
      return `${prefix}_${encodeTime(clock.now().getTime())}${rand}`;
    },
  };
}

/**
 * Deterministic ids `prefix_000001`, `prefix_000002`, … for tests and seeded demo data.
 *
 * @example const ids = sequentialIds(); ids.next('usr'); // 'usr_000001'
 */
export function sequentialIds(start = 1): IdSource {
  let n = start;
  return { next: (prefix) => `${prefix}_${String(n++).padStart(6, '0')}` };
}
