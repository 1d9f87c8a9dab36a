import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductStatus } from './productForm.ts';

const STATUS_COLOR: Record<ProductStatus, string> = {
  pending: '#ad4e00',
  active: '#237804',
  rejected: '#a8071a',
  retired: 'default',
};

/** A product version's status as a coloured tag ("pending approval" stands out). */
export function StatusTag({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {t(`products.status.${status}`)}
    </Tag>
  );
}
