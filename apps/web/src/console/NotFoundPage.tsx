import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Any console URL that names no page. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24 }}>{t('notFound.title')}</h1>}
      extra={<Button onClick={() => navigate('/dashboard')}>{t('notFound.back')}</Button>}
    />
  );
}
