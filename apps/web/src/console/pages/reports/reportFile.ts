import { call } from '../../../api/client.ts';
import { api } from '../../context.ts';
import type { FileFormat, ReportKind, ReportQuery } from './names.ts';

/**
 * Fetches a report as a CSV or Excel file through the typed client (with the session's bearer
 * token; a token problem ends the session as for any call), for `useDownload`.
 *
 * @example const blob = await fetchReportFile('par', query, 'xlsx');
 */
export function fetchReportFile(kind: ReportKind, q: ReportQuery, format: FileFormat): Promise<Blob> {
  const dated = { format, ...(q.date ? { date: q.date } : {}) };
  const blob = { parseAs: 'blob' } as const;
  switch (kind) {
    case 'flows':
      return call(
        api.GET('/api/v1/reports/flows', {
          params: { query: { from: q.from, to: q.to, period: q.period, format } },
          ...blob,
        }),
      );
    case 'reconciliation':
      return call(api.GET('/api/v1/reports/reconciliation', { params: { query: { format } }, ...blob }));
    case 'products':
      return call(api.GET('/api/v1/reports/products', { params: { query: { format } }, ...blob }));
    case 'trial-balance':
      return call(api.GET('/api/v1/reports/trial-balance', { params: { query: dated }, ...blob }));
    case 'par':
      return call(api.GET('/api/v1/reports/par', { params: { query: dated }, ...blob }));
    case 'classification':
      return call(api.GET('/api/v1/reports/classification', { params: { query: dated }, ...blob }));
    case 'provisioning':
      return call(api.GET('/api/v1/reports/provisioning', { params: { query: dated }, ...blob }));
    case 'ageing':
      return call(api.GET('/api/v1/reports/ageing', { params: { query: dated }, ...blob }));
  }
}
