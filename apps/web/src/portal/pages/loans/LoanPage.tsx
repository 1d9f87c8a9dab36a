import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { Page } from '../../components/Shell.tsx';
import { Notice } from '../../components/ui.tsx';
import { useElderMode } from '../../elder.ts';
import { Parts, ProblemNotice, SignedIn, useDue, useLoan, yuan } from './common.tsx';
import type { AmountDue } from './loans.ts';

/** The big card: how much to pay next, by when, and what it is made of. */
function DueNext({ due }: { due: AmountDue }) {
  const { t, i18n } = useTranslation('portal');
  const overdue = due.overdue.totalMinor;
  if (due.nextPaymentMinor <= 0)
    return (
      <section aria-labelledby="due-title" className="due-card" data-testid="due-next">
        <h2 id="due-title">{t('loans.loan.dueTitle')}</h2>
        <p>{t('loans.loan.nothingDue')}</p>
      </section>
    );
  const parts = {
    principalMinor: due.overdue.principalMinor + (due.next?.principalMinor ?? 0),
    interestMinor: due.overdue.interestMinor + (due.next?.interestMinor ?? 0),
    feeMinor: due.overdue.feeMinor + (due.next?.feeMinor ?? 0),
    penaltyMinor: due.overdue.penaltyMinor + (due.next?.penaltyMinor ?? 0),
    totalMinor: due.nextPaymentMinor,
  };
  return (
    <section aria-labelledby="due-title" className="due-card" data-testid="due-next">
      <h2 id="due-title">{t('loans.loan.dueTitle')}</h2>
      <p className="amount-big" data-testid="due-amount">
        {yuan(due.nextPaymentMinor)}
      </p>
      {due.next && (
        <p className="due-when" data-testid="due-date">
          {t('loans.loan.dueBy', { date: formatDate(due.next.dueDate, i18n.language), n: due.next.n })}
        </p>
      )}
      {overdue > 0 && (
        <p className="due-when">{t('loans.loan.includesOverdue', { amount: yuan(overdue) })}</p>
      )}
      <h3>{t('loans.loan.partsTitle')}</h3>
      <Parts amounts={parts} testId="due-parts" />
    </section>
  );
}

function Loan({ id }: { id: string }) {
  const { t, i18n } = useTranslation('portal');
  const elder = useElderMode();
  const loan = useLoan(id);
  const due = useDue(id, loan.data?.status === 'active');
  const error = loan.error ?? due.error;
  if (error) return <ProblemNotice error={error} />;
  if (!loan.data) return <p aria-live="polite">{t('app.loading')}</p>;
  const l = loan.data;
  const active = l.status === 'active';
  const actions = [
    ...(active ? [{ to: 'pay', key: 'pay' as const }] : []),
    { to: 'schedule', key: 'schedule' as const },
    { to: 'history', key: 'history' as const },
    ...(active ? [{ to: 'payoff', key: 'payoff' as const }] : []),
  ];
  return (
    <>
      <p className="lead" data-testid="loan-name">
        {t('loans.loanName', { amount: yuan(l.principalMinor), count: l.repayments })} ·{' '}
        {t(`loans.status.${l.status}`)}
      </p>
      {active && due.data && due.data.overdue.totalMinor > 0 && (
        <Notice kind="warning">
          {t('loans.loan.overdueNotice', { amount: yuan(due.data.overdue.totalMinor) })}
        </Notice>
      )}
      {active && !due.data && <p aria-live="polite">{t('app.loading')}</p>}
      {active && due.data && <DueNext due={due.data} />}
      {!elder && (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{t('loans.loan.summaryTitle')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('loans.loan.borrowed')}</dt>
              <dd>{yuan(l.principalMinor)}</dd>
            </div>
            {active && (
              <div>
                <dt>{t('loans.loan.owed')}</dt>
                <dd>{yuan(due.data?.payoffMinor ?? l.totalOutstandingMinor)}</dd>
              </div>
            )}
            {l.disbursedOn && (
              <div>
                <dt>{t('loans.loan.disbursedOn')}</dt>
                <dd>{formatDate(l.disbursedOn, i18n.language)}</dd>
              </div>
            )}
          </dl>
        </section>
      )}
      <nav aria-labelledby="actions-title">
        <h2 id="actions-title">{t('loans.loan.actions')}</h2>
        <ul className="cards">
          {actions.map((a) => (
            <li key={a.key}>
              <Link to={a.to} className="card-link" data-testid={`loan-action-${a.key}`}>
                <span className="card-title">{t(`loans.loan.${a.key}.title`)}</span>
                {!elder && <span className="card-text">{t(`loans.loan.${a.key}.text`)}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/**
 * One loan: what is due next and when (amount by component in plain words), then the ways on:
 * pay, the payment plan, the history, the payoff amount. In elder mode the summary and the
 * explanations give way to the next payment and large choices.
 */
export default function LoanPage() {
  const { t } = useTranslation('portal');
  const { id = '' } = useParams();
  return (
    <Page title={t('loans.loan.title')} back={{ to: '/loans', label: t('loans.back') }}>
      <SignedIn>
        <Loan id={id} />
      </SignedIn>
    </Page>
  );
}
