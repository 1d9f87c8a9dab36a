import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ProblemMapping, toApiError, toFormProblem } from '../api/problem.ts';
import { errorKey } from '../i18n/errors.ts';

/**
 * Shows a failed submission on an Ant Design form: each `errors[].path` under its field (in place,
 * via `form.setFields`), a code listed in `mapping.codes` under its field in the reader's
 * language, and anything else in a banner (`banner`, render it with `<ProblemAlert>`).
 *
 * @example
 * const problems = useFormProblems(form, { fields: ['username', 'password'], codes: { user_exists: 'username' } });
 * mutation.mutate(values, { onError: problems.show });
 * {problems.banner && <ProblemAlert error={problems.banner} />}
 */
export function useFormProblems(form: FormInstance, mapping: ProblemMapping) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<ApiError | null>(null);
  const show = useCallback(
    (error: unknown) => {
      const apiError = error instanceof ApiError ? error : toApiError(0, undefined);
      const laid = toFormProblem(apiError.problem, mapping, t(errorKey(apiError.code), { ns: 'errors' }));
      form.setFields(laid.fields.map((f) => ({ name: [...f.name], errors: [...f.errors] })));
      setBanner(laid.general ? apiError : null);
    },
    [form, mapping, t],
  );
  const clear = useCallback(() => setBanner(null), []);
  return { banner, show, clear };
}

/**
 * A form rule that a select has a value. Not `required: true`: with that, Ant Design puts
 * `aria-required` on the select's wrapper `<div>`, which has no role to carry it (axe:
 * aria-allowed-attr); the server still refuses a missing value.
 *
 * @example <Form.Item name="channel" rules={[chosen(t('common.required'))]}><Select … /></Form.Item>
 */
export function chosen(message: string) {
  return {
    validator: (_: unknown, value: unknown) =>
      value === undefined || value === null || value === ''
        ? Promise.reject(new Error(message))
        : Promise.resolve(),
  };
}
