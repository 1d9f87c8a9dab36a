import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Flex, Row, Statistic, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import { minorToAmount } from '../../../shared/decimal.ts';
import { formatAmount, formatDate, maskPhone } from '../../../shared/format.ts';
import { can, type Me, type Permission } from '../../../shared/permissions.ts';
import { useMe } from '../../auth/useMe.ts';
import { CardTitle } from '../../components/CardTitle.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { type Acting, ActionModal } from './ActionModal.tsx';
import {
  ClassificationTab,
  HistoryTab,
  JournalTab,
  PayoffTab,
  ScheduleTab,
  TransactionsTab,
} from './LoanTabs.tsx';
import { availableActions, CHANNELS, type LoanDetail, type LoanTransaction } from './loans.ts';
import { CategoryTag, StatusTag } from './tags.tsx';

/**
 * One loan (`GET /api/v1/loans/:id`): its summary and outstanding balance by component, its
 * schedule, transactions, ledger entries, status history and payoff quote, and the actions the
 * user's role may take in its status.
 */
export default function LoanDetailPage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const [acting, setActing] = useState<Acting | null>(null);
  const me = useMe().data as Me | undefined;
  const has = useCallback((p: Permission) => can(me, p), [me]);
  const path = { params: { path: { id } } };
  const loan = useQuery({
    queryKey: ['loans', id, 'detail'],
    queryFn: () => call(api.GET('/api/v1/loans/{id}', path)),
  });
  const data = loan.data;
  const borrower = useQuery({
    queryKey: ['borrowers', data?.borrowerId],
    queryFn: () =>
      call(api.GET('/api/v1/borrowers/{id}', { params: { path: { id: data?.borrowerId ?? '' } } })),
    enabled: data !== undefined,
    staleTime: 5 * 60_000,
  });
  const product = useQuery({
    queryKey: ['products', data?.productId],
    queryFn: () =>
      call(api.GET('/api/v1/products/{id}', { params: { path: { id: data?.productId ?? '' } } })),
    enabled: data !== undefined,
    staleTime: 5 * 60_000,
  });
  const transactions = useQuery({
    queryKey: ['loans', id, 'transactions'],
    queryFn: () => call(api.GET('/api/v1/loans/{id}/transactions', path)),
    enabled: data !== undefined,
  });
  const journal = useQuery({
    queryKey: ['loans', id, 'journal'],
    queryFn: () => call(api.GET('/api/v1/loans/{id}/journal', path)),
    enabled: data !== undefined,
  });
  const payoff = useQuery({
    queryKey: ['loans', id, 'payoff'],
    queryFn: () => call(api.GET('/api/v1/loans/{id}/payoff', path)),
    enabled: data?.status === 'active',
  });
  const onReverse = useCallback((txn: LoanTransaction) => setActing({ action: 'reverse', txn }), []);

  if (loan.isError)
    return (
      <>
        <PageHeader
          title={t('loans.detail.title', { id })}
          actions={<Link to="/loans">{t('loans.back')}</Link>}
        />
        <ProblemAlert error={loan.error as ApiError} onRetry={() => void loan.refetch()} />
      </>
    );
  const actions = data ? availableActions(data.status, has) : [];
  const money = (minor: number) => (data ? formatAmount(minorToAmount(minor, data.currency)) : '');
  const borrowerName = borrower.data?.fullName ?? data?.borrowerId ?? '';
  return (
    <>
      <PageHeader
        title={t('loans.detail.title', { id })}
        actions={<Link to="/loans">{t('loans.back')}</Link>}
      />
      {data && (
        <>
          {actions.length > 0 && (
            <Flex
              gap={8}
              wrap
              role="group"
              aria-label={t('loans.actions.title')}
              style={{ marginBottom: 16 }}
            >
              {actions.map((a) => (
                <Button
                  key={a}
                  type={a === actions[0] ? 'primary' : 'default'}
                  danger={a === 'writeOff' || a === 'reject'}
                  onClick={() => setActing({ action: a })}
                >
                  {t(`loans.actions.${a}.label`)}
                </Button>
              ))}
            </Flex>
          )}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={15}>
              <Card size="small" title={<CardTitle>{t('loans.detail.summary')}</CardTitle>}>
                <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="loan-summary">
                  <Descriptions.Item label={t('loans.detail.borrower')}>
                    {borrower.data
                      ? `${borrower.data.fullName} · ${maskPhone(borrower.data.phone)}`
                      : borrowerName}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.product')}>
                    {product.data
                      ? t('loans.detail.productVersion', {
                          code: product.data.code,
                          version: product.data.version,
                          name: product.data.name,
                        })
                      : data.productId}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.status')}>
                    <StatusTag status={data.status} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.classification')}>
                    <CategoryTag category={data.classification} />
                    {data.staffClassification && (
                      <Typography.Text type="secondary">
                        {t('loans.detail.staffClassification', {
                          category: t(
                            `loans.category.${data.staffClassification}` as 'loans.category.normal',
                            {
                              defaultValue: data.staffClassification,
                            },
                          ),
                        })}
                      </Typography.Text>
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.principal')}>
                    {money(data.principalMinor)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.repayments')}>
                    {data.repayments}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.disbursement')}>
                    {data.disbursement.kind === 'merchant'
                      ? t('loans.detail.toMerchant', { merchant: data.disbursement.merchant })
                      : t('loans.detail.toChannel', {
                          channel: (CHANNELS as readonly string[]).includes(data.disbursement.channel)
                            ? t(`loans.channels.${data.disbursement.channel as (typeof CHANNELS)[number]}`)
                            : data.disbursement.channel,
                        })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.disbursedOn')}>
                    {data.disbursedOn ? formatDate(data.disbursedOn, i18n.language) : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.nextDue')}>
                    {data.nextDueDate ? formatDate(data.nextDueDate, i18n.language) : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.dpd')}>
                    <span data-testid="loan-dpd">{data.dpd}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.overdue')}>
                    {money(data.overdueMinor)}
                  </Descriptions.Item>
                  {data.closedOn && (
                    <Descriptions.Item label={t('loans.detail.closedOn')}>
                      {formatDate(data.closedOn, i18n.language)}
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} xl={9}>
              <Card size="small" title={<CardTitle>{t('loans.detail.outstanding')}</CardTitle>}>
                <div data-testid="loan-outstanding">
                  <Statistic
                    value={money(data.totalOutstandingMinor)}
                    suffix={data.currency}
                    valueStyle={{ fontSize: 24 }}
                  />
                </div>
                <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
                  <Descriptions.Item label={t('loans.detail.components.principal')}>
                    {money(data.position.principalMinor)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.components.interest')}>
                    {money(data.position.interestMinor)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.components.fees')}>
                    {money(data.position.feesMinor)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.components.penalties')}>
                    {money(data.position.penaltiesMinor)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('loans.detail.components.overpayment')}>
                    {money(data.position.overpaymentMinor)}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
          </Row>
          <Tabs
            items={[
              {
                key: 'schedule',
                label: t('loans.detail.tabs.schedule'),
                children: <ScheduleTab loan={data} product={product.data} businessDate={payoff.data?.date} />,
              },
              {
                key: 'transactions',
                label: t('loans.detail.tabs.transactions'),
                children: (
                  <TransactionsTab
                    loan={data}
                    items={transactions.data?.items ?? []}
                    loading={transactions.isFetching}
                    can={has}
                    onReverse={onReverse}
                  />
                ),
              },
              {
                key: 'journal',
                label: t('loans.detail.tabs.journal'),
                children: <JournalTab entries={journal.data?.items ?? []} loading={journal.isFetching} />,
              },
              { key: 'history', label: t('loans.detail.tabs.history'), children: <HistoryTab loan={data} /> },
              {
                key: 'classification',
                label: t('loans.detail.tabs.classification'),
                children: <ClassificationTab loan={data} />,
              },
              {
                key: 'payoff',
                label: t('loans.detail.tabs.payoff'),
                children: <PayoffTab loan={data} quote={payoff.data} />,
              },
            ]}
          />
          {acting && (
            <ActionModal
              loan={data satisfies LoanDetail}
              borrowerName={borrowerName}
              payoff={payoff.data}
              acting={acting}
              onClose={() => setActing(null)}
            />
          )}
        </>
      )}
    </>
  );
}
