import { useQuery } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import { api } from '../../context.ts';
import { FlowChart } from './charts.tsx';
import { flowSeries, HOME_CURRENCY, totals } from './figures.ts';
import type { ReportQuery } from './names.ts';
import { amountColumn, Loaded, money, right } from './reportTable.tsx';

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
    amountColumn<Row>(t('operations.reports.flows.recoveries'), 'recoveries', (r) => r.recoveries),
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
