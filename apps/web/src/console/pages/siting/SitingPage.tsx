import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Skeleton,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { components } from '../../../api/schema.d.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { Can } from '../../components/Can.tsx';
import { CardTitle } from '../../components/CardTitle.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OffsetPager } from '../../components/Pager.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { useDownload } from '../../download.ts';
import {
  type DemoCounty,
  onDemoCounty,
  people,
  type SiteRow,
  type Study,
  siteRows,
  type TownshipRow,
  townshipRows,
} from './coverage.ts';
import { RunStudyDrawer } from './RunStudyDrawer.tsx';
import { SitingMap } from './SitingMap.tsx';

type StudySummary = components['schemas']['SitingStudy'];

const PAGE = 10;

const share = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The stored studies, newest first, with the one on the map marked. */
function StudyList(props: { selected: string | undefined; onSelect: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const studies = useQuery({
    queryKey: ['siting', 'studies', offset],
    queryFn: () =>
      call(api.GET('/api/v1/siting/studies', { params: { query: { limit: PAGE + 1, offset } } })),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<TableProps<StudySummary>['columns']>(
    () => [
      {
        title: t('siting.studies.name'),
        key: 'name',
        render: (_, s) => (
          <Flex gap={4} wrap align="center">
            {s.id === props.selected ? (
              <strong aria-current="true">{s.name}</strong>
            ) : (
              <Button
                type="link"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                onClick={() => props.onSelect(s.id)}
              >
                {s.name}
              </Button>
            )}
            {s.isDefault && <Tag>{t('siting.studies.default')}</Tag>}
          </Flex>
        ),
      },
      {
        title: t('siting.studies.model'),
        key: 'model',
        render: (_, s) => t(`siting.models.${s.model as 'mclp'}`),
      },
      {
        title: t('siting.studies.covered'),
        key: 'covered',
        align: 'right',
        render: (_, s) => share(s.coveredShare),
      },
      {
        title: t('siting.studies.created'),
        key: 'created',
        render: (_, s) => `${formatDateTime(s.createdAt, i18n.language)} · ${s.createdBy}`,
      },
    ],
    [t, i18n.language, props],
  );
  return (
    <Card title={<CardTitle>{t('siting.studies.title')}</CardTitle>}>
      {studies.isError && (
        <ProblemAlert error={studies.error as ApiError} onRetry={() => void studies.refetch()} />
      )}
      <Table<StudySummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={studies.data?.items.slice(0, PAGE) ?? []}
        loading={studies.isFetching}
        pagination={false}
        rowClassName={(s) => (s.id === props.selected ? 'ant-table-row-selected' : '')}
        data-testid="siting-studies"
        scroll={{ x: 'max-content' }}
      />
      <OffsetPager
        offset={offset}
        page={PAGE}
        fetched={studies.data?.items.length ?? 0}
        onChange={setOffset}
      />
    </Card>
  );
}

/** What the study asked and found: model, p, radius, objective, coverage, gap, solver, time. */
function StudySummaryCard({ study }: { study: Study }) {
  const { t, i18n } = useTranslation();
  const r = study.result;
  const p = study.problem;
  const total = p.demand.reduce((s, d) => s + d.weight, 0);
  const download = useDownload(
    () =>
      call(
        api.GET('/api/v1/siting/studies/{id}/geojson', {
          params: { path: { id: study.id } },
          parseAs: 'blob',
        }),
      ),
    () => `${study.id}.geojson`,
  );
  return (
    <Card
      title={<CardTitle>{t('siting.summary.title', { name: study.name })}</CardTitle>}
      extra={
        <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()}>
          {t('siting.summary.geojson')}
        </Button>
      }
    >
      {download.isError && <ProblemAlert error={download.error as ApiError} />}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        data-testid="study-summary"
        items={[
          { key: 'model', label: t('siting.summary.model'), children: t(`siting.models.${r.model}`) },
          {
            key: 'covered',
            label: t('siting.summary.covered'),
            children: t('siting.summary.coveredValue', {
              people: people(r.coveredWeight, i18n.language),
              total: people(total, i18n.language),
              share: share(r.coveredShare),
            }),
          },
          {
            key: 'sites',
            label: t('siting.summary.sites'),
            children: t('siting.summary.sitesValue', { n: r.selected.length, fixed: p.fixed?.length ?? 0 }),
          },
          {
            key: 'radius',
            label: t('siting.summary.radius'),
            children:
              p.radius === undefined
                ? t('siting.summary.noRadius')
                : t('siting.kmValue', { value: p.radius }),
          },
          {
            key: 'objective',
            label: t('siting.summary.objective'),
            children: people(r.objective, i18n.language),
          },
          { key: 'uncovered', label: t('siting.summary.uncovered'), children: r.uncovered.length },
          {
            key: 'gap',
            label: t('siting.summary.gap'),
            children: r.gap === 0 ? t('siting.summary.optimal') : share(r.gap),
          },
          {
            key: 'solver',
            label: t('siting.summary.solver'),
            children: t('siting.summary.solverValue', { solver: r.solver, seconds: r.seconds.toFixed(2) }),
          },
          {
            key: 'created',
            label: t('siting.summary.created'),
            children: `${formatDateTime(study.createdAt, i18n.language)} · ${study.createdBy}`,
          },
        ]}
      />
    </Card>
  );
}

/** The chosen sites, existing first, with the villages and people each serves. */
function SitesTable({ study, county }: { study: Study; county: DemoCounty | undefined }) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(() => siteRows(study.problem, study.result), [study]);
  const places = useMemo(() => new Map((county?.candidates ?? []).map((c) => [c.id, c])), [county]);
  const townships = useMemo(() => new Map((county?.townships ?? []).map((tw) => [tw.id, tw.name])), [county]);
  const columns = useMemo<TableProps<SiteRow>['columns']>(
    () => [
      {
        title: t('siting.sites.id'),
        dataIndex: 'id',
        key: 'id',
        render: (id: string) => <span className="mono">{id}</span>,
      },
      { title: t('siting.sites.name'), key: 'name', render: (_, r) => places.get(r.id)?.name ?? '—' },
      {
        title: t('siting.sites.township'),
        key: 'township',
        render: (_, r) => townships.get(places.get(r.id)?.township ?? '') ?? '—',
      },
      {
        title: t('siting.sites.kind'),
        key: 'kind',
        render: (_, r) =>
          r.existing ? (
            <Tag>{t('siting.sites.existing')}</Tag>
          ) : (
            <Tag color="#237804">{t('siting.sites.new')}</Tag>
          ),
      },
      { title: t('siting.sites.points'), dataIndex: 'points', key: 'points', align: 'right' },
      {
        title: t('siting.sites.covered'),
        key: 'covered',
        align: 'right',
        render: (_, r) => people(r.covered, i18n.language),
      },
    ],
    [t, i18n.language, places, townships],
  );
  const covered = rows.reduce((s, r) => s + r.covered, 0);
  return (
    <Card
      title={<CardTitle>{t('siting.sites.title', { n: rows.length })}</CardTitle>}
      style={{ height: '100%' }}
    >
      <Table<SiteRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="siting-sites"
        scroll={{ x: 'max-content' }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5}>
              {t('siting.sites.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {people(covered, i18n.language)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

/** Population and coverage per township (the map's data as a table). */
function TownshipTable({ study, county }: { study: Study; county: DemoCounty }) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(() => townshipRows(county, study.result), [county, study]);
  const columns = useMemo<TableProps<TownshipRow>['columns']>(
    () => [
      { title: t('siting.townships.name'), dataIndex: 'name', key: 'name' },
      { title: t('siting.townships.villages'), dataIndex: 'villages', key: 'villages', align: 'right' },
      {
        title: t('siting.townships.population'),
        key: 'population',
        align: 'right',
        render: (_, r) => people(r.population, i18n.language),
      },
      {
        title: t('siting.townships.covered'),
        key: 'covered',
        align: 'right',
        render: (_, r) => people(r.covered, i18n.language),
      },
      { title: t('siting.townships.share'), key: 'share', align: 'right', render: (_, r) => share(r.share) },
    ],
    [t, i18n.language],
  );
  return (
    <Card title={<CardTitle>{t('siting.townships.title')}</CardTitle>} style={{ height: '100%' }}>
      <Table<TownshipRow> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} />
    </Card>
  );
}

/**
 * Service-point siting (`/siting`, `?study=<id>` selects a study): the demo county map with
 * villages, existing stations, the selected study's chosen sites and coverage circles; the study's
 * figures, its sites and the coverage per township as tables; the stored studies; and, for
 * operations staff, a form to run a new study.
 */
export default function SitingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [running, setRunning] = useState(false);
  const county = useQuery({
    queryKey: ['siting', 'county'],
    queryFn: async () => (await call(api.GET('/api/v1/siting/demo-county'))) as unknown as DemoCounty,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // Without ?study=, the default study (or else the newest).
  const first = useQuery({
    queryKey: ['siting', 'studies', 'first'],
    queryFn: () => call(api.GET('/api/v1/siting/studies', { params: { query: { limit: 50, offset: 0 } } })),
    enabled: !params.get('study'),
  });
  const selected =
    params.get('study') ?? (first.data?.items.find((s) => s.isDefault) ?? first.data?.items[0])?.id;
  const study = useQuery({
    queryKey: ['siting', 'study', selected],
    queryFn: () => call(api.GET('/api/v1/siting/studies/{id}', { params: { path: { id: selected ?? '' } } })),
    enabled: selected !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const stations = useMemo(() => county.data?.stations.map((s) => s.id) ?? [], [county.data]);
  const demo = study.data && county.data ? onDemoCounty(study.data.problem, county.data) : false;
  const mapReady = county.data && (selected === undefined ? !first.isPending : study.data);
  return (
    <>
      <PageHeader
        title={t('siting.title')}
        intro={t('siting.intro')}
        actions={
          <Can permission="siting:run">
            <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setRunning(true)}>
              {t('siting.run.button')}
            </Button>
          </Can>
        }
      />
      {county.isError && (
        <ProblemAlert error={county.error as ApiError} onRetry={() => void county.refetch()} />
      )}
      {study.isError && <ProblemAlert error={study.error as ApiError} onRetry={() => void study.refetch()} />}
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={15}>
            <Card title={<CardTitle>{t('siting.map.heading')}</CardTitle>}>
              {mapReady ? (
                <SitingMap county={county.data} study={study.data} />
              ) : (
                <Skeleton active paragraph={{ rows: 8 }} />
              )}
              {county.data && (
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  {t('siting.map.synthetic')}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
          <Col xs={24} xxl={9}>
            <StudyList selected={selected} onSelect={(id) => setParams({ study: id })} />
          </Col>
        </Row>
        {study.data && (
          <>
            <StudySummaryCard study={study.data} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xxl={demo ? 14 : 24}>
                <SitesTable study={study.data} county={demo ? county.data : undefined} />
              </Col>
              {demo && county.data && (
                <Col xs={24} xxl={10}>
                  <TownshipTable study={study.data} county={county.data} />
                </Col>
              )}
            </Row>
          </>
        )}
      </Flex>
      <RunStudyDrawer
        open={running}
        stations={stations}
        onClose={() => setRunning(false)}
        onCreated={(created) => {
          setRunning(false);
          void message.success(
            t('siting.run.done', { name: created.name, share: share(created.coveredShare) }),
          );
          setParams({ study: created.id });
        }}
      />
    </>
  );
}
