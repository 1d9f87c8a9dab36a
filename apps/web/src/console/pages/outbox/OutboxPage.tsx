import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Switch, Table, type TableProps, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { paths } from '../../../api/schema.d.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';

type OutboxEvent =
  paths['/api/v1/outbox']['get']['responses']['200']['content']['application/json']['items'][number];

interface Filters {
  type?: string;
  subject?: string;
  pending?: boolean;
}

/** Outgoing events (`GET /api/v1/outbox`), newest first, with their delivery state. */
export default function OutboxPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [limit, setLimit] = useState(50);
  const query = {
    limit,
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.subject ? { subject: filters.subject } : {}),
    ...(filters.pending ? { pending: 'true' as const } : {}),
  };
  const events = useQuery({
    queryKey: ['outbox', query],
    queryFn: () => call(api.GET('/api/v1/outbox', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<TableProps<OutboxEvent>['columns']>(
    () => [
      { title: t('outbox.columns.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
      { title: t('outbox.columns.type'), dataIndex: 'type', key: 'type' },
      { title: t('outbox.columns.subject'), dataIndex: 'subject', key: 'subject' },
      {
        title: t('outbox.columns.createdAt'),
        key: 'createdAt',
        render: (_, e) => formatDateTime(e.createdAt, i18n.language),
      },
      {
        title: t('outbox.columns.dispatchedAt'),
        key: 'dispatchedAt',
        render: (_, e) =>
          e.dispatchedAt ? (
            formatDateTime(e.dispatchedAt, i18n.language)
          ) : (
            <Tag color="gold">{t('outbox.pending')}</Tag>
          ),
      },
      { title: t('outbox.columns.attempts'), dataIndex: 'attempts', key: 'attempts' },
      { title: t('outbox.columns.lastError'), key: 'lastError', render: (_, e) => e.lastError ?? '' },
    ],
    [t, i18n.language],
  );
  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        intro={t('outbox.intro')}
        actions={
          <Button icon={<ReloadOutlined />} onClick={() => void events.refetch()}>
            {t('common.refresh')}
          </Button>
        }
      />
      <FilterBar<Filters>
        onSearch={(values) =>
          setFilters({ ...values, type: values.type?.trim(), subject: values.subject?.trim() })
        }
        onReset={() => setFilters({})}
      >
        <Form.Item name="type" label={t('outbox.filters.type')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="subject" label={t('outbox.filters.subject')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="pending" label={t('outbox.filters.pending')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label={t('common.pageSize')} htmlFor="outbox-limit">
          <Select
            id="outbox-limit"
            value={limit}
            onChange={setLimit}
            style={{ width: 90 }}
            options={[20, 50, 100, 200].map((n) => ({ value: n, label: String(n) }))}
          />
        </Form.Item>
      </FilterBar>
      {events.isError && (
        <ProblemAlert error={events.error as ApiError} onRetry={() => void events.refetch()} />
      )}
      <Table<OutboxEvent>
        rowKey="id"
        columns={columns}
        dataSource={events.data?.items ?? []}
        loading={events.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
