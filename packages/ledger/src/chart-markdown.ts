import type { Chart } from './chart.ts';
import { DEFAULT_CHART } from './default-chart.ts';

/**
 * Renders a chart of accounts as a markdown table (code, names, type, normal side, role,
 * sub-accounts). `docs/ledger.md` embeds the default chart's table and a test keeps them equal.
 *
 * @example chartMarkdown() // '| code | name | 名称 | type | normal | role | sub-accounts |\n| --- | …'
 */
export function chartMarkdown(chart: Chart = DEFAULT_CHART): string {
  const out = [
    '| code | name | 名称 | type | normal | role | sub-accounts |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const a of chart.accounts) {
    out.push(
      `| ${a.code} | ${a.name.en} | ${a.name.zhCN} | ${a.type} | ${a.normalSide} | ${a.role === undefined ? '' : `\`${a.role}\``} | ${a.subAccounts ?? ''} |`,
    );
  }
  return out.join('\n');
}
