#!/usr/bin/env node
// Builds the web app (vite build) only when dist/ is missing or older than its sources, so
// `npm start` serves a current build without rebuilding every time. Safe to run concurrently:
// a lock directory makes a second caller wait for the first build instead of racing it.
//
//   node apps/web/scripts/ensure-build.mjs          build when needed
//   node apps/web/scripts/ensure-build.mjs --check  exit 1 when a build is needed, build nothing
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(webDir, 'dist');
const stamp = join(distDir, '.build-stamp');
const lockDir = join(webDir, '.build-lock');
/** What the build reads: a change to any of these makes the build stale. */
const SOURCES = [
  'src',
  'public',
  'index.html',
  'portal/index.html',
  'vite.config.ts',
  'package.json',
  '../../package-lock.json',
];

/** Newest modification time (ms) under `path`, or 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name.endsWith('.test.ts')) continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

/** Whether dist/ is missing, incomplete or older than a source. */
export function buildNeeded() {
  if (
    !existsSync(stamp) ||
    !existsSync(join(distDir, 'index.html')) ||
    !existsSync(join(distDir, 'portal/index.html'))
  )
    return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newest(join(webDir, s)) > built);
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the build lock, waiting up to `timeoutMs` for another build; clears a dead holder's lock. */
function lock(timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (holder > 0 && !pidAlive(holder)) rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lockDir}`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/** Runs `vite build` when needed; returns true when it built. Throws when the build fails. */
export function ensureBuild({ quiet = false } = {}) {
  if (!buildNeeded()) return false;
  lock();
  try {
    if (!buildNeeded()) return false; // another process built it while we waited
    const require = createRequire(import.meta.url);
    const viteBin = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
    const result = spawnSync(
      process.execPath,
      [viteBin, 'build', '--mode', 'production', '--logLevel', quiet ? 'warn' : 'info'],
      {
        cwd: webDir,
        // A test runner sets NODE_ENV=test, which would make Vite bundle React's development build.
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
      },
    );
    if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
    writeFileSync(stamp, `${new Date().toISOString()}\n`);
    return true;
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const needed = buildNeeded();
    process.stdout.write(needed ? 'web build needed\n' : 'web build is current\n');
    process.exit(needed ? 1 : 0);
  }
  try {
    const built = ensureBuild();
    if (!built) process.stdout.write('web build is current (apps/web/dist)\n');
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
