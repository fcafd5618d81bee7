import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { JsonFileStore } from './json/jsonFileStore';
import { openPglite, openPostgres } from './pg/driver';
import { PgStore } from './pg/pgStore';
import type { Store } from './types';

export interface StoreConfig {
  /** DATA_DIR: the embedded database, the token secret and the json store file live here */
  dataDir: string;
  /** DATABASE_URL: a PostgreSQL server instead of the embedded PGlite */
  databaseUrl?: string;
  /** STORE=json: json-server's db.json format (mock/demo) */
  store?: string;
}

export function storeConfigFromEnv(env = process.env): StoreConfig {
  return { dataDir: env.DATA_DIR || 'data', databaseUrl: env.DATABASE_URL || undefined, store: env.STORE || undefined };
}

export async function openStore(cfg: StoreConfig): Promise<Store> {
  mkdirSync(cfg.dataDir, { recursive: true });
  if (cfg.store === 'json') return JsonFileStore.open(join(cfg.dataDir, 'db.json'));
  if (cfg.databaseUrl) return PgStore.open(await openPostgres(cfg.databaseUrl));
  return PgStore.open(await openPglite(join(cfg.dataDir, 'pglite')));
}
