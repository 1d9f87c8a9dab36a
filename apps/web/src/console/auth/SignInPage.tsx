import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { call } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { LanguageButton } from '../components/LanguageButton.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { api, consoleSession } from '../context.ts';
import { useFormProblems } from '../forms.ts';

interface SignInValues {
  username: string;
  password: string;
}

/** Staff sign-in with user name and password (`POST /api/v1/auth/sign-in`). */
export function SignInPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignInValues>();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession(consoleSession);
  const mapping = useMemo(() => ({ fields: ['username', 'password'] }), []);
  const problems = useFormProblems(form, mapping);
  const from = (location.state as { from?: string } | null)?.from ?? '/dashboard';
  const ended = consoleSession.lastEnd();
  const signIn = useMutation({
    mutationFn: (body: SignInValues) => call(api.POST('/api/v1/auth/sign-in', { body })),
    onSuccess: (token) => {
      consoleSession.set({ token: token.accessToken, expiresAt: token.expiresAt });
      navigate(from, { replace: true });
    },
    onError: problems.show,
  });
  if (session) return <Navigate to={from} replace />;
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}
    >
      <main style={{ width: '100%', maxWidth: 400 }}>
        <Card>
          <Flex justify="space-between" align="start">
            <div>
              <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
                {t('signIn.title')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
            </div>
            <LanguageButton />
          </Flex>
          {ended && !problems.banner && (
            <Alert
              type="info"
              showIcon
              role="status"
              style={{ marginBottom: 16 }}
              message={t(
                ended === 'password_changed'
                  ? 'signIn.passwordChanged'
                  : ended === 'expired'
                    ? 'signIn.expired'
                    : 'signIn.signedOut',
              )}
            />
          )}
          {problems.banner && <ProblemAlert error={problems.banner} />}
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => {
              problems.clear();
              signIn.mutate(values);
            }}
          >
            <Form.Item
              name="username"
              label={t('signIn.username')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('signIn.password')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
          </Form>
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
            <a href="/portal/">{t('signIn.portalLink')}</a>
          </Typography.Paragraph>
        </Card>
      </main>
    </Flex>
  );
}
