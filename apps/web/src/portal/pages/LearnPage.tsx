import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Shell.tsx';
import { LEARN_TOPICS } from './learn.ts';

/** The list of Learn topics. */
export default function LearnPage() {
  const { t } = useTranslation('portal');
  return (
    <Page title={t('learn.title')} back={{ to: '/', label: t('app.home') }}>
      <p className="lead">{t('learn.intro')}</p>
      <ul className="cards">
        {LEARN_TOPICS.map((topic) => (
          <li key={topic}>
            <Link to={`/learn/${topic}`} className="card-link">
              <span className="card-title">{t(`learn.topics.${topic}.title`)}</span>
              <span className="card-text">{t(`learn.topics.${topic}.summary`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
