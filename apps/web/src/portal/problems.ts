import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ProblemMapping, toApiError, toFormProblem } from '../api/problem.ts';
import { errorKey } from '../i18n/errors.ts';

/**
 * Server errors for a hand-written portal form: messages per field (shown in place by
 * `TextField`'s `error`) and a plain-language banner for the rest. A field's message is
 * `fieldText(field)` when given (the form's own plain words in the reader's language), else the
 * code's text when the code maps to the field, else the server's message.
 *
 * @example const p = usePortalProblems({ fields: ['phone'] }); <TextField error={p.fields.phone} />
 */
export function usePortalProblems(
  mapping: ProblemMapping,
  fieldText?: (field: string) => string | undefined,
) {
  const { t } = useTranslation('portal');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const show = useCallback(
    (error: unknown) => {
      const apiError = error instanceof ApiError ? error : toApiError(0, undefined);
      const text = t(errorKey(apiError.code), { ns: 'errors' });
      const laid = toFormProblem(apiError.problem, mapping, text);
      setFields(
        Object.fromEntries(
          laid.fields.map((f) => [String(f.name[0]), fieldText?.(String(f.name[0])) ?? f.errors.join(' ')]),
        ),
      );
      setBanner(laid.general ? text : null);
    },
    [mapping, t, fieldText],
  );
  const clear = useCallback(() => {
    setFields({});
    setBanner(null);
  }, []);
  return { fields, banner, show, clear, setFields };
}
