import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount, formatRate } from '../../../shared/format.ts';
import { EChart } from '../../charts/EChart.tsx';
import type { FlowSeries, MixSlice } from './figures.ts';

/** Colours with enough contrast on white for bars and slices. */
const PALETTE = ['#0b5cad', '#237804', '#ad4e00', '#a8071a', '#531dab', '#006d75', '#614700'];

/**
 * Disbursements and collections per period as bars, with the exact totals in the accessible label.
 *
 * @example <FlowChart series={flowSeries(report, 'CNY', months)} currency="CNY" />
 */
export function FlowChart({
  series,
  currency,
  height,
}: {
  series: FlowSeries;
  currency: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 64, right: 16, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: series.periods },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('operations.reports.flows.disbursements'),
          type: 'bar',
          data: series.disbursements,
          color: PALETTE[0],
        },
        {
          name: t('operations.reports.flows.collections'),
          type: 'bar',
          data: series.collections,
          color: PALETTE[1],
        },
      ],
    }),
    [series, t],
  );
  const label = t('operations.reports.flows.aria', {
    from: series.periods[0] ?? '',
    to: series.periods[series.periods.length - 1] ?? '',
    currency,
    disbursed: formatAmount(series.totalDisbursed),
    disbursements: series.disbursementCount,
    collected: formatAmount(series.totalCollected),
    collections: series.collectionCount,
  });
  return <EChart option={option} label={label} height={height} />;
}

/**
 * A mix (categories, products) as a doughnut, each slice's share and amount in the accessible label.
 *
 * @example <MixChart title={t('…')} slices={categoryMix(report, 'CNY')} currency="CNY" />
 */
export function MixChart({
  title,
  slices,
  currency,
  height,
}: {
  title: string;
  slices: readonly MixSlice[];
  currency: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      color: PALETTE,
      series: [
        {
          name: title,
          type: 'pie',
          radius: ['32%', '56%'],
          center: ['50%', '45%'],
          avoidLabelOverlap: true,
          label: { formatter: '{b}\n{d}%', overflow: 'none' },
          data: slices.map((s) => ({ name: s.label, value: s.value })),
        },
      ],
    }),
    [slices, title],
  );
  const parts = slices.map((s) =>
    t('operations.reports.mixPart', {
      name: s.label,
      share: formatRate(s.share),
      currency,
      amount: formatAmount(s.amount),
      loans: s.loans,
    }),
  );
  const label = t('operations.reports.mixAria', {
    title,
    parts: parts.join(t('operations.reports.listSeparator')),
  });
  return <EChart option={option} label={label} height={height} />;
}
