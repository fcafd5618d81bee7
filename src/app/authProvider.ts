import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import type { DocRecord } from '../domain/definition';
import type { Actor } from '../domain/roles';
import { loadDefinitions } from './definitions';
import { DEFAULT_API_URL, session } from './session';

/**
 * Token login against /api/auth/*; access control is the domain's `canAccess` — the same
 * rules the server enforces — so menus, buttons and routes hide what the server would refuse.
 * Those rules come with the definitions (a chunk loaded on demand, ./domain.ts).
 */

export interface AuthProviderOptions {
  apiUrl?: string;
  getLocale?: () => string;
}

export interface BaoyiIdentity extends UserIdentity {
  id: number;
  fullName: string;
  username: string;
  role: Actor['role'];
  group: Actor['group'];
}

export interface BaoyiAuthProvider extends AuthProvider {
  /** the logged-in user as /auth/me answers it (cached until login/logout) */
  getUser(): Promise<Actor | null>;
}

export function createAuthProvider(opts: AuthProviderOptions = {}): BaoyiAuthProvider {
  const apiUrl = (opts.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const lang = () => ((opts.getLocale?.() ?? 'zh') === 'en' ? 'en' : 'zh');
  let me: Promise<Actor | null> | null = null;

  async function call<T>(path: string, init: RequestInit = {}, token = session.token()): Promise<T> {
    const headers = new Headers({ Accept: 'application/json', 'Accept-Language': lang() });
    if (init.body) headers.set('Content-Type', 'application/json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const res = await fetch(`${apiUrl}${path}`, { ...init, headers });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      const message = (json as { message?: string } | null)?.message || res.statusText || String(res.status);
      throw new HttpError(message, res.status, json);
    }
    return json as T;
  }

  function getUser(): Promise<Actor | null> {
    if (!session.token()) return Promise.resolve(null);
    if (!me) {
      me = call<Actor>('/auth/me')
        .then((u) => {
          session.saveUser(u);
          return u;
        })
        .catch((e: unknown) => {
          me = null;
          if (e instanceof HttpError && e.status === 401) {
            session.clear();
            return null;
          }
          // offline / server trouble: fall back to the user stored at login
          return session.user();
        });
    }
    return me;
  }

  return {
    async login({ username, password }: { username: string; password: string }) {
      const { token, user } = await call<{ token: string; user: Actor }>(
        '/auth/login',
        { method: 'POST', body: JSON.stringify({ username, password }) },
        null,
      );
      session.save(token, user);
      me = Promise.resolve(user);
    },
    async logout() {
      const token = session.token();
      session.clear();
      me = null;
      if (token) await call('/auth/logout', { method: 'POST', body: '{}' }, token).catch(() => undefined);
    },
    async checkAuth() {
      if (!session.token()) throw new Error('ra.auth.auth_check_error');
    },
    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        session.clear();
        me = null;
        throw new Error('ra.notification.logged_out');
      }
      // 403 (role may not) and 422 (a rule refuses) are shown, they do not log out
    },
    async getIdentity(): Promise<BaoyiIdentity> {
      const user = await getUser();
      if (!user) throw new Error('ra.auth.auth_check_error');
      return { ...user, fullName: user.fullName };
    },
    async getPermissions() {
      return (await getUser())?.role ?? null;
    },
    async canAccess({
      resource,
      action,
      record,
    }: {
      resource: string;
      action: string;
      record?: Record<string, unknown>;
    }) {
      const user = await getUser();
      if (!user) return false;
      const domain = await loadDefinitions();
      return domain.canAccess(user, resource, action, record as DocRecord | undefined);
    },
    getUser,
  };
}
