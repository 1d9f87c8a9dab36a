/**
 * Texts of the console's loan products pages, in Chinese (the key structure) and English. Each page
 * area keeps its texts in a file of its own under `i18n/areas/`; `zh-CN.ts` and `en.ts`
 * mount them under the key `products`.
 */
export const productsZh = {
  title: '贷款产品',
};

export const productsEn: typeof productsZh = {
  title: 'Loan products',
};
