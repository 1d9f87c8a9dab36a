#!/usr/bin/env node
// Prints the gzip size of every JavaScript and CSS file of the production build, and what each
// entry (console, portal) loads before its first page renders: the entry chunk and everything it
// imports statically (lazy pages are not counted).
//
//   node apps/web/scripts/bundle-size.mjs [--json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Sizes of the build in `distDir`: per chunk (raw and gzip bytes) and per HTML entry the first
 * load (its static import closure), from Vite's manifest.
 */
export function measure(distDir = DIST_DIR) {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8'));
  const size = (file) => {
    const data = readFileSync(join(distDir, file));
    return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  };
  const chunks = Object.values(manifest)
    .flatMap((c) => [c.file, ...(c.css ?? [])])
    .filter((f, i, all) => /\.(js|css)$/.test(f) && all.indexOf(f) === i)
    .map((file) => ({ file, ...size(file) }))
    .sort((a, b) => b.gzip - a.gzip);
  const entries = Object.entries(manifest)
    .filter(([, c]) => c.isEntry)
    .map(([key, entry]) => {
      const js = new Set();
      const css = new Set();
      const visit = (k) => {
        const c = manifest[k];
        if (!c || js.has(c.file)) return;
        js.add(c.file);
        for (const f of c.css ?? []) css.add(f);
        for (const i of c.imports ?? []) visit(i);
      };
      visit(key);
      const sum = (files) => [...files].reduce((s, f) => s + size(f).gzip, 0);
      return { name: key, file: entry.file, js: [...js], css: [...css], jsGzip: sum(js), cssGzip: sum(css) };
    });
  return { entries, chunks };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = measure();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write('First load (entry + static imports), gzip:\n');
    for (const e of result.entries) {
      process.stdout.write(
        `  ${e.name.padEnd(20)} JS ${kb(e.jsGzip).padStart(9)}   CSS ${kb(e.cssGzip).padStart(8)}   (${e.js.length} JS files)\n`,
      );
    }
    process.stdout.write('\nEvery chunk (raw → gzip):\n');
    for (const c of result.chunks) {
      process.stdout.write(`  ${c.file.padEnd(44)} ${kb(c.raw).padStart(10)} → ${kb(c.gzip).padStart(9)}\n`);
    }
  }
}
