import type { CliCommand } from '../command.ts';
import { parseOptions } from '../io.ts';
import { output, withContext } from '../runtime.ts';

export const migrate: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  usage: `Usage: puhui migrate [--status] [--json]

Applies every pending migration to the database named by DATABASE_URL or PUHUI_DATA_DIR.

Options:
  --status     only list applied and pending migrations
  --json       machine-readable output`,
  async run(ctx) {
    const { values } = parseOptions(ctx, { status: { type: 'boolean' }, json: { type: 'boolean' } });
    return withContext(
      ctx,
      async (_svc, store) => {
        if (values.status) {
          const status = await store.migrationStatus();
          output(
            ctx,
            values.json,
            { database: store.location, ...status },
            `database: ${store.location}\napplied: ${status.applied.join(', ') || '(none)'}\npending: ${status.pending.join(', ') || '(none)'}`,
          );
          return 0;
        }
        const applied = await store.migrate();
        output(
          ctx,
          values.json,
          { database: store.location, applied },
          applied.length
            ? `applied ${applied.length} migration(s) to ${store.location}: ${applied.join(', ')}`
            : `${store.location} is up to date`,
        );
        return 0;
      },
      { migrate: false },
    );
  },
};
