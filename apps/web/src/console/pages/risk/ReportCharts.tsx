import { Card, Col, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart.tsx';
import { CardTitle } from '../../components/CardTitle.tsx';
import {
  calibrationSeries,
  fixed,
  gainsSeries,
  ksSeries,
  percent,
  type RiskReport,
  rocSeries,
  scoreHistogram,
} from './series.ts';

/** Colours with enough contrast on white; bads in orange, goods and the model in blue. */
export const COLORS = { model: '#0b5cad', bads: '#c2410c', goods: '#0b5cad', reference: '#8c8c8c' };

/** A 0–100 % value axis named in the middle of its side. */
export const percentAxis = (name: string, max = 1): Record<string, unknown> => ({
  type: 'value',
  name,
  nameLocation: 'middle',
  nameGap: 36,
  min: 0,
  max,
  axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
});

/**
 * A dashed grey reference line from (0, 0) to (top, top): random guessing on ROC and gains
 * charts, perfect calibration on the calibration chart.
 */
export const referenceLine = (name: string, top = 1) => ({
  name,
  type: 'line',
  data: [
    [0, 0],
    [top, top],
  ],
  showSymbol: false,
  color: COLORS.reference,
  lineStyle: { type: 'dashed' },
});

const grid = { left: 56, right: 16, top: 56, bottom: 56 };

/** A chart in a card with its heading (an `<h2>`, under the page's `<h1>`). */
export function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={<CardTitle>{title}</CardTitle>} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

/**
 * The validation report's charts: ROC, KS, calibration by decile, score distribution of goods and
 * bads, cumulative gains and lift (`beside` fills the grid's last cell). Each chart's accessible
 * name states its key numbers.
 */
export function ReportCharts({ report, beside }: { report: RiskReport; beside?: ReactNode }) {
  const { t } = useTranslation();
  const roc = useMemo(() => rocSeries(report.roc), [report.roc]);
  const ks = useMemo(() => ksSeries(report.ksCurve), [report.ksCurve]);
  const calibration = useMemo(() => calibrationSeries(report.calibration), [report.calibration]);
  const histogram = useMemo(() => scoreHistogram(report.scoreDistribution), [report.scoreDistribution]);
  const gains = useMemo(() => gainsSeries(report.calibration), [report.calibration]);
  const interval = report.metrics.aucInterval;

  const rocOption = useMemo<EChartsCoreOption>(
    () => ({
      grid,
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => fixed(v, 3) },
      xAxis: percentAxis(t('risk.charts.roc.x')),
      yAxis: percentAxis(t('risk.charts.roc.y')),
      series: [
        {
          name: t('risk.charts.roc.model'),
          type: 'line',
          data: roc,
          showSymbol: false,
          color: COLORS.model,
          areaStyle: { opacity: 0.08 },
        },
        referenceLine(t('risk.charts.roc.random')),
      ],
    }),
    [roc, t],
  );

  const ksOption = useMemo<EChartsCoreOption>(
    () => ({
      grid,
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => percent(v) },
      xAxis: { type: 'value', name: t('risk.charts.ks.x'), nameLocation: 'middle', nameGap: 30, scale: true },
      yAxis: percentAxis(t('risk.charts.ks.y')),
      series: [
        {
          name: t('risk.charts.ks.bads'),
          type: 'line',
          step: 'end',
          data: ks.bads,
          showSymbol: false,
          color: COLORS.bads,
        },
        {
          name: t('risk.charts.ks.goods'),
          type: 'line',
          step: 'end',
          data: ks.goods,
          showSymbol: false,
          color: COLORS.goods,
        },
        ...(ks.max
          ? [
              {
                name: t('risk.charts.ks.gap'),
                type: 'line',
                data: [
                  [ks.max.score, ks.max.goods],
                  [ks.max.score, ks.max.bads],
                ],
                color: '#262626',
                lineStyle: { type: 'dashed', width: 2 },
                symbolSize: 6,
              },
            ]
          : []),
      ],
    }),
    [ks, t],
  );

  const calibrationOption = useMemo<EChartsCoreOption>(
    () => ({
      grid,
      legend: { top: 0 },
      tooltip: { trigger: 'item', valueFormatter: (v: number) => percent(v) },
      xAxis: percentAxis(t('risk.charts.calibration.predicted'), calibration.top),
      yAxis: percentAxis(t('risk.charts.calibration.observed'), calibration.top),
      series: [
        {
          name: t('risk.charts.calibration.deciles'),
          type: 'line',
          data: calibration.points,
          color: COLORS.model,
          symbolSize: 8,
        },
        referenceLine(t('risk.charts.calibration.perfect'), calibration.top),
      ],
    }),
    [calibration, t],
  );

  const distributionOption = useMemo<EChartsCoreOption>(
    () => ({
      grid: { ...grid, bottom: 72 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: histogram.labels,
        name: t('risk.charts.distribution.x'),
        nameLocation: 'middle',
        nameGap: 52,
        axisLabel: { rotate: 45 },
      },
      yAxis: { type: 'value', name: t('risk.charts.distribution.y'), minInterval: 1 },
      series: [
        {
          name: t('risk.charts.distribution.goods'),
          type: 'bar',
          data: histogram.goods,
          color: COLORS.goods,
        },
        { name: t('risk.charts.distribution.bads'), type: 'bar', data: histogram.bads, color: COLORS.bads },
      ],
    }),
    [histogram, t],
  );

  const gainsOption = useMemo<EChartsCoreOption>(
    () => ({
      grid: { ...grid, right: 48 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: percentAxis(t('risk.charts.gains.x')),
      yAxis: [
        percentAxis(t('risk.charts.gains.gains')),
        { type: 'value', name: t('risk.charts.gains.lift'), min: 0, splitLine: { show: false } },
      ],
      series: [
        { name: t('risk.charts.gains.gains'), type: 'line', data: gains.gains, color: COLORS.model },
        referenceLine(t('risk.charts.gains.random')),
        {
          name: t('risk.charts.gains.lift'),
          type: 'line',
          yAxisIndex: 1,
          data: gains.lift,
          color: COLORS.bads,
        },
      ],
    }),
    [gains, t],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <ChartCard title={t('risk.charts.roc.title')}>
          <EChart
            option={rocOption}
            label={t('risk.charts.roc.aria', {
              auc: fixed(report.metrics.auc),
              lower: fixed(interval.lower),
              upper: fixed(interval.upper),
              gini: fixed(report.metrics.gini),
              rows: report.data.rows,
            })}
          />
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t('risk.charts.ks.title')}>
          <EChart
            option={ksOption}
            label={t('risk.charts.ks.aria', {
              ks: fixed(report.metrics.ks),
              score: ks.max?.score ?? '—',
              bads: percent(ks.max?.bads),
              goods: percent(ks.max?.goods),
            })}
          />
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t('risk.charts.calibration.title')}>
          <EChart
            option={calibrationOption}
            label={t('risk.charts.calibration.aria', {
              bands: calibration.points.length,
              gap: percent(calibration.worstGap),
              brier: fixed(report.metrics.brier),
            })}
          />
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t('risk.charts.distribution.title')}>
          <EChart
            option={distributionOption}
            label={t('risk.charts.distribution.aria', {
              goods: histogram.totalGoods,
              bads: histogram.totalBads,
              meanGood: fixed(histogram.meanGood, 0),
              meanBad: fixed(histogram.meanBad, 0),
            })}
          />
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t('risk.charts.gains.title')}>
          <EChart
            option={gainsOption}
            label={t('risk.charts.gains.aria', {
              share: percent(gains.top?.share, 0),
              badShare: percent(gains.top?.badShare),
              lift: fixed(gains.top?.lift, 2),
            })}
          />
        </ChartCard>
      </Col>
      {beside && (
        <Col xs={24} xl={12}>
          {beside}
        </Col>
      )}
    </Row>
  );
}
