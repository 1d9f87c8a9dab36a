import { manualClock, sequentialIds } from '@puhui/core';
import { buildApp, createContext } from '@puhui/server';
import { openStore } from '@puhui/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measure } from '../scripts/bundle-size.mjs';
import { ensureBuild } from '../scripts/ensure-build.mjs';

// The production build as the server serves it (apps/server/src/plugins/web.ts), without a socket.
describe('the server serves the web app', () => {
  let app: FastifyInstance;
  let portalEntry: string;
  let consoleEntry: string;
  beforeAll(async () => {
    ensureBuild({ quiet: true });
    const { entries } = measure();
    portalEntry = entries.find((e) => e.name === 'portal/index.html')?.file ?? '';
    consoleEntry = entries.find((e) => e.name === 'index.html')?.file ?? '';
    const store = openStore({ sqliteFile: ':memory:' });
    await store.migrate();
    app = await buildApp({
      ctx: createContext({
        store,
        clock: manualClock('2026-01-01T00:00:00Z'),
        ids: sequentialIds(),
        auth: { tokenSecret: 's'.repeat(40) },
      }),
      logger: false,
    });
    app.addHook('onClose', async () => store.close());
  });
  afterAll(async () => app?.close());

  it('answers the console at / and its client routes with the console page, revalidated on each load', async () => {
    for (const url of ['/', '/users', '/audit?actor=x', '/account/password']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain(consoleEntry);
      expect(res.body).not.toContain(portalEntry);
    }
  });

  it('answers /portal and its client routes with the portal page', async () => {
    for (const url of ['/portal', '/portal/', '/portal/learn/rate', '/portal/calculator']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain(portalEntry);
    }
  });

  it('serves hashed assets for a year, precompressed when the browser accepts it', async () => {
    const res = await app.inject({ url: `/${portalEntry}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['content-encoding']).toBe('br');
    const plain = await app.inject({ url: `/${portalEntry}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('createRoot');
  });

  it('keeps the same-origin Content-Security-Policy, and the HTML has no inline script', async () => {
    for (const url of ['/', '/portal/']) {
      const res = await app.inject({ url });
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      const scripts = [...res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/src="\//);
        expect(body?.trim()).toBe('');
      }
    }
  });

  it('never answers API, platform or missing files with a page', async () => {
    for (const url of [
      '/api/v1/nothing',
      '/api',
      '/docs/nothing.js',
      '/health/x',
      '/metrics/x',
      '/assets/missing.js',
      '/portal/missing.js',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
    const post = await app.inject({ method: 'POST', url: '/users', payload: {} });
    expect(post.statusCode).toBe(404);
    expect((await app.inject({ url: '/health' })).json().status).toBe('ok');
    expect((await app.inject({ url: '/openapi.json' })).json().openapi).toBe('3.1.0');
  });

  it('refuses paths that climb out of the build folder', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await app.inject({ url });
      expect([403, 404], url).toContain(res.statusCode);
      expect(res.body).not.toContain('"name": "@puhui/web"');
    }
  });

  it('documents no web route in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/'))).not.toContain('/*');
  });
});
