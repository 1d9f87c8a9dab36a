import { DiffOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Select, Table, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { components } from '../../../api/schema.d.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { Can } from '../../components/Can.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OffsetPager } from '../../components/Pager.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { CompareDrawer } from './CompareDrawer.tsx';
import { useRoleChange } from './ModelActions.tsx';
import { ModelDetail } from './ModelDetail.tsx';
import { ShadowCard } from './ShadowCard.tsx';
import { fixed, headline } from './series.ts';
import { TrainDrawer } from './TrainDrawer.tsx';
import { KindTag, StatusTag } from './tags.tsx';

type Model = components['schemas']['RiskModel'];
type Status = Model['status'];

const PAGE = 20;
const STATUSES: readonly Status[] = ['champion', 'challenger', 'candidate', 'retired'];

/** The registry (`GET /api/v1/risk/models`), newest first, with the shadow run and the train/compare forms. */
function ModelList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const roles = useRoleChange();
  const [status, setStatus] = useState<Status | undefined>();
  const [offset, setOffset] = useState(0);
  const [drawer, setDrawer] = useState<'train' | 'compare' | null>(null);
  const models = useQuery({
    queryKey: ['risk', 'models', status, offset],
    queryFn: () =>
      call(
        api.GET('/api/v1/risk/models', {
          params: { query: { limit: PAGE + 1, offset, ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<TableProps<Model>['columns']>(
    () => [
      {
        title: t('risk.columns.name'),
        key: 'name',
        render: (_, m) => (
          <Link to={{ search: `?model=${encodeURIComponent(m.id)}` }} data-model-id={m.id}>
            {t('risk.versioned', { name: m.name, version: m.version })}
          </Link>
        ),
      },
      { title: t('risk.columns.kind'), key: 'kind', render: (_, m) => <KindTag kind={m.kind} /> },
      { title: t('risk.columns.status'), key: 'status', render: (_, m) => <StatusTag status={m.status} /> },
      { title: 'AUC', key: 'auc', align: 'right', render: (_, m) => fixed(headline(m.metrics).auc) },
      { title: 'KS', key: 'ks', align: 'right', render: (_, m) => fixed(headline(m.metrics).ks) },
      { title: 'Gini', key: 'gini', align: 'right', render: (_, m) => fixed(headline(m.metrics).gini) },
      {
        title: t('risk.columns.measuredOn'),
        key: 'on',
        render: (_, m) => {
          const on = headline(m.metrics).on;
          return on ? t(`risk.measuredOn.${on}`) : '—';
        },
      },
      {
        title: t('risk.columns.created'),
        key: 'created',
        render: (_, m) => `${formatDateTime(m.createdAt, i18n.language)} · ${m.createdBy}`,
      },
    ],
    [t, i18n.language],
  );
  const rows = models.data?.items.slice(0, PAGE) ?? [];
  return (
    <>
      <PageHeader
        title={t('risk.title')}
        intro={t('risk.intro')}
        actions={
          <Can permission="risk:train">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer('train')}>
              {t('risk.actions.train')}
            </Button>
            <Button icon={<DiffOutlined />} onClick={() => setDrawer('compare')}>
              {t('risk.actions.compare')}
            </Button>
          </Can>
        }
      />
      {roles.error && <ProblemAlert error={roles.error} />}
      <Flex vertical gap={16}>
        <div>
          <Form layout="inline" style={{ marginBottom: 12 }}>
            <Form.Item label={t('risk.filters.status')} htmlFor="risk-status-filter">
              <Select<Status | 'all'>
                id="risk-status-filter"
                style={{ width: 180 }}
                value={status ?? 'all'}
                onChange={(v) => {
                  setStatus(v === 'all' ? undefined : v);
                  setOffset(0);
                }}
                options={[
                  { value: 'all', label: t('risk.filters.all') },
                  ...STATUSES.map((s) => ({ value: s, label: t(`risk.status.${s}`) })),
                ]}
              />
            </Form.Item>
          </Form>
          {models.isError && (
            <ProblemAlert error={models.error as ApiError} onRetry={() => void models.refetch()} />
          )}
          <Table<Model>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={models.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="risk-models"
          />
          <OffsetPager
            offset={offset}
            page={PAGE}
            fetched={models.data?.items.length ?? 0}
            onChange={setOffset}
          />
        </div>
        <ShadowCard roles={roles} />
      </Flex>
      <TrainDrawer
        open={drawer === 'train'}
        onClose={() => setDrawer(null)}
        onOpenModel={(id) => {
          setDrawer(null);
          onOpen(id);
        }}
      />
      <CompareDrawer open={drawer === 'compare'} onClose={() => setDrawer(null)} />
    </>
  );
}

/**
 * The risk models page: the registry at `/risk`, one model at `/risk?model=<id>` (a link that can
 * be shared; the browser's back button returns to the list).
 */
export default function RiskPage() {
  const [params, setParams] = useSearchParams();
  const id = params.get('model');
  if (id) return <ModelDetail key={id} id={id} onBack={() => setParams({})} />;
  return <ModelList onOpen={(model) => setParams({ model })} />;
}
