import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Shell.tsx';
import { useElderMode } from '../elder.ts';

/** The first screen: large choices (loans, account, calculator, learn). Loaded with the entry. */
export function HomePage() {
  const { t } = useTranslation('portal');
  const elder = useElderMode();
  const cards = [
    { to: '/loans', title: t('home.loans.title'), text: t('home.loans.text') },
    { to: '/account', title: t('home.account.title'), text: t('home.account.text') },
    { to: '/calculator', title: t('home.calculator.title'), text: t('home.calculator.text') },
    { to: '/learn', title: t('home.learn.title'), text: t('home.learn.text') },
  ];
  return (
    <Page title={t('home.title')}>
      {!elder && <p className="lead">{t('home.intro')}</p>}
      <nav aria-label={t('app.nav')}>
        <ul className="cards">
          {cards.map((c) => (
            <li key={c.to}>
              <Link to={c.to} className="card-link">
                <span className="card-title">{c.title}</span>
                {!elder && <span className="card-text">{c.text}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </Page>
  );
}
