import { manualClock, sequentialIds } from '@puhui/core';
import { openStore } from '@puhui/store';
import { validate } from '@readme/openapi-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/context.ts';

let app: FastifyInstance;
beforeAll(async () => {
  const store = openStore({ sqliteFile: ':memory:' });
  await store.migrate();
  const clock = manualClock('2026-01-01T00:00:00Z');
  app = await buildApp({
    ctx: createContext({ store, clock, ids: sequentialIds(), auth: { tokenSecret: 's'.repeat(40) } }),
    logger: false,
  });
  app.addHook('onClose', async () => store.close());
});
afterAll(async () => app?.close());

it('serves a valid OpenAPI 3.1 document covering every API route', async () => {
  const res = await app.inject({ url: '/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toBe('3.1.0');
  const result = await validate(structuredClone(doc));
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
  const apiRoutes = app.routeAccess
    .filter((r) => r.url.startsWith('/api/'))
    .map((r) => `${r.method} ${r.url}`);
  for (const route of apiRoutes) expect(documented).toContain(route);
});

it('serves the browsable documentation at /docs', async () => {
  const res = await app.inject({ url: '/docs/' });
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain('swagger');
});

it('declares the request schema so unknown fields are refused in the document too', async () => {
  const doc = (await app.inject({ url: '/openapi.json' })).json();
  const body = doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema;
  expect(body.additionalProperties).toBe(false);
});
