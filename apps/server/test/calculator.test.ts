import { manualClock, sequentialIds } from '@puhui/core';
import { openStore } from '@puhui/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/context.ts';

let app: FastifyInstance;
beforeAll(async () => {
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

it('answers the textbook case: 100,000 CNY at 4.9% over 12 months pays 8,556.17 a month', async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/calculator/schedule',
    payload: {
      principal: '100000.00',
      currency: 'CNY',
      annualRate: '4.9%',
      repayments: 12,
      disbursementDate: '2024-01-15',
    },
  });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body.periods).toHaveLength(12);
  expect(body.periods[0].total).toBe('8556.17');
  expect(body.totals.principal).toBe('100000.00');
  // No fees: the annualised rate is the nominal rate itself.
  expect(Number(body.annualizedRate.nominal)).toBeCloseTo(0.049, 6);
});

it('names the offending field of a bad spec and refuses unknown fields', async () => {
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/calculator/schedule',
    payload: {
      principal: '-5',
      currency: 'CNY',
      annualRate: '4.9%',
      repayments: 12,
      disbursementDate: '2024-01-15',
    },
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().code).toBe('validation_failed');
  expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('body.principal');
  const unknown = await app.inject({
    method: 'POST',
    url: '/api/v1/calculator/schedule',
    payload: {
      principal: '5000',
      currency: 'CNY',
      annualRate: '4.9%',
      repayments: 12,
      disbursementDate: '2024-01-15',
      colour: 'red',
    },
  });
  expect(unknown.statusCode).toBe(400);
  expect(unknown.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.colour']);
});

it('computes an APR and reports flows without a rate as 422', async () => {
  const ok = await app.inject({
    method: 'POST',
    url: '/api/v1/calculator/apr',
    payload: {
      method: 'cn_irr',
      flows: [
        { date: '2024-01-15', amount: '-100000' },
        { date: '2024-02-15', amount: '8556.17', count: 12 },
      ],
    },
  });
  expect(ok.statusCode).toBe(200);
  expect(Number(ok.json().nominalAnnualRate)).toBeCloseTo(0.049, 4);
  const none = await app.inject({
    method: 'POST',
    url: '/api/v1/calculator/apr',
    payload: {
      method: 'cn_irr',
      flows: [
        { date: '2024-01-15', amount: '100' },
        { date: '2024-02-15', amount: '100' },
      ],
    },
  });
  expect(none.statusCode).toBe(422);
  expect(none.json().code).toBe('rate_not_found');
});
