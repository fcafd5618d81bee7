import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterDirOf } from '../../server/store/pg/embedded';
import { stopOrphan } from '../../server/store/pg/embedded/orphan';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { loginAs, q } from '../helpers/server';

/**
 * kill -9 of the app during a burst of concurrent writes, then a start on the same DATA_DIR: it
 * starts (the PostgreSQL the killed app left running does not block it: it is stopped and started
 * again), the data is readable and every acknowledged write is there. Embedded PostgreSQL: 20
 * rounds, every other one killing its PostgreSQL with -9 too (crash recovery from the WAL); the
 * json file store: 3 rounds.
 */
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) {
    await stopOrphan(clusterDirOf(d)).catch(() => undefined);
    rmSync(d, { recursive: true, force: true });
  }
});

async function burstThenKill(srv: ServerProcess, acknowledged: string[], killPostgresToo: boolean) {
  const admin = await loginAs(srv.url, 'admin');
  const assistant = await loginAs(srv.url, 'assistant2');
  // a cash SMB customer and a catalog product from the seed
  const product = (await admin.get('/products' + q({ filter: { active: true, catalog: true }, range: [0, 0] })))
    .body[0];
  const customer = (await admin.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
  let stop = false;
  const worker = async () => {
    while (!stop) {
      try {
        const r = await assistant.post('/orders', {
          customerId: customer.id,
          channel: 'phone',
          paymentMethod: 'cash',
          linesConfirmed: true,
          lines: [{ productId: product.id, qty: 1, unitPrice: product.catalogPrice }],
        });
        if (r.status === 201) acknowledged.push(r.body.code);
        else throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      } catch (e) {
        if (!stop && !String(e).includes('fetch failed')) throw e;
        return;
      }
    }
  };
  const workers = Array.from({ length: 6 }, worker);
  await new Promise((r) => setTimeout(r, 300 + Math.random() * 500));
  const pgPid = killPostgresToo ? postmasterPid(srv) : null;
  await srv.kill9();
  if (pgPid) process.kill(pgPid, 'SIGKILL');
  stop = true;
  await Promise.allSettled(workers);
}

function postmasterPid(srv: ServerProcess): number | null {
  const dir = /data: (\S+) \(embedded PostgreSQL\)/.exec(srv.output())?.[1];
  return dir ? Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]) : null;
}

async function verify(srv: ServerProcess, acknowledged: string[]) {
  const cs = await loginAs(srv.url, 'csmanager');
  const found = new Set<string>();
  for (let i = 0; i < acknowledged.length; i += 500) {
    const chunk = acknowledged.slice(i, i + 500);
    const r = await cs.get('/orders' + q({ filter: { code: chunk }, range: [0, 999] }));
    expect(r.status).toBe(200);
    r.body.forEach((o: { code: string }) => found.add(o.code));
  }
  expect(acknowledged.filter((c) => !found.has(c))).toEqual([]);
}

describe.each([
  ['embedded', {}, 20],
  ['json', { STORE: 'json' }, 3],
] as const)('kill -9 during writes (%s store)', (kind, extra, rounds) => {
  it(`starts again and keeps every acknowledged write over ${rounds} crashes`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), `baoyi-crash-${kind}-`));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, ...extra };
    const acknowledged: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const srv = await startServerProcess(env);
      await verify(srv, acknowledged);
      await burstThenKill(srv, acknowledged, kind === 'embedded' && round % 2 === 1);
    }
    const last = await startServerProcess(env);
    try {
      await verify(last, acknowledged);
    } finally {
      await last.stop();
    }
    expect(acknowledged.length).toBeGreaterThan(rounds * 5);
    if (kind === 'json') expect(() => JSON.parse(readFileSync(join(dataDir, 'db.json'), 'utf8'))).not.toThrow();
  }, 600_000);
});
