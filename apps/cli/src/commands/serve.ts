import { loadConfig, startServer } from '@puhui/server';
import type { CliCommand } from '../command.ts';
import { parseOptions } from '../io.ts';

export const serve: CliCommand = {
  name: 'serve',
  summary: 'Run the HTTP server (migrates the database first)',
  usage: `Usage: puhui serve [--demo] [--port N] [--host H]

Starts the Puhui server on PORT (default 3000). The database is DATABASE_URL (PostgreSQL) or the
embedded SQLite file under PUHUI_DATA_DIR (default ./data); pending migrations are applied first.

Options:
  --demo       seed the demo data set when the database is empty, and print demo sign-ins
  --port N     port to listen on (overrides PORT)
  --host H     interface to bind (overrides HOST; default 0.0.0.0)`,
  async run(ctx) {
    const { values } = parseOptions(ctx, {
      demo: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
    });
    const config = loadConfig(
      {
        ...ctx.env,
        ...(values.port ? { PORT: values.port } : {}),
        ...(values.host ? { HOST: values.host } : {}),
      },
      ctx.cwd,
    );
    const server = await startServer(config, {
      demo: values.demo ?? false,
      handleSignals: true,
      print: (line) => ctx.stdout.write(`${line}\n`),
    });
    await new Promise<void>((resolve) => server.app.server.once('close', () => resolve()));
    return 0;
  },
};
