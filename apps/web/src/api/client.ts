import createClient, { type Client } from 'openapi-fetch';
import { ApiError, isProblem, toApiError } from './problem.ts';
import type { paths } from './schema.d.ts';
import type { SessionStore } from './session.ts';

/** The typed API client: `api.GET('/api/v1/users', { params: { query: { limit: 50 } } })`. */
export type Api = Client<paths>;

/** Problem codes that mean the token is no longer good: the session ends and the app asks for sign-in. */
const TOKEN_CODES = new Set(['unauthenticated', 'token_invalid', 'token_expired', 'token_revoked']);

/**
 * A client for the Puhui API on this origin, typed from the server's OpenAPI document
 * (`src/api/schema.d.ts`). It sends the session's bearer token and ends the session when the
 * server says the token is no longer good.
 *
 * @example const api = createApi(consoleSession); const me = await call(api.GET('/api/v1/auth/me'));
 */
export function createApi(session: SessionStore): Api {
  const client = createClient<paths>({ baseUrl: '' });
  client.use({
    onRequest({ request }) {
      const s = session.get();
      if (s) request.headers.set('authorization', `Bearer ${s.token}`);
      return request;
    },
    async onResponse({ request, response }) {
      if (response.status === 401 && request.headers.has('authorization')) {
        const body: unknown = await response
          .clone()
          .json()
          .catch(() => null);
        if (isProblem(body) && TOKEN_CODES.has(body.code)) session.clear('expired');
      }
      return response;
    },
  });
  return client;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an {@link ApiError} carrying the
 * problem document (a network failure becomes `network_error`). Use it as a react-query
 * `queryFn`/`mutationFn` body so errors reach `error` typed.
 *
 * @example const users = await call(api.GET('/api/v1/users', { params: { query: { limit: 50, offset: 0 } } }));
 */
export async function call<D>(
  request: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw toApiError(0, undefined);
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as D;
}

/**
 * A fresh key for the `Idempotency-Key` header of a creating or money-moving POST.
 *
 * @example api.POST('/api/v1/users', { params: { header: { 'idempotency-key': newIdempotencyKey() } }, body });
 */
export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}

/**
 * Keeps one idempotency key per request body: submitting the same body again (a double click, a
 * retry after a network failure) reuses the key, so the server replays the first answer instead
 * of creating twice; a changed body gets a fresh key (the server would refuse the old key with
 * `idempotency_key_conflict`).
 *
 * @example const keys = idempotencyKeys(); keys.for(body) === keys.for({ ...body }); // true
 */
export function idempotencyKeys(): { for(body: unknown): string } {
  let last: { body: string; key: string } | undefined;
  return {
    for(body) {
      const text = JSON.stringify(body);
      if (last?.body !== text) last = { body: text, key: newIdempotencyKey() };
      return last.key;
    },
  };
}
