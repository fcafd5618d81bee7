import type { DocRecord } from '../../src/domain/definition';
import { refusal, RefusedError } from './refusal';
import type { Actor } from '../../src/domain/roles';
import { hashPassword, verifyPassword, type DeriveKey } from '../auth/password';
import { newSessionId, signToken, TOKEN_TTL_SECONDS, verifyToken } from '../auth/tokens';
import type { Store } from '../store/types';
import type { ApiRequest } from './types';

/** Login throttling (kept in the database, so it holds across server processes). */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_IP = 20;

export interface AuthDeps {
  store: Store;
  secret: Buffer;
  now: () => Date;
  /** scrypt for logins: the server's worker pool (server/auth/hashPool.ts); in this thread otherwise (the training desk) */
  deriveKey?: DeriveKey;
}

export function toActor(u: DocRecord): Actor {
  return {
    id: Number(u.id),
    username: String(u.username),
    fullName: String(u.fullName),
    role: u.role as Actor['role'],
    group: (u.group as Actor['group']) ?? null,
  };
}

/** what the SPA is told of the caller (login, /auth/me) */
export const publicUser = (a: Actor) => ({
  id: a.id,
  username: a.username,
  fullName: a.fullName,
  role: a.role,
  group: a.group,
});

const MAX_USERNAME = 30;
const MAX_PASSWORD = 200;

function loginRefusal(field: 'username' | 'password', zh: string, en: string): RefusedError {
  return new RefusedError({ status: 400, message: { zh, en }, errors: { [field]: { zh, en } } });
}

export async function login(deps: AuthDeps, body: unknown, ip: string) {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  if (typeof b.username !== 'string' || !b.username.trim())
    throw loginRefusal('username', '请输入用户名', 'Username is required');
  if (typeof b.password !== 'string' || !b.password)
    throw loginRefusal('password', '请输入密码', 'Password is required');
  if (b.username.length > MAX_USERNAME)
    throw loginRefusal('username', `用户名最多 ${MAX_USERNAME} 个字符`, `Username: at most ${MAX_USERNAME} characters`);
  if (b.password.length > MAX_PASSWORD)
    throw loginRefusal('password', `密码最多 ${MAX_PASSWORD} 个字符`, `Password: at most ${MAX_PASSWORD} characters`);
  const username = b.username.trim().toLowerCase();
  const now = deps.now();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  // The attempt is counted before the password is checked: a failure until the hash says otherwise.
  // Attempts at once thus see each other (the count follows their own record, in the store every
  // server shares): 100 at once with the right password after five failures are all refused, and
  // a flood from one address is refused past twenty without a hash.
  const attempt = await deps.store.beginLoginAttempt(username, ip, now.toISOString(), since);
  if (attempt.byUser > MAX_FAILURES_PER_USER || attempt.byIp > MAX_FAILURES_PER_IP) {
    throw new RefusedError({
      status: 429,
      message: { zh: '登录失败次数过多，请15分钟后再试', en: 'Too many failed logins; try again in 15 minutes' },
    });
  }
  const found = await deps.store.findUserForLogin(username);
  const ok = (await verifyPassword(b.password, found?.passwordHash, deps.deriveKey)) && found?.user.active !== false;
  if (!ok || !found) throw new RefusedError(refusal(401, '用户名或密码错误', 'Wrong username or password'));
  await deps.store.loginSucceeded(attempt.id);
  const user = found.user;
  const sid = newSessionId();
  const exp = Math.floor(now.getTime() / 1000) + TOKEN_TTL_SECONDS;
  await deps.store.createSession({
    id: sid,
    userId: Number(user.id),
    expiresAt: new Date(exp * 1000).toISOString(),
    revokedAt: null,
  });
  return { token: signToken({ sid, uid: Number(user.id), exp }, deps.secret), user: publicUser(toActor(user)) };
}

/** The caller, or null: a valid signature, not expired, session not revoked, user active. */
export async function authenticate(deps: AuthDeps, req: ApiRequest): Promise<{ actor: Actor; sid: string } | null> {
  const h = req.headers.authorization ?? '';
  if (!h.startsWith('Bearer ')) return null;
  const p = verifyToken(h.slice(7).trim(), deps.secret, deps.now().getTime());
  if (!p || p.scope) return null;
  const found = await deps.store.getSessionUser(p.sid);
  if (!found) return null;
  const { session, user } = found;
  if (session.revokedAt || session.userId !== p.uid || Date.parse(session.expiresAt) <= deps.now().getTime())
    return null;
  if (!user || user.active === false) return null;
  return { actor: toActor(user), sid: p.sid };
}

export async function logout(deps: AuthDeps, sid: string) {
  await deps.store.revokeSession(sid, deps.now().toISOString());
}

export { hashPassword };

/** A backup token (signed with the data folder's secret, minutes-long) — only for the export. */
export function isBackupToken(deps: AuthDeps, req: ApiRequest): boolean {
  const h = req.headers.authorization ?? '';
  const p = h.startsWith('Bearer ') ? verifyToken(h.slice(7).trim(), deps.secret, deps.now().getTime()) : null;
  return p?.scope === 'backup';
}
