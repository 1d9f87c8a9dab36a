import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Table, type TableProps, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { components } from '../../../api/schema.d.ts';
import { CardTitle } from '../../components/CardTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { useDownload } from '../../download.ts';
import { fixed, percent, type RiskReport } from './series.ts';

type Binning = RiskReport['binning'][number];
type Bin = Binning['bins'][number];
type PointsRow = components['schemas']['RiskPointsRow'];
type FairnessGroup = NonNullable<RiskReport['fairness']>['groups'][number];
type StabilityRow = {
  name: string;
  psi: number | null;
  verdict: 'stable' | 'moderate shift' | 'major shift';
};

const VERDICT = { stable: 'stable', 'moderate shift': 'moderate', 'major shift': 'major' } as const;

/** One variable's bins: counts, event (bad) rate, WOE and points, with the variable's IV. */
function BinningTable({ binning }: { binning: Binning }) {
  const { t } = useTranslation();
  const columns = useMemo<TableProps<Bin>['columns']>(
    () => [
      { title: t('risk.binning.bin'), dataIndex: 'label', key: 'label' },
      { title: t('risk.binning.count'), dataIndex: 'count', key: 'count', align: 'right' },
      {
        title: t('risk.binning.eventRate'),
        key: 'badRate',
        align: 'right',
        render: (_, b) => percent(b.badRate),
      },
      { title: t('risk.binning.woe'), key: 'woe', align: 'right', render: (_, b) => fixed(b.woe) },
      { title: t('risk.binning.points'), dataIndex: 'points', key: 'points', align: 'right' },
    ],
    [t],
  );
  return (
    <Table<Bin>
      rowKey="label"
      size="small"
      columns={columns}
      dataSource={[...binning.bins]}
      pagination={false}
      title={() => (
        <CardTitle level={3}>
          {t('risk.binning.caption', { name: binning.name, iv: fixed(binning.iv) })}
        </CardTitle>
      )}
    />
  );
}

/**
 * The scorecard's binning tables, one per variable in the model (strongest IV first), from the
 * validation report.
 */
export function BinningTables({ binning }: { binning: RiskReport['binning'] }) {
  const { t } = useTranslation();
  const sorted = useMemo(() => [...binning].sort((a, b) => (b.iv ?? 0) - (a.iv ?? 0)), [binning]);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('risk.binning.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]} data-testid="binning-tables">
        {sorted.map((b) => (
          <Col key={b.name} xs={24} xl={12}>
            <BinningTable binning={b} />
          </Col>
        ))}
      </Row>
    </>
  );
}

/** The attribute-points table to sign off, with the CSV and Excel downloads of the same table. */
export function PointsTable({ modelId, points }: { modelId: string; points: readonly PointsRow[] }) {
  const { t } = useTranslation();
  const download = useDownload(
    (format: 'csv' | 'xlsx') =>
      call(
        format === 'csv'
          ? api.GET('/api/v1/risk/models/{id}/points.csv', {
              params: { path: { id: modelId } },
              parseAs: 'blob',
            })
          : api.GET('/api/v1/risk/models/{id}/points.xlsx', {
              params: { path: { id: modelId } },
              parseAs: 'blob',
            }),
      ),
    (format) => `${modelId}-points.${format}`,
  );
  const columns = useMemo<TableProps<PointsRow>['columns']>(
    () => [
      { title: t('risk.points.variable'), dataIndex: 'variable', key: 'variable' },
      { title: t('risk.points.attribute'), dataIndex: 'attribute', key: 'attribute' },
      { title: t('risk.points.rows'), dataIndex: 'rows', key: 'rows', align: 'right' },
      { title: t('risk.points.share'), key: 'share', align: 'right', render: (_, r) => percent(r.share) },
      {
        title: t('risk.points.badRate'),
        key: 'badRate',
        align: 'right',
        render: (_, r) => percent(r.badRate),
      },
      { title: t('risk.points.woe'), key: 'woe', align: 'right', render: (_, r) => fixed(r.woe) },
      { title: t('risk.points.points'), dataIndex: 'points', key: 'points', align: 'right' },
    ],
    [t],
  );
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined />}
          loading={download.isPending && download.variables === 'csv'}
          onClick={() => download.mutate('csv')}
        >
          {t('risk.points.csv')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={download.isPending && download.variables === 'xlsx'}
          onClick={() => download.mutate('xlsx')}
        >
          {t('risk.points.xlsx')}
        </Button>
      </Flex>
      {download.isError && <ProblemAlert error={download.error as ApiError} />}
      <Table<PointsRow>
        rowKey={(r) => `${r.variable}\u0000${r.attribute}`}
        size="small"
        columns={columns}
        dataSource={[...points]}
        pagination={false}
        data-testid="points-table"
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}

/**
 * Fairness across the report's group column: approval rate, disparate impact (flagged below the
 * four-fifths rule), parity and odds differences against the reference group.
 */
export function FairnessTable({ fairness }: { fairness: NonNullable<RiskReport['fairness']> }) {
  const { t } = useTranslation();
  const columns = useMemo<TableProps<FairnessGroup>['columns']>(
    () => [
      {
        title: t('risk.fairness.group'),
        key: 'group',
        render: (_, g) =>
          g.group === fairness.reference ? `${g.group} (${t('risk.fairness.reference')})` : g.group,
      },
      { title: t('risk.fairness.count'), dataIndex: 'count', key: 'count', align: 'right' },
      {
        title: t('risk.fairness.badRate'),
        key: 'badRate',
        align: 'right',
        render: (_, g) => percent(g.badRate),
      },
      {
        title: t('risk.fairness.approvalRate'),
        key: 'approvalRate',
        align: 'right',
        render: (_, g) => percent(g.approvalRate),
      },
      {
        title: t('risk.fairness.disparateImpact'),
        key: 'di',
        align: 'right',
        render: (_, g) => fixed(g.disparateImpact, 2),
      },
      {
        title: t('risk.fairness.fourFifths'),
        key: 'flag',
        render: (_, g) =>
          g.fourFifthsViolation ? (
            <Tag color="#a8071a">{t('risk.fairness.violation')}</Tag>
          ) : (
            <Tag>{t('risk.fairness.pass')}</Tag>
          ),
      },
      {
        title: t('risk.fairness.parity'),
        key: 'spd',
        align: 'right',
        render: (_, g) => fixed(g.statisticalParityDifference),
      },
      {
        title: t('risk.fairness.opportunity'),
        key: 'eod',
        align: 'right',
        render: (_, g) => fixed(g.equalOpportunityDifference),
      },
      {
        title: t('risk.fairness.odds'),
        key: 'aod',
        align: 'right',
        render: (_, g) => fixed(g.averageOddsDifference),
      },
      {
        title: t('risk.fairness.tpr'),
        key: 'tpr',
        align: 'right',
        render: (_, g) => percent(g.truePositiveRate),
      },
      {
        title: t('risk.fairness.fpr'),
        key: 'fpr',
        align: 'right',
        render: (_, g) => percent(g.falsePositiveRate),
      },
    ],
    [t, fairness.reference],
  );
  return (
    <Card title={<CardTitle>{t('risk.fairness.title', { column: fairness.column })}</CardTitle>}>
      <Typography.Paragraph type="secondary">
        {t('risk.fairness.intro', { reference: fairness.reference, cutoff: percent(fairness.cutoff) })}
      </Typography.Paragraph>
      {fairness.violations.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('risk.fairness.violations', { groups: fairness.violations.join('、') })}
        />
      )}
      <Table<FairnessGroup>
        rowKey="group"
        size="small"
        columns={columns}
        dataSource={[...fairness.groups]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="fairness-table"
      />
    </Card>
  );
}

/** Population stability of the score and of every input, hold-out against training. */
export function StabilityTable({ stability }: { stability: RiskReport['stability'] }) {
  const { t } = useTranslation();
  const rows = useMemo<StabilityRow[]>(
    () => [
      ...(stability.score
        ? [{ name: t('risk.stability.score'), psi: stability.score.psi, verdict: stability.score.verdict }]
        : []),
      ...stability.characteristics.map((c) => ({
        name: c.name,
        psi: c.stability.psi,
        verdict: c.stability.verdict,
      })),
    ],
    [stability, t],
  );
  const columns = useMemo<TableProps<StabilityRow>['columns']>(
    () => [
      { title: t('risk.stability.name'), dataIndex: 'name', key: 'name' },
      { title: 'PSI', key: 'psi', align: 'right', render: (_, r) => fixed(r.psi) },
      {
        title: t('risk.stability.verdict'),
        key: 'verdict',
        render: (_, r) => {
          const v = VERDICT[r.verdict];
          return (
            <Tag color={v === 'stable' ? undefined : v === 'moderate' ? '#ad4e00' : '#a8071a'}>
              {t(`risk.stability.${v}`)}
            </Tag>
          );
        },
      },
    ],
    [t],
  );
  return (
    <Card title={<CardTitle>{t('risk.stability.title')}</CardTitle>} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">{t('risk.stability.intro')}</Typography.Paragraph>
      <Table<StabilityRow>
        rowKey="name"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
    </Card>
  );
}

/** The confusion matrix at the cut-off (positive = predicted bad = declined). */
export function ConfusionTable({ report }: { report: RiskReport }) {
  const { t } = useTranslation();
  const c = report.confusion;
  type Row = { key: string; actual: string; declined: number; approved: number };
  const rows: Row[] = [
    {
      key: 'bad',
      actual: t('risk.confusion.actualBad'),
      declined: c.truePositive,
      approved: c.falseNegative,
    },
    {
      key: 'good',
      actual: t('risk.confusion.actualGood'),
      declined: c.falsePositive,
      approved: c.trueNegative,
    },
  ];
  return (
    <Card
      title={<CardTitle>{t('risk.confusion.title', { cutoff: percent(c.cutoff) })}</CardTitle>}
      style={{ height: '100%' }}
    >
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('risk.confusion.actual'), dataIndex: 'actual', key: 'actual' },
          { title: t('risk.confusion.declined'), dataIndex: 'declined', key: 'declined', align: 'right' },
          { title: t('risk.confusion.approved'), dataIndex: 'approved', key: 'approved', align: 'right' },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        {t('risk.confusion.summary', {
          approval: percent(c.approvalRate),
          accuracy: percent(c.accuracy),
          precision: percent(c.precision),
          recall: percent(c.recall),
        })}
      </Typography.Paragraph>
    </Card>
  );
}
