import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
  Switch,
} from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { call, idempotencyKeys } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import { currencyDigits, DECIMAL_PATTERN } from '../../../shared/decimal.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { api } from '../../context.ts';
import { useFormProblems } from '../../forms.ts';
import { CATEGORIES } from '../loans/loans.ts';
import './products.css';
import {
  ALLOCATIONS,
  AMORTIZATIONS,
  amountRule,
  BASES,
  configOf,
  DAYS_IN_YEAR,
  FEE_TIMES,
  FREQUENCIES,
  INTEREST_METHODS,
  NEW_PRODUCT_CONFIG,
  PENALTY_BASES,
  type Product,
  type ProductFormValues,
  productProblems,
  valuesOf,
} from './productForm.ts';

const THRESHOLDS = [
  ['specialMention', 'special_mention'],
  ['substandard', 'substandard'],
  ['doubtful', 'doubtful'],
  ['loss', 'loss'],
] as const;

/** Holds no value: shows what the server found wrong with a whole group of fields (`config.limits`). */
function GroupErrors(_: { value?: unknown; onChange?: unknown }) {
  return null;
}

/** The form's rules, in the reader's language. */
function useRules(form: FormInstance<ProductFormValues>) {
  const { t } = useTranslation();
  return useMemo(() => {
    const number = { pattern: DECIMAL_PATTERN, message: t('products.form.number') };
    const amount = {
      validator: async (_: unknown, value: string | undefined) => {
        const currency = String(form.getFieldValue(['config', 'currency']) ?? 'CNY')
          .trim()
          .toUpperCase();
        if (!amountRule(value, currency))
          throw new Error(t('products.form.amount', { digits: currencyDigits(currency) }));
      },
    };
    return { number, amount };
  }, [t, form]);
}

/** Fees: a list of rows, each flat (an amount) or a percentage, charged at disbursement or per instalment. */
function Fees({ form }: { form: FormInstance<ProductFormValues> }) {
  const { t } = useTranslation();
  const rules = useRules(form);
  return (
    <Form.List name={['config', 'fees']}>
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && <p style={{ marginTop: 0 }}>{t('products.fees.none')}</p>}
          {fields.map((field, i) => (
            <Row key={field.key} gutter={12} align="top">
              <Col xs={24} md={6}>
                <Form.Item name={[field.name, 'name']} label={t('products.fees.name')}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[field.name, 'type']} label={t('products.fees.type')}>
                  <Select
                    options={(['flat', 'percent'] as const).map((v) => ({
                      value: v,
                      label: t(`products.feeType.${v}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item noStyle shouldUpdate>
                  {() =>
                    form.getFieldValue(['config', 'fees', field.name, 'type']) === 'percent' ? (
                      <Form.Item
                        name={[field.name, 'rate']}
                        label={t('products.fees.rate')}
                        rules={[{ required: true, message: t('products.form.number') }, rules.number]}
                      >
                        <Input suffix="%" inputMode="decimal" />
                      </Form.Item>
                    ) : (
                      <Form.Item
                        name={[field.name, 'amount']}
                        label={t('products.fees.amount')}
                        rules={[rules.amount]}
                      >
                        <Input inputMode="decimal" />
                      </Form.Item>
                    )
                  }
                </Form.Item>
              </Col>
              <Col xs={18} md={6}>
                <Form.Item name={[field.name, 'at']} label={t('products.fees.at')}>
                  <Select options={FEE_TIMES.map((v) => ({ value: v, label: t(`products.feeAt.${v}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={6} md={2}>
                <Form.Item label=" " colon={false}>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('products.form.removeFee', { n: i + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', type: 'flat', amount: '', at: 'disbursement' })}
            disabled={fields.length >= 5}
          >
            {t('products.form.addFee')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Every term of a product version, as a form (create and change share it). */
function ProductFields({ form, creating }: { form: FormInstance<ProductFormValues>; creating: boolean }) {
  const { t } = useTranslation();
  const rules = useRules(form);
  const options = <V extends string | number>(values: readonly V[], key: (v: V) => string) =>
    values.map((value) => ({ value, label: key(value) }));
  const penaltyOn = Form.useWatch(['config', 'penalty', 'enabled'], form) ?? false;
  const currency = Form.useWatch(['config', 'currency'], form) ?? 'CNY';
  return (
    <>
      <SectionCard title={t('products.form.identity')}>
        <Row gutter={16}>
          {creating && (
            <Col xs={24} md={8}>
              <Form.Item name="code" label={t('products.form.code')} extra={t('products.form.codeHelp')}>
                <Input autoComplete="off" style={{ textTransform: 'uppercase' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={creating ? 16 : 24}>
            <Form.Item name="name" label={t('products.form.name')}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </SectionCard>
      <SectionCard title={t('products.sections.pricing')}>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name={['config', 'currency']} label={t('products.fields.currency')}>
              <Input maxLength={3} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name={['config', 'annualRate']}
              label={t('products.fields.annualRate')}
              rules={[rules.number]}
            >
              <Input suffix="%" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['config', 'amortization']} label={t('products.fields.amortization')}>
              <Select options={options(AMORTIZATIONS, (v) => t(`products.amortization.${v}`))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['config', 'interestMethod']} label={t('products.fields.interestMethod')}>
              <Select options={options(INTEREST_METHODS, (v) => t(`products.interestMethod.${v}`))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={['config', 'every']} label={t('products.form.every')}>
              <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={['config', 'frequency']} label={t('products.form.unit')}>
              <Select options={options(FREQUENCIES, (v) => t(`products.unit.${v}`))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name={['config', 'daysInYear']} label={t('products.fields.daysInYear')}>
              <Select options={options(DAYS_IN_YEAR, (v) => t(`products.daysInYear.${v}`))} />
            </Form.Item>
          </Col>
        </Row>
      </SectionCard>
      <SectionCard title={t('products.sections.limits')}>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name={['config', 'limits', 'minPrincipal']}
              label={t('products.form.minPrincipal')}
              rules={[rules.amount]}
            >
              <Input prefix={currency} inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name={['config', 'limits', 'maxPrincipal']}
              label={t('products.form.maxPrincipal')}
              rules={[rules.amount]}
            >
              <Input prefix={currency} inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['config', 'limits', 'minRepayments']} label={t('products.form.minRepayments')}>
              <InputNumber min={1} max={360} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['config', 'limits', 'maxRepayments']} label={t('products.form.maxRepayments')}>
              <InputNumber min={1} max={360} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <div data-testid="limits-errors">
          <Form.Item name={['config', 'limits']} className="group-errors" style={{ marginBottom: 0 }}>
            <GroupErrors />
          </Form.Item>
        </div>
      </SectionCard>
      <SectionCard title={t('products.sections.fees')}>
        <Fees form={form} />
      </SectionCard>
      <SectionCard title={t('products.sections.allocation')}>
        <Form.Item name={['config', 'allocation']} label={t('products.form.allocation')}>
          <Radio.Group
            style={{ display: 'grid', gap: 8 }}
            options={options(ALLOCATIONS, (v) => t(`products.allocation.${v}`))}
          />
        </Form.Item>
      </SectionCard>
      <SectionCard title={t('products.sections.penalty')}>
        <Form.Item
          name={['config', 'penalty', 'enabled']}
          label={t('products.form.penaltyEnabled')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name={['config', 'penalty', 'annualRate']}
              label={t('products.fields.penaltyRate')}
              rules={penaltyOn ? [rules.number] : []}
            >
              <Input suffix="%" inputMode="decimal" disabled={!penaltyOn} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['config', 'penalty', 'graceDays']} label={t('products.fields.graceDays')}>
              <InputNumber min={0} max={90} precision={0} style={{ width: '100%' }} disabled={!penaltyOn} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['config', 'penalty', 'base']} label={t('products.fields.penaltyBase')}>
              <Select
                options={options(PENALTY_BASES, (v) => t(`products.penaltyBase.${v}`))}
                disabled={!penaltyOn}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['config', 'penalty', 'daysInYear']} label={t('products.fields.daysInYear')}>
              <Select
                options={options([360, 365] as const, (v) => t(`products.daysInYear.${v}`))}
                disabled={!penaltyOn}
              />
            </Form.Item>
          </Col>
        </Row>
      </SectionCard>
      <SectionCard title={t('products.sections.classification')}>
        <p style={{ marginTop: 0 }}>{t('products.form.thresholdsHelp')}</p>
        <Row gutter={16}>
          {THRESHOLDS.map(([key, category]) => (
            <Col xs={12} md={6} key={key}>
              <Form.Item name={['config', 'classification', key]} label={t(`products.category.${category}`)}>
                <InputNumber
                  min={0}
                  precision={0}
                  style={{ width: '100%' }}
                  addonAfter={t('products.form.days')}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <div data-testid="classification-errors">
          <Form.Item name={['config', 'classification']} className="group-errors" style={{ marginBottom: 0 }}>
            <GroupErrors />
          </Form.Item>
        </div>
      </SectionCard>
      <SectionCard title={t('products.sections.provisioning')}>
        <Row gutter={16}>
          {CATEGORIES.map((c) => (
            <Col xs={12} md={4} key={c}>
              <Form.Item
                name={['config', 'provisioning', c]}
                label={t(`products.category.${c}`)}
                rules={[rules.number]}
              >
                <Input suffix="%" inputMode="decimal" />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </SectionCard>
      <SectionCard title={t('products.sections.accounting')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['config', 'basis']} label={t('products.fields.basis')}>
              <Radio.Group options={options(BASES, (v) => t(`products.basis.${v}`))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['config', 'dueSoonDays']} label={t('products.fields.dueSoonDays')}>
              <InputNumber min={0} max={60} precision={0} addonAfter={t('products.form.days')} />
            </Form.Item>
          </Col>
        </Row>
      </SectionCard>
    </>
  );
}

/**
 * Creates a product (`/products/new`: `POST /api/v1/products`, version 1) or proposes a change
 * (`/products/:id/change`: `POST /api/v1/products/:id/versions`, the next version) — either way
 * pending until a second user approves it. The server's findings appear under the fields they
 * name; anything else above the form.
 */
export default function ProductEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id } = useParams();
  const creating = id === undefined;
  const [form] = Form.useForm<ProductFormValues>();
  const mapping = useMemo(() => productProblems(creating), [creating]);
  const problems = useFormProblems(form, mapping);
  const keys = useRef(idempotencyKeys()).current;
  const base = useQuery({
    queryKey: ['products', 'one', id],
    queryFn: () => call(api.GET('/api/v1/products/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !creating,
  });
  const save = useMutation({
    mutationFn: (values: ProductFormValues): Promise<Product> => {
      const body = { name: values.name ?? '', config: configOf(values.config) };
      if (creating) {
        const created = { code: (values.code ?? '').trim().toUpperCase(), ...body };
        return call(
          api.POST('/api/v1/products', {
            params: { header: { 'idempotency-key': keys.for(created) } },
            body: created,
          }),
        );
      }
      return call(
        api.POST('/api/v1/products/{id}/versions', {
          params: { path: { id: id ?? '' }, header: { 'idempotency-key': keys.for({ id, ...body }) } },
          body,
        }),
      );
    },
    onSuccess: (product) => {
      void message.success(t('products.form.saved', { code: product.code, version: product.version }));
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      navigate(`/products/${product.id}`);
    },
    onError: problems.show,
  });
  const initial = useMemo<ProductFormValues | undefined>(() => {
    if (creating) return { code: '', name: '', config: valuesOf(NEW_PRODUCT_CONFIG) };
    if (!base.data) return undefined;
    return { name: base.data.name, config: valuesOf(base.data.config) };
  }, [creating, base.data]);
  const title = creating
    ? t('products.form.createTitle')
    : t('products.form.changeTitle', { code: base.data?.code ?? '' });
  const back = creating ? '/products' : `/products/${id}`;
  return (
    <>
      <Link to={back}>
        <ArrowLeftOutlined /> {creating ? t('products.detail.back') : t('products.form.backToVersion')}
      </Link>
      <PageHeader
        title={title}
        intro={creating ? t('products.form.createIntro') : t('products.form.changeIntro')}
      />
      {base.isError && <ProblemAlert error={base.error as ApiError} onRetry={() => void base.refetch()} />}
      {problems.banner && <ProblemAlert error={problems.banner} />}
      {initial === undefined ? (
        !base.isError && <Skeleton active />
      ) : (
        <Form<ProductFormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={initial}
          scrollToFirstError
          onFinish={(values) => {
            problems.clear();
            save.mutate(values);
          }}
        >
          <ProductFields form={form} creating={creating} />
          <Flex gap={8} justify="end">
            <Button onClick={() => navigate(back)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {creating ? t('products.form.submitCreate') : t('products.form.submitChange')}
            </Button>
          </Flex>
        </Form>
      )}
    </>
  );
}
