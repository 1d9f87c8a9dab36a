import type { TableProps } from 'antd';
import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../api/problem.ts';
import { formatAmount } from '../../../shared/format.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

/** Loading, failure or the report itself. */
export function Loaded<T>({
  query,
  children,
}: {
  query: { data?: T; isError: boolean; error: unknown; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isError)
    return <ProblemAlert error={query.error as ApiError} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <Skeleton active />;
  return children(query.data);
}

/** An amount (decimal string) grouped for a table cell. */
export const money = (amount: string) => formatAmount(amount);
/** Spread into a column of figures. */
export const right = { align: 'right' as const };

/**
 * A right-aligned column of grouped amounts.
 *
 * @example amountColumn<Row>(t('…principal'), 'principal', (r) => r.principal)
 */
export function amountColumn<Row>(
  title: string,
  key: string,
  pick: (row: Row) => string,
): NonNullable<TableProps<Row>['columns']>[number] {
  return { title, key, ...right, render: (_: unknown, row: Row) => money(pick(row)) };
}
