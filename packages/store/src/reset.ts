import { GENESIS_HASH } from '@puhui/core';
import { sql } from 'kysely';
import type { Store } from './store.ts';

/**
 * Deletes every row of every Puhui table (keeping the schema and migration history) and resets the
 * audit chain head. For `puhui demo --reset` and tests; never exposed over HTTP.
 *
 * Tables are emptied children-first, in the reverse of the order they were created.
 */
export async function resetDatabase(store: Store): Promise<void> {
  const tables = (await store.db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !name.startsWith('puhui_migrations'));
  await store.transaction(async (tx) => {
    if (store.dialect === 'postgres') {
      if (tables.length > 0)
        await sql
          .raw(`truncate table ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`)
          .execute(tx);
    } else {
      await sql`pragma defer_foreign_keys = on`.execute(tx);
      for (const table of tables) await sql.raw(`delete from "${table}"`).execute(tx);
      await sql`delete from sqlite_sequence`.execute(tx).catch(() => undefined);
    }
    await tx.insertInto('audit_head').values({ id: 1, seq: 0, hash: GENESIS_HASH }).execute();
  });
}
