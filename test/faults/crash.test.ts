import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/process';
import { loginAs, q } from '../helpers/server';

/**
 * kill -9 of the server during a burst of writes, then a restart: the data is readable and every
 * acknowledged write is there. Repeated, on the embedded PGlite store and on the json file store.
 */
const ROUNDS = 3;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function burstThenKill(env: Record<string, string>, acknowledged: string[]) {
  const srv = await startServerProcess(env);
  const admin = await loginAs(srv.url, 'admin');
  const assistant = await loginAs(srv.url, 'assistant2');
  // a cash SMB customer and a catalog product from the seed
  const product = (await admin.get('/products' + q({ filter: { active: true, catalog: true }, range: [0, 0] }))).body[0];
  const customer = (await admin.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
  let stop = false;
  const worker = async () => {
    while (!stop) {
      try {
        const r = await assistant.post('/orders', { customerId: customer.id, channel: 'phone', paymentMethod: 'cash', linesConfirmed: true, lines: [{ productId: product.id, qty: 1, unitPrice: product.catalogPrice }] });
        if (r.status === 201) acknowledged.push(r.body.code);
        else if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      } catch (e) {
        if (!stop && !String(e).includes('fetch failed')) throw e;
        return;
      }
    }
  };
  const workers = Array.from({ length: 6 }, worker);
  await new Promise((r) => setTimeout(r, 400 + Math.random() * 800));
  await srv.kill9();
  stop = true;
  await Promise.allSettled(workers);
}

async function verify(env: Record<string, string>, acknowledged: string[]) {
  const srv = await startServerProcess(env);
  try {
    const cs = await loginAs(srv.url, 'csmanager');
    const found = new Set<string>();
    for (let i = 0; i < acknowledged.length; i += 500) {
      const chunk = acknowledged.slice(i, i + 500);
      const r = await cs.get('/orders' + q({ filter: { code: chunk }, range: [0, 999] }));
      expect(r.status).toBe(200);
      r.body.forEach((o: { code: string }) => found.add(o.code));
    }
    const missing = acknowledged.filter((c) => !found.has(c));
    expect(missing).toEqual([]);
  } finally {
    await srv.stop();
  }
}

describe.each([
  ['pglite', {}],
  ['json', { STORE: 'json' }],
])('kill -9 during writes (%s store)', (kind, extra) => {
  it(`keeps every acknowledged write over ${ROUNDS} crashes`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), `baoyi-crash-${kind}-`));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, ...extra };
    const acknowledged: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await burstThenKill(env, acknowledged);
      await verify(env, acknowledged);
    }
    expect(acknowledged.length).toBeGreaterThan(10);
    if (kind === 'json') expect(() => JSON.parse(readFileSync(join(dataDir, 'db.json'), 'utf8'))).not.toThrow();
  }, 240_000);
});
