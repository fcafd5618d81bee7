import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFINITIONS } from '../src/domain/documents';
import { loadOrCreateSecret, newSessionId, signToken } from './auth/tokens';
import { writeDurably } from './store/json/durableFile';

/**
 * npm run backup [-- <file>]
 * Asks the running server (PORT, default 3000, on this machine) for a consistent snapshot — one
 * repeatable-read transaction — and writes it durably as JSON (default backups/baoyi-<time>.json).
 * Authorised by a short-lived backup token signed with DATA_DIR/secret.key: whoever can read
 * the data folder may back it up. Restore: `npm run restore -- <file>` into an empty data folder.
 *
 * "Backup written" is printed only once the file is verified: read back from disk, its size and
 * checksum those of the snapshot, parsed, every table there with the snapshot's count. Otherwise
 * (a full disk, a snapshot cut short) the exit code is 1, the reason is printed and no file is left.
 */
async function main() {
  const dataDir = process.env.DATA_DIR || 'data';
  const url = process.env.BACKUP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = process.argv[2] ?? join('backups', `baoyi-${stamp}.json`);
  const secret = loadOrCreateSecret(dataDir);
  const token = signToken(
    { sid: `backup-${newSessionId()}`, uid: 0, exp: Math.floor(Date.now() / 1000) + 300, scope: 'backup' },
    secret,
  );
  const res = await fetch(`${url}/api/admin/export`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`The server at ${url} answered ${res.status}: ${await res.text()}`);
  const body = Buffer.from(await res.arrayBuffer());
  const counts = countsOf(JSON.parse(body.toString('utf8')), 'the snapshot the server sent');
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeDurably(file, body);
  } catch (e) {
    throw new Error(
      `备份未写入 — Backup NOT written to ${file}: ${(e as Error).message}. No file was left; free space (or choose another place) and run it again.`,
    );
  }
  try {
    verify(file, body, counts);
  } catch (e) {
    rmSync(file, { force: true });
    throw new Error(
      `备份校验失败，已删除 — Backup to ${file} failed its check and was removed: ${(e as Error).message}`,
    );
  }
  console.log(`Backup written to ${file} (${body.length} bytes, verified):`, counts);
}

/** every table of the definitions, as a list; the counts */
function countsOf(parsed: unknown, what: string): Record<string, number> {
  if (!parsed || typeof parsed !== 'object') throw new Error(`${what} is not a JSON object`);
  const state = parsed as Record<string, unknown>;
  const counts: Record<string, number> = {};
  for (const r of Object.keys(DEFINITIONS)) {
    const rows = state[r];
    if (!Array.isArray(rows)) throw new Error(`${what} lacks the table "${r}"`);
    counts[r] = rows.length;
  }
  if (!state._meta || typeof state._meta !== 'object')
    throw new Error(`${what} lacks _meta (counters, password hashes)`);
  return counts;
}

/** the file as read back from disk: the same bytes, parsed, the same counts */
function verify(file: string, body: Buffer, counts: Record<string, number>) {
  const back = readFileSync(file);
  if (back.length !== body.length) throw new Error(`${back.length} bytes on disk, ${body.length} expected`);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  if (sha(back) !== sha(body)) throw new Error('the bytes on disk differ from the snapshot');
  const again = countsOf(JSON.parse(back.toString('utf8')), 'the file read back');
  for (const [r, n] of Object.entries(counts))
    if (again[r] !== n) throw new Error(`${r}: ${again[r]} records read back, ${n} expected`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
