import { DEFINITIONS } from '../src/domain/documents';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadState, writeDurably } from './store/json/jsonFileStore';
import { lockDataDir } from './store/pg/dataDirLock';
import { importState } from './store/pg/importState';
import { PgStore } from './store/pg/pgStore';
import { openStore, storeConfigFromEnv } from './store/open';

/**
 * npm run import -- <db.json>      (also: npm run restore -- <backup.json>)
 * Moves a json-file branch (the json store's db.json, or a backup written by `npm run backup`) into
 * PostgreSQL — the embedded one in DATA_DIR, or the server in DATABASE_URL — keeping ids, codes,
 * password hashes and the daily code counters, in one transaction (importState.ts), and reports
 * counts. The target must be empty.
 */
async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run import -- <db.json>');
  const state = loadState(file);
  const cfg = storeConfigFromEnv();
  if (cfg.store === 'json') {
    // restoring a json store: the snapshot becomes the data file, if there is none yet
    const target = join(cfg.dataDir, 'db.json');
    mkdirSync(cfg.dataDir, { recursive: true });
    const lock = lockDataDir(target); // not while a server runs on the folder
    try {
      if (existsSync(target)) throw new Error(`${target} exists; restore only into an empty data folder.`);
      writeDurably(target, JSON.stringify({ ...state, _meta: { ...state._meta, sessions: {}, loginAttempts: [] } }));
    } finally {
      lock.release();
    }
    console.log(
      `Restored into ${target}:`,
      Object.fromEntries(Object.keys(DEFINITIONS).map((r) => [r, ((state[r] as unknown[]) ?? []).length])),
    );
    return;
  }
  const store = await openStore(cfg, (msg) => console.log(msg));
  if (!(store instanceof PgStore)) throw new Error('unexpected store');
  try {
    const counts = await importState(store, state);
    console.log(`Imported into ${store.kind}:`, counts);
  } finally {
    await store.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
