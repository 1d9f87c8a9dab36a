import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import { postgresSchema, type SchemaDialect, sqliteSchema } from './migrations/schema-dialect.ts';
import type { Database } from './schema.ts';

/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Kysely<Database>;
export type Tx = Transaction<Database>;

/** What differs between the two databases, as flags the repositories consult. */
export interface Capabilities {
  /** `SELECT … FOR UPDATE` takes row locks (PostgreSQL). SQLite serialises whole transactions instead. */
  readonly rowLocks: boolean;
  /** `FOR UPDATE SKIP LOCKED` lets several workers share a queue. */
  readonly skipLocked: boolean;
}

export interface StoreConfig {
  /** `postgres://…` for PostgreSQL; absent for the embedded SQLite database. */
  readonly databaseUrl?: string | undefined;
  /** Folder of the embedded database file (`puhui.db`); created when missing. */
  readonly dataDir?: string | undefined;
  /** SQLite file path override (`:memory:` for a throw-away database). */
  readonly sqliteFile?: string | undefined;
  /** PostgreSQL schema to use (tests isolate themselves in one schema each). */
  readonly pgSchema?: string | undefined;
  /** PostgreSQL pool size. */
  readonly poolSize?: number | undefined;
}

/** An open database: the query builder, its dialect's capabilities and lifecycle helpers. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  readonly capabilities: Capabilities;
  /** Where the database lives, with any password removed (for logs and `puhui migrate`). */
  readonly location: string;
  /**
   * Runs `fn` in one database transaction: commits when it resolves, rolls back when it throws.
   * Every use case writes through this so a change, its ledger entries, audit record and outbox
   * event land together or not at all.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** Names of applied and pending migrations. */
  migrationStatus(): Promise<{ applied: string[]; pending: string[] }>;
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

const BIGINT_OID = 20;
const NUMERIC_OID = 1700;

function parseSafeInteger(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`integer ${text} exceeds the safe range`);
  return n;
}

/**
 * Opens the database named by the configuration: PostgreSQL when `databaseUrl` starts with
 * `postgres://` or `postgresql://`, otherwise SQLite at `<dataDir>/puhui.db`.
 *
 * @example const store = openStore({ dataDir: './data' }); await store.migrate();
 */
export function openStore(config: StoreConfig): Store {
  const url = config.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url, config);
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got ${redactUrl(url).slice(0, 20)}…)`);
  return openSqlite(config);
}

function openSqlite(config: StoreConfig): Store {
  let file = config.sqliteFile;
  if (!file) {
    const dir = resolve(config.dataDir ?? './data');
    mkdirSync(dir, { recursive: true });
    file = join(dir, 'puhui.db');
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // 64 MiB of page cache (the default is 2 MiB): a large book's index pages stay in memory
  // between the statements of a batch.
  sqlite.pragma('cache_size = -65536');
  // Integers beyond 2^53 must not silently lose precision.
  sqlite.defaultSafeIntegers(false);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return buildStore(db, 'sqlite', sqliteSchema, { rowLocks: false, skipLocked: false }, file, async () => {
    await db.destroy();
  });
}

function openPostgres(url: string, config: StoreConfig): Store {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === BIGINT_OID || oid === NUMERIC_OID
        ? parseSafeInteger
        : pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types: types as pg.CustomTypesConfig,
    ...(config.pgSchema ? { options: `-c search_path=${config.pgSchema}` } : {}),
  });
  // A dropped connection must not crash the process; the next query reports the failure.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return buildStore(
    db,
    'postgres',
    postgresSchema,
    { rowLocks: true, skipLocked: true },
    redactUrl(url),
    async () => {
      await db.destroy();
    },
  );
}

function buildStore(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  schema: SchemaDialect,
  capabilities: Capabilities,
  location: string,
  close: () => Promise<void>,
): Store {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(schema),
    migrationTableName: 'puhui_migrations',
    migrationLockTableName: 'puhui_migrations_lock',
    // Capabilities add their migrations independently (0002 lending, 0003 risk, 0004 siting); a
    // database that already has a later one still takes an earlier-numbered newcomer.
    allowUnorderedMigrations: true,
  });
  return {
    db,
    dialect,
    capabilities,
    location,
    transaction: (fn) => db.transaction().execute(fn),
    async migrate() {
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error(String(error));
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    },
    async migrationStatus() {
      const all = await migrator.getMigrations();
      return {
        applied: all.filter((m) => m.executedAt).map((m) => m.name),
        pending: all.filter((m) => !m.executedAt).map((m) => m.name),
      };
    },
    async ping() {
      await db.executeQuery(CompiledQuery.raw('select 1'));
    },
    close,
  };
}
