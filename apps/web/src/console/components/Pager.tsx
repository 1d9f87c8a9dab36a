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

/**
 * A {@link Pager} for an API paged by `offset`: the page asks for `limit: page + 1` rows and
 * `fetched` says how many came back.
 *
 * @example <OffsetPager offset={offset} page={PAGE} fetched={loans.data?.items.length ?? 0} onChange={setOffset} />
 */
export function OffsetPager(props: {
  offset: number;
  page: number;
  fetched: number;
  onChange: (offset: number) => void;
}) {
  const { offset, page, onChange } = props;
  return (
    <Pager
      hasPrev={offset > 0}
      hasNext={props.fetched > page}
      onPrev={() => onChange(Math.max(0, offset - page))}
      onNext={() => onChange(offset + page)}
    />
  );
}
