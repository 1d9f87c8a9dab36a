import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call, idempotencyKeys } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import type { components, paths } from '../../../api/schema.d.ts';
import { amountToMinor } from '../../../shared/decimal.ts';
import { Can } from '../../components/Can.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { chosen, useFormProblems } from '../../forms.ts';
import { BorrowerSelect } from './BorrowerSelect.tsx';
import { CHANNEL_KEY, CHANNELS, productTerms } from './loans.ts';
import { NewBorrowerModal } from './NewBorrowerModal.tsx';
import { useDebounced, useLoanProducts } from './queries.ts';
import { SchedulePreview } from './SchedulePreview.tsx';

type Borrower = components['schemas']['Borrower'];
type Application = NonNullable<paths['/api/v1/loans']['post']['requestBody']>['content']['application/json'];

interface Values {
  borrowerId?: string;
  productCode?: string;
  principal?: string;
  repayments?: number | null;
  kind: 'channel' | 'merchant';
  channel: string;
  merchant?: string;
}

/**
 * A new loan application (`POST /api/v1/loans`): a borrower (found by name or phone, or registered
 * here), an active product, principal and repayments, and where the money goes; the schedule and
 * the annualised rate preview live (`POST /api/v1/loans/preview`) as the numbers change.
 */
export default function NewLoanPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<Borrower[]>([]);
  const products = useLoanProducts();
  const productCode = Form.useWatch('productCode', form);
  const principal = Form.useWatch('principal', form);
  const repayments = Form.useWatch('repayments', form);
  const kind = Form.useWatch('kind', form) ?? 'channel';
  const product = products.active.find((p) => p.code === productCode);
  const terms = product ? productTerms(product) : undefined;
  const limitsText = terms ? t('loans.create.limits', { ...terms }) : undefined;

  // The preview follows the numbers once they are complete and have stopped changing.
  const principalMinor = principal ? amountToMinor(principal, terms?.currency) : null;
  const previewBody = useDebounced(
    productCode && principalMinor && principalMinor > 0 && typeof repayments === 'number' && repayments >= 1
      ? { productCode, principalMinor, repayments }
      : null,
    300,
  );
  const preview = useQuery({
    queryKey: ['loans', 'preview', previewBody],
    queryFn: () =>
      call(api.POST('/api/v1/loans/preview', { body: previewBody as NonNullable<typeof previewBody> })),
    enabled: previewBody !== null,
    placeholderData: keepPreviousData,
  });

  const mapping = useMemo(
    () => ({
      fields: ['borrowerId', 'productCode', 'principal', 'repayments', 'channel', 'merchant'],
      aliases: { principalMinor: 'principal', disbursement: kind === 'merchant' ? 'merchant' : 'channel' },
      codes: { product_not_active: 'productCode', not_found: 'borrowerId' },
    }),
    [kind],
  );
  const problems = useFormProblems(form, mapping);
  const keys = useRef(idempotencyKeys()).current;
  const submit = useMutation({
    mutationFn: (body: Application) =>
      call(api.POST('/api/v1/loans', { params: { header: { 'idempotency-key': keys.for(body) } }, body })),
    onSuccess: (loan) => {
      void message.success(t('loans.create.created', { id: loan.id }));
      navigate(`/loans/${loan.id}`);
    },
    onError: (error: ApiError) => {
      problems.show(error);
      // The limits in the reader's units instead of the server's minor units.
      if (error.code === 'outside_product_limits' && limitsText)
        form.setFields(
          (error.problem.errors ?? []).map((e) => ({
            name: e.path.endsWith('repayments') ? 'repayments' : 'principal',
            errors: [limitsText],
          })),
        );
    },
  });

  const onFinish = (v: Values) => {
    problems.clear();
    submit.mutate({
      borrowerId: v.borrowerId ?? '',
      productCode: v.productCode ?? '',
      principalMinor: amountToMinor(v.principal ?? '', terms?.currency) ?? 0,
      repayments: v.repayments ?? 0,
      disbursement:
        v.kind === 'merchant'
          ? { kind: 'merchant', merchant: (v.merchant ?? '').trim() }
          : { kind: 'channel', channel: v.channel },
    });
  };
  const required = { required: true, message: t('common.required') };
  const picked = chosen(t('common.required'));
  return (
    <>
      <PageHeader
        title={t('loans.create.title')}
        intro={t('loans.create.intro')}
        actions={<Link to="/loans">{t('loans.back')}</Link>}
      />
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={9}>
          <Card size="small">
            {problems.banner && <ProblemAlert error={problems.banner} />}
            <Form<Values>
              form={form}
              name="new-loan"
              layout="vertical"
              requiredMark={false}
              initialValues={{ kind: 'channel', channel: 'alipay' }}
              onFinish={onFinish}
              onValuesChange={(changed: Partial<Values>) => {
                if (!changed.productCode) return;
                const next = products.active.find((p) => p.code === changed.productCode);
                if (next && form.getFieldValue('repayments') == null)
                  form.setFieldsValue({ repayments: productTerms(next).repayments });
              }}
            >
              <Form.Item label={t('loans.create.borrower')} htmlFor="new-loan_borrowerId">
                <Flex gap={8}>
                  <Form.Item name="borrowerId" noStyle rules={[picked]}>
                    <BorrowerSelect known={registered} style={{ flex: 1, minWidth: 0 }} />
                  </Form.Item>
                  <Can permission="borrowers:write">
                    <Button icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
                      {t('loans.newBorrower.open')}
                    </Button>
                  </Can>
                </Flex>
              </Form.Item>
              <Form.Item
                name="productCode"
                label={t('loans.create.product')}
                rules={[picked]}
                extra={limitsText}
              >
                <Select
                  loading={products.query.isLoading}
                  options={products.active.map((p) => ({
                    value: p.code,
                    label: t('loans.create.productOption', { code: p.code, name: p.name }),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="principal"
                label={`${t('loans.create.principal')}${terms ? ` (${terms.currency})` : ''}`}
                rules={[
                  required,
                  {
                    validator: (_, v: string | undefined) =>
                      !v || amountToMinor(v, terms?.currency) !== null
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('loans.amountInvalid'))),
                  },
                ]}
              >
                <Input inputMode="decimal" autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="repayments"
                label={t('loans.create.repayments')}
                rules={[
                  { required: true, message: t('loans.create.repaymentsInvalid') },
                  { type: 'integer', min: 1, max: 360, message: t('loans.create.repaymentsInvalid') },
                ]}
              >
                <InputNumber min={1} max={360} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="kind" label={t('loans.create.disbursement')}>
                <Radio.Group
                  options={[
                    { value: 'channel', label: t('loans.create.toChannel') },
                    { value: 'merchant', label: t('loans.create.toMerchant') },
                  ]}
                />
              </Form.Item>
              {kind === 'channel' ? (
                <Form.Item name="channel" label={t('loans.create.channel')} rules={[picked]}>
                  <Select options={CHANNELS.map((c) => ({ value: c, label: t(`loans.channels.${c}`) }))} />
                </Form.Item>
              ) : (
                <Form.Item
                  name="merchant"
                  label={t('loans.create.merchant')}
                  extra={t('loans.create.merchantHint')}
                  rules={[required, { pattern: CHANNEL_KEY, message: t('loans.create.merchantInvalid') }]}
                >
                  <Input autoComplete="off" />
                </Form.Item>
              )}
              <Button type="primary" htmlType="submit" loading={submit.isPending}>
                {t('loans.create.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <SchedulePreview
            preview={previewBody ? preview.data : undefined}
            loading={preview.isFetching}
            error={previewBody && preview.isError ? (preview.error as ApiError) : null}
            {...(limitsText ? { limits: limitsText } : {})}
          />
        </Col>
      </Row>
      <NewBorrowerModal
        open={registering}
        onClose={() => setRegistering(false)}
        onCreated={(b) => {
          setRegistering(false);
          setRegistered((list) => [b, ...list]);
          form.setFieldsValue({ borrowerId: b.id });
          void message.success(t('loans.newBorrower.created', { name: b.fullName }));
        }}
      />
    </>
  );
}
