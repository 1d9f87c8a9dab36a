import type { ModelArtefact } from '@puhui/risk';

/**
 * The inputs a model reads: a scorecard's selected variables, or the features its trees split on.
 *
 * @example modelInputs(artefact); // ['checking_status', 'duration_months', …]
 */
export function modelInputs(artefact: ModelArtefact): string[] {
  if (artefact.scorecard) return artefact.scorecard.variables.map((v) => v.binning.name);
  const names = artefact.gbdt
    ? artefact.gbdt.encoders.map((e) => e.name)
    : [...(artefact.xgboost?.featureNames ?? [])];
  const trees = artefact.gbdt?.trees ?? artefact.xgboost?.trees ?? [];
  const used = new Set<number>();
  for (const t of trees) for (const f of t.feature) if (f >= 0) used.add(f);
  return names.filter((_, f) => used.has(f));
}
