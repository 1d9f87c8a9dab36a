// The ECharts modules the console uses, registered once. This file is loaded on demand by
// EChart.tsx, so ECharts is its own chunk that pages without charts never download. A page that
// needs another chart type adds it here (e.g. ScatterChart for score distributions).
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
