import type { DocRecord } from '../../src/domain/definition';
import { refusal, RefusedError } from './refusal';
import type { Actor } from '../../src/domain/roles';
import { hashPassword, verifyPassword } from '../auth/password';
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
}

export function toActor(u: DocRecord): Actor {
  return { id: Number(u.id), username: String(u.username), fullName: String(u.fullName), role: u.role as Actor['role'], group: (u.group as Actor['group']) ?? null };
}

/** what the SPA is told of the caller (login, /auth/me) */
export const publicUser = (a: Actor) => ({ id: a.id, username: a.username, fullName: a.fullName, role: a.role, group: a.group });

export async function login(deps: AuthDeps, body: unknown, ip: string) {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.username !== 'string' || typeof b.password !== 'string' || b.username.length > 30 || b.password.length > 200) {
    throw new RefusedError(refusal(400, '请输入用户名和密码', 'Username and password are required'));
  }
  const username = b.username.trim().toLowerCase();
  const now = deps.now();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const fails = await deps.store.countLoginFailures(username, ip, since);
  if (fails.byUser >= MAX_FAILURES_PER_USER || fails.byIp >= MAX_FAILURES_PER_IP) {
    throw new RefusedError({ status: 429, message: { zh: '登录失败次数过多，请15分钟后再试', en: 'Too many failed logins; try again in 15 minutes' } });
  }
  const found = await deps.store.findUserForLogin(username);
  const ok = (await verifyPassword(b.password, found?.passwordHash)) && found?.user.active !== false;
  await deps.store.recordLoginAttempt(username, ip, ok, now.toISOString());
  if (!ok || !found) throw new RefusedError(refusal(401, '用户名或密码错误', 'Wrong username or password'));
  const user = found.user;
  const sid = newSessionId();
  const exp = Math.floor(now.getTime() / 1000) + TOKEN_TTL_SECONDS;
  await deps.store.createSession({ id: sid, userId: Number(user.id), expiresAt: new Date(exp * 1000).toISOString(), revokedAt: null });
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
  if (session.revokedAt || session.userId !== p.uid || Date.parse(session.expiresAt) <= deps.now().getTime()) return null;
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
