import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writing a whole file durably, or not at all: a temporary file beside it, every byte written
 * (a short count from the kernel is carried on, so a full disk ends in ENOSPC, never in a
 * silently truncated file), its size checked, fsynced, renamed over the file, the folder fsynced.
 * Any failure removes the temporary file and throws: the old file stays as it was.
 */
export function writeDurably(file: string, content: string | Buffer): void {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const tmp = tempNameOf(file);
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      for (let off = 0; off < data.length;) {
        const n = writeSync(fd, data, off, data.length - off);
        if (n <= 0)
          throw Object.assign(new Error(`${tmp}: the disk took no more bytes (${off} of ${data.length} written)`), {
            code: 'EIO',
          });
        off += n;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const size = statSync(tmp).size;
    if (size !== data.length)
      throw Object.assign(new Error(`${tmp}: ${size} bytes on disk, ${data.length} written`), { code: 'EIO' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  const dirFd = openSync(dirname(file), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

const tempNameOf = (file: string) => `${file}.tmp-${process.pid}`;

/**
 * Temporary files of `file` left by a process that died mid-write (`db.json.tmp-<pid>`); call
 * only while holding the folder's lock, when no other process can be writing one. Returns the
 * names removed.
 */
export function removeStaleTemps(file: string): string[] {
  const prefix = `${basename(file)}.tmp-`;
  const stale = readdirSync(dirname(file)).filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)));
  for (const n of stale) rmSync(join(dirname(file), n), { force: true });
  return stale;
}
