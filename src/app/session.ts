import type { Actor } from '../domain/roles';

/**
 * The browser session: the bearer token and the user it belongs to, in localStorage so a
 * reload keeps the user logged in. The user is re-read from /auth/me by the authProvider.
 */

const TOKEN_KEY = 'baoyi.token';
const USER_KEY = 'baoyi.user';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const session = {
  token(): string | null {
    return storage()?.getItem(TOKEN_KEY) ?? null;
  },
  user(): Actor | null {
    const raw = storage()?.getItem(USER_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Actor;
    } catch {
      return null;
    }
  },
  save(token: string, user: Actor) {
    storage()?.setItem(TOKEN_KEY, token);
    storage()?.setItem(USER_KEY, JSON.stringify(user));
  },
  saveUser(user: Actor) {
    storage()?.setItem(USER_KEY, JSON.stringify(user));
  },
  clear() {
    storage()?.removeItem(TOKEN_KEY);
    storage()?.removeItem(USER_KEY);
  },
};

/** The API base: '/api' in the app (same origin, or Vite's proxy); tests pass an absolute URL. */
export const DEFAULT_API_URL = '/api';
