import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password';
import { createApi } from '../../server/core/api';
import { createHttpApp } from '../../server/http';
import { seedDemoBranch } from '../../server/seed';
import { JsonFileStore } from '../../server/store/json/jsonFileStore';
import { startServerProcess } from '../helpers/process';
import { loginAs, q } from '../helpers/server';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'baoyi-storage-'));
  dirs.push(d);
  return d;
};

/** A json store whose disk can be made to fail (full disk, I/O error) on demand. */
class FailingDisk extends JsonFileStore {
  failing = false;
  static openFailing(file: string) {
    return new FailingDisk(file, JsonFileStore.initialState(file));
  }
  protected override async persist(state: Parameters<JsonFileStore['persist']>[0]) {
    if (this.failing) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return super.persist(state);
  }
}

describe('disk full / write error', () => {
  it('fails the request with a clear 503, and serves exactly what is on disk afterwards', async () => {
    const dir = tmp();
    const file = join(dir, 'db.json');
    const store = FailingDisk.openFailing(file);
    await seedDemoBranch(store, { hashPassword, customers: 10, days: 1, perWorkingDay: 4, now: new Date('2026-11-27T06:30:00Z') });
    const api = createApi({ store, secret: randomBytes(32), now: () => new Date('2026-11-27T06:30:00Z') });
    const server: Server = await new Promise((r) => {
      const s = createHttpApp(api).listen(0, '127.0.0.1', () => r(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const assistant = await loginAs(url, 'assistant2');
      const customer = (await assistant.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
      const product = (await assistant.get('/products' + q({ filter: { catalog: true, active: true }, range: [0, 0] }))).body[0];
      const body = { customerId: customer.id, channel: 'phone', paymentMethod: 'cash', linesConfirmed: true, lines: [{ productId: product.id, qty: 1, unitPrice: product.catalogPrice }] };
      const before = (await assistant.get('/orders' + q({ range: [0, 0] }))).headers.get('content-range');
      const onDisk = readFileSync(file, 'utf8');
      store.failing = true;
      const r = await assistant.post('/orders', body);
      expect(r.status).toBe(503);
      expect(r.body.message).toMatch(/未生效|无法保存/);
      expect(JSON.stringify(r.body)).not.toMatch(/ENOSPC|\/tmp|at /); // no internals leak
      // nothing changed in memory or on disk
      expect((await assistant.get('/orders' + q({ range: [0, 0] }))).headers.get('content-range')).toBe(before);
      expect(readFileSync(file, 'utf8')).toBe(onDisk);
      store.failing = false;
      const ok = await assistant.post('/orders', body);
      expect(ok.status).toBe(201);
      expect(JSON.parse(readFileSync(file, 'utf8')).orders.some((o: { code: string }) => o.code === ok.body.code)).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('a damaged or hand-edited data file at start', () => {
  for (const [name, content, expected] of [
    ['truncated JSON', '{"users": [{"id": 1, "username": "admin"', /not valid JSON/],
    ['zero bytes', '', /empty/],
    ['a record without an id', '{"users": [{"username": "admin"}], "orders": []}', /users\[0\] has no integer id/],
    ['a resource that is not a list', '{"orders": {"1": {}}}', /"orders" must be an array/],
  ] as const) {
    it(`refuses to start on ${name}, says what and where, and never overwrites it`, async () => {
      const dir = tmp();
      const file = join(dir, 'db.json');
      writeFileSync(file, content);
      await expect(startServerProcess({ DATA_DIR: dir, STORE: 'json' }, 30_000)).rejects.toThrow(expected);
      expect(readFileSync(file, 'utf8')).toBe(content);
    });
  }
});
