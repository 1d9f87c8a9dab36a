import { MinusSquareOutlined, PlusSquareOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Space, Table, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { components } from '../../../api/schema.d.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { Can } from '../../components/Can.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';

type AuditRecord = components['schemas']['AuditRecord'];

interface Filters {
  actor?: string;
  subjectType?: string;
  subjectId?: string;
}

const PAGE = 20;

/** Drops empty filter fields so they are not sent. */
function compact(filters: Filters): Filters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  ) as Filters;
}

/** "Verify chain": re-computes the hash chain on the server and shows the verdict. */
function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => call(api.GET('/api/v1/audit/verify')) });
  const result = verify.data;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: verify.isIdle ? 0 : 16 }}>
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
        {t('audit.verify.button')}
      </Button>
      {verify.isError && <ProblemAlert error={verify.error as ApiError} />}
      {result &&
        (result.ok ? (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="verify-result"
            message={t('audit.verify.ok', { records: result.records, head: result.head.slice(0, 16) })}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="verify-result"
            message={t('audit.verify.broken', {
              seq: result.firstBreak?.seq,
              id: result.firstBreak?.id,
              reason: result.firstBreak?.reason,
            })}
          />
        ))}
    </Space>
  );
}

/** The audit log (`GET /api/v1/audit`), newest first, filtered and paged by sequence number. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  // Cursors of the pages seen so far: the first page has none, each next page starts below the last seq.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const beforeSeq = cursors[cursors.length - 1];
  const audit = useQuery({
    queryKey: ['audit', filters, beforeSeq],
    queryFn: () =>
      call(
        api.GET('/api/v1/audit', {
          params: { query: { ...filters, limit: PAGE + 1, ...(beforeSeq ? { beforeSeq } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const rows = audit.data?.items.slice(0, PAGE) ?? [];
  const columns = useMemo<TableProps<AuditRecord>['columns']>(
    () => [
      { title: t('audit.columns.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
      {
        title: t('audit.columns.occurredAt'),
        key: 'occurredAt',
        render: (_, r) => formatDateTime(r.occurredAt, i18n.language),
      },
      { title: t('audit.columns.actor'), dataIndex: 'actor', key: 'actor' },
      { title: t('audit.columns.action'), dataIndex: 'action', key: 'action' },
      {
        title: t('audit.columns.subject'),
        key: 'subject',
        render: (_, r) => `${r.subjectType}:${r.subjectId}`,
      },
      {
        title: t('audit.columns.hash'),
        key: 'hash',
        render: (_, r) => <span className="mono">{r.hash.slice(0, 12)}…</span>,
      },
    ],
    [t, i18n.language],
  );
  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <Can permission="audit:verify">
        <VerifyChain />
      </Can>
      <FilterBar<Filters>
        style={{ marginTop: 16 }}
        onSearch={(values) => {
          setFilters(compact(values));
          setCursors([undefined]);
        }}
        onReset={() => {
          setFilters({});
          setCursors([undefined]);
        }}
      >
        <Form.Item name="actor" label={t('audit.filters.actor')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="subjectType" label={t('audit.filters.subjectType')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="subjectId" label={t('audit.filters.subjectId')}>
          <Input allowClear />
        </Form.Item>
      </FilterBar>
      {audit.isError && <ProblemAlert error={audit.error as ApiError} onRetry={() => void audit.refetch()} />}
      <Table<AuditRecord>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={audit.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          // A named toggle (Ant Design's own expand button has no accessible name).
          expandIcon: ({ expanded, onExpand, record }) => (
            <Button
              size="small"
              type="text"
              aria-expanded={expanded}
              aria-label={t(expanded ? 'audit.hideDetails' : 'audit.showDetails', { seq: record.seq })}
              icon={expanded ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
              onClick={(e) => onExpand(record, e)}
            />
          ),
          expandedRowRender: (r) => (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('audit.details')}>
                <pre className="mono" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {r.details ? JSON.stringify(r.details, null, 2) : t('common.none')}
                </pre>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.before')}>
                <span className="mono">{r.beforeDigest ?? t('common.none')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.after')}>
                <span className="mono">{r.afterDigest ?? t('common.none')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.prevHash')}>
                <span className="mono">{r.prevHash}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.columns.hash')}>
                <span className="mono">{r.hash}</span>
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
      />
      <Pager
        hasPrev={cursors.length > 1}
        hasNext={(audit.data?.items.length ?? 0) > PAGE}
        onPrev={() => setCursors(cursors.slice(0, -1))}
        onNext={() => {
          const last = rows[rows.length - 1];
          if (last) setCursors([...cursors, last.seq]);
        }}
      />
    </>
  );
}
