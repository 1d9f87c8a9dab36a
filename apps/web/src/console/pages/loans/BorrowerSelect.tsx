import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema.d.ts';
import { maskPhone } from '../../../shared/format.ts';
import { useBorrowerSearch, useDebounced } from './queries.ts';

type Borrower = components['schemas']['Borrower'];

/**
 * A borrower picker that searches the server by name or phone number as the user types. Works as
 * an Ant Design form control (`value`/`onChange` hold the borrower id; `id` links its label).
 * `known` adds borrowers to the options (one just created, or the one already chosen).
 *
 * @example <Form.Item name="borrowerId" label="Borrower"><BorrowerSelect /></Form.Item>
 */
export function BorrowerSelect(props: {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  known?: readonly Borrower[];
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Borrower | undefined>();
  const found = useBorrowerSearch(useDebounced(search, 250));
  const options = useMemo(() => {
    const all = new Map<string, Borrower>();
    for (const b of [...(props.known ?? []), ...(chosen ? [chosen] : []), ...(found.data?.items ?? [])])
      all.set(b.id, b);
    return [...all.values()].map((b) => ({
      value: b.id,
      label: t('loans.borrowerSelect.option', { name: b.fullName, phone: maskPhone(b.phone) }),
      borrower: b,
    }));
  }, [props.known, chosen, found.data, t]);
  return (
    <Select
      id={props.id}
      value={props.value}
      showSearch
      allowClear={props.allowClear}
      filterOption={false}
      placeholder={t('loans.borrowerSelect.placeholder')}
      notFoundContent={found.isFetching ? undefined : t('loans.borrowerSelect.none')}
      loading={found.isFetching}
      onSearch={setSearch}
      onChange={(id, option) => {
        const picked = Array.isArray(option) ? undefined : (option as { borrower?: Borrower } | undefined);
        setChosen(picked?.borrower);
        props.onChange?.(id);
      }}
      options={options}
      style={props.style ?? { minWidth: 240 }}
    />
  );
}
