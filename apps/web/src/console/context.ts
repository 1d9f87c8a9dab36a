import { createApi } from '../api/client.ts';
import { createQueryClient } from '../api/query.ts';
import { createSessionStore } from '../api/session.ts';
import { errorsEn, errorsZh } from '../i18n/errors.ts';
import { initI18n } from '../i18n/index.ts';
import { consoleEn } from './i18n/en.ts';
import { consoleZh } from './i18n/zh-CN.ts';

/** The staff console's session (sessionStorage), API client, query cache and translations. */
export const consoleSession = createSessionStore('puhui.console.session');
export const api = createApi(consoleSession);
export const queryClient = createQueryClient();
export const i18n = initI18n(
  { 'zh-CN': { console: consoleZh, errors: errorsZh }, en: { console: consoleEn, errors: errorsEn } },
  'console',
);

// A new session must never see the previous user's cached data.
consoleSession.subscribe(() => {
  if (consoleSession.get() === null) queryClient.clear();
});
