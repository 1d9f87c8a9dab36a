import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, InputNumber, Radio, Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, idempotencyKeys } from '../../../api/client.ts';
import type { ProblemMapping } from '../../../api/problem.ts';
import type { components } from '../../../api/schema.d.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { chosen, useFormProblems } from '../../forms.ts';
import { CsvFileInput } from './CsvFileInput.tsx';
import { guessTarget } from './csv.ts';
import { fixed } from './series.ts';
import { buildTrainBody, parseCuts, type TrainForm } from './train.ts';

type Trained = components['schemas']['RiskModel'] & { notes: readonly string[] };

const MAPPING: ProblemMapping = {
  fields: ['name', 'file', 'target', 'model', 'drop', 'group', 'groupCuts', 'seed', 'holdoutPercent'],
  aliases: { csv: 'file', holdout: 'holdoutPercent' },
};

/** Seconds since `running` turned true (0 otherwise), ticking once a second. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

/**
 * Trains a model from a CSV file chosen in the browser (`POST /api/v1/risk/models`, source
 * "train", with an Idempotency-Key): pick the target, model kind, columns to leave out, a fairness
 * group and the seed. The server trains and validates on a hold-out, stores the model as a
 * candidate and answers with its metrics; its errors show in place.
 */
export function TrainDrawer(props: {
  open: boolean;
  onClose: () => void;
  onOpenModel: (id: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TrainForm>();
  const problems = useFormProblems(form, MAPPING);
  const keys = useRef(idempotencyKeys()).current;
  const file = Form.useWatch('file', form);
  const target = Form.useWatch('target', form);
  const [trained, setTrained] = useState<Trained | null>(null);
  const train = useMutation({
    mutationFn: (values: TrainForm) => {
      const payload = buildTrainBody(values);
      return call(
        api.POST('/api/v1/risk/models', {
          params: { header: { 'idempotency-key': keys.for(payload) } },
          body: payload,
        }),
      );
    },
    onSuccess: (model) => {
      setTrained(model);
      void queryClient.invalidateQueries({ queryKey: ['risk'] });
    },
    onError: problems.show,
  });
  const elapsed = useElapsed(train.isPending);
  // The drawer scrolls: bring the outcome (or the problem) into view where the form starts.
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (trained || problems.banner) top.current?.scrollIntoView({ block: 'start', behavior: 'instant' });
  }, [trained, problems.banner]);
  const columns = useMemo(() => (file?.columns ?? []).map((c) => ({ value: c, label: c })), [file]);
  const inputs = useMemo(() => columns.filter((c) => c.value !== target), [columns, target]);
  return (
    <FormDrawer
      title={t('risk.train.title')}
      open={props.open}
      onClose={props.onClose}
      width={520}
      form={form}
      submitLabel={t('risk.train.submit')}
      submitting={train.isPending}
      dismiss="close"
    >
      <div ref={top} />
      {problems.banner && <ProblemAlert error={problems.banner} />}
      {train.isPending && (
        <Alert
          type="info"
          role="status"
          showIcon
          icon={<Spin size="small" />}
          style={{ marginBottom: 16 }}
          message={t('risk.train.training')}
          description={t('risk.train.elapsed', { seconds: elapsed })}
        />
      )}
      {trained && !train.isPending && (
        <Alert
          type="success"
          role="status"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="train-result"
          message={t('risk.train.done', {
            name: trained.name,
            version: trained.version,
            auc: fixed(trained.metrics.report?.auc ?? trained.metrics.validation?.auc),
            ks: fixed(trained.metrics.report?.ks ?? trained.metrics.validation?.ks),
          })}
          description={
            <>
              <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
                {trained.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
              <Button type="primary" size="small" onClick={() => props.onOpenModel(trained.id)}>
                {t('risk.train.open')}
              </Button>
            </>
          }
        />
      )}
      <p style={{ marginTop: 0 }}>{t('risk.train.intro')}</p>
      <Form<TrainForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ model: 'scorecard', drop: [], seed: 7, holdoutPercent: 30 }}
        onValuesChange={(changed: Partial<TrainForm>) => {
          if ('file' in changed) {
            const columns = changed.file?.columns ?? [];
            form.setFieldsValue({ target: guessTarget(columns), drop: [], group: undefined });
            if (!form.getFieldValue('name') && changed.file)
              form.setFieldsValue({ name: changed.file.name.replace(/\.[^.]+$/, '') });
          }
        }}
        onFinish={(values) => {
          problems.clear();
          setTrained(null);
          train.mutate(values);
        }}
      >
        <Form.Item
          name="file"
          label={t('risk.train.file')}
          rules={[{ required: true, message: t('risk.file.required') }]}
        >
          <CsvFileInput />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('risk.train.name')}
          extra={t('risk.train.nameHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="target"
          label={t('risk.train.target')}
          extra={t('risk.train.targetHelp')}
          rules={[chosen(t('common.required'))]}
        >
          <Select options={columns} showSearch notFoundContent={t('risk.file.first')} />
        </Form.Item>
        <Form.Item name="model" label={t('risk.train.model')}>
          <Radio.Group
            options={[
              { value: 'scorecard', label: t('risk.kind.scorecard') },
              { value: 'gbdt', label: t('risk.kind.gbdt') },
            ]}
          />
        </Form.Item>
        <Form.Item name="drop" label={t('risk.train.drop')} extra={t('risk.train.dropHelp')}>
          <Select mode="multiple" options={inputs} allowClear notFoundContent={t('risk.file.first')} />
        </Form.Item>
        <Form.Item name="group" label={t('risk.train.group')} extra={t('risk.train.groupHelp')}>
          <Select options={inputs} allowClear showSearch notFoundContent={t('risk.file.first')} />
        </Form.Item>
        <Form.Item
          name="groupCuts"
          label={t('risk.train.groupCuts')}
          extra={t('risk.train.groupCutsHelp')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                parseCuts(value) === null
                  ? Promise.reject(new Error(t('risk.train.groupCutsInvalid')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input autoComplete="off" placeholder="25, 40" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="seed" label={t('risk.train.seed')} extra={t('risk.train.seedHelp')}>
            <InputNumber min={0} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="holdoutPercent"
            label={t('risk.train.holdout')}
            extra={t('risk.train.holdoutHelp')}
          >
            <InputNumber min={0} max={50} precision={0} suffix="%" style={{ width: 140 }} />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}
