import { formatFieldErrors } from '@puhui/loans';
import { calculateApr } from '@puhui/services';
import { type CliCommand, CliError } from '../command.ts';
import { parseJson, parseOptions, readText, writeText } from '../io.ts';

export const apr: CliCommand = {
  name: 'apr',
  summary: 'Annualised rate (IRR) of dated cash flows: cn_irr, us_actuarial or eu_aprc',
  usage: `Usage: puhui apr [REQUEST.json | -] [--out FILE]

Reads { method, flows: [{ date, amount, count?, every?, frequency? }], unitPeriod? } (a file, or
stdin when absent or '-') and prints { periodicRate, nominalAnnualRate, effectiveAnnualRate } as
fractions. Amounts are decimals in major units, negative = money to the borrower; a flow with
count repeats every 'every' (default 1) 'frequency' (default months). Methods: cn_irr (periodic
IRR × periods per year), us_actuarial (Regulation Z Appendix J), eu_aprc (EU CCD, days/365).
Bad input or flows without a rate print one line and exit 2 (see docs/loan-engine.md).

Example:
  echo '{"method":"cn_irr","flows":[{"date":"2024-01-15","amount":"-100000"},
         {"date":"2024-02-15","amount":"8556.17","count":12}]}' | puhui apr`,
  async run(ctx) {
    const { values, positionals } = parseOptions(ctx, { out: { type: 'string' } }, true);
    if (positionals.length > 1) throw new CliError('expected at most one request file', 2);
    const result = calculateApr(parseJson(await readText(ctx, positionals[0]), positionals[0] ?? 'stdin'));
    if (!result.ok) {
      const reason = formatFieldErrors(result.errors);
      throw new CliError(result.code === 'rate_not_found' ? reason : `invalid apr request: ${reason}`, 2);
    }
    const json = result.value;
    await writeText(ctx, values.out, `${JSON.stringify(json, null, 2)}\n`);
    return 0;
  },
};
