import type { Selectable } from 'kysely';
import type { BorrowersTable } from './schema.ts';
import type { Executor } from './store.ts';

export type BorrowerRow = Selectable<BorrowersTable>;

/** Inserts a borrower. */
export async function insertBorrower(db: Executor, row: BorrowerRow): Promise<void> {
  await db.insertInto('borrowers').values(row).execute();
}

/** The borrower with this id, if any. */
export async function findBorrowerById(db: Executor, id: string): Promise<BorrowerRow | undefined> {
  return db.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The borrower with this phone number (E.164), if any. */
export async function findBorrowerByPhone(db: Executor, phone: string): Promise<BorrowerRow | undefined> {
  return db.selectFrom('borrowers').selectAll().where('phone', '=', phone).executeTakeFirst();
}

/** Borrowers, newest first, optionally only those referred by one partner. */
export async function listBorrowers(
  db: Executor,
  filter: { partnerId?: string | undefined; limit: number; offset: number },
): Promise<BorrowerRow[]> {
  let q = db.selectFrom('borrowers').selectAll();
  if (filter.partnerId) q = q.where('partner_id', '=', filter.partnerId);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
}
