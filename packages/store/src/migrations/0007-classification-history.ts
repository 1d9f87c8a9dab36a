import type { Kysely } from 'kysely';
import type { SchemaDialect } from './schema-dialect.ts';

/**
 * Classification history: every change of a loan's stored risk category, by a transaction (a
 * repayment that clears arrears), by end of day (days past due crossing a threshold) or by staff.
 */
export async function up(db: Kysely<unknown>, _d: SchemaDialect): Promise<void> {
  await db.schema
    .createTable('loan_classification_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('loan_id', 'text', (c) => c.notNull().references('loans.id'))
    .addColumn('from_category', 'text', (c) => c.notNull())
    .addColumn('to_category', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('dpd', 'integer', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('loan_classification_changes_loan')
    .on('loan_classification_changes')
    .columns(['loan_id', 'business_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('loan_classification_changes').ifExists().execute();
}
