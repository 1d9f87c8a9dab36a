import { randomBytes } from 'node:crypto';
import { manualClock, randomIds } from '@puhui/core';
import { openStore } from '@puhui/store';
import { expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/context.ts';

async function appOn(store: ReturnType<typeof openStore>) {
  const clock = manualClock('2026-01-01T00:00:00Z');
  return buildApp({
    ctx: createContext({
      store,
      clock,
      ids: randomIds(clock),
      auth: { tokenSecret: randomBytes(32).toString('hex') },
    }),
    logger: false,
  });
}

it('answers 503 on /health and on requests when PostgreSQL is unreachable, and keeps running', async () => {
  // Nothing listens on port 1: every connection is refused.
  const store = openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', poolSize: 1 });
  const app = await appOn(store);
  const health = await app.inject({ url: '/health' });
  expect(health.statusCode).toBe(503);
  expect(health.json().code).toBe('service_unavailable');
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { username: 'a', password: 'b' },
  });
  expect(signIn.statusCode).toBe(503);
  expect(signIn.json().code).toBe('service_unavailable');
  expect(signIn.body).not.toContain('ECONNREFUSED');
  expect((await app.inject({ url: '/openapi.json' })).statusCode).toBe(200);
  await app.close();
  await store.close();
});

it('answers 503 when the SQLite database has gone away', async () => {
  const store = openStore({ sqliteFile: ':memory:' });
  await store.migrate();
  const app = await appOn(store);
  expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
  await store.close();
  const health = await app.inject({ url: '/health' });
  expect(health.statusCode).toBe(503);
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { username: 'a', password: 'b' },
  });
  expect(signIn.statusCode).toBe(503);
  await app.close();
});
