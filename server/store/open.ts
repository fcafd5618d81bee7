import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JsonFileStore } from './json/jsonFileStore';
import { openPostgres } from './pg/driver';
import { openEmbedded } from './pg/embedded';
import { movePgliteInto, refuseDamagedPglite } from './pg/movePglite';
import { PgStore } from './pg/pgStore';
import type { Store } from './types';

export interface StoreConfig {
  /** DATA_DIR: the embedded PostgreSQL (postgres/), the token secret and the json store file live here */
  dataDir: string;
  /** DATABASE_URL: a PostgreSQL server instead of the embedded one */
  databaseUrl?: string;
  /** STORE=json: json-server's db.json format (mock/demo) */
  store?: string;
}

export function storeConfigFromEnv(env = process.env): StoreConfig {
  return { dataDir: env.DATA_DIR || 'data', databaseUrl: env.DATABASE_URL || undefined, store: env.STORE || undefined };
}

/** where the data lives, in words for the start message */
export function storeLocation(cfg: StoreConfig): string {
  if (cfg.store === 'json') return resolve(cfg.dataDir, 'db.json');
  if (cfg.databaseUrl) {
    const u = new URL(cfg.databaseUrl);
    u.password = u.password ? '***' : '';
    return u.toString();
  }
  return `${resolve(cfg.dataDir, 'postgres')} (embedded PostgreSQL)`;
}

export async function openStore(cfg: StoreConfig, log: (msg: string) => void = () => undefined): Promise<Store> {
  mkdirSync(cfg.dataDir, { recursive: true });
  if (cfg.store === 'json') return JsonFileStore.open(join(cfg.dataDir, 'db.json'), log);
  if (cfg.databaseUrl) return PgStore.open(await openPostgres(cfg.databaseUrl));
  refuseDamagedPglite(cfg.dataDir);
  const store = await PgStore.open(await openEmbedded(cfg.dataDir, { log }));
  try {
    // a DATA_DIR of an earlier version keeps its data in PGlite (pglite/): moved over once
    await movePgliteInto(cfg.dataDir, store, log);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
