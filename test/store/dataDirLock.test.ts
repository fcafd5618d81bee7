import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../server/store/pg/dataDirLock';
import { openPostgres } from '../../server/store/pg/driver';
import { startCluster } from '../../server/store/pg/embedded/cluster';

/**
 * One app at a time on an embedded database: a second starter is refused with a message that
 * names the holder (before it could stop the first one's PostgreSQL as an orphan); a lock left by
 * a process that is gone (kill -9) is taken over.
 */

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baoyi-lock-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** what /proc says of a pid's start (field 22), as the lock records it */
const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};

const writeLock = (dir: string, holder: { pid: number; started: string | null; host?: string }) =>
  writeFileSync(`${dir}.lock`, JSON.stringify({ host: hostname(), at: '2026-11-28T08:00:00.000Z', ...holder }));

describe('the embedded data folder lock', () => {
  it('refuses a second starter of the same cluster, and lets it in once the first stopped', async () => {
    const dir = join(root, 'postgres');
    const first = await startCluster(dir, { durable: false });
    const db = await openPostgres(first.url());
    await db.exec('CREATE TABLE t (x int); INSERT INTO t VALUES (1)');
    const refused = await startCluster(dir, { durable: false }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect(String((refused as Error).message)).toContain(`process ${process.pid}`);
    // the refusal changed nothing: the first still works, and its rows are there after it stopped
    await db.query('INSERT INTO t VALUES (2)');
    await db.close();
    await first.stop();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const second = await startCluster(dir, { durable: false });
    const again = await openPostgres(second.url());
    expect((await again.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0].n).toBe(2);
    await again.close();
    await second.stop();
  });

  it('refuses while another live process holds the lock', () => {
    const dir = join(root, 'db');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeLock(dir, { pid: child.pid!, started: startOf(child.pid!) });
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dir)).toThrow(`process ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a lock whose process is gone (kill -9), and one whose pid now names another process', () => {
    const dir = join(root, 'db');
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeLock(dir, { pid: Number(gone.stdout.trim()), started: '1' });
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(`${dir}.lock`)).toBe(false);

    // a live pid with another start time: the holder died and its pid was given to a new process
    writeLock(dir, { pid: process.pid, started: 'not-this-start' });
    const again = lockDataDir(dir);
    expect(JSON.parse(readFileSync(again.file, 'utf8')).started).toBe(startOf(process.pid));
    again.release();
  });

  it("never takes over another host's lock (it cannot tell whether that process runs)", () => {
    const dir = join(root, 'db');
    writeLock(dir, { pid: 999_999_999, started: null, host: 'another-machine' });
    expect(() => lockDataDir(dir)).toThrow(/another-machine/);
  });

  it('release leaves a lock that is no longer its own', () => {
    const dir = join(root, 'db');
    const lock = lockDataDir(dir);
    writeLock(dir, { pid: 12345, started: null });
    lock.release();
    expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(12345);
  });
});
