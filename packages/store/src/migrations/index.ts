import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-lending.ts';
import * as m0003 from './0003-risk.ts';
import * as m0004 from './0004-siting.ts';
import * as m0005 from './0005-eod-inputs.ts';
import * as m0006 from './0006-payments.ts';
import * as m0007 from './0007-classification-history.ts';
import type { SchemaDialect } from './schema-dialect.ts';

interface DialectMigration {
  up(db: Kysely<unknown>, d: SchemaDialect): Promise<void>;
  down?(db: Kysely<unknown>, d: SchemaDialect): Promise<void>;
}

/**
 * Every migration, in order. Names sort lexically; never edit or rename a published one — add a
 * new file and list it here.
 */
export const migrationList: ReadonlyArray<readonly [string, DialectMigration]> = [
  ['0001-foundation', m0001],
  ['0002-lending', m0002],
  ['0003-risk', m0003],
  ['0004-siting', m0004],
  ['0005-eod-inputs', m0005],
  ['0006-payments', m0006],
  ['0007-classification-history', m0007],
];

/** A Kysely migration provider for one dialect. */
export function migrationProvider(dialect: SchemaDialect): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of migrationList) {
        out[name] = {
          up: (db) => m.up(db, dialect),
          ...(m.down ? { down: (db: Kysely<unknown>) => m.down!(db, dialect) } : {}),
        };
      }
      return out;
    },
  };
}
