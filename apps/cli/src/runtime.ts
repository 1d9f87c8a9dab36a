import { createContext, loadConfig, type ServerConfig } from '@puhui/server';
import type { ServiceContext } from '@puhui/services';
import { openStore, type Store } from '@puhui/store';
import type { CliContext } from './command.ts';

/**
 * Opens the database the environment names (`DATABASE_URL` or `PUHUI_DATA_DIR`, exactly as the
 * server does), migrates it, runs `fn` with a service context and closes everything afterwards.
 *
 * @example await withContext(ctx, async (svc) => seedDemo(svc));
 */
export async function withContext<T>(
  cli: CliContext,
  fn: (ctx: ServiceContext, store: Store, config: ServerConfig) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig(cli.env, cli.cwd);
  const store = openStore(config.store);
  try {
    if (options.migrate !== false) await store.migrate();
    const ctx = createContext({
      store,
      auth: { tokenSecret: config.tokenSecret },
      timeZone: config.timeZone,
    });
    return await fn(ctx, store, config);
  } finally {
    await store.close();
  }
}

/** Prints `value` as JSON when `--json` was given, else the human text. */
export function output(cli: CliContext, json: boolean | undefined, value: unknown, text: string): void {
  cli.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}
