import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Table, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { Can } from '../../components/Can.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OffsetPager } from '../../components/Pager.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { StatusTag } from './ProductTerms.tsx';
import { type Product, type ProductStatus, STATUSES } from './productForm.ts';
import { percentText, principalText, scheduleText } from './terms.ts';

const PAGE = 20;

interface Filters {
  status?: ProductStatus;
  code?: string;
}

/** Product versions (`GET /api/v1/products`) by code, newest version first, with their key terms. */
export default function ProductList() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [offset, setOffset] = useState(0);
  const products = useQuery({
    queryKey: ['products', filters, offset],
    queryFn: () =>
      call(api.GET('/api/v1/products', { params: { query: { ...filters, limit: PAGE + 1, offset } } })),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<TableProps<Product>['columns']>(
    () => [
      {
        title: t('products.columns.code'),
        key: 'code',
        render: (_, p) => (
          <Link
            to={`/products/${p.id}`}
            aria-label={t('products.open', { code: p.code, version: p.version })}
          >
            {p.code}
          </Link>
        ),
      },
      { title: t('products.columns.name'), dataIndex: 'name', key: 'name' },
      { title: t('products.columns.version'), dataIndex: 'version', key: 'version', width: 72 },
      {
        title: t('products.columns.status'),
        key: 'status',
        render: (_, p) => <StatusTag status={p.status} />,
      },
      {
        title: t('products.columns.rate'),
        key: 'rate',
        render: (_, p) => percentText(p.config.annualRate),
      },
      {
        title: t('products.columns.schedule'),
        key: 'schedule',
        render: (_, p) => scheduleText(t, p.config),
      },
      {
        title: t('products.columns.principal'),
        key: 'principal',
        render: (_, p) => principalText(p.config),
      },
      {
        title: t('products.columns.createdAt'),
        key: 'createdAt',
        render: (_, p) => formatDateTime(p.createdAt, i18n.language),
      },
    ],
    [t, i18n.language],
  );
  const rows = products.data?.items.slice(0, PAGE) ?? [];
  const statusOptions = STATUSES.map((s) => ({ value: s, label: t(`products.status.${s}`) }));
  return (
    <>
      <PageHeader
        title={t('products.title')}
        intro={t('products.intro')}
        actions={
          <Can permission="products:write">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/products/new')}>
              {t('products.new')}
            </Button>
          </Can>
        }
      />
      <FilterBar<Filters>
        onSearch={(values) => {
          const code = values.code?.trim().toUpperCase();
          setFilters({ ...(values.status ? { status: values.status } : {}), ...(code ? { code } : {}) });
          setOffset(0);
        }}
        onReset={() => {
          setFilters({});
          setOffset(0);
        }}
      >
        <Form.Item name="status" label={t('products.filters.status')}>
          <Select
            allowClear
            options={statusOptions}
            style={{ width: 160 }}
            placeholder={t('products.filters.all')}
          />
        </Form.Item>
        <Form.Item name="code" label={t('products.filters.code')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
      </FilterBar>
      {products.isError && (
        <ProblemAlert error={products.error as ApiError} onRetry={() => void products.refetch()} />
      )}
      <Table<Product>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={products.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <OffsetPager
        offset={offset}
        page={PAGE}
        fetched={products.data?.items.length ?? 0}
        onChange={setOffset}
      />
    </>
  );
}
