import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Spin } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call, idempotencyKeys } from '../../../api/client.ts';
import type { ProblemMapping } from '../../../api/problem.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { useFormProblems } from '../../forms.ts';
import { type Body, type Created, modelNeeds, type RunForm, SITING_MODELS, studyBody } from './study.ts';

const MAPPING: ProblemMapping = {
  fields: ['name', 'model', 'p', 'radius', 'keepStations', 'method', 'timeLimitSeconds'],
  aliases: { fixed: 'keepStations' },
  codes: { unknown_id: 'keepStations' },
};

/**
 * Runs a new study on the demo county (`POST /api/v1/siting/studies` with an Idempotency-Key):
 * the model (MCLP, LSCP, p-median, p-center), the number of sites, the coverage radius, whether the
 * existing stations stay open, the method and a time limit. The server solves it (exact MIP or
 * heuristic with a bound) and stores it; its errors (an infeasible plan, a bad parameter) show in
 * place.
 */
export function RunStudyDrawer(props: {
  open: boolean;
  stations: readonly string[];
  onClose: () => void;
  onCreated: (study: Created) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RunForm>();
  const problems = useFormProblems(form, MAPPING);
  const keys = useRef(idempotencyKeys()).current;
  const model = Form.useWatch('model', form) ?? 'mclp';
  const needs = modelNeeds(model);
  const run = useMutation({
    mutationFn: (body: Body) =>
      call(
        api.POST('/api/v1/siting/studies', {
          params: { header: { 'idempotency-key': keys.for(body) } },
          body,
        }),
      ),
    onSuccess: (study) => {
      void queryClient.invalidateQueries({ queryKey: ['siting', 'studies'] });
      form.resetFields();
      props.onCreated(study);
    },
    onError: problems.show,
  });
  return (
    <FormDrawer
      title={t('siting.run.title')}
      open={props.open}
      onClose={props.onClose}
      width={480}
      form={form}
      submitLabel={t('siting.run.submit')}
      submitting={run.isPending}
    >
      {problems.banner && <ProblemAlert error={problems.banner} />}
      {run.isPending && (
        <Alert
          type="info"
          role="status"
          showIcon
          icon={<Spin size="small" />}
          style={{ marginBottom: 16 }}
          message={t('siting.run.running')}
        />
      )}
      <p style={{ marginTop: 0 }}>{t('siting.run.intro')}</p>
      <Form<RunForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          model: 'mclp',
          p: 12,
          radius: 5,
          keepStations: true,
          method: 'auto',
          timeLimitSeconds: 30,
        }}
        onFinish={(values) => {
          problems.clear();
          run.mutate(studyBody(values, props.stations));
        }}
      >
        <Form.Item
          name="name"
          label={t('siting.run.name')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item name="model" label={t('siting.run.model')}>
          <Radio.Group style={{ display: 'grid', gap: 8 }}>
            {SITING_MODELS.map((m) => (
              <Radio key={m} value={m}>
                {t(`siting.models.${m}`)} — {t(`siting.modelHelp.${m}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {needs.p && (
          <Form.Item
            name="p"
            label={t('siting.run.p')}
            extra={t('siting.run.pHelp')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item
          name="radius"
          label={t('siting.run.radius')}
          extra={needs.radius === 'required' ? t('siting.run.radiusHelp') : t('siting.run.radiusOptional')}
          rules={needs.radius === 'required' ? [{ required: true, message: t('common.required') }] : []}
        >
          <InputNumber min={0.1} step={0.5} suffix={t('siting.km')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="keepStations"
          valuePropName="checked"
          extra={t('siting.run.keepStationsHelp', { n: props.stations.length })}
        >
          <Checkbox>{t('siting.run.keepStations')}</Checkbox>
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="method" label={t('siting.run.method')} style={{ minWidth: 180 }}>
            <Select
              options={(['auto', 'exact', 'heuristic'] as const).map((m) => ({
                value: m,
                label: t(`siting.run.methods.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="timeLimitSeconds" label={t('siting.run.timeLimit')}>
            <InputNumber
              min={1}
              max={120}
              precision={0}
              suffix={t('siting.seconds')}
              style={{ width: 140 }}
            />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}
