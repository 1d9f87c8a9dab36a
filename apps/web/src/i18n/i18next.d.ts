import 'i18next';
import type { ConsoleStrings } from '../console/i18n/zh-CN.ts';
import type { PortalStrings } from '../portal/i18n/zh-CN.ts';
import type { ErrorStrings } from './errors.ts';

// Translation keys are checked by the compiler: `t('users.form.titel')` is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'console';
    resources: { console: ConsoleStrings; portal: PortalStrings; errors: ErrorStrings };
  }
}
