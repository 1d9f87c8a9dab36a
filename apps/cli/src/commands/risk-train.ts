import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type FeatureKind,
  parseCsv,
  pointsTableCsv,
  pointsTableJson,
  pointsTableXlsx,
  serializeArtefact,
  type TrainOptions,
  trainModel,
} from '@puhui/risk';
import { type CliCommand, CliError } from '../command.ts';
import { parseOptions, readText, writeText } from '../io.ts';

const USAGE = `Usage: puhui risk train --data F.csv --target COL [--model scorecard|gbdt] [--drop A,B] [--seed N] --out model.json

Trains a credit-risk model and writes its JSON artefact (same data + seed → same bytes).

Options:
  --data F.csv          training data with a header row
  --target COL          binary target column (0/1, 1/2, true/false, good/bad, …)
  --model M             scorecard (default) or gbdt (gradient-boosted trees)
  --drop A,B            columns never used as inputs (e.g. protected attributes, ids)
  --seed N              seed for folds and sampling (default 0)
  --out F               where to write the model (default: stdout)
  --bad-value V         the target value meaning bad (default: see docs/risk.md)
  --categorical A,B     force columns to be categorical
  --numeric A,B         force columns to be numeric
  --special COL=V1,V2   numeric codes kept as their own bins (repeatable)
  --monotone COL=±1     +1: risk may only rise with COL; -1: only fall (repeatable)
  --folds K             internal cross-validation folds (default 5; 0 = none)
  --trees N             gbdt: number of trees (default: chosen by early stopping)
  --depth N             gbdt: maximum tree depth (default: chosen by validation among 2-4)
  --learning-rate X     gbdt: shrinkage (default 0.05)
  --points-out F        scorecard: also write the attribute-points table (.csv, .json or .xlsx)
`;

/** `puhui risk train`: trains a scorecard or boosted trees from a CSV file. */
export const riskTrain: CliCommand = {
  name: 'risk train',
  summary: 'Train a credit-risk model (scorecard or boosted trees) from a CSV file',
  usage: USAGE,
  async run(ctx) {
    const { values } = parseOptions(ctx, {
      data: { type: 'string' },
      target: { type: 'string' },
      model: { type: 'string' },
      drop: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'bad-value': { type: 'string' },
      categorical: { type: 'string' },
      numeric: { type: 'string' },
      special: { type: 'string', multiple: true },
      monotone: { type: 'string', multiple: true },
      folds: { type: 'string' },
      trees: { type: 'string' },
      depth: { type: 'string' },
      'learning-rate': { type: 'string' },
      'points-out': { type: 'string' },
    });
    if (!values.data) throw new CliError('--data is required', 2);
    if (!values.target) throw new CliError('--target is required', 2);
    const model = values.model ?? 'scorecard';
    if (model !== 'scorecard' && model !== 'gbdt')
      throw new CliError(`--model must be scorecard or gbdt, got '${model}'`, 2);
    const kinds: Record<string, FeatureKind> = {};
    for (const c of listOption(values.categorical)) kinds[c] = 'categorical';
    for (const c of listOption(values.numeric)) kinds[c] = 'numeric';
    const monotone: Record<string, number> = {};
    for (const [k, v] of Object.entries(numberMapOption(values.monotone, '--monotone'))) {
      const s = v[0]!;
      if (v.length !== 1 || ![-1, 0, 1].includes(s))
        throw new CliError(`--monotone ${k} must be +1, -1 or 0`, 2);
      monotone[k] = s;
    }
    const trees = numberOption(values.trees, '--trees', true);
    const depth = numberOption(values.depth, '--depth', true);
    const lr = numberOption(values['learning-rate'], '--learning-rate');
    if (model === 'scorecard' && (trees !== undefined || depth !== undefined || lr !== undefined))
      throw new CliError('--trees, --depth and --learning-rate apply to --model gbdt', 2);
    const options: TrainOptions = {
      target: values.target,
      model,
      badValue: values['bad-value'],
      drop: listOption(values.drop),
      kinds,
      specialValues: numberMapOption(values.special, '--special'),
      monotone,
      seed: numberOption(values.seed, '--seed', true) ?? 0,
      folds: numberOption(values.folds, '--folds', true),
      gbdt:
        model === 'gbdt'
          ? {
              ...(trees !== undefined ? { nTrees: trees } : {}),
              ...(depth !== undefined ? { maxDepth: depth } : {}),
              ...(lr !== undefined ? { learningRate: lr } : {}),
            }
          : undefined,
    };
    if (values['points-out'] && model !== 'scorecard')
      throw new CliError('--points-out needs --model scorecard', 2);
    let table: ReturnType<typeof parseCsv>;
    try {
      table = parseCsv(await readText(ctx, values.data));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${values.data}: ${(error as Error).message}`, 2);
    }
    let result: ReturnType<typeof trainModel>;
    try {
      result = trainModel(table, options);
    } catch (error) {
      throw new CliError((error as Error).message, 2);
    }
    const { artefact, notes } = result;
    await writeText(ctx, values.out, serializeArtefact(artefact));
    const pointsOut = values['points-out'];
    if (pointsOut && artefact.scorecard) {
      const path = resolve(ctx.cwd, pointsOut);
      if (pointsOut.endsWith('.xlsx')) await writeFile(path, pointsTableXlsx(artefact.scorecard));
      else if (pointsOut.endsWith('.json')) await writeFile(path, pointsTableJson(artefact.scorecard));
      else await writeFile(path, pointsTableCsv(artefact.scorecard));
    }
    const v = artefact.metrics.validation;
    const log = values.out ? ctx.stdout : ctx.stderr;
    for (const n of notes) log.write(`${n}\n`);
    log.write(
      `trained ${artefact.modelType} on ${artefact.training?.rows} rows${
        v ? `: validation AUC ${v.auc.toFixed(4)}, KS ${v.ks.toFixed(4)}` : ''
      }${values.out ? ` → ${values.out}` : ''}\n`,
    );
    return 0;
  },
};

/**
 * Splits a comma-separated flag value into trimmed, non-empty names.
 *
 * @example listOption('a, b,,c'); // ['a', 'b', 'c']
 */
export function listOption(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Parses repeated `COL=v1,v2` flags into a map of number lists, naming the flag on error.
 *
 * @example numberMapOption(['age=-1,999'], '--special'); // { age: [-1, 999] }
 */
export function numberMapOption(
  values: readonly string[] | undefined,
  flag: string,
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new CliError(`${flag} expects COLUMN=VALUES, got '${v}'`, 2);
    const nums = listOption(v.slice(eq + 1)).map(Number);
    if (nums.length === 0 || nums.some((x) => !Number.isFinite(x)))
      throw new CliError(`${flag} '${v}' has a value that is not a number`, 2);
    out[v.slice(0, eq).trim()] = nums;
  }
  return out;
}

/**
 * Parses a numeric flag, or returns undefined when absent.
 *
 * @example numberOption('0.05', '--learning-rate'); // 0.05
 */
export function numberOption(value: string | undefined, flag: string, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isFinite(x) || (integer && !Number.isInteger(x)))
    throw new CliError(`${flag} must be ${integer ? 'an integer' : 'a number'}, got '${value}'`, 2);
  return x;
}
