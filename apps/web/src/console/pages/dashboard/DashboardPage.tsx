import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { Me } from '../../../shared/permissions.ts';
import { useCan, useMe } from '../../auth/useMe.ts';
import { EChart } from '../../charts/EChart.tsx';
import { CardTitle } from '../../components/CardTitle.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { eventsPerDay } from './activity.ts';
import { PortfolioCards } from './PortfolioCards.tsx';

const RECENT = 200;

/** Audit events per day over two weeks: the one chart the foundation's API can feed. */
function ActivityCard() {
  const { t } = useTranslation();
  const canRead = useCan('audit:read');
  const audit = useQuery({
    queryKey: ['audit', 'recent'],
    queryFn: () => call(api.GET('/api/v1/audit', { params: { query: { limit: RECENT } } })),
    enabled: canRead,
  });
  const perDay = useMemo(() => eventsPerDay(audit.data?.items ?? [], new Date(), 14), [audit.data]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: perDay.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('dashboard.activity.series'),
          type: 'bar',
          data: perDay.map((d) => d.count),
          color: '#0b5cad',
        },
      ],
    }),
    [perDay, t],
  );
  const total = perDay.reduce((s, d) => s + d.count, 0);
  const max = perDay.reduce((m, d) => Math.max(m, d.count), 0);
  return (
    <Card
      title={<CardTitle>{t('dashboard.activity.title')}</CardTitle>}
      style={{ height: '100%' }}
      data-testid="card-activity"
    >
      {!canRead ? (
        <Empty description={t('dashboard.activity.noAccess')} />
      ) : audit.isError ? (
        <ProblemAlert error={audit.error as ApiError} onRetry={() => void audit.refetch()} />
      ) : audit.isPending ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('dashboard.activity.description', { count: audit.data.items.length })}
          </Typography.Paragraph>
          <EChart option={option} label={t('dashboard.activity.aria', { total, max })} />
        </>
      )}
    </Card>
  );
}

/**
 * The dashboard: a greeting, the portfolio's key figures and charts from the reports API
 * (outstanding principal, PAR30, NPL ratio, monthly disbursements and collections, the
 * classification and product mixes) and the audit activity chart.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe().data as Me | undefined;
  const roles = (me?.roles ?? []).map((r) => t(`roles.${r}` as 'roles.admin')).join('、');
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        intro={`${t('dashboard.welcome', { name: me?.username ?? '' })} · ${t('dashboard.roles', { roles })}`}
      />
      <Row gutter={[16, 16]}>
        <PortfolioCards />
        <Col xs={24} xl={12}>
          <ActivityCard />
        </Col>
      </Row>
    </>
  );
}
