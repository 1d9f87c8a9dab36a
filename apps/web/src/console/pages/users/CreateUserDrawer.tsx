import { useMutation } from '@tanstack/react-query';
import { Checkbox, Form, Input } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call, idempotencyKeys } from '../../../api/client.ts';
import type { ProblemMapping } from '../../../api/problem.ts';
import { ROLES, type Role, type User } from '../../../shared/permissions.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { useFormProblems } from '../../forms.ts';

interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

const MAPPING: ProblemMapping = {
  fields: ['username', 'displayName', 'password', 'roles'],
  codes: { user_exists: 'username', password_too_weak: 'password', unknown_role: 'roles' },
};

/**
 * Creates a staff user (`POST /api/v1/users` with an Idempotency-Key). Validation is the
 * server's: its field errors appear under the fields they name.
 */
export function CreateUserDrawer(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewUser>();
  const problems = useFormProblems(form, MAPPING);
  // One key per distinct body: a double submit replays instead of creating twice.
  const keys = useRef(idempotencyKeys()).current;
  const create = useMutation({
    mutationFn: (body: NewUser) =>
      call(api.POST('/api/v1/users', { params: { header: { 'idempotency-key': keys.for(body) } }, body })),
    onSuccess: (user) => {
      form.resetFields();
      props.onCreated(user);
    },
    onError: problems.show,
  });
  const roleOptions = useMemo(() => ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })), [t]);
  return (
    <FormDrawer
      title={t('users.form.title')}
      open={props.open}
      onClose={props.onClose}
      width={440}
      form={form}
      submitLabel={t('users.form.submit')}
      submitting={create.isPending}
    >
      {problems.banner && <ProblemAlert error={problems.banner} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ roles: [] }}
        onFinish={(values) => {
          problems.clear();
          create.mutate({
            ...values,
            username: values.username ?? '',
            displayName: values.displayName ?? '',
          });
        }}
      >
        <Form.Item name="username" label={t('users.form.username')} extra={t('users.form.usernameHelp')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.form.displayName')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('users.form.password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.form.roles')}>
          <Checkbox.Group options={roleOptions} style={{ display: 'grid', gap: 8 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
