import {
  isXgboostJson,
  loadModel,
  type ModelArtefact,
  parseCsv,
  parseModelJson,
  type Scorer,
  tableRecords,
  toCsv,
  xgboostArtefact,
} from '@puhui/risk';
import { type CliCommand, type CliContext, CliError } from '../command.ts';
import { parseJson, parseOptions, readText, writeText } from '../io.ts';

const USAGE = `Usage: puhui risk score --model model.json --data F.csv --out scores.csv

Scores every row of F.csv. The output has one row per input row, in the same order, with the
columns probability (of the bad outcome), score, reason_1, reason_2, reason_3. Columns the model
does not use (such as the target) are ignored.

Options:
  --model F        a Puhui model artefact, or a model saved by XGBoost (save_model("m.json"))
  --data F.csv     rows to score, with a header row
  --out F          where to write the scores (default: stdout)
  --categories F   XGBoost models only: JSON {column: [labels in code order]} for categorical inputs
`;

/**
 * Reads a model file (Puhui artefact or raw XGBoost JSON) and loads it for scoring.
 *
 * @example const scorer = await readModel(ctx, 'model.json');
 */
export async function readModel(
  ctx: CliContext,
  path: string,
  categoriesPath?: string,
): Promise<{ scorer: Scorer; artefact: ModelArtefact }> {
  const text = await readText(ctx, path);
  let json: unknown;
  try {
    json = parseModelJson(text);
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`, 2);
  }
  try {
    let artefact: ModelArtefact;
    if (isXgboostJson(json)) {
      const categoryCodes = categoriesPath
        ? (parseJson(await readText(ctx, categoriesPath), categoriesPath) as Record<string, string[]>)
        : undefined;
      artefact = xgboostArtefact(json, { categoryCodes });
    } else {
      if (categoriesPath) throw new Error('--categories applies to XGBoost model files only');
      artefact = json as ModelArtefact;
    }
    const scorer = loadModel(artefact);
    return { scorer, artefact: scorer.artefact };
  } catch (error) {
    throw new CliError(`${path}: ${(error as Error).message}`, 2);
  }
}

/** `puhui risk score`: scores a CSV file with a model. */
export const riskScore: CliCommand = {
  name: 'risk score',
  summary: 'Score a CSV file with a risk model (probability, score, three reasons per row)',
  usage: USAGE,
  async run(ctx) {
    const { values } = parseOptions(ctx, {
      model: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      categories: { type: 'string' },
    });
    if (!values.model) throw new CliError('--model is required', 2);
    if (!values.data) throw new CliError('--data is required', 2);
    const { scorer } = await readModel(ctx, values.model, values.categories);
    let table: ReturnType<typeof parseCsv>;
    try {
      table = parseCsv(await readText(ctx, values.data));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${values.data}: ${(error as Error).message}`, 2);
    }
    const missing = scorer.artefact.features.filter((f) => !table.header.includes(f.name)).map((f) => f.name);
    if (missing.length === scorer.artefact.features.length && missing.length > 0)
      throw new CliError(
        `${values.data} has none of the model's input columns (${missing.slice(0, 5).join(', ')}…)`,
        2,
      );
    const rows = tableRecords(table).map((r) => {
      const s = scorer.score(r);
      return [
        String(s.probability),
        String(s.score),
        s.reasons[0]?.text ?? '',
        s.reasons[1]?.text ?? '',
        s.reasons[2]?.text ?? '',
      ];
    });
    await writeText(
      ctx,
      values.out,
      toCsv(['probability', 'score', 'reason_1', 'reason_2', 'reason_3'], rows),
    );
    if (missing.length > 0)
      ctx.stderr.write(
        `warning: columns missing from ${values.data}, scored as missing: ${missing.join(', ')}\n`,
      );
    return 0;
  },
};
