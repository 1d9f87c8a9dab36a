import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from './main.ts';

/** The outcome of running the CLI in-process. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `puhui <args>` in-process with captured streams, an optional stdin text, a working
 * directory and environment (defaults: a fresh temporary data directory).
 *
 * @example const { code, stdout } = await runCli(['migrate', '--json'], { env: { PUHUI_DATA_DIR: dir } });
 */
export async function runCli(
  args: string[],
  options: { stdin?: string; cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(args, {
    stdin: Readable.from([options.stdin ?? '']),
    stdout,
    stderr,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? { PUHUI_DATA_DIR: tempDir() },
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** A new empty temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'puhui-cli-'));
}
