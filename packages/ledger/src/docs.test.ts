// docs/ledger.md embeds tables generated from the code; this test keeps them equal.
// Regenerate with: npx tsx packages/ledger/scripts/generate-docs.ts (it also runs the formatter).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedSections, normalizeTables, replaceGenerated } from '../scripts/generated-sections.ts';

const docPath = new URL('../../../docs/ledger.md', import.meta.url);

describe('docs/ledger.md', () => {
  it('embeds the current chart, posting rules and error codes', () => {
    // Compared modulo column padding: Biome formats the page's tables.
    const doc = normalizeTables(readFileSync(docPath, 'utf8'));
    expect(normalizeTables(replaceGenerated(doc, generatedSections()))).toBe(doc);
  });

  it('has every generated section', () => {
    const doc = readFileSync(docPath, 'utf8');
    for (const name of Object.keys(generatedSections())) {
      expect(doc).toContain(`<!-- generated:${name} -->`);
    }
  });
});
