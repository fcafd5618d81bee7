import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_IP, MAX_FAILURES_PER_USER, THROTTLE_WINDOW_MS } from '../../server/core/auth';
import { client, startTestServer, type TestServer } from '../helpers/server';

/**
 * Login throttling holds under requests at once (issue 23): each attempt is counted before its
 * password is checked, in the store every server shares — on every store (TEST_STORE).
 */
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ customers: 5, days: 1 });
});
afterAll(() => srv?.close());
// every test starts past the last one's window (the address's failures are the whole server's)
beforeEach(() => {
  srv.clock.now = new Date(srv.clock.now.getTime() + THROTTLE_WINDOW_MS + 60_000);
});

const statuses = (rs: { status: number }[]) =>
  rs.map((r) => r.status).reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});

describe('login throttle under parallel requests', () => {
  it('100 logins at once with the right password after five failures: every one refused', async () => {
    const anon = client(srv.url);
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++)
      expect((await anon.post('/auth/login', { username: 'finance', password: 'wrong-one' })).status).toBe(401);
    const all = await Promise.all(
      Array.from({ length: 100 }, () => anon.post('/auth/login', { username: 'finance', password: 'baoyi2026' })),
    );
    expect(statuses(all)).toEqual({ 429: 100 });
    expect(all.every((r) => r.body.token === undefined)).toBe(true);
  }, 60_000);

  it('of 40 wrong passwords at once for one user, at most five are checked; the rest are refused unchecked', async () => {
    const anon = client(srv.url);
    const all = await Promise.all(
      Array.from({ length: 40 }, () => anon.post('/auth/login', { username: 'merch', password: 'not-it' })),
    );
    const s = statuses(all);
    expect(s[401] ?? 0, JSON.stringify(s)).toBeLessThanOrEqual(MAX_FAILURES_PER_USER);
    expect(s[429]).toBeGreaterThanOrEqual(40 - MAX_FAILURES_PER_USER);
    expect((s[401] ?? 0) + (s[429] ?? 0)).toBe(40);
    // and the right password after them is refused too
    expect((await anon.post('/auth/login', { username: 'merch', password: 'baoyi2026' })).status).toBe(429);
  }, 60_000);

  it('one address: wrong passwords for many users at once are checked at most twenty times', async () => {
    const anon = client(srv.url);
    const names = [
      'assistant',
      'assistant2',
      'assistant3',
      'assistant4',
      'assistant5',
      'assistant6',
      'assistant7',
      'assistant8',
      'teamlead',
      'csmanager',
    ];
    const all = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        anon.post('/auth/login', { username: names[i % names.length], password: `x${i}` }),
      ),
    );
    const s = statuses(all);
    expect(s[401] ?? 0, JSON.stringify(s)).toBeLessThanOrEqual(MAX_FAILURES_PER_IP);
    expect((s[401] ?? 0) + (s[429] ?? 0)).toBe(60);
  }, 60_000);

  it('successful logins do not count as failures: a clerk who logs in ten times is never locked out', async () => {
    const anon = client(srv.url);
    for (let i = 0; i < 10; i++)
      expect((await anon.post('/auth/login', { username: 'purchasing', password: 'baoyi2026' })).status).toBe(200);
    // at once: an attempt being checked counts until it is, so up to the limit go through together
    const at = await Promise.all(
      Array.from({ length: MAX_FAILURES_PER_USER }, () =>
        anon.post('/auth/login', { username: 'purchasing', password: 'baoyi2026' }),
      ),
    );
    expect(statuses(at)).toEqual({ 200: MAX_FAILURES_PER_USER });
  }, 60_000);

  it('a login body names what is wrong (400), never a 5xx', async () => {
    const anon = client(srv.url);
    for (const [body, field] of [
      [{ username: 'ad\u0000min', password: 'baoyi2026' }, 'username'],
      [{ username: 'admin\ud800', password: 'baoyi2026' }, 'username'],
      [{ username: 'admin' }, 'password'],
      [{ password: 'x' }, 'username'],
      [{ username: 'a'.repeat(31), password: 'x' }, 'username'],
      [{ username: 'admin', password: 'p'.repeat(201) }, 'password'],
    ] as const) {
      const r = await anon.post('/auth/login', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(r.body.errors ?? {}), JSON.stringify(r.body)).toContain(field);
    }
    expect((await anon.post('/auth/login', [1, 2])).status).toBe(400);
  });
});
