import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../server/auth/password';
import { sharedHashPool } from '../../server/auth/hashPool';
import { createApi } from '../../server/core/api';
import { createHttpApp } from '../../server/http';
import { seedDemoBranch } from '../../server/seed';
import { JsonFileStore } from '../../server/store/json/jsonFileStore';
import type { Store } from '../../server/store/types';
import { freshPgStore, type TemplateSeed } from './db';
import { STORES } from './customerTerms';

/**
 * A real server on a free port over a fresh store of the kind TEST_STORE names: `embedded`
 * (default: a fresh database on the test run's embedded PostgreSQL), `postgres` (the same on
 * TEST_DATABASE_URL's server), or `json` (a temp db.json). A PostgreSQL store is a copy of a
 * template migrated and seeded once per run with the same options (test/helpers/db.ts).
 */
export const STORE_KIND = (process.env.TEST_STORE ?? 'embedded') as 'embedded' | 'postgres' | 'json';
export const TEST_NOW = new Date('2026-11-27T06:30:00Z'); // Friday 14:30 in Shanghai

export interface TestServer {
  url: string;
  store: Store;
  dataDir: string;
  clock: { now: Date };
  close(): Promise<void>;
}

export interface TestServerOptions {
  seed?: boolean;
  customers?: number;
  days?: number;
}

/** the seed every test server gets (deterministic: the same data in every store kind) */
export const seedOf = (opts: TestServerOptions): TemplateSeed =>
  opts.seed === false
    ? null
    : { now: TEST_NOW, customers: opts.customers ?? 40, days: opts.days ?? 5, perWorkingDay: 8, seed: 7 };

export async function freshStore(opts: TestServerOptions, dataDir: string): Promise<Store> {
  const seed = seedOf(opts);
  if (STORE_KIND !== 'json') return freshPgStore(seed);
  const store = JsonFileStore.open(join(dataDir, 'db.json'));
  if (seed) await seedDemoBranch(store, { hashPassword, ...seed });
  return store;
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baoyi-test-'));
  const store = await freshStore(opts, dataDir);
  const clock = { now: TEST_NOW };
  const api = createApi({ store, secret: randomBytes(32), now: () => clock.now, deriveKey: sharedHashPool().derive });
  const server: Server = await new Promise((resolve) => {
    const s = createHttpApp(api).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  STORES.set(`http://127.0.0.1:${port}`, store);
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    dataDir,
    clock,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tiny client for the API: JSON in, { status, body, headers } out. */
export function client(base: string, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
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
    base,
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
  '?' +
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');
