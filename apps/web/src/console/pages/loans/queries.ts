import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../../api/client.ts';
import { api } from '../../context.ts';
import { activeProducts, type LoanProduct } from './loans.ts';

/**
 * Every product version (`GET /api/v1/products`, up to 200), with lookups the loans pages need:
 * a version by id, the product codes, and the active version of each code.
 *
 * @example const { byId, active } = useLoanProducts(); byId.get(loan.productId)?.code;
 */
export function useLoanProducts() {
  const products = useQuery({
    queryKey: ['products', 'all'],
    queryFn: () => call(api.GET('/api/v1/products', { params: { query: { limit: 200 } } })),
    staleTime: 5 * 60_000,
  });
  const data = products.data;
  const lookups = useMemo(() => {
    const items: readonly LoanProduct[] = data?.items ?? [];
    return {
      byId: new Map(items.map((p) => [p.id, p])),
      codes: [...new Set(items.map((p) => p.code))].sort(),
      active: activeProducts(items),
    };
  }, [data]);
  return { query: products, ...lookups };
}

/**
 * Borrowers whose name or phone number contains `search` (`GET /api/v1/borrowers?q=`), newest
 * first, 20 at a time.
 *
 * @example const found = useBorrowerSearch('138');
 */
export function useBorrowerSearch(search: string) {
  const q = search.trim();
  return useQuery({
    queryKey: ['borrowers', 'search', q],
    queryFn: () =>
      call(
        api.GET('/api/v1/borrowers', { params: { query: { limit: 20, offset: 0, ...(q ? { q } : {}) } } }),
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * `value`, once it has stopped changing for `ms` milliseconds (for searches and previews that
 * should not call the server on every keystroke).
 *
 * @example const q = useDebounced(typed, 250);
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
