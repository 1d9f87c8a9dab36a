import type { CliCommand } from '../command.ts';
import { auditVerify } from './audit-verify.ts';
import { demo } from './demo.ts';
import { migrate } from './migrate.ts';
import { serve } from './serve.ts';
import { usersCreate } from './users-create.ts';

/** Every `puhui` sub-command, in the order `puhui --help` lists them. One file per command. */
export const commands: readonly CliCommand[] = [serve, migrate, demo, usersCreate, auditVerify];
