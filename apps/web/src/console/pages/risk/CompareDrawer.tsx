import { useMutation, useQuery } from '@tanstack/react-query';
import { Flex, Form, Select, Table, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError, ProblemMapping } from '../../../api/problem.ts';
import type { paths } from '../../../api/schema.d.ts';
import { EChart } from '../../charts/EChart.tsx';
import { CardTitle } from '../../components/CardTitle.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { useFormProblems } from '../../forms.ts';
import { type CsvFile, CsvFileInput } from './CsvFileInput.tsx';
import { percentAxis, referenceLine } from './ReportCharts.tsx';
import { fixed, percent, rocSeries } from './series.ts';

type Comparison = paths['/api/v1/risk/compare']['post']['responses']['200']['content']['application/json'];
type Compared = Comparison['models'][number];

interface CompareForm {
  modelIds: string[];
  file?: CsvFile | null;
  target?: string;
  group?: string;
}

const MAPPING: ProblemMapping = {
  fields: ['modelIds', 'file', 'target', 'group'],
  aliases: { csv: 'file' },
};

/** Line colours for up to ten models, each with contrast on white. */
const PALETTE = [
  '#0b5cad',
  '#c2410c',
  '#237804',
  '#722ed1',
  '#ad4e00',
  '#08979c',
  '#a8071a',
  '#1d39c4',
  '#5b8c00',
  '#c41d7f',
];

/**
 * Scores one labelled CSV with two or more registered models (`POST /api/v1/risk/compare`) and
 * shows their metrics side by side, the best model per metric, and their ROC curves together.
 */
export function CompareDrawer(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CompareForm>();
  const problems = useFormProblems(form, MAPPING);
  const file = Form.useWatch('file', form);
  const models = useQuery({
    queryKey: ['risk', 'models', 'all'],
    queryFn: () => call(api.GET('/api/v1/risk/models', { params: { query: { limit: 100, offset: 0 } } })),
    enabled: props.open,
  });
  const compare = useMutation({
    mutationFn: (values: CompareForm) =>
      call(
        api.POST('/api/v1/risk/compare', {
          body: {
            modelIds: values.modelIds,
            csv: values.file?.text ?? '',
            ...(values.target ? { target: values.target } : {}),
            ...(values.group ? { group: values.group } : {}),
          },
        }),
      ),
    onError: problems.show,
  });
  const modelOptions = useMemo(
    () =>
      (models.data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${t('risk.versioned', { name: m.name, version: m.version })} · ${t(`risk.status.${m.status}`)}`,
      })),
    [models.data, t],
  );
  const columns = useMemo(() => (file?.columns ?? []).map((c) => ({ value: c, label: c })), [file]);
  const result = compare.data;
  return (
    <FormDrawer
      title={t('risk.compare.title')}
      open={props.open}
      onClose={props.onClose}
      width={760}
      form={form}
      submitLabel={t('risk.compare.submit')}
      submitting={compare.isPending}
      dismiss="close"
    >
      <p style={{ marginTop: 0 }}>{t('risk.compare.intro')}</p>
      {problems.banner && <ProblemAlert error={problems.banner} />}
      {models.isError && (
        <ProblemAlert error={models.error as ApiError} onRetry={() => void models.refetch()} />
      )}
      <Form<CompareForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ modelIds: [] }}
        onValuesChange={(changed: Partial<CompareForm>) => {
          if ('file' in changed) form.setFieldsValue({ target: undefined, group: undefined });
        }}
        onFinish={(values) => {
          problems.clear();
          compare.mutate(values);
        }}
      >
        <Form.Item
          name="modelIds"
          label={t('risk.compare.models')}
          rules={[{ type: 'array', min: 2, message: t('risk.compare.twoModels') }]}
        >
          <Select
            mode="multiple"
            options={modelOptions}
            optionFilterProp="label"
            loading={models.isPending}
            maxCount={10}
          />
        </Form.Item>
        <Form.Item
          name="file"
          label={t('risk.compare.file')}
          rules={[{ required: true, message: t('risk.file.required') }]}
        >
          <CsvFileInput />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="target"
            label={t('risk.compare.target')}
            extra={t('risk.compare.targetHelp')}
            style={{ flex: 1, minWidth: 220 }}
          >
            <Select options={columns} allowClear showSearch notFoundContent={t('risk.file.first')} />
          </Form.Item>
          <Form.Item name="group" label={t('risk.compare.group')} style={{ flex: 1, minWidth: 220 }}>
            <Select options={columns} allowClear showSearch notFoundContent={t('risk.file.first')} />
          </Form.Item>
        </Flex>
      </Form>
      {result && <ComparisonResult result={result} />}
    </FormDrawer>
  );
}

/** The comparison's table (best value per metric marked) and overlaid ROC curves. */
function ComparisonResult({ result }: { result: Comparison }) {
  const { t } = useTranslation();
  const name = (m: Compared['model']) => t('risk.versioned', { name: m.name, version: m.version });
  const best = (metric: keyof Comparison['best'], m: Compared, text: string) =>
    result.best[metric] === m.model.id ? (
      <span>
        {text} <Tag color="#237804">{t('risk.compare.best')}</Tag>
      </span>
    ) : (
      text
    );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 56, right: 16, top: 48, bottom: 56 },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: percentAxis(t('risk.charts.roc.x')),
      yAxis: percentAxis(t('risk.charts.roc.y')),
      series: [
        ...result.models.map((m, i) => ({
          name: t('risk.versioned', { name: m.model.name, version: m.model.version }),
          type: 'line',
          data: rocSeries(m.roc),
          showSymbol: false,
          color: PALETTE[i % PALETTE.length],
        })),
        referenceLine(t('risk.charts.roc.random')),
      ],
    }),
    [result, t],
  );
  return (
    <section aria-labelledby="compare-result" data-testid="compare-result">
      <CardTitle>
        <span id="compare-result">
          {t('risk.compare.result', { rows: result.data.rows, bads: result.data.bads })}
        </span>
      </CardTitle>
      <Table<Compared>
        style={{ marginTop: 12 }}
        size="small"
        rowKey={(m) => m.model.id}
        pagination={false}
        dataSource={[...result.models]}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('risk.columns.name'), key: 'name', render: (_, m) => name(m.model) },
          { title: 'AUC', key: 'auc', render: (_, m) => best('auc', m, fixed(m.metrics.auc)) },
          { title: 'KS', key: 'ks', render: (_, m) => best('ks', m, fixed(m.metrics.ks)) },
          {
            title: t('risk.detail.brier'),
            key: 'brier',
            render: (_, m) => best('brier', m, fixed(m.metrics.brier)),
          },
          {
            title: t('risk.detail.logLoss'),
            key: 'logLoss',
            render: (_, m) => best('logLoss', m, fixed(m.metrics.logLoss)),
          },
          {
            title: t('risk.detail.approvalRate'),
            key: 'approval',
            render: (_, m) => percent(m.approvalRate),
          },
          { title: t('risk.compare.scorePsi'), key: 'psi', render: (_, m) => fixed(m.scorePsi) },
          {
            title: t('risk.compare.fairness'),
            key: 'fairness',
            render: (_, m) =>
              m.fairness
                ? m.fairness.violations.length
                  ? t('risk.fairness.violations', { groups: m.fairness.violations.join('、') })
                  : t('risk.compare.noViolations')
                : '—',
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('risk.compare.rocIntro')}
      </Typography.Paragraph>
      <EChart
        option={option}
        label={t('risk.compare.rocAria', {
          summary: result.models.map((m) => `${name(m.model)} AUC ${fixed(m.metrics.auc)}`).join('; '),
        })}
      />
    </section>
  );
}
