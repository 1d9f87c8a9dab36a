import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type CliContext, CliError } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's flags with `node:util.parseArgs` (strict: unknown flags are an error) and turns
 * parse failures into a {@link CliError} with exit code 2.
 *
 * @example const { values, positionals } = parseOptions(ctx, { out: { type: 'string' } });
 */
export function parseOptions<const O extends Options>(ctx: CliContext, options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: [...ctx.argv], options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
}

/** Reads a text file (relative to the working directory), or stdin when `path` is absent or `-`. */
export async function readText(ctx: CliContext, path: string | undefined): Promise<string> {
  if (path === undefined || path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(resolve(ctx.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path}: ${code}`, 2);
  }
}

/** Parses JSON text, naming the source in the error. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${source} is not valid JSON: ${(error as Error).message}`, 2);
  }
}

/** Writes text to a file relative to the working directory, or to stdout when `path` is absent. */
export async function writeText(ctx: CliContext, path: string | undefined, text: string): Promise<void> {
  if (path === undefined || path === '-') {
    ctx.stdout.write(text);
    return;
  }
  await writeFile(resolve(ctx.cwd, path), text);
}
