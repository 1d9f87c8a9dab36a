import { seedDemoBook } from '@puhui/services';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, type Harness, openHarness } from './harness.ts';

interface ListedLoan {
  id: string;
  borrowerId: string;
  borrowerName: string;
  productId: string;
  status: string;
  classification: string;
  dpd: number;
}

describeEachDatabase('loan and borrower lists: filters and search over HTTP', (db) => {
  let h: Harness;
  let all: ListedLoan[];
  const get = (url: string, who = 'officer') =>
    h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(h.tokens[who] as string) });
  const items = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as ListedLoan[];
  };

  beforeAll(async () => {
    h = await openHarness(db);
    // Four months of a small book: loans on three products, some late enough to be classified worse.
    await seedDemoBook(h.ctx, { loans: 30, days: 120, seed: 11 });
    all = await items('/loans?limit=200');
  }, 120_000);
  afterAll(async () => h?.close());

  it('lists every loan with its borrower’s name', async () => {
    expect(all).toHaveLength(30);
    const first = all[0] as ListedLoan;
    const borrower = (await get(`/borrowers/${first.borrowerId}`)).json();
    expect(first.borrowerName).toBe(borrower.fullName);
  });

  it('filters by product code (every version), classification and days past due', async () => {
    const products = (await get('/products?limit=200')).json().items as Array<{ id: string; code: string }>;
    const agri = new Set(products.filter((p) => p.code === 'AGRI6').map((p) => p.id));
    const byProduct = await items('/loans?productCode=AGRI6&limit=200');
    expect(byProduct.map((l) => l.id)).toEqual(all.filter((l) => agri.has(l.productId)).map((l) => l.id));
    expect(byProduct.length).toBeGreaterThan(0);

    const late = await items('/loans?minDpd=1&limit=200');
    expect(late.map((l) => l.id)).toEqual(all.filter((l) => l.dpd >= 1).map((l) => l.id));
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(all.length);

    const worse = all.find((l) => l.classification !== 'normal')?.classification as string;
    expect(worse).toBeDefined();
    const classified = await items(`/loans?classification=${worse}&limit=200`);
    expect(classified.map((l) => l.id)).toEqual(
      all.filter((l) => l.classification === worse).map((l) => l.id),
    );

    const combined = await items('/loans?status=active&productCode=MICRO12&minDpd=0&limit=200');
    expect(combined.every((l) => l.status === 'active' && !agri.has(l.productId))).toBe(true);
    expect((await get('/loans?classification=excellent')).json().code).toBe('validation_failed');
    expect((await get('/loans?minDpd=-1')).json().code).toBe('validation_failed');
  });

  it('searches borrowers by name or phone number, wildcards matching themselves', async () => {
    const byName = (await get('/borrowers?q=demo%20BORROWER%2012&limit=200')).json().items;
    expect(byName.map((b: { fullName: string }) => b.fullName)).toEqual(['Demo borrower 12']);
    const byPhone = (await get(`/borrowers?q=${encodeURIComponent('137 0000 0012')}`)).json().items;
    expect(byPhone.map((b: { phone: string }) => b.phone)).toEqual(['+8613700000012']);
    expect((await get('/borrowers?q=%25')).json().items).toEqual([]);
    expect((await get('/borrowers?q=_')).json().items).toEqual([]);
    const everyone = (await get('/borrowers?limit=200')).json().items;
    expect(everyone.length).toBeGreaterThan(30);
  });
});
