import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.ts';
import type { ProblemMapping } from '../../api/problem.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { api, consoleSession } from '../context.ts';
import { useFormProblems } from '../forms.ts';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Password change (`POST /api/v1/auth/password`). The server revokes every session of the user,
 * so success ends this one too and the sign-in page says why.
 */
export default function PasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordValues>();
  const mapping = useMemo<ProblemMapping>(
    () => ({
      fields: ['currentPassword', 'newPassword'],
      // The password policy reports its failures under `password`.
      aliases: { password: 'newPassword' },
      codes: { invalid_credentials: 'currentPassword', password_too_weak: 'newPassword' },
    }),
    [],
  );
  const problems = useFormProblems(form, mapping);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(api.POST('/api/v1/auth/password', { body })),
    onSuccess: () => consoleSession.clear('password_changed'),
    onError: problems.show,
  });
  return (
    <>
      <PageHeader title={t('password.title')} intro={t('password.intro')} />
      <Card style={{ maxWidth: 480 }}>
        {problems.banner && <ProblemAlert error={problems.banner} />}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={({ currentPassword, newPassword }) => {
            problems.clear();
            change.mutate({ currentPassword, newPassword });
          }}
        >
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.policy')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
