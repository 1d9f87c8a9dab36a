import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { ApiError } from '../../api/problem.ts';
import { useSession } from '../../api/session.ts';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { consoleSession } from '../context.ts';
import { useMe } from './useMe.ts';

/**
 * Renders its children for a signed-in staff user whose `/auth/me` has loaded; sends anyone else
 * to the sign-in page (remembering where they were going).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession(consoleSession);
  const location = useLocation();
  const me = useMe();
  const { t } = useTranslation();
  if (!session)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (me.isError) {
    return (
      <div style={{ padding: 24 }}>
        <ProblemAlert error={me.error as ApiError} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!me.data) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
        <Spin aria-label={t('app.loading')} />
      </Flex>
    );
  }
  return children;
}
