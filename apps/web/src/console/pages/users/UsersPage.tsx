import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Table, type TableProps, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { User } from '../../../shared/permissions.ts';
import { Can } from '../../components/Can.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OffsetPager } from '../../components/Pager.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { CreateUserDrawer } from './CreateUserDrawer.tsx';

const PAGE = 20;

/** Staff users and their roles (`GET /api/v1/users`); admins create users here. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const users = useQuery({
    queryKey: ['users', offset],
    queryFn: () => call(api.GET('/api/v1/users', { params: { query: { limit: PAGE + 1, offset } } })),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<TableProps<User>['columns']>(
    () => [
      { title: t('users.columns.username'), dataIndex: 'username', key: 'username' },
      { title: t('users.columns.displayName'), dataIndex: 'displayName', key: 'displayName' },
      {
        title: t('users.columns.roles'),
        key: 'roles',
        render: (_, u) => u.roles.map((r) => <Tag key={r}>{t(`roles.${r}` as 'roles.admin')}</Tag>),
      },
      {
        title: t('users.columns.status'),
        key: 'status',
        render: (_, u) => (
          <Tag color={u.status === 'active' ? '#237804' : 'default'}>{t(`users.status.${u.status}`)}</Tag>
        ),
      },
      {
        title: t('users.columns.locked'),
        key: 'locked',
        render: (_, u) => (u.locked ? t('common.yes') : t('common.no')),
      },
      {
        title: t('users.columns.createdAt'),
        key: 'createdAt',
        render: (_, u) => formatDateTime(u.createdAt, i18n.language),
      },
    ],
    [t, i18n.language],
  );
  const rows = users.data?.items.slice(0, PAGE) ?? [];
  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Can permission="users:manage">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.new')}
            </Button>
          </Can>
        }
      />
      {users.isError && <ProblemAlert error={users.error as ApiError} onRetry={() => void users.refetch()} />}
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={users.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <OffsetPager offset={offset} page={PAGE} fetched={users.data?.items.length ?? 0} onChange={setOffset} />
      <CreateUserDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          void message.success(t('users.form.created', { username: user.username }));
          void queryClient.invalidateQueries({ queryKey: ['users'] });
        }}
      />
    </>
  );
}
