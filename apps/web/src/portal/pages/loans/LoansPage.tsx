import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../../api/client.ts';
import { formatDate } from '../../../shared/format.ts';
import { Page } from '../../components/Shell.tsx';
import { api } from '../../context.ts';
import { useElderMode } from '../../elder.ts';
import { ProblemNotice, SignedIn, yuan } from './common.tsx';

function LoansList() {
  const { t, i18n } = useTranslation('portal');
  const elder = useElderMode();
  const loans = useQuery({
    queryKey: ['loans', 'mine'],
    queryFn: () => call(api.GET('/api/v1/loans', { params: { query: { limit: 50, offset: 0 } } })),
  });
  return (
    <>
      {!elder && <p className="lead">{t('loans.intro')}</p>}
      {loans.error && <ProblemNotice error={loans.error} />}
      {!loans.data && !loans.error && <p aria-live="polite">{t('app.loading')}</p>}
      {loans.data?.items.length === 0 && <p>{t('loans.empty')}</p>}
      {loans.data && loans.data.items.length > 0 && (
        <ul className="cards" data-testid="loan-list">
          {loans.data.items.map((loan) => (
            <li key={loan.id}>
              <Link to={`/loans/${loan.id}`} className="card-link" data-testid="loan-card">
                <span className="card-title">
                  {t('loans.loanName', { amount: yuan(loan.principalMinor), count: loan.repayments })}
                </span>
                <span className="card-text">{t(`loans.status.${loan.status}`)}</span>
                {loan.status === 'active' && loan.nextDueDate && (
                  <span className="card-text">
                    {t('loans.nextDue', { date: formatDate(loan.nextDueDate, i18n.language) })}
                  </span>
                )}
                {!elder && loan.status === 'active' && (
                  <span className="card-text">
                    {t('loans.owed', { amount: yuan(loan.totalOutstandingMinor) })}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "My loans": the signed-in borrower's loans (`GET /loans` answers only its own). */
export default function LoansPage() {
  const { t } = useTranslation('portal');
  return (
    <Page title={t('loans.title')} back={{ to: '/', label: t('app.home') }}>
      <SignedIn>
        <LoansList />
      </SignedIn>
    </Page>
  );
}
