import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { useElderMode } from '../../elder.ts';
import { LoanScreen, ProblemNotice, useDue, useLoan, yuan } from './common.tsx';
import { instalmentStatus, instalmentTotals } from './loans.ts';

function Schedule({ id }: { id: string }) {
  const { t, i18n } = useTranslation('portal');
  const elder = useElderMode();
  const loan = useLoan(id);
  const due = useDue(id);
  const error = loan.error ?? due.error;
  if (error) return <ProblemNotice error={error} />;
  if (!loan.data || !due.data) return <p aria-live="polite">{t('app.loading')}</p>;
  const date = due.data.date;
  const rows = loan.data.installments.map((i) => ({
    ...i,
    ...instalmentTotals(i),
    status: instalmentStatus(i, date),
  }));
  const badge = (status: (typeof rows)[number]['status']) => (
    <span className={`badge badge-${status}`}>{t(`loans.schedule.status.${status}`)}</span>
  );
  return (
    <>
      <p className="hint">{t('loans.schedule.asOf', { date: formatDate(date, i18n.language) })}</p>
      {elder ? (
        <ol className="periods" aria-label={t('loans.schedule.caption')}>
          {rows.map((r) => (
            <li key={r.n} data-testid="schedule-row" data-status={r.status}>
              <p className="period-head">
                <span>{t('loans.schedule.period', { n: r.n })}</span> {badge(r.status)}
              </p>
              <p className="period-total">{yuan(r.dueMinor)}</p>
              <dl className="facts compact">
                <div>
                  <dt>{t('loans.schedule.dueDate')}</dt>
                  <dd>{formatDate(r.dueDate, i18n.language)}</dd>
                </div>
                {r.paidMinor > 0 && (
                  <div>
                    <dt>{t('loans.schedule.paid')}</dt>
                    <dd>{yuan(r.paidMinor)}</dd>
                  </div>
                )}
                {r.status !== 'paid' && (
                  <div>
                    <dt>{t('loans.schedule.left')}</dt>
                    <dd>{yuan(r.outstandingMinor)}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ol>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" aria-label={t('loans.schedule.caption')} tabIndex={0}>
          <table>
            <caption>{t('loans.schedule.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('loans.schedule.n')}</th>
                <th scope="col">{t('loans.schedule.dueDate')}</th>
                <th scope="col">{t('loans.schedule.due')}</th>
                <th scope="col">{t('loans.schedule.state')}</th>
                <th scope="col">{t('loans.schedule.left')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.n} data-testid="schedule-row" data-status={r.status}>
                  <th scope="row">{r.n}</th>
                  <td>{r.dueDate}</td>
                  <td className="num strong">{yuan(r.dueMinor)}</td>
                  <td>{badge(r.status)}</td>
                  <td className="num">{yuan(r.outstandingMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

/** The full payment plan: every instalment with its date, amount, what is paid and its status. */
export default function SchedulePage() {
  const { t } = useTranslation('portal');
  return <LoanScreen title={t('loans.schedule.title')}>{(id) => <Schedule id={id} />}</LoanScreen>;
}
