import { PassThrough } from 'node:stream';
import { main } from '../main.ts';

// Shared by the risk command tests: runs `puhui` with in-memory streams and makes sample data.

/** Runs the CLI in `cwd` and collects exit code, stdout and stderr. */
export async function runCli(args: string[], cwd: string) {
  const stdin = new PassThrough();
  stdin.end('');
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough().on('data', (c) => out.push(String(c)));
  const stderr = new PassThrough().on('data', (c) => err.push(String(c)));
  const code = await main(args, { stdin, stdout, stderr, cwd, env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A small seeded CSV: risk rises with debt and falls with income; 'grp' is a protected attribute. */
export function sampleCsv(n: number, seed: number): string {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const lines = ['income,debt,region,grp,target'];
  for (let i = 0; i < n; i++) {
    const income = Math.round(1000 + rnd() * 9000);
    const debt = Math.round(rnd() * 100);
    const region = ['n', 's', 'e', 'w'][Math.floor(rnd() * 4)]!;
    const z = -0.5 + 0.04 * (debt - 50) - 0.0004 * (income - 5000) + (region === 's' ? 0.7 : 0);
    const bad = rnd() < 1 / (1 + Math.exp(-z)) ? 2 : 1;
    lines.push(`${rnd() < 0.05 ? 'NA' : income},${debt},${region},${rnd() < 0.5 ? 'F' : 'M'},${bad}`);
  }
  return `${lines.join('\n')}\n`;
}
