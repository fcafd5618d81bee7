import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from './dataDirLock';
import type { SqlDriver } from './driver';
import { importState } from './importState';
import { migrate } from './migrate';
import { PgStore } from './pgStore';

/**
 * Earlier versions kept the embedded database in PGlite (PostgreSQL in the app's process) under
 * DATA_DIR/pglite/. A DATA_DIR like that is never started empty: at the first start of this version
 * its contents move, once, into the embedded PostgreSQL — read with PGlite (kept as a dependency
 * for this alone, loaded only here), written as `npm run restore` writes a backup, every table's
 * count checked — and the old folder is renamed `pglite-moved-<time>/` (kept until you delete it).
 * A failure leaves the old folder as it was and stops the start with why.
 */
/**
 * Before anything is started: a `pglite/` folder with files but no PG_VERSION is an earlier
 * version's database that cannot be read — the start stops there, before the embedded database
 * is made or seeded, leaving it as it was.
 */
export function refuseDamagedPglite(dataDir: string): void {
  const old = join(dataDir, 'pglite');
  if (!existsSync(old) || existsSync(join(old, 'PG_VERSION'))) return;
  const files = readdirSync(old);
  if (files.length === 0) return;
  throw new Error(
    `${old}: 旧版 PGlite 数据库已损坏（缺少 PG_VERSION），未做任何更改 — ${old} holds an earlier version's PGlite database without its PG_VERSION (${files.length} file(s): ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}): ` +
      `it cannot be read, so it is not moved, and no new database is made or seeded beside it. Restore the folder from a file-system backup, ` +
      `or, if its data is not needed, move it out of ${dataDir}.`,
  );
}

export async function movePgliteInto(
  dataDir: string,
  store: PgStore,
  log: (msg: string) => void,
): Promise<Record<string, number> | null> {
  const old = join(dataDir, 'pglite');
  if (!existsSync(join(old, 'PG_VERSION'))) return null;
  if (!(await store.isEmpty())) {
    throw new Error(
      `${old} 是旧版的 PGlite 数据库，而内置 PostgreSQL 已有数据 — ${old} holds an earlier version's PGlite database, but the embedded PostgreSQL (${join(dataDir, 'postgres')}) already holds data: ` +
        `rename or remove one of them (the PGlite folder moves in automatically only into an empty database).`,
    );
  }
  // the old version's lock: refused while an old server still runs on the folder
  const lock = lockDataDir(old);
  try {
    const t0 = Date.now();
    log(`moving the PGlite database of an earlier version (${old}) into the embedded PostgreSQL…`);
    const source = await openPglite(old);
    let counts: Record<string, number>;
    try {
      await migrate(source);
      const state = await new PgStore(source).exportState();
      counts = await importState(store, state);
    } finally {
      await source.close();
    }
    const kept = join(dataDir, `pglite-moved-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    renameSync(old, kept);
    log(
      `moved in ${Date.now() - t0} ms: ${Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([r, n]) => `${n} ${r}`)
        .join(', ')}; the old folder is kept as ${kept} — delete it when you no longer need it`,
    );
    return counts;
  } finally {
    lock.release();
  }
}

/** an old PGlite folder as a SqlDriver (read-only use: migrate, export) */
export async function openPglite(dir: string): Promise<SqlDriver> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
  return {
    kind: 'embedded',
    query: (sql, params) => db.query(sql, params) as never,
    transaction: (fn) => db.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params) as never })),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}
