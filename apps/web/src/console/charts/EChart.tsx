import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * An Apache ECharts chart. ECharts is loaded on first use (its own chunk); the chart follows its
 * container's size. Screen readers get `label` (describe what the chart shows and its key
 * numbers); the canvas itself is hidden from them.
 *
 * @example <EChart label="Audit events per day: 12 in all" option={{ xAxis: {…}, yAxis: {}, series: [{ type: 'bar', data }] }} />
 */
export function EChart({
  option,
  label,
  height = 280,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let cleanup: (() => void) | undefined;
    void import('./echarts.ts').then(({ echarts }) => {
      const el = ref.current;
      if (disposed || !el) return;
      const chart = echarts.init(el, undefined, { renderer: 'canvas' });
      chart.setOption({ animation: false, ...option });
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(el);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup?.();
    };
  }, [option]);
  return (
    <figure style={{ margin: 0 }}>
      <div ref={ref} role="img" aria-label={label} data-testid="echart" style={{ height, width: '100%' }} />
    </figure>
  );
}
