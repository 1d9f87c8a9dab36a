import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/problem.ts';
import { errorKey } from '../../i18n/errors.ts';

/**
 * A failed call explained above a form or table: the code's text in the reader's language, the
 * server's detail, and the request id to quote to support.
 *
 * @example {error && <ProblemAlert error={error} />}
 */
export function ProblemAlert({
  error,
  onRetry,
  detail: explained,
}: {
  error: ApiError;
  onRetry?: () => void;
  /** Shown instead of the server's detail (which speaks the API's terms, e.g. minor units). */
  detail?: string;
}) {
  const { t } = useTranslation();
  const { problem } = error;
  const serverDetail = problem.detail && problem.detail !== problem.title ? problem.detail : undefined;
  const detail = [
    explained ?? serverDetail,
    problem.instance ? t('common.requestId', { id: problem.instance }) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-problem-code={problem.code}
      message={t(errorKey(problem.code), { ns: 'errors' })}
      description={detail || undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
