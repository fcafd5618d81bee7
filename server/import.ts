import { DEFINITIONS } from '../src/domain/documents';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadState, writeDurably } from './store/json/jsonFileStore';
import { PgStore } from './store/pg/pgStore';
import { openStore, storeConfigFromEnv } from './store/open';

/**
 * npm run import -- <db.json>      (also: npm run restore -- <backup.json>)
 * Moves a json-file branch (or a backup written by `npm run backup`) (the json store's db.json) into PostgreSQL — the embedded PGlite in
 * DATA_DIR, or the server in DATABASE_URL — keeping ids, codes, password hashes and the daily
 * code counters, in one transaction, and reports counts. The target must be empty.
 */
const ORDER = ['users', 'customers', 'products', 'orders', 'auditLog'];

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run import -- <db.json>');
  const state = loadState(file);
  const cfg = storeConfigFromEnv();
  if (cfg.store === 'json') {
    // restoring a json store: the snapshot becomes the data file, if there is none yet
    const target = join(cfg.dataDir, 'db.json');
    if (existsSync(target)) throw new Error(`${target} exists; restore only into an empty data folder.`);
    mkdirSync(cfg.dataDir, { recursive: true });
    writeDurably(target, JSON.stringify({ ...state, _meta: { ...state._meta, sessions: {}, loginAttempts: [] } }));
    console.log(`Restored into ${target}:`, Object.fromEntries(Object.keys(DEFINITIONS).map((r) => [r, ((state[r] as unknown[]) ?? []).length])));
    return;
  }
  const store = await openStore(cfg);
  if (!(store instanceof PgStore)) throw new Error('unexpected store');
  if (!(await store.isEmpty())) throw new Error('The target database already holds data; import only into an empty one.');
  const resources = [...ORDER, ...Object.keys(DEFINITIONS).filter((r) => !ORDER.includes(r))];
  const counts: Record<string, number> = {};
  await store.transaction(async (tx) => {
    for (const r of resources) {
      const rows = (state[r] as Record<string, unknown>[]) ?? [];
      for (const row of rows) {
        if (r === 'auditLog') await tx.audit(row as never);
        else await tx.insert(r, row);
      }
      counts[r] = rows.length;
    }
    for (const [userId, hash] of Object.entries(state._meta.passwordHashes)) await tx.setPasswordHash(Number(userId), hash);
  });
  for (const [key, value] of Object.entries(state._meta.counters)) await store.setCounter(key, value);
  await store.resetSequences();
  await store.settle?.();
  for (const r of resources) {
    const { total } = await store.list(r, { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 0] });
    if (total !== counts[r]) throw new Error(`${r}: imported ${counts[r]} but the database holds ${total}`);
  }
  console.log(`Imported into ${store.kind}:`, counts);
  await store.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
