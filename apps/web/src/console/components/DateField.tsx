import { Flex, Input } from 'antd';
import { useId } from 'react';

/**
 * A labelled date field (the browser's own date picker), its label above it.
 *
 * @example <DateField label={t('operations.reports.asOf')} value={date} max={openDate} onChange={setDate} />
 */
export function DateField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: string | undefined;
  max?: string | undefined;
  disabled?: boolean;
  testId?: string;
}) {
  const id = useId();
  return (
    <Flex vertical gap={4}>
      <label htmlFor={id}>{props.label}</label>
      <Input
        id={id}
        type="date"
        value={props.value}
        min={props.min}
        max={props.max}
        onChange={(e) => props.onChange(e.target.value)}
        style={{ width: 180 }}
        disabled={props.disabled}
        data-testid={props.testId}
      />
    </Flex>
  );
}
