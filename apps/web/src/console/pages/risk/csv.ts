/** What the training form needs to know about a CSV file before sending it. */
export interface CsvSummary {
  /** The header's column names, in order. */
  readonly columns: string[];
  /** Data rows (records after the header; blank lines not counted). */
  readonly rows: number;
}

/**
 * Reads the header and counts the data rows of CSV text (RFC 4180: commas, double-quoted fields
 * with `""` escapes and line breaks inside quotes, CRLF or LF, an optional byte-order mark). The
 * server parses the file again and is the judge of its content; this only fills the form's
 * column choices.
 *
 * @example summariseCsv('a,"b, c",bad\n1,2,0\n'); // { columns: ['a', 'b, c', 'bad'], rows: 1 }
 */
export function summariseCsv(text: string): CsvSummary {
  const columns: string[] = [];
  let field = '';
  let inQuotes = false;
  let inHeader = true;
  let rows = 0;
  let recordHasContent = false;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    if (inHeader) {
      columns.push(field.trim());
      inHeader = false;
    } else if (recordHasContent) rows++;
    field = '';
    recordHasContent = false;
  };
  for (let i = start; i < text.length; i++) {
    const c = text[i] as string;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
      continue;
    }
    if (c === '"') {
      inQuotes = true;
      recordHasContent = true;
    } else if (c === ',') {
      if (inHeader) columns.push(field.trim());
      field = '';
      recordHasContent = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (inHeader && columns.length === 0 && field.trim() === '') continue; // leading blank lines
      endRecord();
    } else {
      field += c;
      if (c.trim() !== '') recordHasContent = true;
    }
  }
  if (inHeader) {
    if (columns.length > 0 || field.trim() !== '') columns.push(field.trim());
  } else if (recordHasContent) rows++;
  return { columns, rows };
}

/**
 * Guesses the target column: one named like a bad/default flag, else the last column.
 *
 * @example guessTarget(['age', 'amount', 'bad']); // 'bad'
 */
export function guessTarget(columns: readonly string[]): string | undefined {
  const named = columns.find((c) => /^(bad|default(ed)?|target|label|y|is_bad|charged_?off)$/i.test(c));
  return named ?? columns[columns.length - 1];
}
