import type { Kysely } from 'kysely';
import type { SchemaDialect } from './schema-dialect.ts';

/** Stored siting studies: inputs, parameters and result of one run of a location model. */
export async function up(db: Kysely<unknown>, _d: SchemaDialect): Promise<void> {
  await db.schema
    .createTable('siting_studies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    /** JSON: the SitingProblem solved (demand, candidates, costs, p, radius, fixed). */
    .addColumn('problem', 'text', (c) => c.notNull())
    /** JSON: the SitingResult. */
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('demand_count', 'integer', (c) => c.notNull())
    .addColumn('candidate_count', 'integer', (c) => c.notNull())
    .addColumn('covered_share', 'double precision', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('siting_studies_created').on('siting_studies').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('siting_studies').ifExists().execute();
}
