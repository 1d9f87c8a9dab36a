import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { api } from '../../context.ts';
import { channelName, LoanScreen, ProblemNotice, yuan } from './common.tsx';
import { historyOf } from './loans.ts';

const TYPES = [
  'disbursement',
  'repayment',
  'payoff',
  'fee_charge',
  'penalty_charge',
  'waiver',
  'write_off',
  'recovery',
  'reversal',
] as const;

function History({ id }: { id: string }) {
  const { t, i18n } = useTranslation('portal');
  const transactions = useQuery({
    queryKey: ['loan', id, 'transactions'],
    queryFn: () => call(api.GET('/api/v1/loans/{id}/transactions', { params: { path: { id } } })),
  });
  const payments = useQuery({
    queryKey: ['loan', id, 'payments'],
    queryFn: () =>
      call(
        api.GET('/api/v1/loans/{id}/payments', { params: { path: { id }, query: { limit: 50, offset: 0 } } }),
      ),
  });
  const error = transactions.error ?? payments.error;
  if (error) return <ProblemNotice error={error} />;
  if (!transactions.data || !payments.data) return <p aria-live="polite">{t('app.loading')}</p>;
  const items = historyOf(transactions.data.items, payments.data.items);
  if (items.length === 0) return <p>{t('loans.history.empty')}</p>;
  const typeText = (type: string) =>
    t(
      `loans.history.types.${(TYPES as readonly string[]).includes(type) ? (type as (typeof TYPES)[number]) : 'other'}`,
    );
  return (
    <>
      <p className="hint">{t('loans.history.caption')}</p>
      <ol className="periods history">
        {items.map((item) => (
          <li
            key={item.key}
            data-testid="history-item"
            data-kind={item.kind === 'payment' ? item.status : item.type}
          >
            <p className="period-head">
              <span>{item.kind === 'payment' ? t(`loans.history.${item.status}`) : typeText(item.type)}</span>
            </p>
            <p className="period-total">{yuan(item.minor)}</p>
            <p className="hint">
              {formatDateTime(item.date, i18n.language)}
              {item.channel && !item.channel.startsWith('merchant:')
                ? ` · ${t('loans.history.via', { channel: channelName(t, item.channel) })}`
                : ''}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

/** A loan's history: the money sent, every payment, and payments still in progress or failed. */
export default function HistoryPage() {
  const { t } = useTranslation('portal');
  return <LoanScreen title={t('loans.history.title')}>{(id) => <History id={id} />}</LoanScreen>;
}
