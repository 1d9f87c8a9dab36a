import { seedDemoBook } from '@puhui/services';
import { insertEodBatch, startEodRun } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, type Harness, openHarness } from './harness.ts';

/** Sums decimal-string amounts exactly (as hundredths). */
const cents = (amounts: readonly string[]) => amounts.reduce((s, a) => s + BigInt(a.replace('.', '')), 0n);

describeEachDatabase('portfolio reports and end-of-day progress over HTTP', (db) => {
  let h: Harness;
  const get = (url: string, who = 'auditor') =>
    h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(h.tokens[who] as string) });

  beforeAll(async () => {
    h = await openHarness(db);
    await seedDemoBook(h.ctx, { loans: 16, days: 75, seed: 5 });
  }, 120_000);
  afterAll(async () => h?.close());

  it('gives the product mix, adding up to the PAR report’s portfolio, as JSON, CSV and Excel', async () => {
    const mix = (await get('/reports/products')).json();
    const par = (await get('/reports/par')).json();
    expect(mix.date).toBe(par.date);
    expect(mix.rows.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['AGRI6', 'MICRO12']),
    );
    const cny = par.currencies.find((c: { currency: string }) => c.currency === 'CNY');
    const rows = mix.rows.filter((r: { currency: string }) => r.currency === 'CNY');
    expect(rows.reduce((s: number, r: { loans: number }) => s + r.loans, 0)).toBe(cny.loans);
    expect(cents(rows.map((r: { principal: string }) => r.principal))).toBe(cents([cny.principal]));
    for (const r of rows) expect(cents([r.exposure])).toBeGreaterThanOrEqual(cents([r.principal]));

    const csv = await get('/reports/products?format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('date,code,name,currency,loans,principal,exposure');
    const xlsx = await get('/reports/products?format=xlsx');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="products.xlsx"');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('serves every report’s JSON in its documented shape', async () => {
    const tb = (await get('/reports/trial-balance')).json();
    expect(tb.balanced).toBe(true);
    expect(cents(tb.totals.map((t: { debit: string }) => t.debit))).toBe(
      cents(tb.totals.map((t: { credit: string }) => t.credit)),
    );
    const classification = (await get('/reports/classification')).json();
    expect(classification.rows.map((r: { category: string }) => r.category)).toEqual([
      'normal',
      'special_mention',
      'substandard',
      'doubtful',
      'loss',
    ]);
    const ageing = (await get('/reports/ageing')).json();
    expect(ageing.rows.length).toBeGreaterThan(0);
    const flows = (await get(`/reports/flows?from=2025-01-01&to=${tb.date ?? '2026-12-31'}`)).json();
    expect(flows.rows.every((r: { period: string }) => /^\d{4}-\d{2}$/.test(r.period))).toBe(true);
    expect((await get('/reports/reconciliation')).json().balanced).toBe(true);
  });

  it('lists a running end of day with its progress, and the loans still to process', async () => {
    const before = (await get('/eod')).json();
    const completed = before.runs[0];
    expect(completed.status).toBe('completed');
    expect(completed.pending).toBe(0);
    expect(completed.loans).toBeGreaterThan(0);

    // A run in flight: one batch of 3 loans committed, the active loans not yet stamped.
    const date = before.openDate as string;
    await startEodRun(h.store.db, date, '2026-03-02T08:00:00.000Z');
    await insertEodBatch(h.store.db, {
      id: `eodb_${date}_test`,
      business_date: date,
      worker: 'test',
      first_loan_id: 'a',
      last_loan_id: 'b',
      loans: 3,
      entries: 7,
      committed_at: '2026-03-02T08:00:01.000Z',
    });
    const active = await h.store.db
      .selectFrom('loans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const running = (await get('/eod', 'ops')).json().runs[0];
    expect(running).toMatchObject({
      date,
      status: 'running',
      completedAt: null,
      loans: 3,
      batches: 1,
      entries: 7,
      pending: Number(active.n),
    });
  });
});
