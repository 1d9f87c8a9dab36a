import { type Kysely, sql } from 'kysely';
import type { SchemaDialect } from './schema-dialect.ts';

/**
 * Payment intents: a borrower's collection through a payment channel, from initiation to the
 * channel's confirmation (when the repayment is booked, exactly once) or failure.
 */
export async function up(db: Kysely<unknown>, _d: SchemaDialect): Promise<void> {
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('loan_id', 'text', (c) => c.notNull().references('loans.id'))
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'succeeded', 'failed')`))
    /** The channel's own reference for the collection (its order or trade number). */
    .addColumn('reference', 'text')
    /** The loan transaction that booked the repayment, once the channel confirmed it. */
    .addColumn('transaction_id', 'text', (c) => c.unique())
    .addColumn('failure_reason', 'text')
    .addColumn('initiated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text')
    .execute();
  await db.schema.createIndex('payments_loan').on('payments').columns(['loan_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('payments').ifExists().execute();
}
