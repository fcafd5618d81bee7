import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writableFields } from '../../src/domain/definition';
import { DEFINITIONS } from '../../src/domain/documents';
import { loginAs, q, startTestServer, type TestServer } from '../helpers/server';
import { createRng } from '../../server/seed/random';

/**
 * Hostile and random bodies against every resource and action: each gets a 4xx with a message,
 * the server stays up, and refused requests change nothing (the snapshot is identical).
 */
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ customers: 10, days: 1 });
});
afterAll(() => srv?.close());

const HOSTILE_VALUES: unknown[] = [
  'x'.repeat(20_000),
  -1,
  -0.001,
  1e308,
  '1e400',
  { $gt: '' },
  ['a', 'b'],
  true,
  null,
  '<script>alert(1)</script>',
  '(.*)+$^[',
  '\u0000\u0001',
  { __proto__: { admin: true } },
];

/** values no field of any type takes (an object where a scalar or a list of lines goes) */
const NEVER_VALID: unknown[] = [{ $gt: '' }, { nested: { deep: [1] } }];

function hostileBodies(fields: string[], writable: string[], rng: ReturnType<typeof createRng>): unknown[] {
  const bodies: unknown[] = [
    // every body carries at least one thing that must be refused
    { unknownField: 1 },
    JSON.parse('{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"x": 1}}}'),
    { lines: Array.from({ length: 10_000 }, () => ({ productId: 1, qty: 1, unitPrice: 1 })) },
    { lines: [{ productId: 1, qty: -5, unitPrice: 1 }] },
    { lines: [{ productId: 1, qty: 1, unitPrice: 1.001 }] },
    { lines: 'not a list' },
    [1, 2, 3],
    'a string',
    42,
  ];
  for (let i = 0; i < 12; i++) {
    // declared fields only: what gets refused is a hostile value, not an unknown name
    const b: Record<string, unknown> = {};
    for (const f of fields) if (rng.chance(0.5)) b[f] = rng.pick(HOSTILE_VALUES);
    if (writable.length) b[rng.pick(writable)] = rng.pick(NEVER_VALID); // at least one value no field takes
    bodies.push(b);
  }
  return bodies;
}

describe('fuzz: hostile bodies to every resource and action', () => {
  it('answers 4xx with a message, stays up, and changes nothing', async () => {
    const rng = createRng(2026);
    const users = await Promise.all(
      ['admin', 'assistant', 'assistant2', 'csmanager', 'gm', 'orderdesk', 'driver', 'finance'].map((u) =>
        loginAs(srv.url, u),
      ),
    );
    const before = JSON.stringify(
      await srv.store.exportState().then(({ _meta: { exportedAt: _e, ...m }, ...rest }) => ({ ...rest, m })),
    );
    let requests = 0;
    for (const def of Object.values(DEFINITIONS)) {
      const fields = Object.keys(def.fields);
      const sample = (await users[0].get(`/${def.resource}` + q({ range: [0, 0] }))).body?.[0] as
        { id: number } | undefined;
      const actions = [...new Set(def.workflow?.transitions.map((t) => t.action) ?? [])];
      for (const body of hostileBodies(fields, writableFields(def), rng)) {
        const who = rng.pick(users);
        const raw = JSON.stringify(body);
        const attempts = [who.raw('POST', `/${def.resource}`, raw)];
        if (sample) {
          attempts.push(who.raw('PUT', `/${def.resource}/${sample.id}`, raw));
          for (const a of actions)
            attempts.push(
              who.post(`/${def.resource}/${sample.id}/actions/${a}`, { comment: { evil: true }, version: 'x' }),
            );
          attempts.push(
            who.post(`/${def.resource}/${sample.id}/actions/${rng.pick(actions.length ? actions : ['approve'])}`, {
              comment: 'y'.repeat(5000),
            }),
          );
        }
        for (const r of await Promise.all(attempts)) {
          requests++;
          expect(r.status, `${def.resource} ${raw.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
          expect(r.status, `${def.resource} ${raw.slice(0, 80)}`).toBeLessThan(500);
          expect(typeof r.body?.message, `${def.resource}: ${JSON.stringify(r.body)?.slice(0, 200)}`).toBe('string');
        }
      }
      // bad query strings
      for (const bad of [
        '?sort=[1',
        '?range=[5,1]',
        '?filter={"nosuch":1}',
        '?filter={"q":{"$regex":"x"}}',
        '?range=[0,99999]',
      ]) {
        const r = await users[3].get(`/${def.resource}${bad}`);
        requests++;
        expect(r.status, `${def.resource}${bad}`).toBe(400);
      }
    }
    // non-JSON and NaN/Infinity literals
    for (const text of ['{"qty": NaN}', '{"total": Infinity}', '{', '\u0000']) {
      const r = await users[1].raw('POST', '/orders', text);
      expect(r.status).toBe(400);
    }
    const after = JSON.stringify(
      await srv.store.exportState().then(({ _meta: { exportedAt: _e, ...m }, ...rest }) => ({ ...rest, m })),
    );
    expect(after === before, 'refused requests changed the data').toBe(true);
    expect(requests).toBeGreaterThan(200);
    expect((await users[0].get('/auth/me')).status).toBe(200); // still up
  }, 240_000);
});

describe('security', () => {
  it('sends security headers on the API', async () => {
    const r = await fetch(`${srv.url}/api/orders`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('throttles logins per user (5 failures in 15 minutes) even with the right password afterwards', async () => {
    const anon = (await import('../helpers/server')).client(srv.url);
    for (let i = 0; i < 5; i++)
      expect((await anon.post('/auth/login', { username: 'findirector', password: 'wrong' })).status).toBe(401);
    const locked = await anon.post('/auth/login', { username: 'findirector', password: 'baoyi2026' });
    expect(locked.status).toBe(429);
    srv.clock.now = new Date(srv.clock.now.getTime() + 16 * 60 * 1000);
    try {
      expect((await anon.post('/auth/login', { username: 'findirector', password: 'baoyi2026' })).status).toBe(200);
    } finally {
      srv.clock.now = new Date('2026-11-27T06:30:00Z');
    }
  });

  it('tokens expire', async () => {
    const c = await loginAs(srv.url, 'salesmgr');
    srv.clock.now = new Date(srv.clock.now.getTime() + 11 * 3600 * 1000);
    try {
      expect((await c.get('/auth/me')).status).toBe(401);
    } finally {
      srv.clock.now = new Date('2026-11-27T06:30:00Z');
    }
  });
});
