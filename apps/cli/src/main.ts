import { isAppError } from '@puhui/core';
import type { CliCommand, CliContext } from './command.ts';
import { CliError } from './command.ts';
import { commands } from './commands/index.ts';

const HELP_FLAGS = new Set(['--help', '-h']);

/** Finds the longest command name (one or two words) that prefixes the arguments. */
function resolve(args: readonly string[]): { command: CliCommand; rest: string[] } | undefined {
  const two = args.length >= 2 ? `${args[0]} ${args[1]}` : undefined;
  const byTwo = two ? commands.find((c) => c.name === two) : undefined;
  if (byTwo) return { command: byTwo, rest: args.slice(2) };
  const byOne = commands.find((c) => c.name === args[0]);
  if (byOne) return { command: byOne, rest: args.slice(1) };
  return undefined;
}

function overview(prefix?: string): string {
  const shown = commands.filter((c) => !prefix || c.name.startsWith(`${prefix} `));
  const width = Math.max(...shown.map((c) => c.name.length), 4);
  const lines = shown.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: puhui <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'puhui <command> --help' for a command's options.\n`;
}

/**
 * Runs the `puhui` command line and returns the exit code. Streams default to the process's.
 *
 * @example await main(['schedule', 'spec.json']);
 */
export async function main(
  args: readonly string[],
  io: Partial<Omit<CliContext, 'argv'>> = {},
): Promise<number> {
  const ctx = {
    stdin: io.stdin ?? process.stdin,
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
  };
  if (args.length === 0 || (args.length === 1 && HELP_FLAGS.has(args[0] ?? ''))) {
    ctx.stdout.write(overview());
    return 0;
  }
  const found = resolve(args);
  if (!found) {
    const group = commands.some((c) => c.name.startsWith(`${args[0]} `));
    if (group) {
      ctx.stdout.write(overview(args[0]));
      return HELP_FLAGS.has(args[1] ?? '') || args.length === 1 ? 0 : 2;
    }
    ctx.stderr.write(`puhui: unknown command '${args[0]}' (see 'puhui --help')\n`);
    return 2;
  }
  if (found.rest.some((a) => HELP_FLAGS.has(a))) {
    ctx.stdout.write(`${found.command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await found.command.run({ ...ctx, argv: found.rest });
  } catch (error) {
    if (error instanceof CliError) {
      ctx.stderr.write(`puhui: ${error.message}\n`);
      return error.exitCode;
    }
    if (isAppError(error)) {
      ctx.stderr.write(`puhui: ${error.message} (${error.code})\n`);
      return error.status < 500 ? 2 : 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`puhui: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
