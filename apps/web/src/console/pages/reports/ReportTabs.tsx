import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Statistic, Table, type TableProps, Tag, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import { minorToAmount } from '../../../shared/decimal.ts';
import { formatAmount, formatRate } from '../../../shared/format.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { FlowChart } from './charts.tsx';
import {
  type AgeingReport,
  allowanceGap,
  type ClassificationReport,
  flowSeries,
  HOME_CURRENCY,
  type ParReport,
  type ProductMixReport,
  type ReconciliationReport,
  shareOf,
  type TrialBalanceReport,
  totals,
} from './figures.ts';
import type { ReportQuery } from './names.ts';

/** Loading, failure or the report itself. */
function Loaded<T>({
  query,
  children,
}: {
  query: { data?: T; isError: boolean; error: unknown; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isError)
    return <ProblemAlert error={query.error as ApiError} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <Skeleton active />;
  return children(query.data);
}

const money = (amount: string) => formatAmount(amount);
const right = { align: 'right' as const };

/** PAR1/30/60/90 and NPL of each currency, with the portfolio they are shares of. */
export function ParTab({ q }: { q: ReportQuery }) {
  const { t } = useTranslation();
  const par = useQuery({
    queryKey: ['reports', 'par', q.date],
    queryFn: () =>
      call(api.GET('/api/v1/reports/par', { params: { query: q.date ? { date: q.date } : {} } })),
  });
  type Row = { key: string; label: string; loans: number | null; principal: string; ratio: string };
  const columns: TableProps<Row>['columns'] = [
    { title: t('operations.reports.columns.measure'), dataIndex: 'label', key: 'label' },
    {
      title: t('operations.reports.columns.loans'),
      key: 'loans',
      ...right,
      render: (_, r) => r.loans ?? '—',
    },
    {
      title: t('operations.reports.columns.principalAtRisk'),
      key: 'principal',
      ...right,
      render: (_, r) => money(r.principal),
    },
    {
      title: t('operations.reports.columns.ratio'),
      key: 'ratio',
      ...right,
      render: (_, r) => <span data-testid={`${r.key}-ratio`}>{formatRate(r.ratio)}</span>,
    },
  ];
  return (
    <Loaded query={par}>
      {(data: ParReport) =>
        data.currencies.length === 0 ? (
          <Typography.Paragraph>{t('operations.reports.empty')}</Typography.Paragraph>
        ) : (
          data.currencies.map((c) => {
            const rows: Row[] = [
              ...(['par1', 'par30', 'par60', 'par90'] as const).map((k) => ({
                key: k,
                label: t(`operations.reports.par.${k}`),
                ...c.par[k],
              })),
              { key: 'npl', label: t('operations.reports.par.npl'), loans: null, ...c.npl },
            ];
            return (
              <section key={c.currency} data-currency={c.currency} style={{ marginBottom: 24 }}>
                <Row gutter={16} style={{ marginBottom: 16 }}>
                  <Col xs={24} md={8}>
                    <Statistic
                      title={t('operations.reports.par.portfolio', { currency: c.currency })}
                      value={money(c.principal)}
                      suffix={t('operations.reports.loansCount', { n: c.loans })}
                    />
                  </Col>
                  <Col xs={12} md={8}>
                    <Statistic
                      title={t('operations.reports.par.par30')}
                      value={formatRate(c.par.par30.ratio)}
                    />
                  </Col>
                  <Col xs={12} md={8}>
                    <Statistic title={t('operations.reports.par.npl')} value={formatRate(c.npl.ratio)} />
                  </Col>
                </Row>
                <Table<Row>
                  rowKey="key"
                  columns={columns}
                  dataSource={rows}
                  pagination={false}
                  size="small"
                />
              </section>
            );
          })
        )
      }
    </Loaded>
  );
}

/** Loans, principal and exposure per classification category. */
export function ClassificationTab({ q, provisioning }: { q: ReportQuery; provisioning?: boolean }) {
  const { t } = useTranslation();
  const kind = provisioning ? 'provisioning' : 'classification';
  const report = useQuery({
    queryKey: ['reports', kind, q.date],
    queryFn: () =>
      call(
        provisioning
          ? api.GET('/api/v1/reports/provisioning', { params: { query: q.date ? { date: q.date } : {} } })
          : api.GET('/api/v1/reports/classification', { params: { query: q.date ? { date: q.date } : {} } }),
      ),
  });
  type Row = ClassificationReport['rows'][number];
  const columns = useMemo<TableProps<Row>['columns']>(() => {
    const base: TableProps<Row>['columns'] = [
      { title: t('operations.reports.columns.currency'), dataIndex: 'currency', key: 'currency' },
      {
        title: t('operations.reports.columns.category'),
        key: 'category',
        render: (_, r) => t(`products.category.${r.category}`),
      },
    ];
    if (provisioning)
      return [
        ...base,
        {
          title: t('operations.reports.columns.exposure'),
          key: 'exposure',
          ...right,
          render: (_, r) => money(r.exposure),
        },
        {
          title: t('operations.reports.columns.required'),
          key: 'required',
          ...right,
          render: (_, r) => money(r.required),
        },
        {
          title: t('operations.reports.columns.held'),
          key: 'held',
          ...right,
          render: (_, r) => money(r.held),
        },
        {
          title: t('operations.reports.columns.gap'),
          key: 'gap',
          ...right,
          render: (_, r) => money(allowanceGap(r)),
        },
      ];
    return [
      ...base,
      { title: t('operations.reports.columns.loans'), dataIndex: 'loans', key: 'loans', ...right },
      {
        title: t('operations.reports.columns.principal'),
        key: 'principal',
        ...right,
        render: (_, r) => money(r.principal),
      },
      {
        title: t('operations.reports.columns.exposure'),
        key: 'exposure',
        ...right,
        render: (_, r) => money(r.exposure),
      },
    ];
  }, [t, provisioning]);
  return (
    <Loaded query={report}>
      {(data: ClassificationReport) => {
        const sum = totals(data.rows, ['principal', 'exposure', 'required', 'held']);
        const loans = data.rows.reduce((s, r) => s + r.loans, 0);
        return (
          <>
            {provisioning && (
              <Typography.Paragraph type="secondary">
                {t('operations.reports.provisioningNote')}
              </Typography.Paragraph>
            )}
            <Table<Row>
              rowKey={(r) => `${r.currency}:${r.category}`}
              columns={columns}
              dataSource={data.rows}
              pagination={false}
              size="small"
              scroll={{ x: 'max-content' }}
              summary={() =>
                new Set(data.rows.map((r) => r.currency)).size === 1 ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      <strong>{t('operations.reports.total')}</strong>
                    </Table.Summary.Cell>
                    {provisioning ? (
                      <>
                        <Table.Summary.Cell index={2} align="right">
                          {money(sum.exposure)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={3} align="right">
                          {money(sum.required)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={4} align="right">
                          {money(sum.held)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={5} align="right">
                          {money(allowanceGap({ held: sum.held, required: sum.required }))}
                        </Table.Summary.Cell>
                      </>
                    ) : (
                      <>
                        <Table.Summary.Cell index={2} align="right">
                          {loans}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={3} align="right">
                          {money(sum.principal)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={4} align="right">
                          {money(sum.exposure)}
                        </Table.Summary.Cell>
                      </>
                    )}
                  </Table.Summary.Row>
                ) : null
              }
            />
          </>
        );
      }}
    </Loaded>
  );
}

/** Active loans by arrears bucket. */
export function AgeingTab({ q }: { q: ReportQuery }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['reports', 'ageing', q.date],
    queryFn: () =>
      call(api.GET('/api/v1/reports/ageing', { params: { query: q.date ? { date: q.date } : {} } })),
  });
  type Row = AgeingReport['rows'][number];
  const columns: TableProps<Row>['columns'] = [
    { title: t('operations.reports.columns.currency'), dataIndex: 'currency', key: 'currency' },
    { title: t('operations.reports.columns.bucket'), dataIndex: 'bucket', key: 'bucket' },
    { title: t('operations.reports.columns.loans'), dataIndex: 'loans', key: 'loans', ...right },
    {
      title: t('operations.reports.columns.principal'),
      key: 'principal',
      ...right,
      render: (_, r) => money(r.principal),
    },
    {
      title: t('operations.reports.columns.overdue'),
      key: 'overdue',
      ...right,
      render: (_, r) => money(r.overdue),
    },
  ];
  return (
    <Loaded query={report}>
      {(data: AgeingReport) => (
        <Table<Row>
          rowKey={(r) => `${r.currency}:${r.bucket}`}
          columns={columns}
          dataSource={data.rows}
          pagination={false}
          size="small"
        />
      )}
    </Loaded>
  );
}

/** Disbursements and collections per month or day in a range, as a chart and a table. */
export function FlowsTab({ q, months }: { q: ReportQuery; months?: readonly string[] }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['reports', 'flows', q.from, q.to, q.period],
    queryFn: () =>
      call(
        api.GET('/api/v1/reports/flows', { params: { query: { from: q.from, to: q.to, period: q.period } } }),
      ),
    enabled: q.from !== '' && q.to !== '',
  });
  type Row = {
    period: string;
    currency: string;
    disbursements: string;
    disbursementCount: number;
    collections: string;
    collectionCount: number;
    recoveries: string;
  };
  const columns: TableProps<Row>['columns'] = [
    { title: t('operations.reports.columns.period'), dataIndex: 'period', key: 'period' },
    { title: t('operations.reports.columns.currency'), dataIndex: 'currency', key: 'currency' },
    {
      title: t('operations.reports.flows.disbursements'),
      key: 'disbursements',
      ...right,
      render: (_, r) => `${money(r.disbursements)} (${r.disbursementCount})`,
    },
    {
      title: t('operations.reports.flows.collections'),
      key: 'collections',
      ...right,
      render: (_, r) => `${money(r.collections)} (${r.collectionCount})`,
    },
    {
      title: t('operations.reports.flows.recoveries'),
      key: 'recoveries',
      ...right,
      render: (_, r) => money(r.recoveries),
    },
  ];
  return (
    <Loaded query={report}>
      {(data) => {
        const currencies = [...new Set(data.rows.map((r) => r.currency))];
        const currency = currencies.includes(HOME_CURRENCY)
          ? HOME_CURRENCY
          : (currencies[0] ?? HOME_CURRENCY);
        const series = flowSeries(data, currency, q.period === 'month' ? months : undefined);
        return (
          <>
            <FlowChart series={series} currency={currency} />
            <Table<Row>
              rowKey={(r) => `${r.period}:${r.currency}`}
              columns={columns}
              dataSource={data.rows}
              pagination={false}
              size="small"
              style={{ marginTop: 16 }}
              summary={() =>
                currencies.length === 1 ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      <strong>{t('operations.reports.total')}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      <span data-testid="flows-disbursed">{money(series.totalDisbursed)}</span> (
                      {series.disbursementCount})
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      <span data-testid="flows-collected">{money(series.totalCollected)}</span> (
                      {series.collectionCount})
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      {money(totals(data.rows, ['recoveries']).recoveries)}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
            />
          </>
        );
      }}
    </Loaded>
  );
}

/** Every account with debit and credit totals; the totals show that debits equal credits. */
export function TrialBalanceTab({ q }: { q: ReportQuery }) {
  const { t, i18n } = useTranslation();
  const report = useQuery({
    queryKey: ['reports', 'trial-balance', q.date],
    queryFn: () =>
      call(api.GET('/api/v1/reports/trial-balance', { params: { query: q.date ? { date: q.date } : {} } })),
  });
  type Row = TrialBalanceReport['rows'][number];
  const columns = useMemo<TableProps<Row>['columns']>(
    () => [
      {
        title: t('operations.reports.columns.account'),
        key: 'account',
        render: (_, r) => <span className="mono">{r.account}</span>,
      },
      {
        title: t('operations.reports.columns.accountName'),
        key: 'name',
        render: (_, r) => (i18n.language === 'en' ? r.name : r.nameZh),
      },
      {
        title: t('operations.reports.columns.type'),
        key: 'type',
        render: (_, r) =>
          t(`operations.reports.accountType.${r.type}` as 'operations.reports.accountType.asset', {
            defaultValue: r.type,
          }),
      },
      { title: t('operations.reports.columns.currency'), dataIndex: 'currency', key: 'currency' },
      {
        title: t('operations.reports.columns.debit'),
        key: 'debit',
        ...right,
        render: (_, r) => money(r.debit),
      },
      {
        title: t('operations.reports.columns.credit'),
        key: 'credit',
        ...right,
        render: (_, r) => money(r.credit),
      },
      {
        title: t('operations.reports.columns.balance'),
        key: 'balance',
        ...right,
        render: (_, r) => money(r.balance),
      },
    ],
    [t, i18n.language],
  );
  return (
    <Loaded query={report}>
      {(data: TrialBalanceReport) => (
        <>
          <Alert
            type={data.balanced ? 'success' : 'error'}
            showIcon
            role="status"
            data-testid="tb-balanced"
            data-balanced={data.balanced}
            style={{ marginBottom: 16 }}
            message={
              data.balanced ? t('operations.reports.tb.balanced') : t('operations.reports.tb.unbalanced')
            }
            description={data.totals
              .map((x) =>
                t('operations.reports.tb.totals', {
                  currency: x.currency,
                  debit: money(x.debit),
                  credit: money(x.credit),
                }),
              )
              .join(' · ')}
          />
          <Table<Row>
            rowKey={(r) => `${r.account}:${r.currency}`}
            columns={columns}
            dataSource={data.rows}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
            summary={() =>
              data.totals.map((x, i) => (
                <Table.Summary.Row key={x.currency}>
                  <Table.Summary.Cell index={0} colSpan={3}>
                    <strong>{t('operations.reports.total')}</strong>{' '}
                    <Tag color={x.balanced ? '#237804' : '#a8071a'}>
                      {x.balanced ? t('operations.reports.tb.equal') : t('operations.reports.tb.notEqual')}
                    </Tag>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>{x.currency}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    <strong data-testid={i === 0 ? 'tb-debit' : undefined}>{money(x.debit)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">
                    <strong data-testid={i === 0 ? 'tb-credit' : undefined}>{money(x.credit)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6} />
                </Table.Summary.Row>
              ))
            }
          />
        </>
      )}
    </Loaded>
  );
}

/** The loan sub-ledger against the general-ledger control accounts. */
export function ReconciliationTab() {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['reports', 'reconciliation'],
    queryFn: () => call(api.GET('/api/v1/reports/reconciliation', { params: { query: {} } })),
  });
  type Line = ReconciliationReport['lines'][number];
  type Difference = ReconciliationReport['loanDifferences'][number];
  const amount = (minor: number, currency: string) => money(minorToAmount(minor, currency));
  const columns: TableProps<Line>['columns'] = [
    { title: t('operations.reports.columns.currency'), dataIndex: 'currency', key: 'currency' },
    {
      title: t('operations.reports.columns.component'),
      key: 'component',
      render: (_, l) =>
        t(`operations.reports.component.${l.component}` as 'operations.reports.component.principal', {
          defaultValue: l.component,
        }),
    },
    {
      title: t('operations.reports.columns.account'),
      key: 'account',
      render: (_, l) => <span className="mono">{l.account}</span>,
    },
    {
      title: t('operations.reports.columns.subledger'),
      key: 'sub',
      ...right,
      render: (_, l) => amount(l.subledgerMinor, l.currency),
    },
    {
      title: t('operations.reports.columns.ledger'),
      key: 'ledger',
      ...right,
      render: (_, l) => amount(l.ledgerMinor, l.currency),
    },
    {
      title: t('operations.reports.columns.difference'),
      key: 'diff',
      ...right,
      render: (_, l) => amount(l.differenceMinor, l.currency),
    },
  ];
  const diffColumns: TableProps<Difference>['columns'] = [
    { title: t('operations.reports.columns.loan'), dataIndex: 'loanId', key: 'loanId' },
    { title: t('operations.reports.columns.component'), dataIndex: 'component', key: 'component' },
    {
      title: t('operations.reports.columns.subledger'),
      key: 'sub',
      ...right,
      render: (_, d) => amount(d.subledgerMinor, HOME_CURRENCY),
    },
    {
      title: t('operations.reports.columns.ledger'),
      key: 'ledger',
      ...right,
      render: (_, d) => amount(d.ledgerMinor, HOME_CURRENCY),
    },
  ];
  return (
    <Loaded query={report}>
      {(data: ReconciliationReport) => (
        <>
          <Alert
            type={data.balanced ? 'success' : 'error'}
            showIcon
            role="status"
            data-testid="reconciled"
            style={{ marginBottom: 16 }}
            message={
              data.balanced
                ? t('operations.reports.rec.balanced', { loans: data.loansChecked })
                : t('operations.reports.rec.unbalanced', {
                    loans: data.loansChecked,
                    differences: data.loanDifferences.length,
                  })
            }
          />
          <Table<Line>
            rowKey={(l) => `${l.currency}:${l.component}`}
            columns={columns}
            dataSource={data.lines}
            pagination={false}
            size="small"
          />
          {data.loanDifferences.length > 0 && (
            <Card
              size="small"
              title={<h3 style={{ fontSize: 14, margin: 0 }}>{t('operations.reports.rec.loans')}</h3>}
              style={{ marginTop: 16 }}
            >
              <Table<Difference>
                rowKey={(d) => `${d.loanId}:${d.component}`}
                columns={diffColumns}
                dataSource={data.loanDifferences}
                pagination={false}
                size="small"
              />
            </Card>
          )}
        </>
      )}
    </Loaded>
  );
}

/** Active loans, principal and exposure per product code, with each product's share. */
export function ProductsTab() {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['reports', 'products'],
    queryFn: () => call(api.GET('/api/v1/reports/products', { params: { query: {} } })),
  });
  type Row = ProductMixReport['rows'][number] & { share: string };
  const columns: TableProps<Row>['columns'] = [
    { title: t('operations.reports.columns.code'), dataIndex: 'code', key: 'code' },
    { title: t('operations.reports.columns.product'), dataIndex: 'name', key: 'name' },
    { title: t('operations.reports.columns.currency'), dataIndex: 'currency', key: 'currency' },
    { title: t('operations.reports.columns.loans'), dataIndex: 'loans', key: 'loans', ...right },
    {
      title: t('operations.reports.columns.principal'),
      key: 'principal',
      ...right,
      render: (_, r) => money(r.principal),
    },
    {
      title: t('operations.reports.columns.share'),
      key: 'share',
      ...right,
      render: (_, r) => formatRate(r.share),
    },
    {
      title: t('operations.reports.columns.exposure'),
      key: 'exposure',
      ...right,
      render: (_, r) => money(r.exposure),
    },
  ];
  return (
    <Loaded query={report}>
      {(data: ProductMixReport) => {
        const whole = new Map<string, string>();
        for (const c of new Set(data.rows.map((r) => r.currency)))
          whole.set(
            c,
            totals(
              data.rows.filter((r) => r.currency === c),
              ['principal'],
            ).principal,
          );
        const rows = data.rows.map((r) => ({
          ...r,
          share: shareOf(r.principal, whole.get(r.currency) ?? '0'),
        }));
        return (
          <Table<Row>
            rowKey={(r) => `${r.code}:${r.currency}`}
            columns={columns}
            dataSource={rows}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
          />
        );
      }}
    </Loaded>
  );
}
