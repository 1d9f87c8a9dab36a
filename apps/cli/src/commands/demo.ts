import { DEMO_PASSWORD, seedDemo } from '@puhui/services';
import { resetDatabase } from '@puhui/store';
import type { CliCommand } from '../command.ts';
import { parseOptions } from '../io.ts';
import { output, withContext } from '../runtime.ts';

export const demo: CliCommand = {
  name: 'demo',
  summary: 'Seed (or reset and reseed) the demo data set',
  usage: `Usage: puhui demo [--reset] [--json]

Seeds demo users (one per role, password '${DEMO_PASSWORD}'), a scenario partner and borrowers
into an empty database. With --reset, deletes ALL data first.

Options:
  --reset      delete every row in the database, then seed
  --json       machine-readable output`,
  async run(ctx) {
    const { values } = parseOptions(ctx, { reset: { type: 'boolean' }, json: { type: 'boolean' } });
    return withContext(ctx, async (svc, store) => {
      if (values.reset) await resetDatabase(store);
      const summary = await seedDemo(svc);
      output(
        ctx,
        values.json,
        summary,
        summary.seeded
          ? `seeded ${summary.users} users, ${summary.partners} partner, ${summary.borrowers} borrowers into ${store.location}`
          : `${store.location} already has data; nothing seeded (use --reset to start over)`,
      );
      return 0;
    });
  },
};
