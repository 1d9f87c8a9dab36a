import type { Selectable } from 'kysely';
import type { Executor } from '../store.ts';
import type { LoanProductsTable } from './schema.ts';

export type LoanProductRow = Selectable<LoanProductsTable>;

/** Inserts a product version. */
export async function insertProduct(db: Executor, row: LoanProductRow): Promise<void> {
  await db.insertInto('loan_products').values(row).execute();
}

/** The product version with this id, if any. */
export async function findProductById(db: Executor, id: string): Promise<LoanProductRow | undefined> {
  return db.selectFrom('loan_products').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The active version of a product code, if any. */
export async function findActiveProduct(db: Executor, code: string): Promise<LoanProductRow | undefined> {
  return db
    .selectFrom('loan_products')
    .selectAll()
    .where('code', '=', code)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** The highest version number of a product code (0 when none). */
export async function latestProductVersion(db: Executor, code: string): Promise<number> {
  const row = await db
    .selectFrom('loan_products')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Product versions, newest first, optionally by status or code. */
export async function listProducts(
  db: Executor,
  filter: { status?: string | undefined; code?: string | undefined; limit: number; offset: number },
): Promise<LoanProductRow[]> {
  let q = db.selectFrom('loan_products').selectAll();
  if (filter.status) q = q.where('status', '=', filter.status as LoanProductRow['status']);
  if (filter.code) q = q.where('code', '=', filter.code);
  return q.orderBy('code').orderBy('version', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

/** Records a maker-checker decision (or retirement) on a product version. */
export async function setProductStatus(
  db: Executor,
  id: string,
  patch: { status: LoanProductRow['status']; checker?: string; decidedAt?: string },
): Promise<void> {
  await db
    .updateTable('loan_products')
    .set({
      status: patch.status,
      ...(patch.checker === undefined ? {} : { checker: patch.checker }),
      ...(patch.decidedAt === undefined ? {} : { decided_at: patch.decidedAt }),
    })
    .where('id', '=', id)
    .execute();
}
