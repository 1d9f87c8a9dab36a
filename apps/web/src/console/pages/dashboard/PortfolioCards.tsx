import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import { formatAmount, formatDate, formatRate } from '../../../shared/format.ts';
import { useCan } from '../../auth/useMe.ts';
import { CardTitle } from '../../components/CardTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { FlowChart, MixChart } from '../reports/charts.tsx';
import {
  categoryMix,
  flowSeries,
  HOME_CURRENCY,
  headline,
  monthsEnding,
  productMix,
} from '../reports/figures.ts';

/** A dashboard card: a level-2 heading, then the figure, a failure, a placeholder, or why there is none. */
function Frame({
  title,
  query,
  children,
  testId,
}: {
  title: string;
  query: { isError: boolean; error: unknown; isPending: boolean; refetch: () => unknown } | null;
  children: () => ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card title={<CardTitle>{title}</CardTitle>} style={{ height: '100%' }} data-testid={testId}>
      {query === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noReports')} />
      ) : query.isError ? (
        <ProblemAlert error={query.error as ApiError} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        children()
      )}
    </Card>
  );
}

/**
 * The portfolio on the dashboard, from the reports API: outstanding principal, PAR30 and the NPL
 * ratio (live, as of the open business date), disbursements and collections over the last twelve
 * months, and the classification and product mixes. Staff without `reports:read` see why the
 * cards are empty.
 */
export function PortfolioCards() {
  const { t, i18n } = useTranslation();
  const canRead = useCan('reports:read');
  const par = useQuery({
    queryKey: ['reports', 'par', undefined],
    queryFn: () => call(api.GET('/api/v1/reports/par', { params: { query: {} } })),
    enabled: canRead,
  });
  const openDate = par.data?.date;
  const range = openDate ? monthsEnding(openDate, 12) : undefined;
  const flows = useQuery({
    queryKey: ['reports', 'flows', range?.from, openDate, 'month'],
    queryFn: () =>
      call(
        api.GET('/api/v1/reports/flows', {
          params: { query: { from: range?.from ?? '', to: openDate ?? '', period: 'month' } },
        }),
      ),
    enabled: canRead && range !== undefined,
  });
  const classification = useQuery({
    queryKey: ['reports', 'classification', undefined],
    queryFn: () => call(api.GET('/api/v1/reports/classification', { params: { query: {} } })),
    enabled: canRead,
  });
  const products = useQuery({
    queryKey: ['reports', 'products'],
    queryFn: () => call(api.GET('/api/v1/reports/products', { params: { query: {} } })),
    enabled: canRead,
  });
  const home = par.data ? headline(par.data) : undefined;
  const currency = home?.currency ?? HOME_CURRENCY;
  const asOf = openDate ? t('dashboard.asOf', { date: formatDate(openDate, i18n.language) }) : '';
  const none = <Typography.Text type="secondary">{t('dashboard.noLoans')}</Typography.Text>;
  return (
    <>
      {(
        [
          [
            'portfolio',
            home && `${currency} ${formatAmount(home.principal)}`,
            home && `${t('dashboard.portfolio.loans', { n: home.loans })} · ${asOf}`,
          ],
          [
            'par30',
            home && formatRate(home.par.par30.ratio),
            home &&
              t('dashboard.par30.atRisk', {
                amount: `${currency} ${formatAmount(home.par.par30.principal)}`,
                n: home.par.par30.loans,
              }),
          ],
          [
            'npl',
            home && formatRate(home.npl.ratio),
            home &&
              t('dashboard.npl.principal', { amount: `${currency} ${formatAmount(home.npl.principal)}` }),
          ],
        ] as const
      ).map(([key, value, note]) => (
        <Col xs={24} md={8} key={key}>
          <Frame title={t(`dashboard.${key}.title`)} query={canRead ? par : null} testId={`card-${key}`}>
            {() =>
              value ? (
                <>
                  <Statistic value={value} valueStyle={{ fontSize: 26 }} />
                  <Typography.Text type="secondary">{note}</Typography.Text>
                </>
              ) : (
                none
              )
            }
          </Frame>
        </Col>
      ))}
      <Col xs={24} xl={12}>
        <Frame
          title={t('dashboard.flows.title')}
          query={canRead ? (range ? flows : par) : null}
          testId="card-flows"
        >
          {() => {
            const series = flows.data && range ? flowSeries(flows.data, currency, range.months) : undefined;
            return series && series.disbursementCount + series.collectionCount > 0 ? (
              <FlowChart series={series} currency={currency} />
            ) : (
              <Typography.Text type="secondary">{t('dashboard.noFlows')}</Typography.Text>
            );
          }}
        </Frame>
      </Col>
      <Col xs={24} xl={12}>
        <Frame
          title={t('dashboard.classificationMix')}
          query={canRead ? classification : null}
          testId="card-classification"
        >
          {() => {
            const slices = classification.data
              ? categoryMix(classification.data, currency).map((s) => ({
                  ...s,
                  label: t(`products.category.${s.key as 'normal'}`),
                }))
              : [];
            return slices.length > 0 ? (
              <MixChart title={t('dashboard.classificationMix')} slices={slices} currency={currency} />
            ) : (
              none
            );
          }}
        </Frame>
      </Col>
      <Col xs={24} xl={12}>
        <Frame title={t('dashboard.productMix')} query={canRead ? products : null} testId="card-products">
          {() => {
            const slices = products.data
              ? productMix(products.data, currency).map((s) => ({ ...s, label: s.key }))
              : [];
            return slices.length > 0 ? (
              <MixChart title={t('dashboard.productMix')} slices={slices} currency={currency} />
            ) : (
              none
            );
          }}
        </Frame>
      </Col>
    </>
  );
}
