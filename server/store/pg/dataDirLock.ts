import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * One app at a time on an embedded database (and on a json store's db.json, jsonFileStore.ts). The app starts and stops its PostgreSQL and, at a
 * start, stops one left running by an app that is gone (embedded/orphan.ts) — so a second app on
 * the same DATA_DIR must be refused before it could take the first one's database away. The
 * cluster folder gets a lock file beside it (`<folder>.lock`: the holder's pid, host and, on
 * Linux, the process's start time), taken before the database starts and removed when it has
 * stopped. A lock whose process is gone (kill -9, a power cut) is stale and taken over at the next
 * start; the start time tells a reused pid from the holder.
 */

export class DataDirInUseError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: Holder,
  ) {
    super(
      `数据目录正被另一个进程使用（进程 ${holder.pid}${holder.host !== hostname() ? `，主机 ${holder.host}` : ''}，自 ${holder.at}）；请先停止它 — ` +
        `the data folder is in use by process ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ''} since ${holder.at}: stop that server first ` +
        `(one app per data folder: an embedded database or a db.json). If no such process runs, delete ${lockFile}.`,
    );
  }
}

interface Holder {
  pid: number;
  host: string;
  /** the process's start time in clock ticks since boot (/proc/<pid>/stat field 22), where known */
  started: string | null;
  at: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/** a process's start time, on Linux; null where /proc does not tell */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(h: Holder): boolean {
  if (h.host !== hostname()) return true; // another machine's process: this one cannot tell, so it never takes it over
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  // the pid runs (or belongs to another user: EPERM) — but is it still the holder?
  const now = startTimeOf(h.pid);
  return h.started === null || now === null || now === h.started;
}

function readHolderText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function readHolder(file: string): Holder | null {
  try {
    const h = JSON.parse(readHolderText(file) ?? '') as Holder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  const file = `${dataDir}.lock`;
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    started: startTimeOf(process.pid),
    at: new Date().toISOString(),
  };
  const text = JSON.stringify(me);
  // written whole under a private name, then linked into place: link fails if the lock exists,
  // and a reader never sees a half-written lock
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, text);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, file);
        return {
          file,
          release: () => {
            if (readHolderText(file) === text) rmSync(file, { force: true });
          },
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = readHolder(file);
      if (holder && isRunning(holder)) throw new DataDirInUseError(file, holder);
      if (attempt >= 2)
        throw new DataDirInUseError(file, holder ?? { pid: 0, host: hostname(), started: null, at: '?' });
      rmSync(file, { force: true }); // stale: its process is gone
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
