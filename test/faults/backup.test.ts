import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/process';
import { loginAs, q } from '../helpers/server';

const run = promisify(execFile);
const tsx = (script: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `baoyi-${name}-`));
  dirs.push(d);
  return d;
};

describe.each([
  ['embedded', {}],
  ['json', { STORE: 'json' }],
])('backup and restore (%s store)', (_kind, extra) => {
  it('npm run backup writes a consistent snapshot while the server runs; restore brings it back', async () => {
    const dataDir = tmp('src');
    const srv = await startServerProcess({ DATA_DIR: dataDir, ...extra });
    const file = join(tmp('bak'), 'backup.json');
    let snapshotCodes: string[] = [];
    try {
      const assistant = await loginAs(srv.url, 'assistant2');
      const cs = await loginAs(srv.url, 'csmanager');
      const product = (await cs.get('/products' + q({ filter: { catalog: true, active: true }, range: [0, 0] }))).body[0];
      const customer = (await cs.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
      const order = () => assistant.post('/orders', { customerId: customer.id, channel: 'phone', paymentMethod: 'cash', linesConfirmed: true, lines: [{ productId: product.id, qty: 2, unitPrice: product.catalogPrice }] });
      // writes keep coming while the backup runs
      let stop = false;
      const writer = (async () => {
        while (!stop) await order();
      })();
      const port = new URL(srv.url).port;
      const { stdout } = await tsx('server/backup.ts', [file], { DATA_DIR: dataDir, PORT: port });
      stop = true;
      await writer;
      expect(stdout).toContain('Backup written');
      const snapshot = JSON.parse(readFileSync(file, 'utf8'));
      snapshotCodes = snapshot.orders.map((o: { code: string }) => o.code);
      // internally consistent: every order's customer is in the snapshot, codes unique, counters cover them
      const customerIds = new Set(snapshot.customers.map((c: { id: number }) => c.id));
      expect(snapshot.orders.every((o: { customerId: number }) => customerIds.has(o.customerId))).toBe(true);
      expect(new Set(snapshotCodes).size).toBe(snapshotCodes.length);
      expect(JSON.stringify(snapshot)).not.toContain('"sessions"');
    } finally {
      await srv.stop();
    }

    const restored = tmp('dst');
    const { stdout } = await tsx('server/import.ts', [file], { DATA_DIR: restored, ...extra });
    expect(stdout).toMatch(/Imported|Restored/);
    const back = await startServerProcess({ DATA_DIR: restored, ...extra });
    try {
      const cs = await loginAs(back.url, 'csmanager'); // password hashes came along
      const all = await cs.get('/orders' + q({ range: [0, 0] }));
      expect(all.headers.get('content-range')?.split('/')[1]).toBe(String(snapshotCodes.length));
      const last = snapshotCodes.at(-1)!;
      expect((await cs.get('/orders' + q({ filter: { code: last } }))).body).toHaveLength(1);
      // numbering continues after the restored orders
      const assistant = await loginAs(back.url, 'assistant2');
      const product = (await cs.get('/products' + q({ filter: { catalog: true, active: true }, range: [0, 0] }))).body[0];
      const customer = (await cs.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
      const fresh = await assistant.post('/orders', { customerId: customer.id, channel: 'phone', paymentMethod: 'cash', linesConfirmed: true, lines: [{ productId: product.id, qty: 1, unitPrice: product.catalogPrice }] });
      expect(fresh.status).toBe(201);
      expect(snapshotCodes).not.toContain(fresh.body.code);
    } finally {
      await back.stop();
    }
  }, 180_000);
});
