import type { Selectable } from 'kysely';
import type { IdempotencyKeysTable } from './schema.ts';
import type { Executor } from './store.ts';

export type IdempotencyRow = Selectable<IdempotencyKeysTable>;

/** The stored outcome of an earlier request with this key, if any. */
export async function findIdempotencyRecord(
  db: Executor,
  scope: string,
  key: string,
): Promise<IdempotencyRow | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Stores a request's outcome; returns false when another request with the key got there first. */
export async function insertIdempotencyRecord(db: Executor, row: IdempotencyRow): Promise<boolean> {
  const result = await db
    .insertInto('idempotency_keys')
    .values(row)
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
