import { randomBytes } from 'node:crypto';
import { type Clock, type ManualClock, manualClock, type Role, randomIds } from '@puhui/core';
import {
  createUser,
  DEMO_PARTNER,
  DEMO_PASSWORD,
  DEMO_USERS,
  type PaymentChannel,
  type ServiceContext,
  seedDemo,
  signPartnerRequest,
} from '@puhui/services';
import type { Store } from '@puhui/store';
import type { TestDatabase } from '@puhui/store/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/context.ts';

/** A running app on a fresh database with the demo data, and tokens for every kind of caller. */
export interface Harness {
  readonly app: FastifyInstance;
  readonly ctx: ServiceContext;
  readonly store: Store;
  readonly clock: ManualClock;
  /** Bearer tokens by demo user name (admin, pm, risk, officer, ops, auditor). */
  readonly tokens: Record<string, string>;
  /** Sign in the demo borrower with a one-time code read from the outbox. */
  borrowerToken(phone?: string): Promise<string>;
  /** Injects a request signed as the demo partner (or with the given key and secret). */
  partner(
    options: InjectOptions & { url: string },
    signer?: { apiKey: string; secret: string },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const NOW = '2026-03-02T08:00:00.000Z';

/** Reads the newest one-time code sent to `phone` from the outbox (what an SMS gateway would deliver). */
export async function lastOtp(store: Store, phone: string): Promise<string> {
  const row = await store.db
    .selectFrom('outbox')
    .select('payload')
    .where('subject', '=', `phone:${phone}`)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return (JSON.parse(row.payload) as { params: { code: string } }).params.code;
}

/**
 * Opens `db`, seeds the demo data and builds the app with a frozen clock.
 *
 * @example const h = await openHarness(db); const res = await h.app.inject({ url: '/health' });
 */
export async function openHarness(
  db: TestDatabase,
  options: {
    bodyLimitBytes?: number;
    rateLimitPerMinute?: number;
    /** Payment channels of the context, made with the harness's frozen clock. */
    paymentChannels?: (clock: Clock) => readonly PaymentChannel[];
  } = {},
): Promise<Harness> {
  const store = await db.open();
  const clock = manualClock(NOW);
  const ctx = createContext({
    store,
    clock,
    ids: randomIds(clock),
    auth: { tokenSecret: randomBytes(32).toString('hex') },
    ...(options.paymentChannels ? { paymentChannels: options.paymentChannels(clock) } : {}),
  });
  await seedDemo(ctx);
  const app = await buildApp({
    ctx,
    logger: false,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    authRateLimitPerMinute: 100_000,
    ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
  });
  await app.ready();
  const tokens: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: u.username, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${u.username} failed: ${res.body}`);
    tokens[u.username] = (res.json() as { accessToken: string }).accessToken;
  }
  return {
    app,
    ctx,
    store,
    clock,
    tokens,
    async borrowerToken(phone = '+8613800000001') {
      await app.inject({ method: 'POST', url: '/api/v1/auth/otp', payload: { phone } });
      const code = await lastOtp(store, phone);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/otp/verify',
        payload: { phone, code },
      });
      if (res.statusCode !== 200) throw new Error(`borrower sign-in failed: ${res.body}`);
      return (res.json() as { accessToken: string }).accessToken;
    },
    async partner(options, signer = DEMO_PARTNER) {
      const body =
        options.payload === undefined
          ? ''
          : typeof options.payload === 'string'
            ? options.payload
            : JSON.stringify(options.payload);
      const timestamp = String(Math.floor(clock.now().getTime() / 1000));
      const nonce = randomBytes(12).toString('hex');
      const method = (options.method ?? 'GET').toString().toUpperCase();
      const signature = signPartnerRequest(signer.secret, {
        method,
        path: options.url,
        timestamp,
        nonce,
        body,
      });
      return app.inject({
        ...options,
        method: method as 'GET',
        ...(body ? { payload: body } : {}),
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(options.headers ?? {}),
          'x-puhui-key': signer.apiKey,
          'x-puhui-timestamp': timestamp,
          'x-puhui-nonce': nonce,
          'x-puhui-signature': signature,
        },
      });
    },
    async close() {
      await app.close();
      await db.dispose(store);
    },
  };
}

/**
 * Adds a staff user with the demo password (a second officer for maker-checker, say) and returns
 * its bearer token.
 *
 * @example const officer2 = await addStaff(h, 'officer2', ['loan_officer']);
 */
export async function addStaff(h: Harness, username: string, roles: Role[]): Promise<string> {
  await h.store.transaction((tx) =>
    createUser(
      h.ctx,
      tx,
      { kind: 'system', id: 'test' },
      { username, displayName: username, password: DEMO_PASSWORD, roles },
    ),
  );
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { username, password: DEMO_PASSWORD },
  });
  return (res.json() as { accessToken: string }).accessToken;
}

/** `Authorization` header for a token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** A fresh idempotency key. */
export function idemKey(): string {
  return `k-${randomBytes(8).toString('hex')}`;
}
