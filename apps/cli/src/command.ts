import type { Readable, Writable } from 'node:stream';

/** What every command receives: its own arguments and the process's streams and environment. */
export interface CliContext {
  /** Arguments after the command name (e.g. for `puhui risk train --data x`, `['--data', 'x']`). */
  readonly argv: readonly string[];
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working directory relative paths are resolved against. */
  readonly cwd: string;
}

/**
 * One `puhui` sub-command. `name` may have two words (`risk train`). `run` returns the exit code;
 * a user error is thrown as a {@link CliError} and becomes a one-line reason on stderr.
 *
 * @example
 * export const hello: CliCommand = {
 *   name: 'hello', summary: 'Greets', usage: 'puhui hello [--json]',
 *   async run(ctx) { ctx.stdout.write('hi\n'); return 0; },
 * };
 */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Full help text printed by `--help`: usage line, then options. */
  readonly usage: string;
  run(ctx: CliContext): Promise<number>;
}

/**
 * A failure the user can fix: printed as one line `puhui: <message>` and exits with `exitCode`
 * (2 for bad input or usage, 1 for other failures).
 *
 * @example throw new CliError('--data is required', 2);
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
