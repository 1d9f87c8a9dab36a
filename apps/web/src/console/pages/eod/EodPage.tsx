import { PlayCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Progress, Table, type TableProps, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { paths } from '../../../api/schema.d.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import { useCan } from '../../auth/useMe.ts';
import { DateField } from '../../components/DateField.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { api } from '../../context.ts';
import { anyRunning, datesToClose, type EodRun, runDuration, runProgress } from './progress.ts';

type EodResult = paths['/api/v1/eod']['post']['responses']['200']['content']['application/json'];

const MORE = 30;
const MAX = 200;

/** A run's progress bar, named for screen readers. */
function RunBar({ run }: { run: EodRun }) {
  const { t } = useTranslation();
  const p = runProgress(run);
  const text = t('operations.eod.progress', { done: p.done, total: p.total, batches: run.batches });
  return (
    <Flex vertical style={{ minWidth: 180 }}>
      <Progress
        percent={p.percent}
        status={run.status === 'running' ? 'active' : 'success'}
        size="small"
        aria-label={text}
      />
      {run.status === 'running' && <Typography.Text type="secondary">{text}</Typography.Text>}
    </Flex>
  );
}

/** What a finished run did, date by date. */
function RunResult({ result }: { result: EodResult }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      role="status"
      data-testid="eod-result"
      message={t('operations.eod.done', { openDate: formatDate(result.openDate, i18n.language) })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {result.days.map((d) => (
            <li key={d.date}>
              {d.alreadyClosed
                ? t('operations.eod.alreadyClosed', { date: formatDate(d.date, i18n.language) })
                : t('operations.eod.closedDay', {
                    date: formatDate(d.date, i18n.language),
                    loans: d.loans,
                    batches: d.batches,
                    entries: d.entries,
                    provisions: d.provisionEntries,
                  })}{' '}
              {d.reconciled && <Tag color="#237804">{t('operations.eod.reconciled')}</Tag>}
            </li>
          ))}
        </ul>
      }
      style={{ marginTop: 16 }}
    />
  );
}

/**
 * End of day (`GET /api/v1/eod`): the open business date, recent runs with their progress and
 * counts, and — for operations staff — "run end of day" (`POST /api/v1/eod` for an explicit
 * date, so a repeated click closes nothing twice), with the progress polled while it runs.
 */
export default function EodPage() {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const canRun = useCan('eod:run');
  const [limit, setLimit] = useState(MORE);
  const [target, setTarget] = useState('');
  const run = useMutation({
    mutationFn: (date: string) => call(api.POST('/api/v1/eod', { body: { date } })),
    onSettled: () => {
      setTarget('');
      void queryClient.invalidateQueries({ queryKey: ['eod'] });
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
  const runs = useQuery({
    queryKey: ['eod', limit],
    queryFn: () => call(api.GET('/api/v1/eod', { params: { query: { limit } } })),
    placeholderData: keepPreviousData,
    // Always current on arrival; every second while a run is in flight (this page's or another
    // worker's, e.g. `puhui eod` from cron), otherwise every 15 s to notice runs started elsewhere.
    staleTime: 0,
    refetchInterval: (query) => (run.isPending || anyRunning(query.state.data?.runs) ? 1000 : 15_000),
  });
  const openDate = runs.data?.openDate;
  const closeTo = target || openDate || '';
  const confirm = () => {
    if (!openDate) return;
    const dates = datesToClose(openDate, closeTo);
    modal.confirm({
      title: t('operations.eod.confirmTitle'),
      content:
        dates.length <= 1
          ? t('operations.eod.confirmOne', { date: formatDate(openDate, i18n.language) })
          : t('operations.eod.confirmMany', {
              from: formatDate(openDate, i18n.language),
              to: formatDate(closeTo, i18n.language),
              n: dates.length,
            }),
      okText: t('operations.eod.run'),
      cancelText: t('common.cancel'),
      onOk: () => {
        run.reset();
        run.mutate(closeTo);
      },
    });
  };
  const columns = useMemo<TableProps<EodRun>['columns']>(
    () => [
      {
        title: t('operations.eod.columns.date'),
        key: 'date',
        render: (_, r) => formatDate(r.date, i18n.language),
      },
      {
        title: t('operations.eod.columns.status'),
        key: 'status',
        render: (_, r) => (
          <Tag color={r.status === 'running' ? '#0b5cad' : '#237804'} data-status={r.status}>
            {t(`operations.eod.status.${r.status}`)}
          </Tag>
        ),
      },
      {
        title: t('operations.eod.columns.progress'),
        key: 'progress',
        render: (_, r) => (r.status === 'running' ? <RunBar run={r} /> : '—'),
      },
      { title: t('operations.eod.columns.loans'), dataIndex: 'loans', key: 'loans', align: 'right' },
      { title: t('operations.eod.columns.batches'), dataIndex: 'batches', key: 'batches', align: 'right' },
      { title: t('operations.eod.columns.entries'), dataIndex: 'entries', key: 'entries', align: 'right' },
      {
        title: t('operations.eod.columns.startedAt'),
        key: 'startedAt',
        render: (_, r) => formatDateTime(r.startedAt, i18n.language),
      },
      {
        title: t('operations.eod.columns.duration'),
        key: 'duration',
        render: (_, r) => {
          const [minutes, seconds] = runDuration(r.startedAt, r.completedAt, new Date());
          return minutes > 0
            ? t('operations.eod.duration', { minutes, seconds })
            : t('operations.eod.durationSeconds', { seconds });
        },
      },
      {
        title: t('operations.eod.columns.reports'),
        key: 'reports',
        render: (_, r) =>
          r.status === 'completed' ? (
            <Link
              to={`/reports?date=${r.date}`}
              aria-label={t('operations.eod.reportsOf', { date: formatDate(r.date, i18n.language) })}
            >
              {t('operations.eod.reports')}
            </Link>
          ) : null,
      },
    ],
    [t, i18n.language],
  );
  const items = runs.data?.runs ?? [];
  return (
    <>
      <PageHeader title={t('operations.eod.title')} intro={t('operations.eod.intro')} />
      {runs.isError && <ProblemAlert error={runs.error as ApiError} onRetry={() => void runs.refetch()} />}
      <SectionCard title={t('operations.eod.runTitle')}>
        <Typography.Paragraph>
          {t('operations.eod.openDate')}{' '}
          <strong data-testid="open-date" data-date={openDate}>
            {openDate ? formatDate(openDate, i18n.language) : '…'}
          </strong>
        </Typography.Paragraph>
        {canRun ? (
          <Flex gap={12} align="end" wrap>
            <DateField
              label={t('operations.eod.closeTo')}
              min={openDate}
              value={closeTo}
              onChange={setTarget}
              disabled={run.isPending}
            />
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              onClick={confirm}
              loading={run.isPending}
              disabled={!openDate || closeTo < (openDate ?? '')}
            >
              {run.isPending ? t('operations.eod.running') : t('operations.eod.run')}
            </Button>
          </Flex>
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('operations.eod.noRun')}
          </Typography.Paragraph>
        )}
        {run.isPending &&
          items
            .filter((r) => r.status === 'running')
            .map((r) => (
              <div key={r.date} style={{ marginTop: 16 }} data-testid="eod-running">
                {formatDate(r.date, i18n.language)} <RunBar run={r} />
              </div>
            ))}
        {run.isError && (
          <div style={{ marginTop: 16 }}>
            <ProblemAlert error={run.error as ApiError} />
          </div>
        )}
        {run.data && <RunResult result={run.data} />}
      </SectionCard>
      <SectionCard title={t('operations.eod.runsTitle')} style={{}}>
        <Table<EodRun>
          rowKey="date"
          columns={columns}
          dataSource={items}
          loading={runs.isPending}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
        />
        {items.length >= limit && limit < MAX && (
          <Flex justify="end" style={{ marginTop: 12 }}>
            <Button onClick={() => setLimit(Math.min(MAX, limit + MORE))}>{t('operations.eod.more')}</Button>
          </Flex>
        )}
      </SectionCard>
    </>
  );
}
