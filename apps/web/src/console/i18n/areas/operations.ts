/**
 * Texts of the console's end of day and reports pages, in Chinese (the key structure) and English. Each page
 * area keeps its texts in a file of its own under `i18n/areas/`; `zh-CN.ts` and `en.ts`
 * mount them under the key `operations`.
 */
export const operationsZh = {
  title: '日终与报表',
};

export const operationsEn: typeof operationsZh = {
  title: 'End of day and reports',
};
