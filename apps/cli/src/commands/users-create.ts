import { roles } from '@puhui/core';
import { createUser } from '@puhui/services';
import { type CliCommand, CliError } from '../command.ts';
import { parseOptions } from '../io.ts';
import { output, withContext } from '../runtime.ts';

export const usersCreate: CliCommand = {
  name: 'users create',
  summary: 'Create a staff user',
  usage: `Usage: puhui users create --username NAME --role ROLE[,ROLE] [--name "Display Name"] [--password P] [--json]

Creates a staff user. The password comes from --password or the PUHUI_NEW_PASSWORD environment
variable (preferred: it stays out of the shell history).

Roles: ${roles.join(', ')}`,
  async run(ctx) {
    const { values } = parseOptions(ctx, {
      username: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.username) throw new CliError('--username is required');
    if (!values.role) throw new CliError(`--role is required (one or more of ${roles.join(', ')})`);
    const password = values.password ?? ctx.env.PUHUI_NEW_PASSWORD;
    if (!password) throw new CliError('give the password with --password or PUHUI_NEW_PASSWORD');
    return withContext(ctx, async (svc) => {
      const user = await svc.store.transaction((tx) =>
        createUser(
          svc,
          tx,
          { kind: 'system', id: 'cli' },
          {
            username: values.username as string,
            displayName: values.name ?? (values.username as string),
            password,
            roles: (values.role as string)
              .split(',')
              .map((r) => r.trim())
              .filter(Boolean),
          },
        ),
      );
      output(
        ctx,
        values.json,
        user,
        `created user ${user.username} (${user.id}) with roles ${user.roles.join(', ')}`,
      );
      return 0;
    });
  },
};
