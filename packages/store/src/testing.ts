import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openStore, type Store } from './store.ts';

/** One database a `*.db.test.ts` suite runs against. */
export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** Opens a fresh, migrated, empty database for this suite. */
  open(): Promise<Store>;
  /** Closes the store and drops what `open` created. */
  dispose(store: Store): Promise<void>;
}

const sqliteDb: TestDatabase = {
  name: 'sqlite',
  async open() {
    const store = openStore({ sqliteFile: ':memory:' });
    await store.migrate();
    return store;
  },
  async dispose(store) {
    await store.close();
  },
};

function postgresDb(url: string): TestDatabase {
  const schemas = new WeakMap<Store, string>();
  return {
    name: 'postgres',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`create schema ${schema}`);
      } finally {
        await admin.end();
      }
      const store = openStore({ databaseUrl: url, pgSchema: schema, poolSize: 8 });
      schemas.set(store, schema);
      await store.migrate();
      return store;
    },
    async dispose(store) {
      await store.close();
      const schema = schemas.get(store);
      if (!schema) return;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await admin.end();
      }
    },
  };
}

let skipNoticePrinted = false;

/**
 * The databases a repository suite must pass on: SQLite always, PostgreSQL when
 * `TEST_DATABASE_URL` is set. Without it the PostgreSQL pass is skipped and says so plainly.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (!skipNoticePrinted) {
      skipNoticePrinted = true;
      console.warn('PostgreSQL pass skipped: TEST_DATABASE_URL is not set (.ci/run always sets it).');
    }
    return [sqliteDb];
  }
  return [sqliteDb, postgresDb(url)];
}

/**
 * Declares `suite` once per test database, inside `describe('<title> [sqlite]')` etc.; when
 * PostgreSQL is not configured a skipped `[postgres]` block records the reason.
 *
 * @example describeEachDatabase('users', (db) => { let store; beforeAll(async () => { store = await db.open(); }); … });
 */
export function describeEachDatabase(title: string, suite: (db: TestDatabase) => void): void {
  for (const db of testDatabases()) describe(`${title} [${db.name}]`, () => suite(db));
  if (!process.env.TEST_DATABASE_URL) {
    describe.skip(`${title} [postgres] — skipped: TEST_DATABASE_URL not set`, () => suite(sqliteDb));
  }
}
