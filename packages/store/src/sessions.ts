import type { Selectable } from 'kysely';
import type { SessionsTable } from './schema.ts';
import type { Executor } from './store.ts';

export type SessionRow = Selectable<SessionsTable>;

/** Records a session; its id is the token's `jti`. */
export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session with this id, if any. */
export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks one session revoked (sign-out). */
export async function revokeSession(db: Executor, id: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every live session of a subject (after a password change). */
export async function revokeSessionsOf(
  db: Executor,
  subjectType: SessionRow['subject_type'],
  subjectId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('revoked_at', 'is', null)
    .execute();
}
