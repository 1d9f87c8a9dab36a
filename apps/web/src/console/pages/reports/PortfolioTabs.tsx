import { useQuery } from '@tanstack/react-query';
import { Col, Row, Statistic, Table, type TableProps, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import { formatRate } from '../../../shared/format.ts';
import { api } from '../../context.ts';
import {
  type AgeingReport,
  allowanceGap,
  type ClassificationReport,
  type ParReport,
  type ProductMixReport,
  shareOf,
  totals,
} from './figures.ts';
import type { ReportQuery } from './names.ts';
import { amountColumn, Loaded, money, right } from './reportTable.tsx';

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
    amountColumn<Row>(t('operations.reports.columns.principalAtRisk'), 'principal', (r) => r.principal),
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
        amountColumn<Row>(t('operations.reports.columns.exposure'), 'exposure', (r) => r.exposure),
        amountColumn<Row>(t('operations.reports.columns.required'), 'required', (r) => r.required),
        amountColumn<Row>(t('operations.reports.columns.held'), 'held', (r) => r.held),
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
      amountColumn<Row>(t('operations.reports.columns.principal'), 'principal', (r) => r.principal),
      amountColumn<Row>(t('operations.reports.columns.exposure'), 'exposure', (r) => r.exposure),
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
    amountColumn<Row>(t('operations.reports.columns.principal'), 'principal', (r) => r.principal),
    amountColumn<Row>(t('operations.reports.columns.overdue'), 'overdue', (r) => r.overdue),
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
    amountColumn<Row>(t('operations.reports.columns.principal'), 'principal', (r) => r.principal),
    {
      title: t('operations.reports.columns.share'),
      key: 'share',
      ...right,
      render: (_, r) => formatRate(r.share),
    },
    amountColumn<Row>(t('operations.reports.columns.exposure'), 'exposure', (r) => r.exposure),
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
