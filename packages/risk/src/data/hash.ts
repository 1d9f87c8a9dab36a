import { createHash } from 'node:crypto';
import type { Table } from './csv.ts';

/**
 * SHA-256 of a table's content (header and cells, unit- and record-separated), as lowercase hex.
 * The same cells give the same hash whatever the CSV quoting or line endings were.
 *
 * @example tableHash({ header: ['a'], rows: [['1']] }).length; // 64
 */
export function tableHash(table: Table): string {
  const h = createHash('sha256');
  h.update(table.header.join('\u001f'));
  for (const r of table.rows) {
    h.update('\u001e');
    h.update(r.join('\u001f'));
  }
  return h.digest('hex');
}
