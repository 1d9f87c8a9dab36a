import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select, Table, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import { minorToAmount } from '../../../shared/decimal.ts';
import { formatAmount, formatDate } from '../../../shared/format.ts';
import { Can } from '../../components/Can.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OffsetPager } from '../../components/Pager.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { BorrowerSelect } from './BorrowerSelect.tsx';
import { CATEGORIES, LOAN_STATUSES, type LoanFilters, type LoanListItem, loanQuery } from './loans.ts';
import { useLoanProducts } from './queries.ts';
import { CategoryTag, StatusTag } from './tags.tsx';

const PAGE = 20;

/** Loans (`GET /api/v1/loans`), newest first, filtered and paged; each links to its detail page. */
export default function LoansPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<LoanFilters>({});
  const [offset, setOffset] = useState(0);
  const products = useLoanProducts();
  const query = loanQuery(filters, offset, PAGE);
  const loans = useQuery({
    queryKey: ['loans', 'list', query],
    queryFn: () => call(api.GET('/api/v1/loans', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const rows = loans.data?.items.slice(0, PAGE) ?? [];
  const columns = useMemo<TableProps<LoanListItem>['columns']>(() => {
    const money = (minor: number, l: LoanListItem) => formatAmount(minorToAmount(minor, l.currency));
    return [
      {
        title: t('loans.columns.id'),
        key: 'id',
        render: (_, l) => (
          <Link to={`/loans/${l.id}`} className="mono">
            {l.id}
          </Link>
        ),
      },
      { title: t('loans.columns.borrower'), dataIndex: 'borrowerName', key: 'borrower' },
      {
        title: t('loans.columns.product'),
        key: 'product',
        render: (_, l) => products.byId.get(l.productId)?.code ?? l.productId,
      },
      {
        title: t('loans.columns.principal'),
        key: 'principal',
        align: 'right',
        render: (_, l) => money(l.principalMinor, l),
      },
      {
        title: t('loans.columns.outstanding'),
        key: 'outstanding',
        align: 'right',
        render: (_, l) => money(l.totalOutstandingMinor, l),
      },
      {
        title: t('loans.columns.overdue'),
        key: 'overdue',
        align: 'right',
        render: (_, l) => money(l.overdueMinor, l),
      },
      { title: t('loans.columns.dpd'), dataIndex: 'dpd', key: 'dpd', align: 'right' },
      {
        title: t('loans.columns.classification'),
        key: 'classification',
        render: (_, l) => <CategoryTag category={l.classification} />,
      },
      { title: t('loans.columns.status'), key: 'status', render: (_, l) => <StatusTag status={l.status} /> },
      {
        title: t('loans.columns.nextDue'),
        key: 'nextDue',
        render: (_, l) => (l.nextDueDate ? formatDate(l.nextDueDate, i18n.language, 'medium') : '—'),
      },
      {
        title: t('loans.columns.createdAt'),
        key: 'createdAt',
        render: (_, l) => formatDate(l.createdAt, i18n.language, 'medium'),
      },
    ];
  }, [t, i18n.language, products.byId]);
  const any = { value: '', label: t('loans.filters.any') };
  return (
    <>
      <PageHeader
        title={t('loans.title')}
        intro={t('loans.intro')}
        actions={
          <Can permission="loans:write">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/loans/new')}>
              {t('loans.new')}
            </Button>
          </Can>
        }
      />
      <FilterBar<LoanFilters>
        initialValues={{ status: '', productCode: '', classification: '' }}
        onSearch={(values) => {
          setFilters(values);
          setOffset(0);
        }}
        onReset={() => {
          setFilters({});
          setOffset(0);
        }}
      >
        <Form.Item name="status" label={t('loans.filters.status')}>
          <Select
            style={{ minWidth: 120 }}
            options={[any, ...LOAN_STATUSES.map((s) => ({ value: s, label: t(`loans.status.${s}`) }))]}
          />
        </Form.Item>
        <Form.Item name="productCode" label={t('loans.filters.product')}>
          <Select
            style={{ minWidth: 120 }}
            options={[any, ...products.codes.map((c) => ({ value: c, label: c }))]}
          />
        </Form.Item>
        <Form.Item name="borrowerId" label={t('loans.filters.borrower')}>
          <BorrowerSelect allowClear />
        </Form.Item>
        <Form.Item name="classification" label={t('loans.filters.classification')}>
          <Select
            style={{ minWidth: 110 }}
            options={[any, ...CATEGORIES.map((c) => ({ value: c, label: t(`loans.category.${c}`) }))]}
          />
        </Form.Item>
        <Form.Item name="minDpd" label={t('loans.filters.minDpd')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 90 }} />
        </Form.Item>
      </FilterBar>
      <Form
        layout="inline"
        style={{ marginBottom: 16 }}
        onFinish={(values: { loanId?: string }) => {
          const id = values.loanId?.trim();
          if (id) navigate(`/loans/${encodeURIComponent(id)}`);
        }}
      >
        <Form.Item name="loanId" label={t('loans.filters.loanId')}>
          <Input allowClear autoComplete="off" className="mono" style={{ width: 260 }} />
        </Form.Item>
        <Button htmlType="submit">{t('loans.filters.open')}</Button>
      </Form>
      {loans.isError && <ProblemAlert error={loans.error as ApiError} onRetry={() => void loans.refetch()} />}
      <Table<LoanListItem>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loans.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <OffsetPager offset={offset} page={PAGE} fetched={loans.data?.items.length ?? 0} onChange={setOffset} />
    </>
  );
}
