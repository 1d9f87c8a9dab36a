import { buildReport, parseCsv, renderReportHtml } from '@puhui/risk';
import { type CliCommand, CliError } from '../command.ts';
import { parseOptions, readText, writeText } from '../io.ts';
import { readModel } from './risk-score.ts';
import { listOption, numberOption } from './risk-train.ts';

const USAGE = `Usage: puhui risk report --model model.json --data F.csv --target COL [--group COL] --out report.json|report.html

Measures a model on labelled data: AUC (with a bootstrap interval), Gini, KS, Brier, log loss,
confusion matrix at the cut-off, calibration, gains and lift, PSI and characteristic stability
against the training data, binning tables and fairness across a group column. An --out ending
in .html gives a self-contained page with ROC, KS, calibration and score-distribution charts.

Options:
  --model F          model artefact (or raw XGBoost JSON)
  --data F.csv       labelled rows
  --target COL       the outcome column
  --group COL        fairness across this column (need not be a model input)
  --group-cuts A,B   band a numeric group column at these values (default: quartiles)
  --reference G      the reference group (default: the one with the highest approval rate)
  --cutoff P         decline when P(bad) ≥ P (default: the model's cut-off)
  --bad-value V      the target value meaning bad (default: as in training)
  --seed N           seed for the AUC bootstrap (default 0)
  --categories F     XGBoost models only: JSON {column: [labels in code order]}
  --out F            report.json or report.html (default: JSON on stdout)
`;

/** `puhui risk report`: validation, stability and fairness report of a model on labelled data. */
export const riskReport: CliCommand = {
  name: 'risk report',
  summary: 'Validation, stability and fairness report of a risk model (JSON or HTML)',
  usage: USAGE,
  async run(ctx) {
    const { values } = parseOptions(ctx, {
      model: { type: 'string' },
      data: { type: 'string' },
      target: { type: 'string' },
      group: { type: 'string' },
      'group-cuts': { type: 'string' },
      reference: { type: 'string' },
      cutoff: { type: 'string' },
      'bad-value': { type: 'string' },
      seed: { type: 'string' },
      categories: { type: 'string' },
      out: { type: 'string' },
    });
    if (!values.model) throw new CliError('--model is required', 2);
    if (!values.data) throw new CliError('--data is required', 2);
    if (!values.target) throw new CliError('--target is required', 2);
    const cuts = listOption(values['group-cuts']).map(Number);
    if (cuts.some((c) => !Number.isFinite(c))) throw new CliError('--group-cuts must be numbers', 2);
    const cutoff = numberOption(values.cutoff, '--cutoff');
    if (cutoff !== undefined && !(cutoff > 0 && cutoff <= 1))
      throw new CliError('--cutoff must be in (0, 1]', 2);
    const { artefact } = await readModel(ctx, values.model, values.categories);
    let table: ReturnType<typeof parseCsv>;
    try {
      table = parseCsv(await readText(ctx, values.data));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${values.data}: ${(error as Error).message}`, 2);
    }
    let report: ReturnType<typeof buildReport>;
    try {
      report = buildReport(artefact, table, {
        target: values.target,
        badValue: values['bad-value'],
        group: values.group,
        groupCuts: cuts.length ? cuts : undefined,
        reference: values.reference,
        cutoff,
        seed: numberOption(values.seed, '--seed', true) ?? 0,
      });
    } catch (error) {
      throw new CliError((error as Error).message, 2);
    }
    const html = values.out?.toLowerCase().endsWith('.html') ?? false;
    await writeText(
      ctx,
      values.out,
      html ? renderReportHtml(report) : `${JSON.stringify(report, null, 2)}\n`,
    );
    if (values.out) {
      const m = report.metrics;
      ctx.stdout.write(
        `AUC ${m.auc.toFixed(4)} [${m.aucInterval.lower.toFixed(4)}, ${m.aucInterval.upper.toFixed(4)}], KS ${m.ks.toFixed(4)}${
          report.fairness?.violations.length
            ? `; four-fifths rule violated for ${report.fairness.violations.join(', ')}`
            : ''
        } → ${values.out}\n`,
      );
    }
    return 0;
  },
};
