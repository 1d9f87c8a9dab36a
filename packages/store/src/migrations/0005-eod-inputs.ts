import { type Kysely, sql } from 'kysely';
import type { SchemaDialect } from './schema-dialect.ts';

/**
 * Faster end of day. `loan_eod_inputs` holds each loan's compact end-of-day input (what the daily
 * snapshot reads, written with the servicing state), so end of day never reads the state JSON.
 * The `loans_eod` index goes: end of day walks loans by primary key, and without an index on
 * `eod_date` its daily row update touches no indexed column. On PostgreSQL loan pages are filled
 * half, so the new version of every row of a page fits on the page when one batch updates them
 * all (a heap-only update: no index entries, and yesterday's versions are pruned in place). The scratch table `eod_staging` is no longer used.
 */
export async function up(db: Kysely<unknown>, d: SchemaDialect): Promise<void> {
  await db.schema
    .createTable('loan_eod_inputs')
    .addColumn('loan_id', 'text', (c) => c.primaryKey().references('loans.id'))
    .addColumn('input', 'text', (c) => c.notNull())
    .execute();
  await db.schema.dropIndex('loans_eod').ifExists().execute();
  await db.schema.dropTable('eod_staging').ifExists().execute();
  for (const statement of d.fillfactor('loans', 50)) await sql.raw(statement).execute(db);
}
