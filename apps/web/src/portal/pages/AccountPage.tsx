import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { call } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { useSession } from '../../api/session.ts';
import { errorKey } from '../../i18n/errors.ts';
import { formatDate, maskPhone } from '../../shared/format.ts';
import { Page } from '../components/Shell.tsx';
import { Button, Notice } from '../components/ui.tsx';
import { api, portalSession } from '../context.ts';

/**
 * "My account": who the borrower is (`GET /auth/me`, then `GET /borrowers/{id}`), and the way to
 * their loans.
 */
export default function AccountPage() {
  const { t, i18n } = useTranslation('portal');
  const session = useSession(portalSession);
  const location = useLocation();
  const navigate = useNavigate();
  const me = useQuery({
    queryKey: ['auth', 'me', session?.token],
    queryFn: () => call(api.GET('/api/v1/auth/me')),
    enabled: session !== null,
  });
  const borrowerId = me.data?.kind === 'borrower' ? me.data.id : undefined;
  const borrower = useQuery({
    queryKey: ['borrower', borrowerId],
    queryFn: () =>
      call(api.GET('/api/v1/borrowers/{id}', { params: { path: { id: borrowerId as string } } })),
    enabled: borrowerId !== undefined,
  });
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  const error = me.error ?? borrower.error;
  const signOut = async () => {
    try {
      await api.POST('/api/v1/auth/sign-out');
    } finally {
      portalSession.clear('signed_out');
      navigate('/sign-in', { replace: true });
    }
  };
  return (
    <Page title={t('account.title')}>
      {error && (
        <Notice kind="error">
          {t(errorKey(error instanceof ApiError ? error.code : 'unknown'), { ns: 'errors' })}
        </Notice>
      )}
      {!borrower.data && !error && <p aria-live="polite">{t('app.loading')}</p>}
      {borrower.data && (
        <dl className="facts" data-testid="account-facts">
          <div>
            <dt>{t('account.name')}</dt>
            <dd>{borrower.data.fullName}</dd>
          </div>
          <div>
            <dt>{t('account.phone')}</dt>
            <dd>{maskPhone(borrower.data.phone)}</dd>
          </div>
          <div>
            <dt>{t('account.since')}</dt>
            <dd>{formatDate(borrower.data.createdAt, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('account.id')}</dt>
            <dd className="mono">{borrower.data.id}</dd>
          </div>
        </dl>
      )}
      <section aria-labelledby="loans-title">
        <h2 id="loans-title">{t('account.loansTitle')}</h2>
        <p>
          <Link to="/loans" data-testid="account-loans">
            {t('account.loansLink')}
          </Link>
        </p>
      </section>
      <Button variant="secondary" onClick={() => void signOut()}>
        {t('account.signOut')}
      </Button>
    </Page>
  );
}
