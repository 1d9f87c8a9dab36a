import type { Selectable } from 'kysely';
import type { PartnersTable } from './schema.ts';
import type { Executor } from './store.ts';

export type PartnerRow = Selectable<PartnersTable>;

/** Inserts a scenario partner. */
export async function insertPartner(db: Executor, row: PartnerRow): Promise<void> {
  await db.insertInto('partners').values(row).execute();
}

/** The partner holding this API key, if any. */
export async function findPartnerByApiKey(db: Executor, apiKey: string): Promise<PartnerRow | undefined> {
  return db.selectFrom('partners').selectAll().where('api_key', '=', apiKey).executeTakeFirst();
}

/** The partner with this id, if any. */
export async function findPartnerById(db: Executor, id: string): Promise<PartnerRow | undefined> {
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
}

/** All partners by name. */
export async function listPartners(db: Executor): Promise<PartnerRow[]> {
  return db.selectFrom('partners').selectAll().orderBy('name').execute();
}

/**
 * Records a request nonce; returns false when the partner already used it (a replay). The primary
 * key makes this atomic across server instances.
 */
export async function rememberNonce(
  db: Executor,
  partnerId: string,
  nonce: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .insertInto('partner_nonces')
    .values({ partner_id: partnerId, nonce, created_at: at })
    .onConflict((oc) => oc.columns(['partner_id', 'nonce']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Forgets nonces older than the replay window (they are refused by timestamp anyway). */
export async function pruneNonces(db: Executor, before: string): Promise<number> {
  const result = await db.deleteFrom('partner_nonces').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
