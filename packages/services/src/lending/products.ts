import { AppError } from '@puhui/core';
import {
  findActiveProduct,
  findProductById,
  insertProduct,
  type LoanProductRow,
  latestProductVersion,
  listProducts as listProductRows,
  setProductStatus,
  type Tx,
} from '@puhui/store';
import { actorOf, nowIso, type Principal, type ServiceContext } from '../context.ts';
import { audit } from '../platform/audit.ts';
import { emit } from '../platform/events.ts';
import { assertProductConfig, type ProductConfig } from './product-config.ts';

/** A product version as the API shows it. */
export interface ProductView {
  readonly id: string;
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly status: LoanProductRow['status'];
  readonly config: ProductConfig;
  readonly maker: string;
  readonly checker: string | null;
  readonly createdAt: string;
  readonly decidedAt: string | null;
}

/** The view of a stored product row. */
export function productView(row: LoanProductRow): ProductView {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    status: row.status,
    config: JSON.parse(row.config) as ProductConfig,
    maker: row.maker,
    checker: row.checker,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

/** Input of {@link createProduct} and {@link changeProduct}. */
export interface ProductInput {
  readonly name: string;
  readonly config: ProductConfig;
}

async function insertVersion(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  code: string,
  version: number,
  input: ProductInput,
): Promise<ProductView> {
  assertProductConfig(input.config);
  const row: LoanProductRow = {
    id: ctx.ids.next('prd'),
    code,
    version,
    name: input.name,
    currency: input.config.currency,
    status: 'pending',
    config: JSON.stringify(input.config),
    maker: actorOf(actor),
    checker: null,
    created_at: nowIso(ctx),
    decided_at: null,
  };
  await insertProduct(tx, row);
  await audit(ctx, tx, actor, {
    action: version === 1 ? 'product.create' : 'product.change',
    subjectType: 'product',
    subjectId: row.id,
    after: row,
    details: { code, version },
  });
  await emit(ctx, tx, `product:${code}`, 'product.submitted', { productId: row.id, code, version });
  return productView(row);
}

/**
 * Creates version 1 of a new product code, pending approval by a second user (maker-checker).
 *
 * @example await createProduct(ctx, tx, pm, { code: 'MICRO12', name: 'Micro loan', config: defaultProductConfig() });
 */
export async function createProduct(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  input: ProductInput & { readonly code: string },
): Promise<ProductView> {
  if (!/^[A-Z0-9][A-Z0-9_-]{1,31}$/.test(input.code))
    throw new AppError('validation_failed', 'Product codes are 2–32 of A–Z, 0–9, _ -', [
      { path: 'code', message: 'invalid format' },
    ]);
  if ((await latestProductVersion(tx, input.code)) > 0)
    throw new AppError('conflict', `Product ${input.code} exists; submit a new version instead`);
  return insertVersion(ctx, tx, actor, input.code, 1, input);
}

/**
 * Proposes a new version of the product `id` belongs to (pending until approved; the active
 * version stays in force meanwhile). One pending version per code at a time.
 *
 * @example await changeProduct(ctx, tx, pm, 'prd_1', { name: 'Micro loan', config: { ...config, annualRate: '0.16' } });
 */
export async function changeProduct(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
  input: ProductInput,
): Promise<ProductView> {
  const base = await findProductById(tx, id);
  if (!base) throw new AppError('not_found', `No product ${id}`);
  const pending = await listProductRows(tx, { code: base.code, status: 'pending', limit: 1, offset: 0 });
  if (pending.length > 0)
    throw new AppError('conflict', `Version ${pending[0]?.version} of ${base.code} is still pending`);
  const version = (await latestProductVersion(tx, base.code)) + 1;
  return insertVersion(ctx, tx, actor, base.code, version, input);
}

async function decide(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
  decision: 'active' | 'rejected',
): Promise<ProductView> {
  const row = await findProductById(tx, id);
  if (!row) throw new AppError('not_found', `No product ${id}`);
  if (row.status !== 'pending')
    throw new AppError('product_not_active', `Product ${id} is ${row.status}, not pending`);
  if (row.maker === actorOf(actor))
    throw new AppError('maker_checker', 'A second user must approve or reject this version');
  const now = nowIso(ctx);
  if (decision === 'active') {
    const previous = await findActiveProduct(tx, row.code);
    if (previous) await setProductStatus(tx, previous.id, { status: 'retired' });
  }
  await setProductStatus(tx, id, { status: decision, checker: actorOf(actor), decidedAt: now });
  const after = { ...row, status: decision, checker: actorOf(actor), decided_at: now };
  await audit(ctx, tx, actor, {
    action: decision === 'active' ? 'product.approve' : 'product.reject',
    subjectType: 'product',
    subjectId: id,
    before: row,
    after,
    details: { code: row.code, version: row.version },
  });
  await emit(
    ctx,
    tx,
    `product:${row.code}`,
    decision === 'active' ? 'product.activated' : 'product.rejected',
    {
      productId: id,
      code: row.code,
      version: row.version,
    },
  );
  return productView(after);
}

/**
 * Activates a pending version (retiring the previous active one). The approver must hold
 * `products:approve` and must not be the maker.
 *
 * @example await approveProduct(ctx, tx, risk, 'prd_1');
 */
export async function approveProduct(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
): Promise<ProductView> {
  return decide(ctx, tx, actor, id, 'active');
}

/** Rejects a pending version (maker-checker as for approval). */
export async function rejectProduct(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
): Promise<ProductView> {
  return decide(ctx, tx, actor, id, 'rejected');
}

/** One product version, or `not_found`. */
export async function getProduct(ctx: ServiceContext, id: string): Promise<ProductView> {
  const row = await findProductById(ctx.store.db, id);
  if (!row) throw new AppError('not_found', `No product ${id}`);
  return productView(row);
}

/** Product versions, optionally by status or code. */
export async function listProducts(
  ctx: ServiceContext,
  filter: { status?: string | undefined; code?: string | undefined; limit: number; offset: number },
): Promise<ProductView[]> {
  return (await listProductRows(ctx.store.db, filter)).map(productView);
}
