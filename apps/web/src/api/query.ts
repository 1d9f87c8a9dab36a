import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem.ts';

/**
 * The react-query client both apps use: no retries for answers the server gave on purpose (4xx),
 * one retry for network failures and 5xx; data is fresh for 30 s.
 *
 * @example <QueryClientProvider client={createQueryClient()}>…</QueryClientProvider>
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
