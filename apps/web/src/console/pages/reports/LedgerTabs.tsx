import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, type TableProps, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import { minorToAmount } from '../../../shared/decimal.ts';
import { CardTitle } from '../../components/CardTitle.tsx';
import { api } from '../../context.ts';
import { HOME_CURRENCY, type ReconciliationReport, type TrialBalanceReport } from './figures.ts';
import type { ReportQuery } from './names.ts';
import { amountColumn, Loaded, money, right } from './reportTable.tsx';

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
      amountColumn<Row>(t('operations.reports.columns.debit'), 'debit', (r) => r.debit),
      amountColumn<Row>(t('operations.reports.columns.credit'), 'credit', (r) => r.credit),
      amountColumn<Row>(t('operations.reports.columns.balance'), 'balance', (r) => r.balance),
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
              title={<CardTitle level={3}>{t('operations.reports.rec.loans')}</CardTitle>}
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
