/**
 * RFC 9457 problem documents as the server sends them (docs/errors.md), and how a form shows them:
 * each `errors[].path` (`body.username`, `body.fees[0].rate`, or a service's bare `password`) goes
 * to the field it names; whatever names no field of the form is shown above the form.
 */

/** One failed field of a `validation_failed` (or a service's) problem. */
export interface ProblemFieldError {
  readonly path: string;
  readonly message: string;
}

/** The problem+json body of every failed API call. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly ProblemFieldError[];
}

/** A failed API call: the HTTP status and the problem document (synthesised when the body was none). */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get code(): string {
    return this.problem.code;
  }
  get status(): number {
    return this.problem.status;
  }
}

/**
 * Whether `value` looks like a problem document.
 *
 * @example isProblem({ type: 'urn:puhui:error:not_found', title: 'No such resource', status: 404, code: 'not_found' }); // true
 */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.status === 'number' && typeof v.title === 'string';
}

/**
 * Turns a failed response into an {@link ApiError}: the problem document when the body is one,
 * otherwise a synthetic problem (`network_error` when nothing came back, `internal_error` for a
 * non-problem body such as a proxy's HTML page).
 *
 * @example toApiError(502, '<html>Bad gateway</html>').code; // 'internal_error'
 */
export function toApiError(status: number, body: unknown): ApiError {
  if (isProblem(body)) return new ApiError(body);
  if (status === 0) {
    return new ApiError({
      type: 'urn:puhui:error:network_error',
      title: 'Network error',
      status: 0,
      code: 'network_error',
    });
  }
  return new ApiError({
    type: 'urn:puhui:error:internal_error',
    title: `Unexpected response (HTTP ${status})`,
    status,
    code: status === 404 ? 'not_found' : 'internal_error',
  });
}

/** A field name as a form library addresses it: `['fees', 0, 'rate']`. */
export type FieldPath = readonly (string | number)[];

/**
 * Splits a problem path into the field it names, dropping the request part (`body`, `querystring`,
 * `params`) in front: dots and `[i]` indexes both work.
 *
 * @example parseProblemPath('body.fees[0].rate'); // ['fees', 0, 'rate']
 * @example parseProblemPath('body.roles.1'); // ['roles', 1]
 */
export function parseProblemPath(path: string): FieldPath {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p.length > 0);
  if (parts[0] === 'body' || parts[0] === 'querystring' || parts[0] === 'params') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** How a form's fields relate to a problem's paths and codes. */
export interface ProblemMapping {
  /**
   * The fields the form shows: top-level names (`['username', 'password']`) or, for nested forms,
   * dotted paths (`'config.annualRate'`, `'config.fees.*.rate'` where `*` stands for a list index).
   */
  readonly fields: readonly string[];
  /**
   * Paths a service reports under another name: `{ password: 'newPassword' }`; dotted paths too
   * (`{ 'config.limits.minPrincipalMinor': 'config.limits.minPrincipal' }`).
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Codes that concern one field although the problem names none: `{ user_exists: 'username' }`. */
  readonly codes?: Readonly<Record<string, string>>;
}

/** A problem laid out on a form: messages per field, and the rest for a banner above it. */
export interface FormProblem {
  readonly fields: ReadonlyArray<{ readonly name: FieldPath; readonly errors: readonly string[] }>;
  /** True when the problem had something no field shows (the form then shows a banner). */
  readonly general: boolean;
}

/** `['fees', 0, 'rate']` → `'fees.*.rate'`: the pattern a mapping may name a list's field by. */
function patternOf(path: FieldPath): string {
  return path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
}

/** A mapping's dotted field (`'fees.*.rate'`) as a form path, its `*`s filled from `indexes`. */
function fieldPath(field: string, indexes: readonly number[]): FieldPath {
  let i = 0;
  return field.split('.').map((p) => (p === '*' ? (indexes[i++] ?? 0) : /^\d+$/.test(p) ? Number(p) : p));
}

/** The longest prefix of `path` that names a field of the form (after aliases), or undefined. */
function fieldOf(path: FieldPath, mapping: ProblemMapping): FieldPath | undefined {
  for (let k = path.length; k >= 1; k--) {
    const prefix = path.slice(0, k);
    const indexes = prefix.filter((p): p is number => typeof p === 'number');
    for (const key of [prefix.join('.'), patternOf(prefix)]) {
      const field = mapping.aliases?.[key] ?? key;
      if (mapping.fields.includes(field)) return fieldPath(field, indexes);
    }
  }
  return undefined;
}

/**
 * Lays a problem out on a form. A path goes to the longest field of the form it starts with
 * (after `aliases`): for `roles.1` the message goes to `roles` when `roles` is the field the
 * form shows; `body.config.fees[0].rate` goes to `['config', 'fees', 0, 'rate']` when the form
 * lists `config.fees.*.rate`. A code listed in `codes` marks that field with `codeMessage`.
 * Anything left over makes `general` true.
 *
 * @example
 * toFormProblem(
 *   { type: 't', title: 'Bad', status: 400, code: 'validation_failed', errors: [{ path: 'body.username', message: 'Too short' }] },
 *   { fields: ['username'] },
 * ); // { fields: [{ name: ['username'], errors: ['Too short'] }], general: false }
 */
export function toFormProblem(problem: Problem, mapping: ProblemMapping, codeMessage?: string): FormProblem {
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  let general = false;
  const add = (name: FieldPath, message: string) => {
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byField.set(key, entry);
  };
  for (const e of problem.errors ?? []) {
    const name = fieldOf(parseProblemPath(e.path), mapping);
    if (name) add(name, e.message);
    else general = true;
  }
  const codeField = mapping.codes?.[problem.code];
  if (codeField !== undefined && mapping.fields.includes(codeField)) {
    const name = fieldPath(codeField, []);
    if (!byField.has(name.join('.'))) add(name, codeMessage ?? problem.detail ?? problem.title);
  } else if ((problem.errors ?? []).length === 0) {
    general = true;
  }
  return { fields: [...byField.values()], general };
}
