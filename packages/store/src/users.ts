import type { Selectable } from 'kysely';
import type { UsersTable } from './schema.ts';
import type { Executor } from './store.ts';

export type UserRow = Selectable<UsersTable>;

/** Inserts a staff user. The caller has hashed the password. */
export async function insertUser(db: Executor, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** The user with this user name (case-sensitive), if any. */
export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The user with this id, if any. */
export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Users ordered by user name, a page at a time. */
export async function listUsers(db: Executor, page: { limit: number; offset: number }): Promise<UserRow[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .orderBy('username')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Number of staff users. */
export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Updates the mutable columns of a user. */
export async function updateUser(
  db: Executor,
  id: string,
  patch: Partial<Omit<UserRow, 'id' | 'username' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}
