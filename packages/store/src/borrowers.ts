import { type Selectable, sql } from 'kysely';
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

/**
 * Borrowers, newest first, optionally only those referred by one partner, or only those whose
 * name or phone number contains `search` (case-insensitive; `%` and `_` match themselves).
 *
 * @example await listBorrowers(db, { search: '138 0000 0001', limit: 20, offset: 0 });
 */
export async function listBorrowers(
  db: Executor,
  filter: { partnerId?: string | undefined; search?: string | undefined; limit: number; offset: number },
): Promise<BorrowerRow[]> {
  let q = db.selectFrom('borrowers').selectAll();
  if (filter.partnerId) q = q.where('partner_id', '=', filter.partnerId);
  const search = filter.search?.trim().toLowerCase();
  if (search) {
    const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Phone numbers are stored without spaces or dashes (E.164).
    const phone = search.replace(/[\s-]/g, '');
    const byName = sql<boolean>`lower(full_name) like ${like(search)} escape '\\'`;
    const byPhone = sql<boolean>`phone like ${like(phone)} escape '\\'`;
    q = q.where((eb) => (phone ? eb.or([byName, byPhone]) : byName));
  }
  return q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
}
