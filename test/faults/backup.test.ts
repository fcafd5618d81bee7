import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/db';
import { namesIn } from '../helpers/files';
import { startServerProcess } from '../helpers/process';
import { loginAs, q } from '../helpers/server';
import { DISK_LIMIT, fileSizeLimit, smallDisk } from '../helpers/smallDisk';

const run = promisify(execFile);
/** a script of the app (`wrap`: a command it runs under, e.g. prlimit) */
const tsx = (script: string, args: string[], env: Record<string, string>, wrap: string[] = []) => {
  const argv = [...wrap, process.execPath, '--import', 'tsx', script, ...args];
  return run(argv[0], argv.slice(1), { env: { ...process.env, ...env }, timeout: 120_000 });
};

const dirs: string[] = [];
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `baoyi-${name}-`));
  dirs.push(d);
  return d;
};

/** the store's settings for a data folder: the embedded PostgreSQL, the json file, or a PostgreSQL server's fresh database (DATABASE_URL) */
type StoreEnv = () => Promise<Record<string, string>>;
const server: StoreEnv = async () => {
  const db = await freshDatabase();
  cleanups.push(() => db.drop());
  return { DATABASE_URL: db.url };
};

/**
 * npm run backup onto a full disk (a small tmpfs, or RLIMIT_FSIZE where mounting is not permitted):
 * a non-zero exit saying so, no partial file left, an earlier backup on that disk untouched.
 */
async function backupOntoFullDisk(env: Record<string, string>) {
  const disk = smallDisk(64 * 1024);
  cleanups.push(() => disk.remove());
  const earlier = join(disk.dir, 'earlier.json');
  writeFileSync(earlier, JSON.stringify({ earlier: 'x'.repeat(20_000) }));
  const earlierBytes = readFileSync(earlier);
  const wrap = disk.kind === 'tmpfs' ? [] : fileSizeLimit(32 * 1024);
  const failed = await tsx('server/backup.ts', [join(disk.dir, 'full.json')], env, wrap).then(
    () => null,
    (e: { code?: number; stdout?: string; stderr?: string }) => e,
  );
  expect(failed, `npm run backup on a full disk (${DISK_LIMIT}) must fail`).not.toBeNull();
  expect(failed!.code).not.toBe(0);
  expect(failed!.stdout).not.toContain('Backup written');
  expect(failed!.stderr).toMatch(
    DISK_LIMIT === 'tmpfs'
      ? /Backup NOT written to .*full\.json: .*ENOSPC/
      : /Backup NOT written to .*full\.json: .*EFBIG/,
  );
  expect(namesIn(disk.dir)).toEqual(['earlier.json']); // no partial file, no temporary file
  expect(readFileSync(earlier).equals(earlierBytes)).toBe(true);
}

describe.each<[string, StoreEnv]>([
  ['embedded', async () => ({})],
  ['json', async () => ({ STORE: 'json' })],
  ['PostgreSQL server (DATABASE_URL)', server],
])('backup and restore (%s store)', (_kind, storeEnv) => {
  it(`npm run backup writes a consistent snapshot while the server runs, and fails loudly on a full disk (${DISK_LIMIT}); restore brings it back`, async () => {
    const dataDir = tmp('src');
    const srv = await startServerProcess({ DATA_DIR: dataDir, ...(await storeEnv()) });
    const file = join(tmp('bak'), 'backup.json');
    let snapshotCodes: string[] = [];
    try {
      const assistant = await loginAs(srv.url, 'assistant2');
      const cs = await loginAs(srv.url, 'csmanager');
      const product = (await cs.get('/products' + q({ filter: { catalog: true, active: true }, range: [0, 0] })))
        .body[0];
      const customer = (await cs.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
      const order = () =>
        assistant.post('/orders', {
          customerId: customer.id,
          channel: 'phone',
          paymentMethod: 'cash',
          linesConfirmed: true,
          lines: [{ productId: product.id, qty: 2, unitPrice: product.catalogPrice }],
        });
      // writes keep coming while the backup runs
      let stop = false;
      const writer = (async () => {
        while (!stop) await order();
      })();
      const port = new URL(srv.url).port;
      const { stdout } = await tsx('server/backup.ts', [file], { DATA_DIR: dataDir, PORT: port });
      stop = true;
      await writer;
      await backupOntoFullDisk({ DATA_DIR: dataDir, PORT: port });
      expect(stdout).toMatch(/Backup written to .* \(\d+ bytes, verified\)/);
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
    const target = await storeEnv();
    const { stdout } = await tsx('server/import.ts', [file], { DATA_DIR: restored, ...target });
    expect(stdout).toMatch(/Imported|Restored/);
    const back = await startServerProcess({ DATA_DIR: restored, ...target });
    try {
      const cs = await loginAs(back.url, 'csmanager'); // password hashes came along
      const all = await cs.get('/orders' + q({ range: [0, 0] }));
      expect(all.headers.get('content-range')?.split('/')[1]).toBe(String(snapshotCodes.length));
      const last = snapshotCodes.at(-1)!;
      expect((await cs.get('/orders' + q({ filter: { code: last } }))).body).toHaveLength(1);
      // numbering continues after the restored orders
      const assistant = await loginAs(back.url, 'assistant2');
      const product = (await cs.get('/products' + q({ filter: { catalog: true, active: true }, range: [0, 0] })))
        .body[0];
      const customer = (await cs.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
      const fresh = await assistant.post('/orders', {
        customerId: customer.id,
        channel: 'phone',
        paymentMethod: 'cash',
        linesConfirmed: true,
        lines: [{ productId: product.id, qty: 1, unitPrice: product.catalogPrice }],
      });
      expect(fresh.status).toBe(201);
      expect(snapshotCodes).not.toContain(fresh.body.code);
    } finally {
      await back.stop();
    }
  }, 180_000);
});
