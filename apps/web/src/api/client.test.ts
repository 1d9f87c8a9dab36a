import { describe, expect, it } from 'vitest';
import { idempotencyKeys, newIdempotencyKey } from './client.ts';

describe('idempotency keys', () => {
  it('are fresh each time and fit the server’s 8–128 characters', () => {
    const a = newIdempotencyKey();
    expect(a).not.toBe(newIdempotencyKey());
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(128);
  });

  it('repeat for the same body (a double submit replays) and change with the body', () => {
    const keys = idempotencyKeys();
    const first = keys.for({ username: 'x', roles: ['admin'] });
    expect(keys.for({ username: 'x', roles: ['admin'] })).toBe(first);
    const second = keys.for({ username: 'xy', roles: ['admin'] });
    expect(second).not.toBe(first);
    // Back to the first body after another: a new key (the old one belongs to a failed attempt).
    expect(keys.for({ username: 'x', roles: ['admin'] })).not.toBe(first);
  });
});
