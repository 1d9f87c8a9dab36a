import { type Kysely, sql } from 'kysely';
import type { SchemaDialect } from './schema-dialect.ts';

/**
 * The credit-risk model registry and the log of live scores.
 *
 * `risk_models` holds every trained or uploaded model (its artefact, metrics and validation report)
 * with its role; partial unique indexes allow at most one champion and one challenger at a time.
 * `risk_score_log` records every live score — champion and shadow challenger — with an applicant
 * reference only: no applicant data, no reason values.
 */
export async function up(db: Kysely<unknown>, _d: SchemaDialect): Promise<void> {
  await db.schema
    .createTable('risk_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('scorecard','gbdt','xgboost')`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('trained','uploaded')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('candidate','champion','challenger','retired')`),
    )
    /** The Puhui model artefact (JSON text, as `serializeArtefact` writes it). */
    .addColumn('artefact', 'text', (c) => c.notNull())
    /** JSON: train, cross-validation and hold-out metric summaries. */
    .addColumn('metrics', 'text', (c) => c.notNull())
    /** JSON: the validation report (curves, calibration, binning, fairness), when one was built. */
    .addColumn('report', 'text')
    /** JSON array of notes from training or import. */
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('training_data_hash', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('promoted_by', 'text')
    .addColumn('promoted_at', 'text')
    .addUniqueConstraint('risk_models_name_version', ['name', 'version'])
    .execute();
  await db.schema.createIndex('risk_models_created').on('risk_models').column('created_at').execute();
  await db.schema
    .createIndex('risk_models_one_champion')
    .unique()
    .on('risk_models')
    .column('status')
    .where(sql.ref('status'), '=', 'champion')
    .execute();
  await db.schema
    .createIndex('risk_models_one_challenger')
    .unique()
    .on('risk_models')
    .column('status')
    .where(sql.ref('status'), '=', 'challenger')
    .execute();

  await db.schema
    .createTable('risk_score_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** Shared by the champion's and the challenger's row for one applicant. */
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull().references('risk_models.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('champion','challenger')`))
    /** The caller's reference for the application (never a name, phone or id number). */
    .addColumn('applicant_ref', 'text')
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('approve','decline')`))
    /** JSON: [{ feature, impact }] — feature names and costs only, never the applicant's values. */
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('missing_count', 'integer', (c) => c.notNull())
    .addColumn('latency_ms', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_score_log_model')
    .on('risk_score_log')
    .columns(['model_id', 'created_at'])
    .execute();
  await db.schema.createIndex('risk_score_log_request').on('risk_score_log').column('request_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('risk_score_log').ifExists().execute();
  await db.schema.dropTable('risk_models').ifExists().execute();
}
