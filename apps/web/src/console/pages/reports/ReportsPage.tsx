import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Select, Tabs, Typography } from 'antd';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import { formatDate } from '../../../shared/format.ts';
import { DateField } from '../../components/DateField.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { useDownload } from '../../download.ts';
import './reports.css';
import { FlowsTab } from './FlowsTab.tsx';
import { monthsEnding } from './figures.ts';
import { ReconciliationTab, TrialBalanceTab } from './LedgerTabs.tsx';
import {
  DATED_KINDS,
  type FileFormat,
  REPORT_KINDS,
  type ReportKind,
  type ReportQuery,
  reportFileName,
} from './names.ts';
import { AgeingTab, ClassificationTab, ParTab, ProductsTab } from './PortfolioTabs.tsx';
import { fetchReportFile } from './reportFile.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Portfolio and accounting reports, one tab each (PAR and NPL, classification, provisioning,
 * ageing, flows, trial balance, reconciliation, product mix), as of a chosen business date, each
 * downloadable as Excel or CSV. The tab, date and flows range live in the URL (`?tab=par&date=…`),
 * so the end-of-day page can link to a date's reports.
 */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const periodId = useId();
  const open = useQuery({
    queryKey: ['eod', 'open'],
    queryFn: () => call(api.GET('/api/v1/eod', { params: { query: { limit: 1 } } })),
  });
  const openDate = open.data?.openDate ?? '';
  const tab = params.get('tab');
  const kind: ReportKind = (REPORT_KINDS as readonly string[]).includes(tab ?? '')
    ? (tab as ReportKind)
    : 'par';
  const date = DATE.test(params.get('date') ?? '') ? (params.get('date') as string) : undefined;
  const range = useMemo(() => (openDate ? monthsEnding(openDate, 12) : { from: '', months: [] }), [openDate]);
  const q: ReportQuery = {
    date,
    from: DATE.test(params.get('from') ?? '') ? (params.get('from') as string) : range.from,
    to: DATE.test(params.get('to') ?? '') ? (params.get('to') as string) : openDate,
    period: params.get('period') === 'day' ? 'day' : 'month',
  };
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const download = useDownload(
    (format: FileFormat) => fetchReportFile(kind, q, format),
    (format) => reportFileName(kind, q, format, openDate),
  );
  const flowsMonths = q.from === range.from && q.to === openDate ? range.months : undefined;
  const tabs = REPORT_KINDS.map((k) => ({
    key: k,
    label: t(`operations.reports.tabs.${k}`),
    children:
      k === 'par' ? (
        <ParTab q={q} />
      ) : k === 'classification' ? (
        <ClassificationTab q={q} />
      ) : k === 'provisioning' ? (
        <ClassificationTab q={q} provisioning />
      ) : k === 'ageing' ? (
        <AgeingTab q={q} />
      ) : k === 'flows' ? (
        <FlowsTab q={q} months={flowsMonths} />
      ) : k === 'trial-balance' ? (
        <TrialBalanceTab q={q} />
      ) : k === 'reconciliation' ? (
        <ReconciliationTab />
      ) : (
        <ProductsTab />
      ),
  }));
  const dated = DATED_KINDS.includes(kind);
  return (
    <>
      <PageHeader
        title={t('operations.reports.title')}
        intro={t('operations.reports.intro')}
        actions={
          <>
            <Button
              icon={<FileExcelOutlined />}
              loading={download.isPending && download.variables === 'xlsx'}
              disabled={!openDate}
              onClick={() => download.mutate('xlsx')}
            >
              {t('operations.reports.downloadXlsx')}
            </Button>
            <Button
              icon={<FileTextOutlined />}
              loading={download.isPending && download.variables === 'csv'}
              disabled={!openDate}
              onClick={() => download.mutate('csv')}
            >
              {t('operations.reports.downloadCsv')}
            </Button>
          </>
        }
      />
      {open.isError && <ProblemAlert error={open.error as ApiError} onRetry={() => void open.refetch()} />}
      {download.isError && <ProblemAlert error={download.error as ApiError} />}
      <Flex gap={16} align="end" wrap style={{ marginBottom: 8 }}>
        {kind === 'flows' ? (
          <>
            <DateField
              label={t('operations.reports.from')}
              value={q.from}
              max={q.to}
              onChange={(v) => set({ from: v })}
            />
            <DateField
              label={t('operations.reports.to')}
              value={q.to}
              max={openDate}
              onChange={(v) => set({ to: v })}
            />
            <Flex vertical gap={4}>
              <label htmlFor={periodId}>{t('operations.reports.period')}</label>
              <Select
                id={periodId}
                value={q.period}
                style={{ width: 120 }}
                onChange={(v) => set({ period: v === 'day' ? 'day' : undefined })}
                options={[
                  { value: 'month', label: t('operations.reports.periods.month') },
                  { value: 'day', label: t('operations.reports.periods.day') },
                ]}
              />
            </Flex>
          </>
        ) : dated ? (
          <>
            <DateField
              label={t('operations.reports.asOf')}
              value={date ?? openDate}
              max={openDate || undefined}
              onChange={(v) => set({ date: v && v !== openDate ? v : undefined })}
              testId="as-of"
            />
            <Button onClick={() => set({ date: undefined })} disabled={date === undefined}>
              {t('operations.reports.live')}
            </Button>
          </>
        ) : null}
        <Typography.Text type="secondary" style={{ paddingBottom: 4 }}>
          {dated && date
            ? t('operations.reports.storedNote', { date: formatDate(date, i18n.language) })
            : openDate
              ? t('operations.reports.liveNote', { date: formatDate(openDate, i18n.language) })
              : ''}
        </Typography.Text>
      </Flex>
      <Tabs
        className="report-tabs"
        activeKey={kind}
        onChange={(k) => set({ tab: k === 'par' ? undefined : k })}
        items={tabs}
        destroyOnHidden
      />
    </>
  );
}
