import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema.d.ts';

type Status = components['schemas']['RiskModel']['status'];
type Kind = components['schemas']['RiskModel']['kind'];

/** Dark fills with white text (contrast ≥ 4.5:1); candidates and retired models stay plain. */
const STATUS_COLOR: Record<Status, string | undefined> = {
  champion: '#237804',
  challenger: '#0b5cad',
  candidate: undefined,
  retired: undefined,
};

/** A model's role in the registry. */
export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {t(`risk.status.${status}`)}
    </Tag>
  );
}

/** Scorecard, boosted trees or imported XGBoost. */
export function KindTag({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  return <Tag>{t(`risk.kind.${kind}`)}</Tag>;
}
