import { createApi } from '../api/client.ts';
import { createQueryClient } from '../api/query.ts';
import { createSessionStore } from '../api/session.ts';
import { errorsEn, errorsZh } from '../i18n/errors.ts';
import { initI18n } from '../i18n/index.ts';
import { portalEn } from './i18n/en.ts';
import { portalZh } from './i18n/zh-CN.ts';

/** The borrower portal's session (sessionStorage), API client, query cache and translations. */
export const portalSession = createSessionStore('puhui.portal.session');
export const api = createApi(portalSession);
export const queryClient = createQueryClient();
export const i18n = initI18n(
  { 'zh-CN': { portal: portalZh, errors: errorsZh }, en: { portal: portalEn, errors: errorsEn } },
  'portal',
);

portalSession.subscribe(() => {
  if (portalSession.get() === null) queryClient.clear();
});
