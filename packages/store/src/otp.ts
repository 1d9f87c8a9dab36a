import type { Selectable } from 'kysely';
import type { OtpCodesTable } from './schema.ts';
import type { Executor } from './store.ts';

export type OtpRow = Selectable<OtpCodesTable>;

/** Stores a one-time code (hashed). */
export async function insertOtp(db: Executor, row: OtpRow): Promise<void> {
  await db.insertInto('otp_codes').values(row).execute();
}

/** The newest unconsumed code for a phone number, if any. */
export async function latestOtp(db: Executor, phone: string): Promise<OtpRow | undefined> {
  return db
    .selectFrom('otp_codes')
    .selectAll()
    .where('phone', '=', phone)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** How many codes were issued to a phone number since an instant. */
export async function countOtpsSince(db: Executor, phone: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('otp_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('phone', '=', phone)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts one failed attempt against a code. */
export async function recordOtpAttempt(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('otp_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Marks a code used; returns false when it was already used (a concurrent sign-in won). */
export async function consumeOtp(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('otp_codes')
    .set({ consumed_at: at })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
