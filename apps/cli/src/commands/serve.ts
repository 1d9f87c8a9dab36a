import { loadConfig, startServer } from '@puhui/server';
import { type CliCommand, CliError } from '../command.ts';
import { parseOptions } from '../io.ts';

/** Loans in the demo book `serve --demo` grows in the background (about a minute and a half here). */
const DEFAULT_DEMO_LOANS = 1000;

export const serve: CliCommand = {
  name: 'serve',
  summary: 'Run the HTTP server (migrates the database first)',
  usage: `Usage: puhui serve [--demo [--demo-loans N]] [--port N] [--host H]

Starts the Puhui server on PORT (default 3000). The database is DATABASE_URL (PostgreSQL) or the
embedded SQLite file under PUHUI_DATA_DIR (default ./data); pending migrations are applied first.

Options:
  --demo       seed the demo data set when the database is empty, and print demo sign-ins
  --demo-loans N
               with --demo: grow a demo loan book of N loans (default 1000; 0 for none) over a
               year of history, in the background after the server is listening
  --port N     port to listen on (overrides PORT)
  --host H     interface to bind (overrides HOST; default 0.0.0.0)`,
  async run(ctx) {
    const { values } = parseOptions(ctx, {
      demo: { type: 'boolean' },
      'demo-loans': { type: 'string' },
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
    const demoLoans = Number(values['demo-loans'] ?? DEFAULT_DEMO_LOANS);
    if (!Number.isInteger(demoLoans) || demoLoans < 0) {
      throw new CliError('--demo-loans must be a whole number ≥ 0', 2);
    }
    const server = await startServer(config, {
      demo: values.demo ?? false,
      demoLoans,
      demoInBackground: true,
      handleSignals: true,
      print: (line) => ctx.stdout.write(`${line}\n`),
    });
    await new Promise<void>((resolve) => server.app.server.once('close', () => resolve()));
    return 0;
  },
};
