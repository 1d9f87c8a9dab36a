/**
 * Texts of the console's loans pages, in Chinese (the key structure) and English. Each page
 * area keeps its texts in a file of its own under `i18n/areas/`; `zh-CN.ts` and `en.ts`
 * mount them under the key `loans`.
 */
export const loansZh = {
  title: '贷款',
};

export const loansEn: typeof loansZh = {
  title: 'Loans',
};
