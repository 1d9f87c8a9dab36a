import type { paths } from '../../../api/schema.d.ts';

/** The body of `POST /api/v1/siting/studies` and its answer. */
export type Body = paths['/api/v1/siting/studies']['post']['requestBody']['content']['application/json'];
export type Created =
  paths['/api/v1/siting/studies']['post']['responses']['201']['content']['application/json'];
export type SitingModelName = Body['model'];

/** The location models the API offers, in the order the form lists them. */
export const SITING_MODELS: readonly SitingModelName[] = ['mclp', 'lscp', 'pmedian', 'pcenter'];

/** The run-study form's values. */
export interface RunForm {
  name?: string;
  model: SitingModelName;
  p?: number | null;
  radius?: number | null;
  keepStations: boolean;
  method: NonNullable<Body['method']>;
  timeLimitSeconds?: number | null;
}

/** Which parameters a model uses: `p` (number of sites) and whether the radius is required. */
export function modelNeeds(model: SitingModelName): { p: boolean; radius: 'required' | 'optional' } {
  return {
    p: model !== 'lscp',
    radius: model === 'mclp' || model === 'lscp' ? 'required' : 'optional',
  };
}

/**
 * The request body a filled form describes, on the demo county: p only for models that choose a
 * number of sites, the radius when given, the existing stations fixed open or not.
 *
 * @example studyBody({ name: 'Six more', model: 'mclp', p: 12, radius: 5, keepStations: true, method: 'auto' }, ['C-QI-00']);
 */
export function studyBody(values: RunForm, stations: readonly string[]): Body {
  const needs = modelNeeds(values.model);
  return {
    name: values.name?.trim() ?? '',
    model: values.model,
    ...(needs.p && typeof values.p === 'number' ? { p: values.p } : {}),
    ...(typeof values.radius === 'number' ? { radius: values.radius } : {}),
    fixed: values.keepStations ? [...stations] : [],
    method: values.method,
    ...(typeof values.timeLimitSeconds === 'number' ? { timeLimitSeconds: values.timeLimitSeconds } : {}),
  };
}
