import { AppError } from '@puhui/core';
import {
  type BorrowerRow,
  findBorrowerById,
  findBorrowerByPhone,
  insertBorrower,
  listBorrowers as listRows,
  type Tx,
} from '@puhui/store';
import { PHONE_PATTERN } from './auth/borrower.ts';
import { nowIso, type Principal, type ServiceContext } from './context.ts';
import { audit } from './platform/audit.ts';
import { emit } from './platform/events.ts';

/** A borrower as the API shows it. */
export interface BorrowerView {
  readonly id: string;
  readonly phone: string;
  readonly fullName: string;
  readonly partnerId: string | null;
  readonly externalRef: string | null;
  readonly createdAt: string;
}

export function borrowerView(row: BorrowerRow): BorrowerView {
  return {
    id: row.id,
    phone: row.phone,
    fullName: row.full_name,
    partnerId: row.partner_id,
    externalRef: row.external_ref,
    createdAt: row.created_at,
  };
}

/** Input of {@link createBorrower}. */
export interface NewBorrower {
  readonly phone: string;
  readonly fullName: string;
  /** The partner's own id for this person (partners only). */
  readonly externalRef?: string | undefined;
}

/**
 * Registers a borrower. Called by staff, or by a partner for a person it refers (the borrower is
 * then linked to that partner, which alone can read it through the partner API). Runs inside the
 * caller's transaction so it composes with idempotency.
 *
 * @example await createBorrower(ctx, tx, officer, { phone: '+8613800000001', fullName: '王芳' });
 */
export async function createBorrower(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  input: NewBorrower,
): Promise<BorrowerView> {
  if (!PHONE_PATTERN.test(input.phone)) {
    throw new AppError('validation_failed', 'Phone numbers are E.164, e.g. +8613800000001', [
      { path: 'body.phone', message: 'not an E.164 number' },
    ]);
  }
  if (await findBorrowerByPhone(tx, input.phone)) {
    throw new AppError('conflict', 'A borrower with this phone number exists', [
      { path: 'body.phone', message: 'taken' },
    ]);
  }
  const now = nowIso(ctx);
  const row: BorrowerRow = {
    id: ctx.ids.next('bor'),
    phone: input.phone,
    full_name: input.fullName,
    partner_id: actor.kind === 'partner' ? actor.id : null,
    external_ref: actor.kind === 'partner' ? (input.externalRef ?? null) : null,
    created_at: now,
    updated_at: now,
  };
  await insertBorrower(tx, row);
  await audit(ctx, tx, actor, {
    action: 'borrower.create',
    subjectType: 'borrower',
    subjectId: row.id,
    after: row,
  });
  await emit(ctx, tx, `borrower:${row.id}`, 'borrower.created', {
    borrowerId: row.id,
    partnerId: row.partner_id,
  });
  return borrowerView(row);
}

/**
 * Reads one borrower as `actor` may see it: staff see all; a borrower only itself; a partner only
 * the borrowers it referred. Anything else is `not_found` (never revealing that the id exists).
 *
 * @example await getBorrower(ctx, principal, 'bor_000001');
 */
export async function getBorrower(ctx: ServiceContext, actor: Principal, id: string): Promise<BorrowerView> {
  const row = await findBorrowerById(ctx.store.db, id);
  const visible =
    row &&
    (actor.kind === 'user' ||
      actor.kind === 'system' ||
      (actor.kind === 'borrower' && row.id === actor.id) ||
      (actor.kind === 'partner' && row.partner_id === actor.id));
  if (!row || !visible) throw new AppError('not_found', `No borrower ${id}`);
  return borrowerView(row);
}

/**
 * Borrowers visible to `actor` (staff: all; partner: its referrals), newest first; `q` keeps those
 * whose name or phone number contains it.
 *
 * @example await listBorrowers(ctx, officer, { q: '13800000001', limit: 20, offset: 0 });
 */
export async function listBorrowers(
  ctx: ServiceContext,
  actor: Principal,
  page: { q?: string | undefined; limit: number; offset: number },
): Promise<BorrowerView[]> {
  if (actor.kind === 'borrower') throw new AppError('forbidden');
  const partnerId = actor.kind === 'partner' ? actor.id : undefined;
  return (
    await listRows(ctx.store.db, { partnerId, search: page.q, limit: page.limit, offset: page.offset })
  ).map(borrowerView);
}
