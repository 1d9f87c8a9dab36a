import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATEGORY_COLORS, type Category, type LoanStatus, STATUS_COLORS } from './loans.ts';

/** A loan's status as a coloured tag. */
export function StatusTag({ status }: { status: LoanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t(`loans.status.${status}`)}
    </Tag>
  );
}

/** A loan's classification (五级分类) as a coloured tag; an unknown value shows as text. */
export function CategoryTag({ category }: { category: string }) {
  const { t } = useTranslation();
  if (!(category in CATEGORY_COLORS)) return <Tag>{category}</Tag>;
  const c = category as Category;
  return (
    <Tag color={CATEGORY_COLORS[c]} data-category={c}>
      {t(`loans.category.${c}`)}
    </Tag>
  );
}
