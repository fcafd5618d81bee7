import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { lockDataDir } from '../dataDirLock';
import { findBinaries, type Binaries } from './binaries';
import { stopOrphan } from './orphan';
import { embeddedOsUser, type OsUser } from './osUser';

/**
 * The embedded database: a real PostgreSQL server, its own process (its own cores), initialised,
 * started and stopped by the app in a folder of DATA_DIR, from the binaries npm installed
 * (binaries.ts). It listens on no TCP port: only on a Unix socket in its own folder (mode 0700),
 * so several can run on one machine without choosing ports, and nobody else can connect.
 * Durable on commit: fsync, synchronous_commit and full_page_writes on.
 *
 * One app at a time on a cluster (the lock `<cluster>.lock`, dataDirLock.ts); a PostgreSQL left
 * by an app that is gone (kill -9) is stopped at the next start (orphan.ts). The server's log is
 * `<cluster>.log`.
 */

export interface ClusterOptions {
  /**
   * false only for a throwaway test cluster: fsync, synchronous_commit, full_page_writes off, and
   * initdb without syncing. The product always runs durable.
   */
  durable?: boolean;
  maxConnections?: number;
  log?: (msg: string) => void;
}

export interface Cluster {
  /** the data directory (PGDATA) */
  dir: string;
  socketDir: string;
  port: number;
  pid: number;
  major: number;
  /** a node-postgres URL of `database` on this cluster (Unix socket, superuser `postgres`) */
  url(database?: string): string;
  stop(): Promise<void>;
}

/** the database the app keeps its data in */
export const APP_DATABASE = 'baoyi';
export const SUPERUSER = 'postgres';
const PORT = 5432;
/** a Unix socket's path must fit in sockaddr_un (108 bytes on Linux, 104 on macOS) */
const MAX_SOCKET_PATH = 100;

export async function startCluster(dir: string, opts: ClusterOptions = {}): Promise<Cluster> {
  const log = opts.log ?? (() => undefined);
  const durable = opts.durable !== false;
  dir = resolve(dir);
  mkdirSync(dirname(dir), { recursive: true });
  const lock = lockDataDir(dir);
  let socketTmp: string | null = null;
  try {
    refuseDamaged(dir);
    const user = embeddedOsUser();
    if (user.uid !== undefined) makeReachable(dirname(dir), user, log);
    const bin = await findBinaries(user);
    await stopOrphan(dir, log);
    if (!existsSync(join(dir, 'PG_VERSION'))) await initdb(dir, bin, user, durable, log);
    const major = Number(readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim());
    if (major !== bin.major) {
      throw new Error(
        `${dir} 是 PostgreSQL ${major} 的数据库，内置的是 ${bin.major} — the embedded database in ${dir} was made by PostgreSQL ${major}, the installed binaries are ${bin.major}: back it up with the version that made it (npm run backup) and restore into an empty DATA_DIR (npm run restore).`,
      );
    }
    let socketDir = realpathSync(dir);
    if (`${socketDir}/.s.PGSQL.${PORT}`.length > MAX_SOCKET_PATH) {
      socketTmp = socketDir = mkdtempSync(join(tmpdir(), 'baoyi-pg-'));
      if (user.uid !== undefined) chownSync(socketDir, user.uid, user.gid!);
    }
    const child = spawnPostgres(dir, socketDir, bin, user, durable, opts.maxConnections ?? 100);
    const exitHook = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    };
    process.once('exit', exitHook);
    const url = (database = APP_DATABASE) =>
      `postgresql://${SUPERUSER}@localhost:${PORT}/${database}?host=${encodeURIComponent(socketDir)}`;
    try {
      await waitReady(url('postgres'), child, `${dir}.log`);
      await ensureDatabase(url('postgres'), APP_DATABASE);
    } catch (e) {
      await stopChild(child);
      throw e;
    }
    log(`PostgreSQL ${bin.major} (pid ${child.pid}) on ${dir}${durable ? '' : ' — not durable (test cluster)'}`);
    const tmpSocket = socketTmp;
    return {
      dir,
      socketDir,
      port: PORT,
      pid: child.pid!,
      major,
      url,
      stop: async () => {
        process.off('exit', exitHook);
        try {
          await stopChild(child);
        } finally {
          if (tmpSocket) rmSync(tmpSocket, { recursive: true, force: true });
          lock.release();
        }
      },
    };
  } catch (e) {
    if (socketTmp) rmSync(socketTmp, { recursive: true, force: true });
    lock.release();
    throw e;
  }
}

/**
 * As root, the PostgreSQL user must be able to reach the cluster's folder. DATA_DIR itself, when
 * only its owner may enter it (a folder made by mkdtemp), gets search permission for others
 * (o+x: entering, not listing; the secret files in it are 0600); a folder above it that shuts
 * the PostgreSQL user out (a DATA_DIR under /root) is not changed: the start stops and says so.
 */
function makeReachable(dataDir: string, user: OsUser, log: (msg: string) => void) {
  const reachable = (d: string) =>
    spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', d], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status ===
    0;
  if (reachable(dataDir)) return;
  const st = statSync(dataDir);
  if (st.uid === 0 && reachable(dirname(dataDir))) {
    chmodSync(dataDir, (st.mode & 0o7777) | 0o001);
    log(`${dataDir}: search permission for others (o+x), so that PostgreSQL (user ${user.name}) can reach its folder`);
    if (reachable(dataDir)) return;
  }
  throw new Error(
    `数据库用户 ${user.name} 无法进入 ${dataDir} — PostgreSQL runs as the user "${user.name}" (it refuses to run as root), who cannot reach ${dataDir}: give it search permission on each folder above (chmod o+x), choose another DATA_DIR, start as an ordinary user, or set DATABASE_URL.`,
  );
}

/**
 * A folder with files but no PG_VERSION is a damaged cluster (or not one): it is never
 * initialised over, nor touched — the start stops, saying what and where. Only a missing or empty
 * folder is a new database.
 */
function refuseDamaged(dir: string) {
  if (!existsSync(dir) || existsSync(join(dir, 'PG_VERSION'))) return;
  const files = readdirSync(dir);
  if (files.length === 0) return;
  throw new Error(
    `${dir}: 内置数据库目录已损坏（缺少 PG_VERSION），未做任何更改 — the embedded PostgreSQL's folder holds ${files.length} file(s) (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}) but no PG_VERSION: ` +
      `it is damaged or not a PostgreSQL data folder. Nothing was changed; it is never initialised over or seeded. ` +
      `Restore its files from a file-system backup, or move the folder away and restore a backup into the empty DATA_DIR (npm run restore).`,
  );
}

async function initdb(dir: string, bin: Binaries, user: OsUser, durable: boolean, log: (msg: string) => void) {
  // an empty folder (refuseDamaged let only that through) is made anew
  if (existsSync(dir)) rmSync(dir, { recursive: true });
  // initialised beside its place and renamed into it: a crash mid-way leaves no half cluster
  const tmp = mkdtempSync(`${dir}.init-`);
  if (user.uid !== undefined) chownSync(tmp, user.uid, user.gid!);
  const t0 = Date.now();
  const r = spawnSync(
    bin.initdb,
    [
      '-D',
      tmp,
      '-U',
      SUPERUSER,
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-instructions',
      ...(durable ? [] : ['--no-sync']),
    ],
    { uid: user.uid, gid: user.gid, encoding: 'utf8', env: pgEnv() },
  );
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`initdb failed: ${r.error?.message ?? ''}${r.stderr ?? ''}`);
  }
  renameSync(tmp, dir);
  log(`initialised a PostgreSQL ${bin.major} database in ${dir} (${Date.now() - t0} ms)`);
}

function pgEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG') && !k.startsWith('LC_')) env[k] = v;
  return { ...env, LC_ALL: 'C', LANG: 'C' };
}

function spawnPostgres(
  dir: string,
  socketDir: string,
  bin: Binaries,
  user: OsUser,
  durable: boolean,
  maxConnections: number,
): ChildProcess {
  const logFile = `${dir}.log`;
  if (existsSync(logFile) && statSync(logFile).size > 10_000_000) renameSync(logFile, `${logFile}.old`);
  const fd = openSync(logFile, 'a');
  const on = durable ? 'on' : 'off';
  const settings: Record<string, string | number> = {
    listen_addresses: '',
    // quoted: a folder name may hold a comma or spaces (the setting is a list)
    unix_socket_directories: `"${socketDir}"`,
    unix_socket_permissions: '0700',
    port: PORT,
    fsync: on,
    synchronous_commit: on,
    full_page_writes: on,
    max_connections: maxConnections,
    timezone: 'UTC',
  };
  try {
    // its output goes to the log file, not through us: a PostgreSQL whose app is gone never blocks on a pipe
    return spawn(bin.postgres, ['-D', dir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])], {
      uid: user.uid,
      gid: user.gid,
      env: pgEnv(),
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
}

async function waitReady(url: string, child: ChildProcess, logFile: string, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`PostgreSQL did not start (exit ${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`);
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => undefined);
    try {
      await c.connect();
      await c.query('SELECT 1');
      await c.end();
      return;
    } catch (e) {
      last = (e as Error).message;
      await c.end().catch(() => undefined);
    }
    await sleep(50);
  }
  throw new Error(`PostgreSQL did not accept connections in ${timeoutMs / 1000} s (${last}):\n${tail(logFile)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

async function ensureDatabase(url: string, name: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // fast shutdown: sessions end, a checkpoint is written; then immediate, then kill
  for (const [signal, waitMs] of [
    ['SIGINT', 60_000],
    ['SIGQUIT', 15_000],
    ['SIGKILL', 15_000],
  ] as const) {
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), waitMs))),
    ]);
    clearTimeout(timer);
    if (done) return;
  }
}
