import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The languages of both apps; zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** localStorage key of the chosen language (shared by console and portal on one device). */
export const LANGUAGE_KEY = 'puhui.lang';

/**
 * The language this device chose before, or zh-CN.
 *
 * @example storedLanguage(); // 'zh-CN'
 */
export function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(LANGUAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Resources of one app: per language, per namespace, nested string tables. */
export type AppResources = Record<Language, Record<string, object>>;

/**
 * Starts i18next for one app with its resources bundled (no network loading), in the stored
 * language, and keeps `<html lang>` and localStorage in step with language changes.
 *
 * @example const i18n = initI18n({ 'zh-CN': { portal: portalZh }, en: { portal: portalEn } }, 'portal');
 */
export function initI18n(resources: AppResources, defaultNS: string): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  void instance.init({
    resources,
    lng: storedLanguage(),
    fallbackLng: 'zh-CN',
    supportedLngs: [...LANGUAGES],
    defaultNS,
    ns: Object.keys(resources['zh-CN']),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  const apply = (lng: string) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(LANGUAGE_KEY, lng);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  };
  apply(instance.language);
  instance.on('languageChanged', apply);
  return instance;
}

/**
 * The other language, for a one-button switcher.
 *
 * @example otherLanguage('zh-CN'); // 'en'
 */
export function otherLanguage(lng: string): Language {
  return lng === 'en' ? 'zh-CN' : 'en';
}
