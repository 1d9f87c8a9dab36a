// Rewrites the generated tables in docs/ledger.md from the code (chart, posting rules, error codes),
// then formats the page with Biome as `npm run lint` expects.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedSections, replaceGenerated } from './generated-sections.ts';

const path = fileURLToPath(new URL('../../../docs/ledger.md', import.meta.url));
writeFileSync(path, replaceGenerated(readFileSync(path, 'utf8'), generatedSections()));
execFileSync('npx', ['biome', 'format', '--write', path], { stdio: 'inherit' });
