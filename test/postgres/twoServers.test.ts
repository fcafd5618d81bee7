import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../helpers/db';
import { submittedOrder } from '../helpers/fixtures';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { client, loginAs, q } from '../helpers/server';

/**
 * Stateless servers: two processes (server/main.ts with DATABASE_URL) on one PostgreSQL database —
 * the test run's embedded PostgreSQL, or TEST_STORE=postgres's server — serve the same data.
 */
describe('two server processes on one PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baoyi-two-'));
  let db: FreshDatabase;
  let a: ServerProcess, b: ServerProcess;
  beforeAll(async () => {
    db = await freshDatabase(); // migrated, empty: the first server seeds it
    const env = { DATABASE_URL: db.url, DATA_DIR: dataDir };
    a = await startServerProcess(env); // seeds
    b = await startServerProcess(env);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a write through one is read through the other at once; concurrent approvals: exactly one wins', async () => {
    const [adminA, assistantA, csmA, csmB] = await Promise.all([
      loginAs(a.url, 'admin'),
      loginAs(a.url, 'assistant2'),
      loginAs(a.url, 'csmanager'),
      loginAs(b.url, 'csmanager'),
    ]);
    for (let i = 0; i < 5; i++) {
      const o = await submittedOrder(adminA, assistantA);
      expect((await csmB.get(`/orders/${o.id}`)).body.status).toBe('submitted');
      const results = await Promise.all([
        csmA.post(`/orders/${o.id}/actions/approve`, {}),
        csmB.post(`/orders/${o.id}/actions/approve`, {}),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    }
  });

  it('a list page read through one shows a change made through the other at once (bodies are cached by version)', async () => {
    const [adminA, assistantA, csmA, csmB] = await Promise.all([
      loginAs(a.url, 'admin'),
      loginAs(a.url, 'assistant2'),
      loginAs(a.url, 'csmanager'),
      loginAs(b.url, 'csmanager'),
    ]);
    const o = await submittedOrder(adminA, assistantA);
    // the newest orders, as a list screen asks them: B keeps the bodies it has read
    const onB = async () =>
      (
        (await csmB.get('/orders' + q({ sort: ['id', 'DESC'], range: [0, 9], filter: {} }))).body as {
          id: number;
          status: string;
          version: number;
        }[]
      ).find((r) => r.id === o.id);
    expect((await onB())?.status).toBe('submitted');
    expect((await onB())?.status).toBe('submitted');
    const approved = await csmA.post(`/orders/${o.id}/actions/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).not.toBe('submitted');
    expect(await onB()).toMatchObject({ status: approved.body.status, version: approved.body.version });
  });

  it('logout on one server revokes the token on the other (revocation lives in the database)', async () => {
    const { token } = (await client(a.url).post('/auth/login', { username: 'teamlead', password: 'baoyi2026' })).body;
    expect((await client(b.url, token).get('/auth/me')).status).toBe(200);
    expect((await client(a.url, token).post('/auth/logout')).status).toBe(200);
    expect((await client(b.url, token).get('/auth/me')).status).toBe(401);
  });

  it('the login throttle holds across both servers under requests at once (attempts are counted in the database before the hash)', async () => {
    const at = (i: number) => client(i % 2 ? b.url : a.url);
    for (let i = 0; i < 5; i++)
      expect((await at(i).post('/auth/login', { username: 'purchasing', password: 'wrong' })).status).toBe(401);
    const right = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        at(i).post('/auth/login', { username: 'purchasing', password: 'baoyi2026' }),
      ),
    );
    expect(right.map((r) => r.status).filter((s) => s !== 429)).toEqual([]);
    const wrong = await Promise.all(
      Array.from({ length: 30 }, (_, i) => at(i).post('/auth/login', { username: 'merch', password: `no${i}` })),
    );
    expect(wrong.filter((r) => r.status === 401).length).toBeLessThanOrEqual(5);
    expect(wrong.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  }, 60_000);
});
