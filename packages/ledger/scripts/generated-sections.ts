import { chartMarkdown, LEDGER_ERRORS, postingRulesMarkdown } from '../src/index.ts';

/** The markdown sections docs/ledger.md embeds, by marker name. */
export function generatedSections(): Record<string, string> {
  const errors = ['| code | meaning |', '| --- | --- |'];
  for (const [code, meaning] of Object.entries(LEDGER_ERRORS)) errors.push(`| \`${code}\` | ${meaning} |`);
  return {
    chart: chartMarkdown(),
    cash: postingRulesMarkdown('cash'),
    accrual: postingRulesMarkdown('accrual'),
    errors: errors.join('\n'),
  };
}

/** Replaces the body between `<!-- generated:NAME -->` and the next `<!-- /generated -->` with each section. */
export function replaceGenerated(doc: string, sections: Record<string, string>): string {
  let out = doc;
  for (const [name, body] of Object.entries(sections)) {
    const open = `<!-- generated:${name} -->`;
    const start = out.indexOf(open);
    if (start < 0) continue;
    const end = out.indexOf('<!-- /generated -->', start);
    if (end < 0) continue;
    out = `${out.slice(0, start + open.length)}\n${body}\n${out.slice(end)}`;
  }
  return out;
}

/**
 * Markdown with table cells trimmed and separator rows reduced to `---`, so a table compares
 * equal before and after the formatter pads its columns.
 */
export function normalizeTables(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('|')) return line;
      const cells = line
        .slice(1, line.trimEnd().length - 1)
        .split('|')
        .map((cell) => cell.trim())
        .map((cell) => (/^-+$/.test(cell) ? '---' : cell));
      return `| ${cells.join(' | ')} |`;
    })
    .join('\n');
}
