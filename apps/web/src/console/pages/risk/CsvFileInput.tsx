import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CsvSummary, summariseCsv } from './csv.ts';

/** A CSV file read in the browser: its name, its text and its header. */
export interface CsvFile extends CsvSummary {
  readonly name: string;
  readonly text: string;
}

/**
 * A native file input for a CSV file (labelled by its `Form.Item`, which passes `id`): reads the
 * file as text and reports its name, columns and row count.
 *
 * @example <Form.Item name="file" label="Training data"><CsvFileInput /></Form.Item>
 */
export function CsvFileInput({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: CsvFile | null;
  onChange?: (file: CsvFile | null) => void;
}) {
  const { t } = useTranslation();
  const [reading, setReading] = useState(false);
  return (
    <>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv,text/plain"
        disabled={reading}
        aria-describedby={id ? `${id}-summary` : undefined}
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0];
          if (!file) {
            onChange?.(null);
            return;
          }
          setReading(true);
          try {
            const text = await file.text();
            onChange?.({ name: file.name, text, ...summariseCsv(text) });
          } finally {
            setReading(false);
          }
        }}
        style={{ display: 'block', maxWidth: '100%' }}
      />
      <Typography.Text type="secondary" id={id ? `${id}-summary` : undefined} data-testid="csv-summary">
        {value
          ? t('risk.file.summary', { name: value.name, rows: value.rows, columns: value.columns.length })
          : t('risk.file.none')}
      </Typography.Text>
    </>
  );
}
