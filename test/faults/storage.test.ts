import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { namesIn } from '../helpers/files';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { loginAs, q } from '../helpers/server';
import { DISK_LIMIT, fileSizeLimit, setFileSizeLimit, smallDisk } from '../helpers/smallDisk';

const dirs: string[] = [];
const cleanups: (() => void)[] = [];
afterAll(() => {
  cleanups.forEach((c) => c());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'baoyi-storage-'));
  dirs.push(d);
  return d;
};

type Api = Awaited<ReturnType<typeof loginAs>>;

/** a cash order of one catalog item for an SMB customer */
async function orderBody(api: Api) {
  const customer = (await api.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
  const product = (await api.get('/products' + q({ filter: { catalog: true, active: true }, range: [0, 0] }))).body[0];
  return {
    customerId: customer.id,
    channel: 'phone',
    paymentMethod: 'cash',
    linesConfirmed: true,
    lines: [{ productId: product.id, qty: 1, unitPrice: product.catalogPrice }],
  };
}

const orderCount = async (api: Api) =>
  Number((await api.get('/orders' + q({ range: [0, 0] }))).headers.get('content-range')?.split('/')[1]);
const codesOnDisk = (file: string): string[] =>
  JSON.parse(readFileSync(file, 'utf8')).orders.map((o: { code: string }) => o.code);

describe(`disk full while the json store writes (${DISK_LIMIT === 'tmpfs' ? 'a small tmpfs, filled' : 'RLIMIT_FSIZE: mounting is not permitted here'})`, () => {
  it('acknowledges only what is on disk: a write that does not fit is a 503 "nothing changed", the old db.json stays whole, the served state rolls back; writes go on once space is freed', async () => {
    const disk = smallDisk(8 * 1024 * 1024);
    cleanups.push(() => disk.remove());
    const dataDir = join(disk.dir, 'data');
    const file = join(dataDir, 'db.json');
    const env = { DATA_DIR: dataDir, STORE: 'json' };
    await (await startServerProcess(env)).stop(); // seeded
    const seeded = statSync(file).size;
    // a write interrupted by a crash left its temporary file behind: the next start removes it
    writeFileSync(join(dataDir, 'db.json.tmp-999999'), '{"users": [');
    // room for a handful of orders: each write needs the whole new file beside the old one
    const room = seeded + 16 * 1024;
    if (disk.kind === 'tmpfs') disk.fillLeaving(room);
    const srv = await startServerProcess(
      env,
      60_000,
      'server/main.ts',
      disk.kind === 'tmpfs' ? [] : fileSizeLimit(room),
    );
    let after: ServerProcess | null = null;
    try {
      expect(namesIn(dataDir)).not.toContain('db.json.tmp-999999');
      const assistant = await loginAs(srv.url, 'assistant2');
      const body = await orderBody(assistant);
      const before = await orderCount(assistant);
      const acknowledged: string[] = [];
      let refused: Awaited<ReturnType<Api['post']>> | null = null;
      for (let i = 0; i < 100 && !refused; i++) {
        const r = await assistant.post('/orders', body);
        if (r.status === 201) acknowledged.push(r.body.code);
        else refused = r;
      }
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(refused?.status).toBe(503);
      expect(refused?.body.message).toMatch(/未生效/);
      expect(refused?.body.messages.en).toMatch(/nothing was changed/);
      expect(JSON.stringify(refused?.body)).not.toMatch(/ENOSPC|EFBIG|\/tmp|at /); // no internals leak
      // on disk: the last acknowledged file, whole; no temporary file left; in memory: the same
      expect(codesOnDisk(file).slice(-acknowledged.length)).toEqual(acknowledged);
      expect(namesIn(dataDir).filter((n) => n.includes('.tmp-'))).toEqual([]);
      expect(await orderCount(assistant)).toBe(before + acknowledged.length);
      const onDisk = readFileSync(file);
      expect((await assistant.post('/orders', body)).status).toBe(503); // still full: still refused, still nothing changed
      expect(readFileSync(file).equals(onDisk)).toBe(true);
      // space again: writes go on
      if (disk.kind === 'tmpfs') disk.free();
      else setFileSizeLimit(srv.child.pid!, 'unlimited');
      const ok = await assistant.post('/orders', body);
      expect(ok.status).toBe(201);
      acknowledged.push(ok.body.code);
      // and every acknowledged write survives a crash
      await srv.kill9();
      after = await startServerProcess(env);
      const cs = await loginAs(after.url, 'csmanager');
      expect(await orderCount(cs)).toBe(before + acknowledged.length);
      expect(codesOnDisk(file)).toEqual(expect.arrayContaining(acknowledged));
    } finally {
      await srv.stop();
      await after?.stop();
    }
  }, 120_000);
});

describe('one server per json folder', () => {
  it("refuses a second server on the same db.json naming the first one's pid; a lock left by a killed server is taken over", async () => {
    const dataDir = tmp();
    const env = { DATA_DIR: dataDir, STORE: 'json' };
    const first = await startServerProcess(env);
    let third: ServerProcess | null = null;
    try {
      await expect(startServerProcess(env)).rejects.toThrow(`by process ${first.child.pid} since`);
      const assistant = await loginAs(first.url, 'assistant2');
      const made = await assistant.post('/orders', await orderBody(assistant));
      expect(made.status).toBe(201); // the refusal changed nothing for the first
      await first.kill9();
      third = await startServerProcess(env); // the dead server's lock is stale: taken over
      const cs = await loginAs(third.url, 'csmanager');
      expect((await cs.get('/orders' + q({ filter: { code: made.body.code } }))).body).toHaveLength(1);
    } finally {
      await first.stop();
      await third?.stop();
    }
  }, 120_000);
});
