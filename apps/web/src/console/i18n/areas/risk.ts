/**
 * Texts of the console's risk models pages, in Chinese (the key structure) and English. Each page
 * area keeps its texts in a file of its own under `i18n/areas/`; `zh-CN.ts` and `en.ts`
 * mount them under the key `risk`.
 */
export const riskZh = {
  title: '风险模型',
};

export const riskEn: typeof riskZh = {
  title: 'Risk models',
};
