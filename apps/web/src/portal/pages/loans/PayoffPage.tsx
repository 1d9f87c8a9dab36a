import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../../api/client.ts';
import { formatDate } from '../../../shared/format.ts';
import { api } from '../../context.ts';
import { LoanScreen, Parts, ProblemNotice, yuan } from './common.tsx';

function Payoff({ id }: { id: string }) {
  const { t, i18n } = useTranslation('portal');
  const quote = useQuery({
    queryKey: ['loan', id, 'payoff'],
    queryFn: () => call(api.GET('/api/v1/loans/{id}/payoff', { params: { path: { id } } })),
  });
  if (quote.error) return <ProblemNotice error={quote.error} />;
  if (!quote.data) return <p aria-live="polite">{t('app.loading')}</p>;
  const q = quote.data;
  return (
    <section className="due-card" aria-labelledby="payoff-intro">
      <p id="payoff-intro">{t('loans.payoff.intro', { date: formatDate(q.date, i18n.language) })}</p>
      <p className="amount-big" data-testid="payoff-amount">
        {yuan(q.totalMinor)}
      </p>
      <Parts
        amounts={{
          principalMinor: q.principalMinor,
          interestMinor: q.interestMinor,
          feeMinor: q.feesMinor,
          penaltyMinor: q.penaltiesMinor,
          totalMinor: q.totalMinor,
        }}
        testId="payoff-parts"
      />
      <p className="hint">{t('loans.payoff.note')}</p>
      {q.totalMinor > 0 && (
        <Link to={`/loans/${id}/pay?amount=payoff`} className="btn btn-primary">
          {t('loans.payoff.payThis')}
        </Link>
      )}
    </section>
  );
}

/** The payoff quote: what closing the loan today costs, by component (`GET /loans/{id}/payoff`). */
export default function PayoffPage() {
  const { t } = useTranslation('portal');
  return <LoanScreen title={t('loans.payoff.title')}>{(id) => <Payoff id={id} />}</LoanScreen>;
}
