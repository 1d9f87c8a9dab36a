import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { otherLanguage } from '../../i18n/index.ts';
import { setElderMode, useElderMode } from '../elder.ts';

/** The visible elder-mode switch: a toggle button (aria-pressed) with a plain label. */
export function ElderToggle() {
  const { t } = useTranslation('portal');
  const elder = useElderMode();
  return (
    <button
      type="button"
      className="toggle"
      aria-pressed={elder}
      data-testid="elder-toggle"
      onClick={() => setElderMode(!elder)}
    >
      <span className="toggle-track" aria-hidden="true">
        <span className="toggle-thumb" />
      </span>
      <span>{t('elder.label')}</span>
    </button>
  );
}

/** Switches between Chinese and English (remembered on this device). */
export function LanguageToggle() {
  const { t, i18n } = useTranslation('portal');
  const next = otherLanguage(i18n.language);
  return (
    <button
      type="button"
      className="toggle lang"
      lang={next}
      aria-label={t('lang.label')}
      data-testid="language-switch"
      onClick={() => void i18n.changeLanguage(next)}
    >
      {t('lang.switch')}
    </button>
  );
}

/** Header (name, elder mode, language), the page in `<main>`, and a footer. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation('portal');
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <div className="header-tools">
          <ElderToggle />
          <LanguageToggle />
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        data-path={`/portal${location.pathname === '/' ? '' : location.pathname}`}
      >
        {children}
      </main>
      <footer className="site-footer">
        <a href="/">{t('app.staffLink')}</a>
      </footer>
    </>
  );
}

/**
 * One screen of the portal: its `<h1>`, the document title, and — after a navigation inside the
 * app — focus moved to the heading so screen readers announce the new screen.
 *
 * @example <Page title={t('account.title')}>…</Page>
 */
export function Page({
  title,
  back,
  children,
}: {
  title: string;
  back?: { to: string; label: string };
  children: ReactNode;
}) {
  const { t } = useTranslation('portal');
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (location.key !== 'default') heading.current?.focus();
  }, [location.key]);
  return (
    <div className="page">
      {back && (
        <p className="back">
          <Link to={back.to}>← {back.label}</Link>
        </p>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
