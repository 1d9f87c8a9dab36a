import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../components/Shell.tsx';
import { isLearnTopic } from './learn.ts';
import NotFoundPage from './NotFoundPage.tsx';

/** One Learn topic: a few short paragraphs and a way to try the numbers. */
export default function LearnTopicPage() {
  const { t } = useTranslation('portal');
  const { topic } = useParams();
  if (!isLearnTopic(topic)) return <NotFoundPage />;
  const paragraphs = t(`learn.topics.${topic}.paragraphs`, { returnObjects: true }) as readonly string[];
  return (
    <Page title={t(`learn.topics.${topic}.title`)} back={{ to: '/learn', label: t('learn.back') }}>
      <p className="lead">{t(`learn.topics.${topic}.summary`)}</p>
      <div className="article">
        {paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      {topic !== 'fraud' && (
        <p>
          <Link to="/calculator" className="btn btn-secondary">
            {t('learn.tryCalculator')}
          </Link>
        </p>
      )}
    </Page>
  );
}
