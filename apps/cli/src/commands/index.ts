import type { CliCommand } from '../command.ts';

/** Every `puhui` sub-command, in the order `puhui --help` lists them. One file per command. */
export const commands: readonly CliCommand[] = [];
