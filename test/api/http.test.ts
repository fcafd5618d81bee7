import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../server/core/types';
import { BODY_LIMIT_BYTES } from '../../server/apiHttp';
import { createHttpApp } from '../../server/http';

/**
 * The HTTP front of the API (server/apiHttp.ts): what reaches the core, what never does (bodies
 * over the limit, bodies that are not JSON), and the headers every answer carries.
 */

const seen: ApiRequest[] = [];
let server: Server;
let base: string;
beforeAll(async () => {
  const app = createHttpApp(async (req) => {
    seen.push(req);
    if (req.path === '/boom') throw new Error('a bug in the core');
    return req.path === '/empty'
      ? { status: 204 }
      : {
          status: 200,
          headers: { 'Content-Range': 'orders 0-0/1' },
          body: { echo: req.body, path: req.path, q: req.query.get('x') },
        };
  });
  server = await new Promise<Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

/** a request with a body sent in chunks, with no Content-Length */
function chunked(path: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('the API over HTTP', () => {
  it('hands the core the path below /api, the query and the JSON body; answers JSON with the security headers', async () => {
    const r = await fetch(`${base}/api/orders/12/actions/approve?x=1`, {
      method: 'POST',
      body: JSON.stringify({ reason: '同意' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ echo: { reason: '同意' }, path: '/orders/12/actions/approve', q: '1' });
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.headers.get('content-range')).toBe('orders 0-0/1');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('a request without a body gives the core {}; any JSON value is a body (the core judges it)', async () => {
    expect((await (await fetch(`${base}/api/orders`)).json()).echo).toEqual({});
    expect((await (await fetch(`${base}/api/orders`, { method: 'POST' })).json()).echo).toEqual({});
    expect((await (await fetch(`${base}/api/orders`, { method: 'POST', body: '"text"' })).json()).echo).toBe('text');
    expect((await chunked('/api/orders', ['{"a":', '[1,2]}'])).body).toBe(
      JSON.stringify({ echo: { a: [1, 2] }, path: '/orders', q: null }),
    );
  });

  it('refuses a body that is not JSON (400) or over the limit (413, declared or streamed) before the core sees it', async () => {
    const before = seen.length;
    const bad = await fetch(`${base}/api/orders`, { method: 'POST', body: '{"bad json' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).messages.en).toMatch(/not valid JSON/);
    expect((await fetch(`${base}/api/orders`, { method: 'POST', body: ' ' })).status).toBe(400);
    const big = await fetch(`${base}/api/orders`, {
      method: 'POST',
      body: JSON.stringify({ note: 'x'.repeat(BODY_LIMIT_BYTES) }),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).message).toBe('请求内容过大');
    // in the caller's language, as every other refusal (api.md's error body)
    const badEn = await fetch(`${base}/api/orders`, {
      method: 'POST',
      body: '{',
      headers: { 'Accept-Language': 'en-GB,en;q=0.9' },
    });
    expect(await badEn.json()).toEqual({
      message: 'The request body is not valid JSON',
      messages: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
    });
    const streamed = await chunked('/api/orders', [
      '{"note":"',
      'y'.repeat(BODY_LIMIT_BYTES / 2),
      'y'.repeat(BODY_LIMIT_BYTES / 2),
      '"}',
    ]);
    expect(streamed.status).toBe(413);
    expect(seen.length).toBe(before);
    // the connection still serves the next request
    expect((await fetch(`${base}/api/orders`)).status).toBe(200);
  });

  it('an answer without a body is empty; a bug in the core is a 500 without a stack trace', async () => {
    const empty = await fetch(`${base}/api/empty`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    const boom = await fetch(`${base}/api/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.text()).not.toMatch(/a bug in the core|at .*\.ts/);
    expect((await (await fetch(`${base}/api/boom`, { headers: { 'Accept-Language': 'en' } })).json()).message).toBe(
      'Server error',
    );
  });

  it('only /api and below are the API; other paths are the SPA (none here: 404)', async () => {
    const before = seen.length;
    expect((await fetch(`${base}/apiary`)).status).toBe(404);
    expect((await fetch(`${base}/index.html`)).status).toBe(404);
    expect(seen.length).toBe(before);
    expect((await fetch(`${base}/api`)).status).toBe(200);
    expect((await fetch(`${base}/api?x=2`).then((r) => r.json())).q).toBe('2');
  });
});

describe("the built SPA's files", () => {
  let spa: Server;
  let root: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baoyi-spa-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><script type="module" src="/assets/index-AbC123xy.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'index-AbC123xy.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    const app = createHttpApp(async () => ({ status: 200, body: [] }), { staticDir: dir });
    spa = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    root = `http://127.0.0.1:${(spa.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => spa.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it("hashed assets are kept for good; index.html, the SPA's routes and other files are asked again", async () => {
    const asset = await fetch(`${root}/assets/index-AbC123xy.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/orders/12/show', '/favicon.svg']) {
      const r = await fetch(`${root}${path}`);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cache-control'), path).toBe('no-cache');
    }
    expect(await (await fetch(`${root}/orders`)).text()).toContain('/assets/index-AbC123xy.js');
    // the API keeps its own
    expect((await fetch(`${root}/api/orders`)).headers.get('cache-control')).toBe('no-store');
  });
});
