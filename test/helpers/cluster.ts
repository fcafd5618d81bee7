import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { lockDataDir } from '../../server/store/pg/dataDirLock';
import { startCluster } from '../../server/store/pg/embedded/cluster';
import { stopOrphan } from '../../server/store/pg/embedded/orphan';

/**
 * vitest globalSetup: ONE embedded PostgreSQL for the whole test run (the product's own start,
 * embedded/cluster.ts, in a temp folder — not durable: a test cluster is thrown away), or, with
 * TEST_STORE=postgres, the server of TEST_DATABASE_URL. Tests get a fresh database per server or
 * file as a copy of a migrated (and seeded) template (test/helpers/db.ts), not an initdb each.
 * Its socket lives in its own folder: several runs on one machine never share a port.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** a URL of the `postgres` database of the test run's PostgreSQL (superuser) */
    pgAdminUrl: string;
    /** names this run's template databases */
    testRun: string;
  }
}

const PREFIX = 'baoyi-testpg-';

export default async function setup(project: TestProject) {
  const run = randomBytes(4).toString('hex');
  project.provide('testRun', run);
  if (process.env.TEST_STORE === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    project.provide('pgAdminUrl', admin);
    return async () => dropTemplates(admin, run);
  }
  await sweepStale();
  const root = mkdtempSync(join(tmpdir(), PREFIX));
  const cluster = await startCluster(join(root, 'postgres'), { durable: false, maxConnections: 500 });
  project.provide('pgAdminUrl', cluster.url('postgres'));
  return async () => {
    await cluster.stop();
    rmSync(root, { recursive: true, force: true });
  };
}

async function dropTemplates(admin: string, run: string) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    const r = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `baoyi_tpl_${run}_%`,
    ]);
    for (const { datname } of r.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

/** test clusters of runs that were killed (their vitest is gone): stopped and removed */
async function sweepStale() {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    const root = join(tmpdir(), name);
    const dir = join(root, 'postgres');
    try {
      if (!existsSync(`${dir}.lock`) && Date.now() - statSync(root).mtimeMs < 600_000) continue; // being set up right now
      const lock = lockDataDir(dir); // throws while its run is alive
      try {
        await stopOrphan(dir);
      } finally {
        lock.release();
      }
      rmSync(root, { recursive: true, force: true });
    } catch {
      // another run's, alive
    }
  }
}
