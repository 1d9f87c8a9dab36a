import { Button, Form, type FormProps, Space } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list page's filters: an inline form of named `Form.Item`s with Search and Reset. Search hands
 * the form's values to `onSearch` (they become part of the list's query key); Reset clears the
 * fields and calls `onReset` (drop the filters, back to the first page).
 *
 * @example
 * <FilterBar<Filters> onSearch={(v) => { setFilters(v); setOffset(0); }} onReset={() => { setFilters({}); setOffset(0); }}>
 *   <Form.Item name="code" label={t('products.filters.code')}><Input allowClear /></Form.Item>
 * </FilterBar>
 */
export function FilterBar<T extends object>(props: {
  onSearch: (values: T) => void;
  onReset: () => void;
  initialValues?: FormProps<T>['initialValues'];
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  return (
    <Form<T>
      form={form}
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8, ...props.style }}
      initialValues={props.initialValues}
      onFinish={props.onSearch}
    >
      {props.children}
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            props.onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
