import type { Ensemble } from './ensemble.ts';
import type { Tree } from './tree.ts';

/** An XGBoost model read from its JSON form (`booster.save_model("model.json")`). */
export interface XgboostModel {
  readonly featureNames: readonly string[];
  /** XGBoost feature types: 'float', 'int', 'i', 'q' (numeric) or 'c' (categorical). */
  readonly featureTypes: readonly string[];
  readonly objective: string;
  readonly ensemble: Ensemble;
  readonly version: readonly number[];
}

type Json = Record<string, unknown>;

function obj(v: unknown, what: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Error(`XGBoost JSON: ${what} is missing or not an object`);
  return v as Json;
}
function nums(v: unknown, what: string): number[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'number'))
    throw new Error(`XGBoost JSON: ${what} must be an array of numbers`);
  return v as number[];
}
function numsOrNull(v: unknown, what: string): number[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' && x !== null))
    throw new Error(`XGBoost JSON: ${what} must be an array of numbers`);
  return (v as (number | null)[]).map((x) => (x === null ? Number.NaN : x));
}

/**
 * Parses the text of a model file. XGBoost writes `NaN` for the thresholds of categorical splits,
 * which is not valid JSON; such bare `NaN`/`Infinity` values outside strings become `null`.
 *
 * @example parseModelJson('{"a":[NaN,1]}'); // { a: [null, 1] }
 */
export function parseModelJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const fixed = text.replace(
      /("(?:[^"\\]|\\.)*")|-?\b(?:NaN|Infinity)\b/g,
      (_m, str: string | undefined) => str ?? 'null',
    );
    if (fixed === text) throw error;
    return JSON.parse(fixed);
  }
}

function parseFloatText(v: unknown, what: string): number {
  const s = String(v).replace(/^\[|\]$/g, '');
  const x = Number(s);
  if (!Number.isFinite(x)) throw new Error(`XGBoost JSON: ${what} '${String(v)}' is not a number`);
  return x;
}

const LOGISTIC = new Set(['binary:logistic', 'reg:logistic', 'binary:logitraw']);

/**
 * Reads an XGBoost JSON model (gbtree or dart booster, binary logistic objectives) into an
 * {@link Ensemble} that scores in single precision exactly as XGBoost's CPU predictor does:
 * inputs and thresholds as float32, `x < threshold` goes left, missing follows `default_left`,
 * categorical nodes send the listed categories right, leaf values summed in float32 onto the
 * base margin (logit of `base_score`).
 *
 * @example const model = importXgboostJson(JSON.parse(text)); model.featureNames; // ['age', …]
 */
export function importXgboostJson(json: unknown): XgboostModel {
  const root = obj(json, 'document');
  const learner = obj(root.learner, 'learner');
  const version = Array.isArray(root.version) ? (root.version as number[]) : [];
  const objective = String(obj(learner.objective, 'learner.objective').name ?? '');
  if (!LOGISTIC.has(objective))
    throw new Error(`XGBoost JSON: objective '${objective}' is not a binary logistic objective`);
  const mp = obj(learner.learner_model_param, 'learner.learner_model_param');
  const numClass = Number(mp.num_class ?? 0);
  if (numClass > 1) throw new Error('XGBoost JSON: multi-class models are not supported');
  const numFeature = Number(mp.num_feature ?? 0);
  const baseScore = parseFloatText(mp.base_score ?? '0.5', 'base_score');
  const baseMargin =
    objective === 'binary:logitraw'
      ? Math.fround(baseScore)
      : Math.fround(-Math.log(Math.fround(Math.fround(1 / Math.fround(baseScore)) - 1)));
  const gb = obj(learner.gradient_booster, 'learner.gradient_booster');
  const boosterName = String(gb.name ?? 'gbtree');
  let model: Json;
  let weights: number[] | null = null;
  if (boosterName === 'gbtree') model = obj(gb.model, 'gradient_booster.model');
  else if (boosterName === 'dart') {
    model = obj(obj(gb.gbtree, 'gradient_booster.gbtree').model, 'gradient_booster.gbtree.model');
    weights = nums(gb.weight_drop, 'weight_drop');
  } else throw new Error(`XGBoost JSON: booster '${boosterName}' is not supported (gbtree or dart)`);
  const rawTrees = model.trees;
  if (!Array.isArray(rawTrees)) throw new Error('XGBoost JSON: model.trees must be an array');
  const treeInfo = Array.isArray(model.tree_info) ? (model.tree_info as number[]) : [];
  if (treeInfo.some((g) => g !== 0)) throw new Error('XGBoost JSON: only single-output models are supported');
  const trees: Tree[] = rawTrees.map((raw, ti) => {
    const t = obj(raw, `trees[${ti}]`);
    const left = nums(t.left_children, 'left_children');
    const right = nums(t.right_children, 'right_children');
    const cond = numsOrNull(t.split_conditions, 'split_conditions');
    const idx = nums(t.split_indices, 'split_indices');
    const dl = nums(t.default_left, 'default_left');
    const hess = nums(t.sum_hessian, 'sum_hessian');
    const loss = Array.isArray(t.loss_changes) ? nums(t.loss_changes, 'loss_changes') : [];
    const types = Array.isArray(t.split_type) ? nums(t.split_type, 'split_type') : [];
    const n = left.length;
    const w = weights ? Math.fround(weights[ti] ?? 1) : 1;
    const categoriesRight: (Uint8Array | null)[] = new Array(n).fill(null);
    const catNodes = Array.isArray(t.categories_nodes) ? nums(t.categories_nodes, 'categories_nodes') : [];
    const catSeg = Array.isArray(t.categories_segments)
      ? nums(t.categories_segments, 'categories_segments')
      : [];
    const catSize = Array.isArray(t.categories_sizes) ? nums(t.categories_sizes, 'categories_sizes') : [];
    const cats = Array.isArray(t.categories) ? nums(t.categories, 'categories') : [];
    catNodes.forEach((node, k) => {
      const list = cats.slice(catSeg[k]!, catSeg[k]! + catSize[k]!);
      const max = list.reduce((a, b) => Math.max(a, b), -1);
      const mask = new Uint8Array(max + 1);
      for (const c of list) mask[c] = 1;
      categoriesRight[node] = mask;
    });
    const feature = new Int32Array(n);
    const value = new Float64Array(n);
    const threshold = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const leaf = left[i] === -1;
      feature[i] = leaf ? -1 : idx[i]!;
      if (leaf) value[i] = weights ? Math.fround(Math.fround(cond[i]!) * w) : Math.fround(cond[i]!);
      else threshold[i] = Math.fround(cond[i]!);
      if (!leaf && types[i] === 1 && !categoriesRight[i]) categoriesRight[i] = new Uint8Array(0);
      if (!leaf && (feature[i]! < 0 || (numFeature > 0 && feature[i]! >= numFeature)))
        throw new Error(`XGBoost JSON: tree ${ti} node ${i} splits on feature ${feature[i]} out of range`);
    }
    return {
      feature,
      threshold,
      defaultLeft: Uint8Array.from(dl),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value,
      cover: Float64Array.from(hess),
      gain: Float64Array.from({ length: n }, (_, i) => loss[i] ?? 0),
      categoriesRight,
    };
  });
  const names = Array.isArray(learner.feature_names) ? (learner.feature_names as string[]) : [];
  const featureNames = names.length ? names : Array.from({ length: numFeature }, (_, i) => `f${i}`);
  const types = Array.isArray(learner.feature_types) ? (learner.feature_types as string[]) : [];
  const featureTypes = featureNames.map((_, i) => types[i] ?? 'float');
  return {
    featureNames,
    featureTypes,
    objective,
    version,
    ensemble: { trees, baseMargin, featureCount: Math.max(numFeature, featureNames.length), float32: true },
  };
}
