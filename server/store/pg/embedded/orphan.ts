import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A PostgreSQL left running by an app that is gone (kill -9, a crash): it still holds the
 * cluster (`postmaster.pid`), so a new one would not start. The app's own lock (dataDirLock.ts)
 * was stale when we got here, so no live app uses it: it is stopped — a fast shutdown, which
 * ends its sessions and writes a checkpoint; everything committed is kept — and the start goes on.
 * A `postmaster.pid` whose process is gone, or is not a PostgreSQL of this cluster (a reused
 * pid), is removed with the socket's lock file; its server processes, should any outlive a
 * killed postmaster for a moment, are waited for (they would hold its shared memory).
 */
export async function stopOrphan(clusterDir: string, log: (msg: string) => void = () => undefined): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (!alive(pid) || !servesCluster(pid, clusterDir)) {
    await waitForLeftovers(clusterDir);
    rmSync(pidFile, { force: true });
    // the socket's lock names the dead postmaster too (a killed one that nobody has reaped yet still "runs")
    for (const f of readdirSync(clusterDir))
      if (/^\.s\.PGSQL\.\d+(\.lock)?$/.test(f)) rmSync(join(clusterDir, f), { force: true });
    return;
  }
  log(`PostgreSQL ${pid} of ${clusterDir} was left running by an app that is gone: stopping it`);
  for (const [signal, waitMs] of [
    ['SIGINT', 60_000],
    ['SIGQUIT', 15_000],
    ['SIGKILL', 15_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone meanwhile
    }
    const until = Date.now() + waitMs;
    while (alive(pid) && Date.now() < until) await sleep(50);
    if (!alive(pid)) return;
  }
  throw new Error(`PostgreSQL ${pid} (left by an earlier start) does not stop; stop it, then start again`);
}

/** processes still working in the cluster's folder (backends of a killed postmaster exit on their own, promptly) */
async function waitForLeftovers(clusterDir: string) {
  const dir = realpathSync(clusterDir);
  const left = () => {
    try {
      return readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)
        .map(Number)
        .filter((p) => {
          try {
            return readlinkSync(`/proc/${p}/cwd`) === dir && alive(p);
          } catch {
            return false;
          }
        });
    } catch {
      return []; // no /proc
    }
  };
  const until = Date.now() + 10_000;
  while (left().length > 0 && Date.now() < until) await sleep(50);
  for (const p of left()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** is `pid` a PostgreSQL whose data directory is `clusterDir`? (it works in its data directory) */
function servesCluster(pid: number, clusterDir: string): boolean {
  const dir = realpathSync(clusterDir);
  try {
    return readlinkSync(`/proc/${pid}/cwd`) === dir;
  } catch {
    // no /proc (macOS) or not ours to read: ask ps for its command line
    try {
      const cmd = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
      return /postgres/.test(cmd) && (cmd.includes(dir) || cmd.includes(clusterDir));
    } catch {
      return false;
    }
  }
}
