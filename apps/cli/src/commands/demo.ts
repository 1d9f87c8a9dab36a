import { DEMO_PASSWORD, seedDemo } from '@puhui/services';
import { resetDatabase } from '@puhui/store';
import { type CliCommand, CliError } from '../command.ts';
import { parseOptions } from '../io.ts';
import { output, withContext } from '../runtime.ts';

export const demo: CliCommand = {
  name: 'demo',
  summary: 'Seed (or reset and reseed) the demo data set',
  usage: `Usage: puhui demo [--reset] [--loans N] [--json]

Seeds demo users (one per role, password '${DEMO_PASSWORD}'), a scenario partner and borrowers
into an empty database. With --reset, deletes ALL data first.

Options:
  --reset      delete every row in the database, then seed
  --loans N    grow a loan book of N loans with a year of history (default 5000; 0 for none)
  --json       machine-readable output`,
  async run(ctx) {
    const { values } = parseOptions(ctx, {
      reset: { type: 'boolean' },
      loans: { type: 'string' },
      json: { type: 'boolean' },
    });
    const loans = values.loans === undefined ? 5_000 : Number(values.loans);
    if (!Number.isSafeInteger(loans) || loans < 0)
      throw new CliError('--loans must be a whole number ≥ 0', 2);
    return withContext(ctx, async (svc, store) => {
      if (values.reset) await resetDatabase(store);
      const summary = await seedDemo(svc, { loans });
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
