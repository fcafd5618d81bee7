import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { loginAs, q } from '../helpers/server';
import { DISK_LIMIT, smallDisk } from '../helpers/smallDisk';
import { startCluster } from '../../server/store/pg/embedded/cluster';

/**
 * PostgreSQL on a full disk — the embedded one, and a server reached by DATABASE_URL — its data
 * folder on a small tmpfs, filled while the app runs. PostgreSQL refuses the write (could not
 * extend file: No space left on device), the API answers 503 "nothing changed" — never an
 * acknowledged write that is not on disk — and writes go
 * on as soon as space is freed; every acknowledged one is there after a restart. (The json store:
 * storage.test.ts; a backup onto a full disk, every store: backup.test.ts.)
 */

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

type Api = Awaited<ReturnType<typeof loginAs>>;
const orderCount = async (api: Api) =>
  Number((await api.get('/orders' + q({ range: [0, 0] }))).headers.get('content-range')?.split('/')[1]);

/** where the data lives on the small disk: the embedded PostgreSQL in DATA_DIR, or a PostgreSQL server on it reached by DATABASE_URL */
type Placement = (diskDir: string) => Promise<Record<string, string>>;
const embedded: Placement = async (diskDir) => ({ DATA_DIR: join(diskDir, 'data') });
const server: Placement = async (diskDir) => {
  const cluster = await startCluster(join(diskDir, 'server'), { durable: true });
  cleanups.unshift(() => cluster.stop()); // stopped before its disk is unmounted
  return { DATA_DIR: join(diskDir, 'data'), DATABASE_URL: cluster.url() };
};

describe.each<[string, Placement]>([
  ['the embedded PostgreSQL', embedded],
  ['a PostgreSQL server (DATABASE_URL)', server],
])(
  `disk full under %s (${DISK_LIMIT === 'tmpfs' ? 'its data folder on a small tmpfs, filled' : 'needs a tmpfs'})`,
  (_name, place) => {
    it('answers 503 "nothing changed" while the disk is full, acknowledges only what PostgreSQL committed, and writes again once space is freed', async () => {
      // a file-size limit cannot fill PostgreSQL's disk without breaking its fixed-size WAL segments first: this one needs the mount
      if (DISK_LIMIT !== 'tmpfs')
        throw new Error(
          'this machine does not let the test mount a tmpfs (run as root, as CI does); RLIMIT_FSIZE cannot stand in for a full disk under PostgreSQL',
        );
      const disk = smallDisk(256 * 1024 * 1024);
      cleanups.push(() => disk.remove());
      const env = { ...(await place(disk.dir)), SEED_CUSTOMERS: '10', SEED_DAYS: '1', SEED_PER_DAY: '4' };
      const srv = await startServerProcess(env, 120_000);
      let again: ServerProcess | null = null;
      try {
        const assistant = await loginAs(srv.url, 'assistant2');
        const customer = (await assistant.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
        const product = (
          await assistant.get('/products' + q({ filter: { catalog: true, active: true }, range: [0, 0] }))
        ).body[0];
        const body = {
          customerId: customer.id,
          channel: 'phone',
          paymentMethod: 'cash',
          linesConfirmed: true,
          lines: [{ productId: product.id, qty: 1, unitPrice: product.catalogPrice }],
        };
        const before = await orderCount(assistant);
        disk.fillLeaving(0);
        const acknowledged: string[] = [];
        const refusals: { status: number; body: { message: string; messages: { en: string } } }[] = [];
        // the pages already allocated take a few more rows; then a table (or the audit log) must grow
        for (let i = 0; i < 400 && refusals.length < 3; i++) {
          const r = await assistant.post('/orders', body);
          if (r.status === 201) acknowledged.push(r.body.code);
          else refusals.push(r);
        }
        expect(refusals.length).toBe(3);
        for (const r of refusals) {
          expect(r.status).toBe(503);
          expect(r.body.message).toMatch(/未生效/);
          expect(r.body.messages.en).toMatch(/nothing was changed/);
        }
        expect(await orderCount(assistant)).toBe(before + acknowledged.length); // reads still work, and show no refused write
        disk.free();
        const ok = await assistant.post('/orders', body);
        expect(ok.status).toBe(201);
        acknowledged.push(ok.body.code);
        await srv.stop();
        again = await startServerProcess(env, 120_000);
        const cs = await loginAs(again.url, 'csmanager');
        expect(await orderCount(cs)).toBe(before + acknowledged.length);
        for (const code of [acknowledged[0], acknowledged.at(-1)!])
          expect((await cs.get('/orders' + q({ filter: { code } }))).body).toHaveLength(1);
      } finally {
        await srv.stop();
        await again?.stop();
      }
    }, 120_000);
  },
);
