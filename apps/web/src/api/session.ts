import { useSyncExternalStore } from 'react';

/** A signed-in caller's access token (staff or borrower) and when it expires. */
export interface Session {
  readonly token: string;
  readonly expiresAt: string;
}

/** Why a session ended: the user signed out, or the server refused the token. */
export type SessionEnd = 'signed_out' | 'expired' | 'password_changed';

/** A session kept in sessionStorage (one per tab; gone when the tab closes), observable by React. */
export interface SessionStore {
  get(): Session | null;
  set(session: Session): void;
  clear(reason: SessionEnd): void;
  /** Why the last session ended (shown once on the sign-in page), or null. */
  lastEnd(): SessionEnd | null;
  subscribe(listener: () => void): () => void;
}

function readStorage(key: string): Session | null {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.token !== 'string' || typeof parsed.expiresAt !== 'string') return null;
    return { token: parsed.token, expiresAt: parsed.expiresAt };
  } catch {
    return null;
  }
}

/**
 * A session store under `key` in sessionStorage. The console and the portal use different keys,
 * so a staff token never reaches the portal's pages and the other way round.
 *
 * @example const consoleSession = createSessionStore('puhui.console.session');
 */
export function createSessionStore(key: string): SessionStore {
  let current = readStorage(key);
  let end: SessionEnd | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };
  return {
    get: () => current,
    set(session) {
      current = session;
      end = null;
      window.sessionStorage.setItem(key, JSON.stringify(session));
      notify();
    },
    clear(reason) {
      if (current === null && end !== null) return;
      current = null;
      end = reason;
      window.sessionStorage.removeItem(key);
      notify();
    },
    lastEnd: () => end,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The current session of `store`, re-rendering when it changes (sign-in, sign-out, expiry).
 *
 * @example const session = useSession(consoleSession); if (!session) return <Navigate to="/sign-in" />;
 */
export function useSession(store: SessionStore): Session | null {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
