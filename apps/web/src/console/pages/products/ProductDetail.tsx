import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  type TableProps,
} from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { call, idempotencyKeys } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { Me } from '../../../shared/permissions.ts';
import { useCan, useMe } from '../../auth/useMe.ts';
import { Can } from '../../components/Can.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { api } from '../../context.ts';
import { CATEGORIES } from '../loans/loans.ts';
import { StatusTag } from './ProductTerms.tsx';
import { isMaker, type Product, type ProductConfig } from './productForm.ts';
import { formatMinor, percentText, principalText } from './terms.ts';

type Fee = ProductConfig['fees'][number];

/** Who made or decided a version: "you" for the signed-in user, otherwise the actor id. */
function useActorText() {
  const { t } = useTranslation();
  const me = useMe().data as Me | undefined;
  return (actor: string | null) =>
    actor === null
      ? '—'
      : me && actor === `${me.kind}:${me.id}`
        ? t('products.detail.you', { actor })
        : actor;
}

/**
 * Approve or reject a pending version (maker-checker). The maker sees why they cannot; a
 * second user with `products:approve` gets the buttons. The server checks again and its refusal
 * (`maker_checker`, or a version decided meanwhile) shows in place.
 */
function Decision({ product }: { product: Product }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data as Me | undefined;
  const actorText = useActorText();
  const canApprove = useCan('products:approve');
  const keys = useRef(idempotencyKeys()).current;
  const decide = useMutation({
    mutationFn: (action: 'approve' | 'reject') => {
      const params = {
        path: { id: product.id },
        header: { 'idempotency-key': keys.for({ id: product.id, action }) },
      };
      return call(
        action === 'approve'
          ? api.POST('/api/v1/products/{id}/approve', { params })
          : api.POST('/api/v1/products/{id}/reject', { params }),
      );
    },
    onSuccess: (decided) => {
      void message.success(
        t(decided.status === 'active' ? 'products.detail.approved' : 'products.detail.rejected', {
          code: decided.code,
          version: decided.version,
        }),
      );
      void queryClient.invalidateQueries({ queryKey: ['products'] });
    },
  });
  if (product.status !== 'pending') return null;
  const mine = isMaker(product, me);
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Alert
        type="info"
        showIcon
        message={t('products.detail.pending', { maker: actorText(product.maker) })}
        data-testid="pending-note"
      />
      {mine && canApprove && (
        <Alert
          type="warning"
          showIcon
          role="status"
          message={t('products.detail.youMade')}
          data-testid="maker-note"
        />
      )}
      {decide.isError && <ProblemAlert error={decide.error as ApiError} />}
      {!mine && canApprove && (
        <Flex gap={8}>
          <Popconfirm
            title={t('products.detail.approveConfirm', { version: product.version })}
            okText={t('products.detail.approve')}
            cancelText={t('common.cancel')}
            onConfirm={() => decide.mutate('approve')}
          >
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={decide.isPending && decide.variables === 'approve'}
            >
              {t('products.detail.approve')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('products.detail.rejectConfirm', { version: product.version })}
            okText={t('products.detail.reject')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => decide.mutate('reject')}
          >
            <Button
              danger
              icon={<CloseOutlined />}
              loading={decide.isPending && decide.variables === 'reject'}
            >
              {t('products.detail.reject')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </Space>
  );
}

/** Every term the version fixes, section by section. */
function Terms({ config }: { config: ProductConfig }) {
  const { t } = useTranslation();
  const feeColumns = useMemo<TableProps<Fee>['columns']>(
    () => [
      { title: t('products.fees.name'), dataIndex: 'name', key: 'name' },
      { title: t('products.fees.type'), key: 'type', render: (_, f) => t(`products.feeType.${f.type}`) },
      {
        title: t('products.fees.amount'),
        key: 'amount',
        render: (_, f) =>
          f.type === 'flat'
            ? `${config.currency} ${formatMinor(f.amountMinor, config.currency)}`
            : percentText(f.rate),
      },
      { title: t('products.fees.at'), key: 'at', render: (_, f) => t(`products.feeAt.${f.at}`) },
    ],
    [t, config.currency],
  );
  const thresholds = config.classification;
  const from = {
    normal: 0,
    special_mention: thresholds.specialMention,
    substandard: thresholds.substandard,
    doubtful: thresholds.doubtful,
    loss: thresholds.loss,
  } as const;
  const p = config.penalty;
  return (
    <>
      <SectionCard title={t('products.sections.pricing')}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('products.fields.annualRate')}>
            {percentText(config.annualRate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('products.fields.amortization')}>
            {t(`products.amortization.${config.amortization}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('products.fields.interestMethod')}>
            {t(`products.interestMethod.${config.interestMethod}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('products.fields.frequency')}>
            {t(`products.every.${config.frequency}`, { n: config.every })}
          </Descriptions.Item>
          <Descriptions.Item label={t('products.fields.daysInYear')}>
            {t(`products.daysInYear.${config.daysInYear}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('products.fields.currency')}>{config.currency}</Descriptions.Item>
          <Descriptions.Item label={t('products.fields.rounding')}>
            {t('products.roundingNote')}
          </Descriptions.Item>
        </Descriptions>
      </SectionCard>
      <SectionCard title={t('products.sections.limits')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('products.fields.principal')}>
            {principalText(config)}
          </Descriptions.Item>
          <Descriptions.Item label={t('products.fields.repayments')}>
            {t('products.terms.repayments', {
              min: config.limits.minRepayments,
              max: config.limits.maxRepayments,
            })}
          </Descriptions.Item>
        </Descriptions>
      </SectionCard>
      <SectionCard title={t('products.sections.fees')}>
        {config.fees.length === 0 ? (
          t('products.fees.none')
        ) : (
          <Table<Fee>
            rowKey={(f) => f.name}
            columns={feeColumns}
            dataSource={[...config.fees]}
            pagination={false}
            size="small"
          />
        )}
      </SectionCard>
      <SectionCard title={t('products.sections.allocation')}>
        <span data-testid="allocation">{t(`products.allocation.${config.allocation}`)}</span>
      </SectionCard>
      <SectionCard title={t('products.sections.penalty')}>
        {p === null ? (
          t('products.fields.noPenalty')
        ) : (
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('products.fields.penaltyRate')}>
              {percentText(p.annualRate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('products.fields.graceDays')}>
              {t('products.terms.days', { n: p.graceDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('products.fields.penaltyBase')}>
              {t(`products.penaltyBase.${p.base}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('products.fields.daysInYear')}>
              {t(`products.daysInYear.${p.daysInYear}`)}
            </Descriptions.Item>
          </Descriptions>
        )}
      </SectionCard>
      <SectionCard title={t('products.sections.classification')}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" bordered>
          {CATEGORIES.map((c, i) => {
            const next = CATEGORIES[i + 1];
            const to = next === undefined ? undefined : from[next] - 1;
            const text =
              to === undefined
                ? t('products.terms.dpdFrom', { from: from[c] })
                : from[c] === 0 && to === 0
                  ? t('products.terms.current')
                  : t('products.terms.dpdRange', { from: from[c], to });
            return (
              <Descriptions.Item key={c} label={t(`products.category.${c}`)}>
                {text}
              </Descriptions.Item>
            );
          })}
        </Descriptions>
      </SectionCard>
      <SectionCard title={t('products.sections.provisioning')}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" bordered>
          {CATEGORIES.map((c) => (
            <Descriptions.Item key={c} label={t(`products.category.${c}`)}>
              {percentText(config.provisioning[c])}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </SectionCard>
      <SectionCard title={t('products.sections.accounting')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('products.fields.basis')}>
            {t(`products.basis.${config.basis}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('products.fields.dueSoonDays')}>
            {t('products.terms.days', { n: config.dueSoonDays })}
          </Descriptions.Item>
        </Descriptions>
      </SectionCard>
    </>
  );
}

/** Every version of the product's code, newest first; the one on screen is marked. */
function History({ product, versions }: { product: Product; versions: readonly Product[] }) {
  const { t, i18n } = useTranslation();
  const actorText = useActorText();
  const columns = useMemo<TableProps<Product>['columns']>(
    () => [
      {
        title: t('products.columns.version'),
        key: 'version',
        render: (_, v) =>
          v.id === product.id ? (
            <strong aria-current="page">{t('products.detail.thisVersion', { version: v.version })}</strong>
          ) : (
            <Link
              to={`/products/${v.id}`}
              aria-label={t('products.open', { code: v.code, version: v.version })}
            >
              {t('products.detail.version', { version: v.version })}
            </Link>
          ),
      },
      {
        title: t('products.columns.status'),
        key: 'status',
        render: (_, v) => <StatusTag status={v.status} />,
      },
      { title: t('products.columns.rate'), key: 'rate', render: (_, v) => percentText(v.config.annualRate) },
      { title: t('products.fields.maker'), key: 'maker', render: (_, v) => actorText(v.maker) },
      {
        title: t('products.fields.createdAt'),
        key: 'createdAt',
        render: (_, v) => formatDateTime(v.createdAt, i18n.language),
      },
      { title: t('products.fields.checker'), key: 'checker', render: (_, v) => actorText(v.checker) },
      {
        title: t('products.fields.decidedAt'),
        key: 'decidedAt',
        render: (_, v) => (v.decidedAt ? formatDateTime(v.decidedAt, i18n.language) : '—'),
      },
    ],
    [t, i18n.language, product.id, actorText],
  );
  return (
    <SectionCard title={t('products.sections.history')}>
      <Table<Product>
        rowKey="id"
        columns={columns}
        dataSource={[...versions]}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        data-testid="versions"
      />
    </SectionCard>
  );
}

/** One product version: its status and maker-checker decision, every term, and the version history. */
export default function ProductDetail() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const product = useQuery({
    queryKey: ['products', 'one', id],
    queryFn: () => call(api.GET('/api/v1/products/{id}', { params: { path: { id } } })),
  });
  const code = product.data?.code;
  const versions = useQuery({
    queryKey: ['products', 'versions', code],
    queryFn: () => call(api.GET('/api/v1/products', { params: { query: { code, limit: 200, offset: 0 } } })),
    enabled: code !== undefined,
  });
  const back = (
    <Link to="/products">
      <ArrowLeftOutlined /> {t('products.detail.back')}
    </Link>
  );
  if (product.isError)
    return (
      <>
        <PageHeader title={t('products.title')} />
        <ProblemAlert error={product.error as ApiError} onRetry={() => void product.refetch()} />
        {back}
      </>
    );
  if (!product.data)
    return (
      <>
        <PageHeader title={t('products.title')} />
        <Skeleton active />
      </>
    );
  const p = product.data;
  const pendingExists = versions.data?.items.some((v) => v.status === 'pending') ?? true;
  return (
    <>
      {back}
      <PageHeader
        title={`${p.name}`}
        intro={`${p.code} · ${t('products.detail.version', { version: p.version })} · ${t(`products.status.${p.status}`)}`}
        actions={
          <Can permission="products:write">
            {!pendingExists && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/products/${p.id}/change`)}>
                {t('products.detail.change')}
              </Button>
            )}
          </Can>
        }
      />
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <StatusTag status={p.status} />
      </Flex>
      <Decision product={p} />
      <Terms config={p.config} />
      {versions.isError ? (
        <ProblemAlert error={versions.error as ApiError} onRetry={() => void versions.refetch()} />
      ) : (
        <History product={p} versions={versions.data?.items ?? [p]} />
      )}
    </>
  );
}
