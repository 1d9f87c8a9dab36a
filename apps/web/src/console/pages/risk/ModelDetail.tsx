import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  Skeleton,
  Space,
  Tabs,
  Typography,
} from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { components } from '../../../api/schema.d.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { EChart } from '../../charts/EChart.tsx';
import { CardTitle } from '../../components/CardTitle.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { useDownload } from '../../download.ts';
import { ModelActions, useRoleChange } from './ModelActions.tsx';
import { ChartCard, COLORS, ReportCharts } from './ReportCharts.tsx';
import {
  BinningTables,
  ConfusionTable,
  FairnessTable,
  PointsTable,
  StabilityTable,
} from './ReportTables.tsx';
import { fixed, percent } from './series.ts';
import { KindTag, StatusTag } from './tags.tsx';

type Detail = components['schemas']['RiskModelDetail'];

/** The gain importance of a tree model's inputs, largest first (top 15). */
function ImportanceChart({ importance }: { importance: Detail['importance'] }) {
  const { t } = useTranslation();
  const top = useMemo(() => [...importance].sort((a, b) => b.gain - a.gain).slice(0, 15), [importance]);
  const total = importance.reduce((s, i) => s + i.gain, 0);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 160, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: top.map((i) => i.name) },
      series: [{ type: 'bar', data: top.map((i) => i.gain), color: COLORS.model }],
    }),
    [top],
  );
  const first = top[0];
  return (
    <ChartCard title={t('risk.importance.title')}>
      <EChart
        option={option}
        height={Math.max(200, top.length * 24 + 40)}
        label={t('risk.importance.aria', {
          n: importance.length,
          name: first?.name ?? '—',
          share: percent(first && total > 0 ? first.gain / total : null),
        })}
      />
    </ChartCard>
  );
}

/** The headline figures: report metrics with the AUC interval, cross-validated and in-sample AUC, cut-off. */
function MetricsCard({ model }: { model: Detail }) {
  const { t } = useTranslation();
  const m = model.metrics;
  const report = model.report;
  return (
    <Card title={<CardTitle>{t('risk.detail.metrics')}</CardTitle>}>
      <Descriptions
        size="small"
        layout="vertical"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'auc',
            label: 'AUC',
            children: m.report ? (
              <span data-testid="metric-auc">
                {fixed(m.report.auc)}{' '}
                <Typography.Text type="secondary">
                  {t('risk.detail.interval', {
                    lower: fixed(m.report.aucLower),
                    upper: fixed(m.report.aucUpper),
                  })}
                </Typography.Text>
              </span>
            ) : (
              '—'
            ),
          },
          { key: 'ks', label: 'KS', children: fixed(m.report?.ks) },
          { key: 'gini', label: 'Gini', children: fixed(m.report?.gini) },
          { key: 'brier', label: t('risk.detail.brier'), children: fixed(m.report?.brier) },
          { key: 'logLoss', label: t('risk.detail.logLoss'), children: fixed(m.report?.logLoss) },
          {
            key: 'reportOn',
            label: t('risk.detail.reportOn'),
            children: m.reportOn
              ? t('risk.detail.reportRows', {
                  on: t(`risk.reportOn.${m.reportOn}`),
                  rows: m.report?.rows ?? 0,
                  bads: m.report?.bads ?? 0,
                })
              : t('risk.detail.noReportShort'),
          },
          { key: 'cv', label: t('risk.detail.cvAuc'), children: fixed(m.validation?.auc) },
          { key: 'train', label: t('risk.detail.trainAuc'), children: fixed(m.train?.auc) },
          { key: 'cutoff', label: t('risk.detail.cutoff'), children: percent(model.cutoff, 2) },
          {
            key: 'approval',
            label: t('risk.detail.approvalRate'),
            children: percent(report?.confusion.approvalRate),
          },
          {
            key: 'grades',
            label: t('risk.detail.grades'),
            children: model.grades
              .map((g) => (g.minScore === null ? g.grade : `${g.grade} ≥ ${g.minScore}`))
              .join(' · '),
          },
          {
            key: 'scaling',
            label: t('risk.detail.scaling'),
            children: t('risk.detail.scalingValue', model.scaling),
          },
        ]}
      />
    </Card>
  );
}

/** Target, inputs, dropped columns, training data and notes. */
function ModelFacts({ model }: { model: Detail }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={<CardTitle>{t('risk.detail.facts')}</CardTitle>} style={{ height: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'target',
            label: t('risk.detail.target'),
            children: model.target
              ? t('risk.detail.targetValue', {
                  column: model.target.column,
                  bad: model.target.badLabel,
                  good: model.target.goodLabel,
                })
              : '—',
          },
          {
            key: 'inputs',
            label: t('risk.detail.inputs', { n: model.inputs.length }),
            children: model.inputs.join(', '),
          },
          {
            key: 'dropped',
            label: t('risk.detail.dropped'),
            children: model.droppedColumns.length
              ? model.droppedColumns.map((d) => `${d.name} (${d.reason})`).join('; ')
              : t('common.none'),
          },
          {
            key: 'training',
            label: t('risk.detail.training'),
            children: model.training
              ? t('risk.detail.trainingValue', {
                  rows: model.training.rows,
                  bads: model.training.bads,
                  seed: model.training.seed,
                })
              : '—',
          },
          {
            key: 'hash',
            label: t('risk.detail.dataHash'),
            children: <span className="mono">{model.trainingDataHash ?? '—'}</span>,
          },
          {
            key: 'created',
            label: t('risk.detail.created'),
            children: `${formatDateTime(model.createdAt, i18n.language)} · ${model.createdBy}`,
          },
          {
            key: 'promoted',
            label: t('risk.detail.promoted'),
            children: model.promotedAt
              ? `${formatDateTime(model.promotedAt, i18n.language)} · ${model.promotedBy ?? ''}`
              : '—',
          },
        ]}
      />
      {model.notes.length > 0 && (
        <>
          <CardTitle level={3}>{t('risk.detail.notes')}</CardTitle>
          <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
            {model.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/**
 * One model of the registry (`GET /api/v1/risk/models/{id}`): headline metrics, the validation
 * report's charts (ROC, KS, calibration, score distribution, gains and lift), confusion at the
 * cut-off, fairness by group, stability, the binning and attribute-points tables (scorecards) or
 * feature importance (trees), and the role changes a risk manager may make.
 */
export function ModelDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const roles = useRoleChange();
  const model = useQuery({
    queryKey: ['risk', 'model', id],
    queryFn: () => call(api.GET('/api/v1/risk/models/{id}', { params: { path: { id } } })),
  });
  const artefact = useDownload(
    () =>
      call(api.GET('/api/v1/risk/models/{id}/artefact.json', { params: { path: { id } }, parseAs: 'blob' })),
    () => `${id}.json`,
  );
  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={onBack}
      style={{ paddingInline: 0, marginBottom: 8 }}
    >
      {t('risk.actions.back')}
    </Button>
  );
  if (model.isPending)
    return (
      <>
        {back}
        <PageHeader title={t('risk.title')} />
        <Skeleton active />
      </>
    );
  if (model.isError)
    return (
      <>
        {back}
        <PageHeader title={t('risk.title')} />
        <ProblemAlert error={model.error as ApiError} onRetry={() => void model.refetch()} />
      </>
    );
  const m = model.data;
  const report = m.report;
  const tabs = [
    ...(report && report.binning.length > 0
      ? [
          {
            key: 'binning',
            label: t('risk.binning.title'),
            children: <BinningTables binning={report.binning} />,
          },
        ]
      : []),
    ...(m.points
      ? [
          {
            key: 'points',
            label: t('risk.points.title'),
            children: <PointsTable modelId={m.id} points={m.points} />,
          },
        ]
      : []),
  ];
  return (
    <>
      {back}
      <PageHeader
        title={t('risk.detail.title', { name: m.name, version: m.version })}
        intro={t(`risk.kindIntro.${m.kind}`)}
        actions={
          <>
            <ModelActions model={m} roles={roles} />
            <Button
              icon={<DownloadOutlined />}
              loading={artefact.isPending}
              onClick={() => artefact.mutate()}
            >
              {t('risk.actions.artefact')}
            </Button>
          </>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusTag status={m.status} />
        <KindTag kind={m.kind} />
        <span>{t(`risk.source.${m.source}`)}</span>
      </Space>
      {roles.error && <ProblemAlert error={roles.error} />}
      {artefact.isError && <ProblemAlert error={artefact.error as ApiError} />}
      <Flex vertical gap={16}>
        <MetricsCard model={m} />
        {report ? (
          <>
            <ReportCharts report={report} beside={<ConfusionTable report={report} />} />
            {report.fairness ? (
              <FairnessTable fairness={report.fairness} />
            ) : (
              <Alert type="info" showIcon message={t('risk.fairness.none')} />
            )}
          </>
        ) : (
          <Card>
            <Empty description={t('risk.detail.noReport')} />
          </Card>
        )}
        {m.importance.length > 0 && <ImportanceChart importance={m.importance} />}
        {tabs.length > 0 && (
          <Card title={<CardTitle>{t('risk.detail.scorecard')}</CardTitle>}>
            <Tabs items={tabs} />
          </Card>
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={report ? 12 : 24}>
            <ModelFacts model={m} />
          </Col>
          {report && (
            <Col xs={24} xl={12}>
              <StabilityTable stability={report.stability} />
            </Col>
          )}
        </Row>
      </Flex>
    </>
  );
}
