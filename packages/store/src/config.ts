import { resolve } from 'node:path';
import type { StoreConfig } from './store.ts';

/**
 * The store configuration from the environment: `DATABASE_URL` (PostgreSQL when set) and
 * `PUHUI_DATA_DIR` (default `./data`, for the embedded SQLite database). The server and every CLI
 * command use this one function, so they always open the same database.
 *
 * @example openStore(resolveStoreConfig(process.env));
 */
export function resolveStoreConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): StoreConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(cwd, env.PUHUI_DATA_DIR || './data'),
  };
}
