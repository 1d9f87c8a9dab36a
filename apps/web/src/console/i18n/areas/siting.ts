/**
 * Texts of the console's service-point siting pages, in Chinese (the key structure) and English. Each page
 * area keeps its texts in a file of its own under `i18n/areas/`; `zh-CN.ts` and `en.ts`
 * mount them under the key `siting`.
 */
export const sitingZh = {
  title: '服务网点选址',
};

export const sitingEn: typeof sitingZh = {
  title: 'Service-point siting',
};
