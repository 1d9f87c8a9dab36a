import {
  applyAccountEvent,
  createUser,
  DEMO_PASSWORD,
  defaultProductConfig,
  type ServicingAccount,
  snapshotOf,
} from '@puhui/services';
import { findBorrowerByPhone, findLoan } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, type Harness, idemKey, openHarness } from './harness.ts';

describeEachDatabase('loan servicing over HTTP', (db) => {
  let h: Harness;
  let officer2: string;
  let borrowerId: string;
  let loanId: string;
  const post = (who: string, url: string, payload?: object, key = idemKey()) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { ...bearer(who), 'idempotency-key': key },
      ...(payload ? { payload } : {}),
    });
  const get = (who: string, url: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(who) });

  beforeAll(async () => {
    h = await openHarness(db);
    await h.store.transaction((tx) =>
      createUser(
        h.ctx,
        tx,
        { kind: 'system', id: 'test' },
        {
          username: 'officer2',
          displayName: 'Second officer',
          password: DEMO_PASSWORD,
          roles: ['loan_officer'],
        },
      ),
    );
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'officer2', password: DEMO_PASSWORD },
    });
    officer2 = res.json().accessToken;
    borrowerId = (await findBorrowerByPhone(h.store.db, '+8613800000001'))?.id as string;
  });
  afterAll(async () => h?.close());

  it('activates a product by maker-checker and runs a loan from application to disbursement', async () => {
    const created = await post(h.tokens.pm as string, '/products', {
      code: 'MICRO',
      name: 'Micro loan 小额贷',
      config: defaultProductConfig(),
    });
    expect(created.statusCode).toBe(201);
    const productId = created.json().id;
    const selfApprove = await post(h.tokens.pm as string, `/products/${productId}/approve`);
    expect(selfApprove.json().code, selfApprove.body).toBe('maker_checker');
    expect((await post(h.tokens.risk as string, `/products/${productId}/approve`)).json().status).toBe(
      'active',
    );

    const preview = await post(h.tokens.officer as string, '/loans/preview', {
      productCode: 'MICRO',
      principalMinor: 1_200_000,
      repayments: 12,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().periods).toHaveLength(12);
    expect(preview.json().annualizedRate.nominal).toMatch(/^0\.1[78]/);

    const submitted = await post(h.tokens.officer as string, '/loans', {
      borrowerId,
      productCode: 'MICRO',
      principalMinor: 1_200_000,
      repayments: 12,
      disbursement: { kind: 'channel', channel: 'alipay' },
    });
    expect(submitted.statusCode).toBe(201);
    loanId = submitted.json().id;
    expect((await post(h.tokens.officer as string, `/loans/${loanId}/approve`)).json().code).toBe(
      'maker_checker',
    );
    expect((await post(officer2, `/loans/${loanId}/approve`)).json().status).toBe('approved');
    const disbursed = await post(h.tokens.ops as string, `/loans/${loanId}/disburse`);
    expect(disbursed.statusCode).toBe(201);
    expect(disbursed.json().loan.position.principalMinor).toBe(1_200_000);
  });

  it('replays an idempotent repayment instead of booking it twice', async () => {
    const key = idemKey();
    const first = await post(
      h.tokens.officer as string,
      `/loans/${loanId}/repayments`,
      { amountMinor: 1_000, channel: 'wechat' },
      key,
    );
    const again = await post(
      h.tokens.officer as string,
      `/loans/${loanId}/repayments`,
      { amountMinor: 1_000, channel: 'wechat' },
      key,
    );
    expect(first.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const txns = (await get(h.tokens.officer as string, `/loans/${loanId}/transactions`)).json().items;
    expect(txns.filter((t: { type: string }) => t.type === 'repayment')).toHaveLength(1);
  });

  it('applies 50 concurrent repayments exactly once each, with the exact final balance', async () => {
    const before = JSON.parse((await findLoan(h.store.db, loanId))?.state as string) as ServicingAccount;
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        post(h.tokens.officer as string, `/loans/${loanId}/repayments`, {
          amountMinor: 1_000,
          channel: 'alipay',
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    // The same 50 payments applied one after another to the state before them.
    let expected = before;
    for (let i = 0; i < 50; i++) {
      const r = applyAccountEvent(expected, {
        type: 'repay',
        id: `x${i}`,
        date: before.engine.disbursementDate as string,
        amountMinor: 1_000,
      });
      if (!r.ok) throw new Error(r.message);
      expected = r.account;
    }
    const row = await findLoan(h.store.db, loanId);
    const snap = snapshotOf(expected, before.engine.disbursementDate as string, {
      basis: 'accrual',
      thresholds: defaultProductConfig().classification,
    });
    expect(Number(row?.principal_outstanding_minor)).toBe(snap.position.principalMinor);
    expect(Number(row?.total_outstanding_minor)).toBe(snap.payoffMinor);
    const txns = (await get(h.tokens.officer as string, `/loans/${loanId}/transactions`)).json().items;
    expect(txns.filter((t: { type: string }) => t.type === 'repayment')).toHaveLength(51);
    const tb = (await get(h.tokens.auditor as string, '/reports/trial-balance')).json();
    expect(tb.balanced).toBe(true);
    expect(tb.rows.find((r: { account: string }) => r.account === '1002:alipay').debit).toBe('500.00');
    expect((await get(h.tokens.auditor as string, '/reports/reconciliation')).json().balanced).toBe(true);
  });

  it('lets a borrower read only its own loans', async () => {
    const token = await h.borrowerToken('+8613800000001');
    const mine = await get(token, '/loans');
    expect(mine.json().items.map((l: { id: string }) => l.id)).toEqual([loanId]);
    expect((await get(token, `/loans/${loanId}`)).statusCode).toBe(200);
    const other = await h.borrowerToken('+8613800000002');
    expect((await get(other, `/loans/${loanId}`)).statusCode).toBe(404);
    expect((await get(other, '/loans')).json().items).toEqual([]);
  });

  it('closes the business date and serves the reports as JSON, CSV and Excel', async () => {
    const eod = await h.app.inject({
      method: 'POST',
      url: '/api/v1/eod',
      headers: bearer(h.tokens.ops as string),
      payload: {},
    });
    expect(eod.statusCode).toBe(200);
    expect(eod.json().days[0].reconciled).toBe(true);
    const tb = (await get(h.tokens.auditor as string, '/reports/trial-balance')).json();
    // Every chart account is listed with decimal-string totals.
    expect(tb.rows.length).toBeGreaterThanOrEqual(17);
    for (const row of tb.rows) expect(row.debit).toMatch(/^\d+\.\d{2}$/);
    const csv = await get(h.tokens.auditor as string, '/reports/par?format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe(
      'date,currency,loans,principal,par1,par30,par60,par90,nplPrincipal,nplRatio',
    );
    const xlsx = await get(h.tokens.auditor as string, '/reports/provisioning?format=xlsx');
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const flows = (
      await get(h.tokens.auditor as string, '/reports/flows?from=2026-01-01&to=2026-12-31&period=month')
    ).json();
    expect(flows.rows[0].disbursements).toBe('12000.00');
    expect(flows.rows[0].collections).toBe('510.00');
  });
});
