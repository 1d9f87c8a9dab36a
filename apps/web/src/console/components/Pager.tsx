import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Newer/older buttons under a table whose API pages by offset or cursor without a total count
 * (fetch one row more than shown to know whether there is a next page).
 *
 * @example <Pager hasPrev={offset > 0} hasNext={rows.length > pageSize} onPrev={…} onNext={…} />
 */
export function Pager(props: { hasPrev: boolean; hasNext: boolean; onPrev: () => void; onNext: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
      <Button onClick={props.onPrev} disabled={!props.hasPrev}>
        {t('common.newer')}
      </Button>
      <Button onClick={props.onNext} disabled={!props.hasNext}>
        {t('common.older')}
      </Button>
    </Flex>
  );
}
