import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadOrCreateSecret, newSessionId, signToken } from './auth/tokens';
import { writeDurably } from './store/json/jsonFileStore';

/**
 * npm run backup [-- <file>]
 * Asks the running server (PORT, default 3000, on this machine) for a consistent snapshot — one
 * repeatable-read transaction — and writes it durably as JSON (default backups/baoyi-<time>.json).
 * Authorised by a short-lived backup token signed with DATA_DIR/secret.key: whoever can read
 * the data folder may back it up. Restore: `npm run restore -- <file>` into an empty data folder.
 */
async function main() {
  const dataDir = process.env.DATA_DIR || 'data';
  const url = process.env.BACKUP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = process.argv[2] ?? join('backups', `baoyi-${stamp}.json`);
  const secret = loadOrCreateSecret(dataDir);
  const token = signToken({ sid: `backup-${newSessionId()}`, uid: 0, exp: Math.floor(Date.now() / 1000) + 300, scope: 'backup' }, secret);
  const res = await fetch(`${url}/api/admin/export`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`The server at ${url} answered ${res.status}: ${await res.text()}`);
  const body = await res.text();
  const parsed = JSON.parse(body) as Record<string, unknown[]>;
  mkdirSync(dirname(file), { recursive: true });
  writeDurably(file, body);
  const counts = Object.fromEntries(Object.entries(parsed).filter(([k]) => k !== '_meta').map(([k, v]) => [k, v.length]));
  console.log(`Backup written to ${file}:`, counts);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
