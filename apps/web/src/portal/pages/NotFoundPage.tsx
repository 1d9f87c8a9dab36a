import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Shell.tsx';

/** Any portal URL that names no page. */
export default function NotFoundPage() {
  const { t } = useTranslation('portal');
  return (
    <Page title={t('notFound.title')}>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </Page>
  );
}
