import type { DocRecord } from '../../../src/domain/definition';
import type { SessionRow } from '../types';

export type SessionUser = { session: SessionRow; user: DocRecord | undefined };

/**
 * The sessions the embedded database answered, kept in memory. Every API request asks "is this
 * session live, and whose is it?" (server/core/auth.ts) — a statement of its own, a third of a
 * short request's time in the database. On PGlite the server process is the only one with the
 * database (dataDirLock.ts), so every change to a session or a user passes through it and can
 * drop what is kept here: revoking a session drops that session, a transaction that wrote users
 * drops them all. Revocation still lives in the database (it is read at the first request after a
 * start). With a PostgreSQL server other processes write too: no cache there (PgStore).
 *
 * A read that was under way when something was dropped does not put its (perhaps older) answer
 * back: each answer is kept only if nothing was dropped since its read began.
 */
export class SessionCache {
  static readonly MAX = 10_000;
  private readonly kept = new Map<string, SessionUser>();
  private generation = 0;

  async get(id: string, read: () => Promise<SessionUser | undefined>): Promise<SessionUser | undefined> {
    const hit = this.kept.get(id);
    if (hit) return hit;
    const began = this.generation;
    const found = await read();
    if (found && this.generation === began) {
      if (this.kept.size >= SessionCache.MAX) this.kept.clear();
      this.kept.set(id, found);
    }
    return found;
  }

  /** a session was revoked */
  drop(id: string): void {
    this.generation++;
    this.kept.delete(id);
  }

  /** users were written (role, group, name, active): every kept answer may be out of date */
  dropAll(): void {
    this.generation++;
    this.kept.clear();
  }
}
