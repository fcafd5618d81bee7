import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../server/auth/password';
import { createApi } from '../../server/core/api';
import { createHttpApp } from '../../server/http';
import { seedDemoBranch } from '../../server/seed';
import { JsonFileStore } from '../../server/store/json/jsonFileStore';
import { openPglite, openPostgres } from '../../server/store/pg/driver';
import { PgStore } from '../../server/store/pg/pgStore';
import type { Store } from '../../server/store/types';

/**
 * A real server on a free port over a fresh store of the kind TEST_STORE names:
 * `pglite` (default, in a temp folder), `postgres` (a fresh database on TEST_DATABASE_URL's
 * server), or `json` (a temp db.json).
 */
export const STORE_KIND = (process.env.TEST_STORE ?? 'pglite') as 'pglite' | 'postgres' | 'json';
export const TEST_NOW = new Date('2026-11-27T06:30:00Z'); // Friday 14:30 in Shanghai

export interface TestServer {
  url: string;
  store: Store;
  dataDir: string;
  clock: { now: Date };
  close(): Promise<void>;
}

async function freshStore(dataDir: string): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (STORE_KIND === 'json') return { store: JsonFileStore.open(join(dataDir, 'db.json')), drop: async () => undefined };
  if (STORE_KIND === 'postgres') {
    const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `baoyi_t_${randomBytes(5).toString('hex')}`;
    const admin = await openPostgres(base);
    await admin.exec(`CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const store = await PgStore.open(await openPostgres(url.toString()));
    return {
      store,
      drop: async () => {
        await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      },
    };
  }
  return { store: await PgStore.open(await openPglite(join(dataDir, 'pglite'))), drop: async () => undefined };
}

export async function startTestServer(opts: { seed?: boolean; customers?: number; days?: number } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baoyi-test-'));
  const { store, drop } = await freshStore(dataDir);
  const clock = { now: TEST_NOW };
  if (opts.seed !== false) await seedDemoBranch(store, { hashPassword, now: clock.now, customers: opts.customers ?? 40, days: opts.days ?? 5, perWorkingDay: 8, seed: 7 });
  const api = createApi({ store, secret: randomBytes(32), now: () => clock.now });
  const server: Server = await new Promise((resolve) => {
    const s = createHttpApp(api).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    dataDir,
    clock,
    close: async () => {
      await new Promise((r) => server.close(r));
      await store.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tiny client for the API: JSON in, { status, body, headers } out. */
export function client(base: string, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, body: json as any, headers: res.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return {
    get: (p: string, h?: Record<string, string>) => call('GET', p, undefined, h),
    post: (p: string, b?: unknown, h?: Record<string, string>) => call('POST', p, b ?? {}, h),
    put: (p: string, b: unknown, h?: Record<string, string>) => call('PUT', p, b, h),
    del: (p: string) => call('DELETE', p),
    raw: call,
  };
}

export async function loginAs(base: string, username: string, password = 'baoyi2026') {
  const r = await client(base).post('/auth/login', { username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return client(base, r.body.token as string);
}

export const q = (o: Record<string, unknown>) =>
  '?' + Object.entries(o).map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`).join('&');
