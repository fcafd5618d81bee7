import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real full disk for the fault tests: a small tmpfs mounted for the test (root, as here and on
 * CI). Where mounting is not permitted, the kernel's file-size limit (RLIMIT_FSIZE, `prlimit`) on
 * the process under test instead: its writes past the limit come back short, then EFBIG, as a
 * full disk's come back short, then ENOSPC. Never skipped: the tests name the one they use.
 */

export type DiskLimitKind = 'tmpfs' | 'RLIMIT_FSIZE';

function probeTmpfs(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'baoyi-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** what this machine allows, probed once per test file (TEST_DISK_LIMIT=RLIMIT_FSIZE: the fallback, to try it where tmpfs works) */
export const DISK_LIMIT: DiskLimitKind =
  process.env.TEST_DISK_LIMIT === 'RLIMIT_FSIZE' || !probeTmpfs() ? 'RLIMIT_FSIZE' : 'tmpfs';

export interface SmallDisk {
  /** the mount point (tmpfs) or a plain folder (RLIMIT_FSIZE) */
  dir: string;
  kind: DiskLimitKind;
  /** tmpfs: fill it with a filler file so that only about `bytes` stay free */
  fillLeaving(bytes: number): void;
  /** tmpfs: remove the filler */
  free(): void;
  /** bytes free now (tmpfs) */
  available(): number;
  remove(): void;
}

/** a tmpfs of `size` bytes (mode 0755: the embedded PostgreSQL's user must reach its folder), or a plain folder */
export function smallDisk(size: number, kind: DiskLimitKind = DISK_LIMIT): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'baoyi-disk-'));
  if (kind === 'tmpfs') execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  const filler = join(dir, 'filler');
  const available = () => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  return {
    dir,
    kind,
    available,
    fillLeaving(bytes) {
      if (kind !== 'tmpfs') throw new Error('fillLeaving needs a tmpfs');
      rmSync(filler, { force: true });
      const n = available() - bytes;
      if (n > 0) execFileSync('fallocate', ['-l', String(n), filler]);
    },
    free() {
      rmSync(filler, { force: true });
    },
    remove() {
      if (kind === 'tmpfs') {
        try {
          execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
        } catch {
          // already gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** RLIMIT_FSIZE: a command prefix that runs a process whose files cannot grow past `bytes` */
export const fileSizeLimit = (bytes: number) => ['prlimit', `--fsize=${bytes}:unlimited`]; // the soft limit: raised again without privileges

/** RLIMIT_FSIZE of a running process (and of what it starts from now on), e.g. lifted: 'unlimited' */
export function setFileSizeLimit(pid: number, bytes: number | 'unlimited') {
  execFileSync('prlimit', ['--pid', String(pid), `--fsize=${bytes}:unlimited`]);
}

export const subdir = (disk: SmallDisk, name: string) => {
  const d = join(disk.dir, name);
  mkdirSync(d, { recursive: true });
  return d;
};
