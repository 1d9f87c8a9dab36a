import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, type Harness, openHarness } from './harness.ts';

type Caller = 'anonymous' | 'admin' | 'pm' | 'risk' | 'officer' | 'ops' | 'auditor' | 'borrower' | 'partner';
const STAFF: Caller[] = ['admin', 'pm', 'risk', 'officer', 'ops', 'auditor'];
const EVERYONE: Caller[] = ['anonymous', ...STAFF, 'borrower', 'partner'];

/**
 * Who may call each route, written out by hand (not derived from the code under test). Every route
 * the app registers must appear here, so a new route cannot ship without its row.
 */
const EXPECTED: Record<string, Caller[]> = {
  'GET /health': EVERYONE,
  'GET /metrics': EVERYONE,
  'GET /openapi.json': EVERYONE,
  // The web app (console and portal) and its assets.
  'GET /*': EVERYONE,
  'POST /api/v1/auth/sign-in': EVERYONE,
  'POST /api/v1/auth/otp': EVERYONE,
  'POST /api/v1/auth/otp/verify': EVERYONE,
  'POST /api/v1/auth/password': STAFF,
  'GET /api/v1/auth/me': [...STAFF, 'borrower', 'partner'],
  'GET /api/v1/users': ['admin', 'auditor'],
  'GET /api/v1/users/:id': ['admin', 'auditor'],
  'POST /api/v1/users': ['admin'],
  'GET /api/v1/partners': ['admin', 'ops', 'auditor'],
  'GET /api/v1/partners/:id': ['admin', 'ops', 'auditor'],
  'POST /api/v1/partners': ['admin'],
  'GET /api/v1/borrowers': [...STAFF, 'partner'],
  'GET /api/v1/borrowers/:id': [...STAFF, 'borrower', 'partner'],
  'POST /api/v1/borrowers': ['officer', 'partner'],
  'GET /api/v1/audit': ['admin', 'auditor'],
  'GET /api/v1/audit/verify': ['auditor'],
  'GET /api/v1/outbox': ['admin', 'ops', 'auditor'],
  'POST /api/v1/calculator/schedule': EVERYONE,
  'POST /api/v1/calculator/apr': EVERYONE,
  'GET /api/v1/siting/demo-county': STAFF,
  'GET /api/v1/siting/studies': STAFF,
  'GET /api/v1/siting/studies/:id': STAFF,
  'GET /api/v1/siting/studies/:id/geojson': STAFF,
  'POST /api/v1/siting/studies': ['ops'],
  'POST /api/v1/risk/score': ['risk', 'officer'],
  'GET /api/v1/risk/models': STAFF,
  'GET /api/v1/risk/models/:id': STAFF,
  'POST /api/v1/risk/models': ['risk'],
  'POST /api/v1/risk/models/:id/promote': ['risk'],
  'POST /api/v1/risk/models/:id/challenger': ['risk'],
  'DELETE /api/v1/risk/challenger': ['risk'],
  'GET /api/v1/risk/models/:id/points.xlsx': STAFF,
  'GET /api/v1/risk/models/:id/points.csv': STAFF,
  'GET /api/v1/risk/models/:id/artefact.json': STAFF,
  'POST /api/v1/risk/compare': ['risk'],
  'GET /api/v1/risk/shadow': STAFF,
  'GET /api/v1/products': STAFF,
  'GET /api/v1/products/:id': STAFF,
  'POST /api/v1/products': ['pm'],
  'POST /api/v1/products/:id/versions': ['pm'],
  'POST /api/v1/products/:id/approve': ['pm', 'risk'],
  'POST /api/v1/products/:id/reject': ['pm', 'risk'],
  'POST /api/v1/loans/preview': [...STAFF, 'borrower'],
  'GET /api/v1/loans': [...STAFF, 'borrower'],
  'GET /api/v1/loans/:id': [...STAFF, 'borrower'],
  'GET /api/v1/loans/:id/transactions': [...STAFF, 'borrower'],
  'GET /api/v1/loans/:id/payoff': [...STAFF, 'borrower'],
  'GET /api/v1/loans/:id/journal': STAFF,
  'POST /api/v1/loans': ['officer'],
  'POST /api/v1/loans/:id/approve': ['officer'],
  'POST /api/v1/loans/:id/reject': ['officer'],
  'POST /api/v1/loans/:id/withdraw': ['officer', 'borrower'],
  'POST /api/v1/loans/:id/disburse': ['officer', 'ops'],
  'POST /api/v1/loans/:id/repayments': ['officer', 'ops'],
  'POST /api/v1/loans/:id/payoff': ['officer', 'ops'],
  'POST /api/v1/loans/:id/charges': ['officer', 'ops'],
  'POST /api/v1/loans/:id/waivers': ['officer', 'ops'],
  'POST /api/v1/loans/:id/write-off': ['ops'],
  'POST /api/v1/loans/:id/recoveries': ['officer', 'ops'],
  'POST /api/v1/loans/:id/reversals': ['officer', 'ops'],
  'POST /api/v1/loans/:id/classification': ['ops'],
  'GET /api/v1/payment-channels': [...STAFF, 'borrower'],
  'GET /api/v1/loans/:id/due': [...STAFF, 'borrower'],
  'GET /api/v1/loans/:id/payments': [...STAFF, 'borrower'],
  'POST /api/v1/loans/:id/payments': ['borrower'],
  // Public: a payment channel's callback carries the channel's own signature, checked by its
  // adapter (here the unknown channel answers 404, not a refusal).
  'POST /api/v1/payment-channels/:channel/callbacks': EVERYONE,
  'POST /api/v1/eod': ['ops'],
  'GET /api/v1/eod': STAFF,
  'GET /api/v1/reports/trial-balance': STAFF,
  'GET /api/v1/reports/par': STAFF,
  'GET /api/v1/reports/classification': STAFF,
  'GET /api/v1/reports/provisioning': STAFF,
  'GET /api/v1/reports/ageing': STAFF,
  'GET /api/v1/reports/flows': STAFF,
  'GET /api/v1/reports/reconciliation': STAFF,
  'GET /api/v1/reports/products': STAFF,
  // Last: it revokes the caller's token.
  'POST /api/v1/auth/sign-out': [...STAFF, 'borrower'],
};

describeEachDatabase('role matrix', (db) => {
  let h: Harness;
  let borrowerToken: string;
  beforeAll(async () => {
    h = await openHarness(db);
    borrowerToken = await h.borrowerToken();
  });
  afterAll(async () => h?.close());

  it('has an expectation for every registered route, and no stale ones', () => {
    const registered = h.app.routeAccess.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(EXPECTED).sort());
  });

  it('allows exactly the expected callers on every route', async () => {
    const failures: string[] = [];
    for (const [route, allowed] of Object.entries(EXPECTED)) {
      const [method, pattern] = route.split(' ') as ['GET' | 'POST', string];
      const url = pattern.replace(':id', 'nonexistent');
      for (const caller of EVERYONE) {
        const res =
          caller === 'partner'
            ? await h.partner({ method, url })
            : await h.app.inject({
                method,
                url,
                headers:
                  caller === 'anonymous'
                    ? {}
                    : bearer(caller === 'borrower' ? borrowerToken : (h.tokens[caller] as string)),
              });
        const denied = res.statusCode === 401 || res.statusCode === 403;
        const shouldAllow = allowed.includes(caller);
        if (denied === shouldAllow)
          failures.push(`${route} as ${caller}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        if (denied) {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.json().code).toMatch(
            caller === 'anonymous' ? /^(unauthenticated|signature_missing)$/ : /^forbidden$/,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
