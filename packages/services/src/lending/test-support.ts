import { type ManualClock, manualClock, sequentialIds } from '@puhui/core';
import type { Store } from '@puhui/store';
import { createBorrower } from '../borrowers.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { outboxNotifier } from '../platform/outbox-notifier.ts';
import { approveLoan, disburseLoan, submitLoan } from './loans.ts';
import { defaultProductConfig, type ProductConfig } from './product-config.ts';
import { approveProduct, createProduct } from './products.ts';

/** Staff principals for servicing tests (users need not exist: use cases take the principal). */
export const STAFF = {
  pm: { kind: 'user', id: 'usr_pm', username: 'pm', roles: ['product_manager'], sessionId: 's1' },
  risk: { kind: 'user', id: 'usr_risk', username: 'risk', roles: ['risk_manager'], sessionId: 's2' },
  officer: { kind: 'user', id: 'usr_officer', username: 'officer', roles: ['loan_officer'], sessionId: 's3' },
  officer2: {
    kind: 'user',
    id: 'usr_officer2',
    username: 'officer2',
    roles: ['loan_officer'],
    sessionId: 's4',
  },
  ops: { kind: 'user', id: 'usr_ops', username: 'ops', roles: ['operations'], sessionId: 's5' },
} as const satisfies Record<string, Principal>;

/** A service context on `store` with a manual clock at `start` and sequential ids. */
export function testContext(
  store: Store,
  start = '2026-01-05T02:00:00.000Z',
): ServiceContext & { clock: ManualClock } {
  const clock = manualClock(start);
  const ctx: ServiceContext & { clock: ManualClock } = {
    store,
    clock,
    ids: sequentialIds(),
    notifier: outboxNotifier(
      () => ctx,
      () => {},
    ),
    auth: {
      tokenSecret: 'x'.repeat(64),
      tokenTtlSeconds: 900,
      maxFailedSignIns: 5,
      lockoutMinutes: 15,
      otpTtlSeconds: 300,
      otpMaxAttempts: 5,
      otpPerHour: 5,
      signatureWindowSeconds: 300,
    },
  };
  return ctx;
}

/** Creates and activates a product (maker pm, checker risk); returns its id. */
export async function activeProduct(
  ctx: ServiceContext,
  code: string,
  config: Partial<ProductConfig> = {},
): Promise<string> {
  return ctx.store.transaction(async (tx) => {
    const p = await createProduct(ctx, tx, STAFF.pm, {
      code,
      name: `Product ${code}`,
      config: defaultProductConfig(config),
    });
    await approveProduct(ctx, tx, STAFF.risk, p.id);
    return p.id;
  });
}

let phone = 0;

/** A new borrower; returns its id. */
export async function newBorrower(ctx: ServiceContext): Promise<string> {
  phone++;
  return ctx.store.transaction(
    async (tx) =>
      (
        await createBorrower(ctx, tx, STAFF.officer, {
          phone: `+86139${String(phone).padStart(8, '0')}`,
          fullName: `Borrower ${phone}`,
        })
      ).id,
  );
}

/** Submits, approves and disburses a loan; returns its id. */
export async function activeLoan(
  ctx: ServiceContext,
  input: {
    productCode: string;
    borrowerId?: string;
    principalMinor?: number;
    repayments?: number;
    merchant?: string;
  },
): Promise<string> {
  const borrowerId = input.borrowerId ?? (await newBorrower(ctx));
  return ctx.store.transaction(async (tx) => {
    const loan = await submitLoan(ctx, tx, STAFF.officer, {
      borrowerId,
      productCode: input.productCode,
      principalMinor: input.principalMinor ?? 1_200_000,
      repayments: input.repayments ?? 12,
      disbursement: input.merchant
        ? { kind: 'merchant', merchant: input.merchant }
        : { kind: 'channel', channel: 'alipay' },
    });
    await approveLoan(ctx, tx, STAFF.officer2, loan.id);
    await disburseLoan(ctx, tx, STAFF.ops, loan.id);
    return loan.id;
  });
}
