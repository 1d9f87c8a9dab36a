import type { Chart } from './chart.ts';
import { DEFAULT_CHART } from './default-chart.ts';
import { type AccountSlot, DEFAULT_POSTING_RULES, type PostingRules } from './posting-rules.ts';
import type { Basis, RuledTransactionType } from './transaction.ts';

/**
 * Renders the posting rules of one basis as a markdown table (transaction, Dr/Cr, account,
 * amount), naming the chart's accounts. `docs/ledger.md` embeds this output and a test checks
 * the two agree, so the documentation cannot drift from the rules.
 *
 * @example postingRulesMarkdown('accrual') // '| transaction | Dr/Cr | account | amount |\n| --- | …'
 */
export function postingRulesMarkdown(
  basis: Basis,
  rules: PostingRules = DEFAULT_POSTING_RULES,
  chart: Chart = DEFAULT_CHART,
): string {
  const out = ['| transaction | Dr/Cr | account | amount |', '| --- | --- | --- | --- |'];
  for (const type of Object.keys(rules) as RuledTransactionType[]) {
    const set = rules[type];
    const lines = basis === 'cash' ? set.cash : set.accrual;
    if (lines.length === 0) {
      out.push(`| \`${type}\` | | _no entry_ | |`);
      continue;
    }
    lines.forEach((line, i) => {
      const label = i === 0 ? `\`${type}\`` : '';
      const side = line.side === 'debit' ? 'Dr' : 'Cr';
      const meaning = set.amounts[line.amount] ?? line.amount;
      out.push(`| ${label} | ${side} | ${slotLabel(line.account, chart)} | \`${line.amount}\`: ${meaning} |`);
    });
  }
  return out.join('\n');
}

function slotLabel(slot: AccountSlot, chart: Chart): string {
  if (slot === 'funds') return `funds: ${slotId('cash', chart)} or ${slotId('partnerSettlement', chart)}`;
  const account = chart.byRole.get(slot);
  return account === undefined ? `(${slot})` : `${slotId(slot, chart)} ${account.name.en}`;
}

function slotId(slot: Exclude<AccountSlot, 'funds'>, chart: Chart): string {
  const account = chart.byRole.get(slot);
  if (account === undefined) return `(${slot})`;
  return account.subAccounts === undefined ? account.code : `${account.code}:‹${account.subAccounts}›`;
}
