import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Table, type TableProps, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { paths } from '../../../api/schema.d.ts';
import { minorToAmount } from '../../../shared/decimal.ts';
import { formatAmount, formatDate, formatDateTime } from '../../../shared/format.ts';
import type { Permission } from '../../../shared/permissions.ts';
import { api } from '../../context.ts';
import { useCaption } from './caption.tsx';
import {
  canReverse,
  type JournalEntry,
  type LedgerLine,
  type LoanDetail,
  type LoanProduct,
  type LoanTransaction,
  ledgerLines,
  type ScheduleRow,
  scheduleRows,
} from './loans.ts';
import { SchedulePreview } from './SchedulePreview.tsx';
import { CategoryTag, StatusTag } from './tags.tsx';

type Payoff = paths['/api/v1/loans/{id}/payoff']['get']['responses']['200']['content']['application/json'];
type StatusChange = LoanDetail['statusHistory'][number];
type ClassificationChange = LoanDetail['classificationHistory'][number];

const STATE_COLORS = { paid: '#237804', overdue: '#a8071a', open: 'default' } as const;

/**
 * Before disbursement a loan has no instalments yet: the schedule it would have if disbursed on
 * the business date (`POST /api/v1/loans/preview`, with its annualised rate), when the loan's
 * product version is still the active one.
 */
function ProjectedSchedule({ loan, product }: { loan: LoanDetail; product: LoanProduct | undefined }) {
  const { t } = useTranslation();
  const body =
    product?.status === 'active'
      ? { productCode: product.code, principalMinor: loan.principalMinor, repayments: loan.repayments }
      : null;
  const preview = useQuery({
    queryKey: ['loans', loan.id, 'projected', body],
    queryFn: () => call(api.POST('/api/v1/loans/preview', { body: body as NonNullable<typeof body> })),
    enabled: body !== null,
  });
  if (!product) return null;
  if (!body) return <Typography.Paragraph>{t('loans.schedule.notProjected')}</Typography.Paragraph>;
  return (
    <>
      <Typography.Paragraph>{t('loans.schedule.projected')}</Typography.Paragraph>
      <SchedulePreview
        preview={preview.data}
        loading={preview.isFetching}
        error={preview.isError ? (preview.error as ApiError) : null}
      />
    </>
  );
}

/** The loan's instalments: due, paid and outstanding, each marked paid, overdue or not yet due. */
export function ScheduleTab({
  loan,
  product,
  businessDate,
}: {
  loan: LoanDetail;
  product: LoanProduct | undefined;
  businessDate?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const caption = useCaption(t('loans.schedule.caption'));
  const rows = useMemo(
    () => scheduleRows(loan.installments, loan.currency, businessDate),
    [loan.installments, loan.currency, businessDate],
  );
  const columns = useMemo<TableProps<ScheduleRow>['columns']>(
    () => [
      { title: t('loans.schedule.columns.n'), dataIndex: 'n', key: 'n' },
      {
        title: t('loans.schedule.columns.dueDate'),
        key: 'dueDate',
        render: (_, r) => formatDate(r.dueDate, i18n.language, 'medium'),
      },
      ...(['principal', 'interest', 'fee', 'penalty', 'due', 'paid', 'outstanding'] as const).map((k) => ({
        title: t(`loans.schedule.columns.${k}`),
        key: k,
        align: 'right' as const,
        render: (_: unknown, r: ScheduleRow) => formatAmount(r[k]),
      })),
      {
        title: t('loans.schedule.columns.state'),
        key: 'state',
        render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{t(`loans.schedule.state.${r.state}`)}</Tag>,
      },
    ],
    [t, i18n.language],
  );
  if (loan.installments.length === 0)
    return ['submitted', 'approved'].includes(loan.status) ? (
      <ProjectedSchedule loan={loan} product={product} />
    ) : (
      <Typography.Paragraph>{t('loans.schedule.none')}</Typography.Paragraph>
    );
  return (
    <div data-testid="loan-schedule">
      <Table<ScheduleRow>
        rowKey="n"
        size="small"
        components={caption}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}

/** The loan's transactions with their allocation; reversed ones are marked and struck through. */
export function TransactionsTab(props: {
  loan: LoanDetail;
  items: readonly LoanTransaction[];
  loading: boolean;
  /** Whether the user holds a permission (the reverse button needs `loans:transact`). */
  can: (p: Permission) => boolean;
  onReverse: (txn: LoanTransaction) => void;
}) {
  const { t, i18n } = useTranslation();
  const caption = useCaption(t('loans.transactions.caption'));
  const { loan } = props;
  const columns = useMemo<TableProps<LoanTransaction>['columns']>(() => {
    const money = (minor: number) => formatAmount(minorToAmount(minor, loan.currency));
    return [
      {
        title: t('loans.transactions.columns.id'),
        key: 'id',
        render: (_, x) => <span className="mono">{x.id}</span>,
      },
      {
        title: t('loans.transactions.columns.type'),
        key: 'type',
        render: (_, x) =>
          t(`loans.transactions.types.${x.type}` as 'loans.transactions.types.repayment', {
            defaultValue: x.type,
          }),
      },
      {
        title: t('loans.transactions.columns.businessDate'),
        key: 'businessDate',
        render: (_, x) => formatDate(x.businessDate, i18n.language, 'medium'),
      },
      {
        title: t('loans.transactions.columns.valueDate'),
        key: 'valueDate',
        render: (_, x) => formatDate(x.valueDate, i18n.language, 'medium'),
      },
      {
        title: t('loans.transactions.columns.amount'),
        key: 'amount',
        align: 'right',
        render: (_, x) => (x.reversedBy ? <del>{money(x.amountMinor)}</del> : money(x.amountMinor)),
      },
      { title: t('loans.transactions.columns.channel'), key: 'channel', render: (_, x) => x.channel ?? '—' },
      {
        title: t('loans.transactions.columns.allocation'),
        key: 'allocation',
        render: (_, x) =>
          x.allocation
            ? t('loans.transactions.allocation', {
                principal: money(x.allocation.principal),
                interest: money(x.allocation.interest),
                fee: money(x.allocation.fee),
                penalty: money(x.allocation.penalty),
                overpayment: money(x.allocation.overpayment),
              })
            : '—',
      },
      {
        title: t('loans.transactions.columns.state'),
        key: 'state',
        render: (_, x) =>
          x.reversedBy ? (
            <Tag data-reversed-by={x.reversedBy}>
              {t('loans.transactions.reversedBy', { id: x.reversedBy })}
            </Tag>
          ) : canReverse(x, loan.status, props.can) ? (
            <Button
              size="small"
              danger
              aria-label={t('loans.transactions.reverseLabel', { id: x.id })}
              onClick={() => props.onReverse(x)}
            >
              {t('loans.transactions.reverse')}
            </Button>
          ) : null,
      },
    ];
  }, [t, i18n.language, loan.currency, loan.status, props.can, props.onReverse]);
  return (
    <div data-testid="loan-transactions">
      <Table<LoanTransaction>
        rowKey="id"
        size="small"
        components={caption}
        columns={columns}
        dataSource={[...props.items]}
        loading={props.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('loans.transactions.empty') }}
      />
    </div>
  );
}

/** The loan's journal entries in posting order, one row per line. */
export function JournalTab(props: { entries: readonly JournalEntry[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const caption = useCaption(t('loans.journal.caption'));
  const rows = useMemo(() => ledgerLines(props.entries), [props.entries]);
  const columns = useMemo<TableProps<LedgerLine>['columns']>(() => {
    const span = (l: LedgerLine) => ({ rowSpan: l.first ? l.lines : 0 });
    return [
      {
        title: t('loans.journal.columns.id'),
        key: 'id',
        onCell: span,
        render: (_, l) => (
          <>
            <span className="mono">{l.entryId}</span>
            {l.reversesId && (
              <div>
                <Typography.Text type="secondary">
                  {t('loans.journal.reverses', { id: l.reversesId })}
                </Typography.Text>
              </div>
            )}
          </>
        ),
      },
      {
        title: t('loans.journal.columns.businessDate'),
        key: 'businessDate',
        onCell: span,
        render: (_, l) => formatDate(l.businessDate, i18n.language, 'medium'),
      },
      { title: t('loans.journal.columns.type'), key: 'type', onCell: span, render: (_, l) => l.txnType },
      { title: t('loans.journal.columns.memo'), key: 'memo', onCell: span, render: (_, l) => l.memo },
      {
        title: t('loans.journal.columns.account'),
        key: 'account',
        render: (_, l) => <span className="mono">{l.account}</span>,
      },
      {
        title: t('loans.journal.columns.debit'),
        key: 'debit',
        align: 'right',
        render: (_, l) => (l.debit ? formatAmount(l.debit) : ''),
      },
      {
        title: t('loans.journal.columns.credit'),
        key: 'credit',
        align: 'right',
        render: (_, l) => (l.credit ? formatAmount(l.credit) : ''),
      },
    ];
  }, [t, i18n.language]);
  return (
    <div data-testid="loan-journal">
      <Table<LedgerLine>
        rowKey="key"
        size="small"
        bordered
        components={caption}
        columns={columns}
        dataSource={rows}
        loading={props.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('loans.journal.empty') }}
      />
    </div>
  );
}

/** Every status change of the loan: when, on which business date, by whom and why. */
export function HistoryTab({ loan }: { loan: LoanDetail }) {
  const { t, i18n } = useTranslation();
  const caption = useCaption(t('loans.history.caption'));
  const columns = useMemo<TableProps<StatusChange>['columns']>(
    () => [
      {
        title: t('loans.history.columns.at'),
        key: 'at',
        render: (_, h) => formatDateTime(h.at, i18n.language),
      },
      {
        title: t('loans.history.columns.businessDate'),
        key: 'businessDate',
        render: (_, h) => formatDate(h.businessDate, i18n.language, 'medium'),
      },
      {
        title: t('loans.history.columns.change'),
        key: 'change',
        render: (_, h) => (
          <>
            {h.from ? <StatusTag status={h.from as LoanDetail['status']} /> : t('loans.history.created')} →{' '}
            <StatusTag status={h.to as LoanDetail['status']} />
          </>
        ),
      },
      { title: t('loans.history.columns.actor'), dataIndex: 'actor', key: 'actor' },
      { title: t('loans.history.columns.reason'), key: 'reason', render: (_, h) => h.reason ?? '—' },
    ],
    [t, i18n.language],
  );
  return (
    <Table<StatusChange>
      rowKey={(h) => `${h.at}:${h.to}`}
      size="small"
      components={caption}
      columns={columns}
      dataSource={[...loan.statusHistory]}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}

/** Every change of the loan's risk category: when, why (transaction, end of day, staff), by whom, at how many days past due. */
export function ClassificationTab({ loan }: { loan: LoanDetail }) {
  const { t, i18n } = useTranslation();
  const caption = useCaption(t('loans.classificationHistory.caption'));
  const columns = useMemo<TableProps<ClassificationChange>['columns']>(
    () => [
      {
        title: t('loans.history.columns.businessDate'),
        key: 'businessDate',
        render: (_, h) => formatDate(h.businessDate, i18n.language, 'medium'),
      },
      {
        title: t('loans.history.columns.change'),
        key: 'change',
        render: (_, h) => (
          <>
            <CategoryTag category={h.from as LoanDetail['classification']} /> →{' '}
            <CategoryTag category={h.to as LoanDetail['classification']} />
          </>
        ),
      },
      {
        title: t('loans.classificationHistory.source'),
        key: 'source',
        render: (_, h) => t(`loans.classificationHistory.sources.${h.source}`),
      },
      { title: t('loans.classificationHistory.dpd'), dataIndex: 'dpd', key: 'dpd' },
      { title: t('loans.history.columns.actor'), dataIndex: 'actor', key: 'actor' },
      {
        title: t('loans.history.columns.at'),
        key: 'at',
        render: (_, h) => formatDateTime(h.at, i18n.language),
      },
    ],
    [t, i18n.language],
  );
  return (
    <Table<ClassificationChange>
      rowKey={(h) => `${h.at}:${h.from}:${h.to}`}
      size="small"
      components={caption}
      columns={columns}
      dataSource={[...loan.classificationHistory]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      // The empty cell's own grey is too faint to read (axe: colour contrast): plain text colour.
      locale={{ emptyText: <Typography.Text>{t('loans.classificationHistory.empty')}</Typography.Text> }}
    />
  );
}

/** What paying the loan off today costs, by component. */
export function PayoffTab({ loan, quote }: { loan: LoanDetail; quote: Payoff | undefined }) {
  const { t, i18n } = useTranslation();
  if (loan.status !== 'active' || !quote)
    return <Typography.Paragraph>{t('loans.payoff.inactive')}</Typography.Paragraph>;
  const money = (minor: number) => formatAmount(minorToAmount(minor, loan.currency));
  return (
    <>
      <Typography.Paragraph>
        {t('loans.payoff.intro', { date: formatDate(quote.date, i18n.language) })}
      </Typography.Paragraph>
      <Descriptions size="small" bordered column={1} style={{ maxWidth: 480 }}>
        <Descriptions.Item label={t('loans.detail.components.principal')}>
          {money(quote.principalMinor)}
        </Descriptions.Item>
        <Descriptions.Item label={t('loans.detail.components.interest')}>
          {money(quote.interestMinor)}
        </Descriptions.Item>
        <Descriptions.Item label={t('loans.detail.components.fees')}>
          {money(quote.feesMinor)}
        </Descriptions.Item>
        <Descriptions.Item label={t('loans.detail.components.penalties')}>
          {money(quote.penaltiesMinor)}
        </Descriptions.Item>
        <Descriptions.Item label={t('loans.payoff.total')}>
          <strong data-testid="payoff-total">{money(quote.totalMinor)}</strong>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
