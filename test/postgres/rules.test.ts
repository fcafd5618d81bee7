import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/store/pg/driver';
import { PgStore } from '../../server/store/pg/pgStore';
import { STORES } from '../helpers/customerTerms';
import { freshDatabase, type FreshDatabase } from '../helpers/db';
import { creditKeyAccount, makeCustomer, makeProduct } from '../helpers/fixtures';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { client, loginAs, seedOf, STORE_KIND, TEST_NOW } from '../helpers/server';
import { deliveredOrder } from '../api/service/helpers';

/**
 * Every rule that decides on other rows holds under true concurrency: 20 requests at once, half to
 * each of two server processes on one PostgreSQL database (statements really run in parallel
 * there). Each must give exactly the outcome the procedure allows — the deciding row (customer,
 * order, product, assistant) is locked in the deciding transaction (server/core/facts, context.ts).
 */

type C = ReturnType<typeof client>;
const N = 20;
const KEY = `intake-${randomBytes(6).toString('hex')}`;
let db: FreshDatabase;
let a: ServerProcess, b: ServerProcess;
/** the database both servers use, for fixtures' customer terms (no request may set them: 5.6.2, 5.11.2) */
let store: PgStore;
/** a logged-in client on server A and one on server B, per user */
const as: Record<string, [C, C]> = {};

beforeAll(async () => {
  db = await freshDatabase(seedOf({ customers: 10, days: 1 }));
  const env = {
    DATABASE_URL: db.url,
    TEST_NOW: TEST_NOW.toISOString(),
    SECRET_HEX: randomBytes(32).toString('hex'),
    INTAKE_KEY: KEY,
  };
  [a, b] = await Promise.all([
    startServerProcess(env, 60_000, 'test/helpers/apiServer.ts'),
    startServerProcess(env, 60_000, 'test/helpers/apiServer.ts'),
  ]);
  for (const u of ['admin', 'assistant2', 'csmanager', 'orderdesk', 'driver', 'finance'])
    as[u] = [await loginAs(a.url, u), await loginAs(b.url, u)];
  store = await PgStore.open(
    await openPostgres(db.url, STORE_KIND === 'postgres' ? 'postgres' : 'embedded', async () => undefined),
  );
  for (const c of [...as.admin]) STORES.set(c.base, store);
}, 120_000);
afterAll(async () => {
  await store?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

/** N calls at once, alternating between the two servers: the statuses, and the bodies */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function atOnce(user: string, call: (c: C, i: number) => Promise<{ status: number; body: any }>) {
  const results = await Promise.all(Array.from({ length: N }, (_, i) => call(as[user][i % 2], i)));
  return { statuses: results.map((r) => r.status), bodies: results.map((r) => r.body) };
}
const count = (xs: unknown[], x: unknown) => xs.filter((y) => y === x).length;
const admin = () => as.admin[0];

describe(`rules deciding on other rows, ${N} requests at once on two server processes (${STORE_KIND === 'postgres' ? 'PostgreSQL server' : 'embedded PostgreSQL'})`, () => {
  it('5.10.4 credit orders of one customer, together over its limit, approved at once: exactly one skips the GM', async () => {
    const cust = await makeCustomer(admin(), creditKeyAccount(1000));
    const p = await makeProduct(admin(), 600);
    const ids: number[] = [];
    for (let i = 0; i < N; i++) {
      const o = await as.assistant2[0].post('/orders', {
        customerId: cust.id,
        channel: 'phone',
        paymentMethod: 'credit',
        linesConfirmed: true,
        lines: [{ productId: p.id, qty: 1, unitPrice: 600 }],
      });
      expect(o.status, JSON.stringify(o.body)).toBe(201);
      expect((await as.assistant2[0].post(`/orders/${o.body.id}/actions/submit`, {})).status).toBe(200);
      ids.push(o.body.id);
    }
    const { statuses, bodies } = await atOnce('csmanager', (c, i) => c.post(`/orders/${ids[i]}/actions/approve`, {}));
    expect(statuses).toEqual(Array(N).fill(200));
    expect(
      count(
        bodies.map((o) => o.status),
        'approved',
      ),
    ).toBe(1);
    expect(
      count(
        bodies.map((o) => o.status),
        'gmApproval',
      ),
    ).toBe(N - 1);
  });

  it('6.7.2 one handwritten delivery note per order: one made, the others refused', async () => {
    const o = await approvedOrder();
    const { statuses, bodies } = await atOnce('assistant2', (c) =>
      c.post('/handwrittenNotes', { orderId: o.id, reason: 'systemDown', reasonText: '打印机故障' }),
    );
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 422)).toBe(N - 1);
    expect(new Set(bodies.filter((x) => x.rule).map((x) => x.rule))).toEqual(new Set(['6.7.2']));
    expect(
      (await admin().get(`/handwrittenNotes?filter=${encodeURIComponent(JSON.stringify({ orderId: o.id }))}`)).body,
    ).toHaveLength(1);
  });

  it('6.8.2 one urgent delivery letter per order: one made, the others refused', async () => {
    const o = await approvedOrder();
    const { statuses, bodies } = await atOnce('assistant2', (c) =>
      c.post('/urgentDeliveries', { customerId: o.customerId, orderId: o.id, receivingDept: '行政部' }),
    );
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 422)).toBe(N - 1);
    expect(new Set(bodies.filter((x) => x.rule).map((x) => x.rule)).size).toBe(1);
  });

  it('6.9.1 returns against the delivered quantity: of 20 full returns one is made', async () => {
    const cust = await makeCustomer(admin());
    const p = await makeProduct(admin(), 10, 50);
    const roles = {
      assistant2: as.assistant2[0],
      csm: as.csmanager[0],
      orderdesk: as.orderdesk[0],
      driver: as.driver[0],
      finance: as.finance[0],
    };
    const order = await deliveredOrder(roles, cust.id, [{ productId: p.id, qty: 3, unitPrice: 10 }]);
    const { statuses, bodies } = await atOnce('assistant2', (c) =>
      c.post('/returns', {
        orderId: order.id,
        kind: 'return',
        reasonType: 'wrongGoods',
        reason: '错发',
        lines: [{ productId: p.id, qty: 3 }],
      }),
    );
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 422)).toBe(N - 1);
    expect(new Set(bodies.filter((x) => x.rule).map((x) => x.rule))).toEqual(new Set(['6.9.1']));
  });

  it('stock never below zero (6.11.1): 20 sample loans lent at once from a stock of 5 — five go out', async () => {
    const cust = await makeCustomer(admin());
    const p = await makeProduct(admin(), 30, 5);
    const ids: number[] = [];
    for (let i = 0; i < N; i++) {
      const loan = await as.assistant2[0].post('/sampleLoans', {
        customerId: cust.id,
        lines: [{ productId: p.id, qty: 1 }],
      });
      expect(loan.status, JSON.stringify(loan.body)).toBe(201);
      expect((await as.assistant2[0].post(`/sampleLoans/${loan.body.id}/actions/submit`, {})).status).toBe(200);
      ids.push(loan.body.id);
    }
    const { statuses } = await atOnce('orderdesk', (c, i) => c.post(`/sampleLoans/${ids[i]}/actions/lend`, {}));
    expect(count(statuses, 200)).toBe(5);
    expect(count(statuses, 422)).toBe(N - 5);
    expect((await admin().get(`/products/${p.id}`)).body.stock).toBe(0);
  });

  it('6.3.3 the same proposed customer code entered at once: one customer gets it, the others a clear refusal', async () => {
    const code = (await admin().get('/customers/next-code')).body.code;
    const { statuses, bodies } = await atOnce('admin', (c, i) =>
      c.post('/customers', { code, name: `并发客户${i}`, tier: 'smb', phone: '0755-1', address: '深圳' }),
    );
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 422)).toBe(N - 1);
    expect(new Set(bodies.filter((x) => x.rule).map((x) => x.rule))).toEqual(new Set(['6.3.3']));
  });

  it('6.3.3 / 5.2.2 web orders of new customers at once: each new customer its own next code; one customer and one membership offer per phone', async () => {
    const web = [client(a.url), client(b.url)];
    const post = (i: number, phone: string) =>
      web[i % 2].post(
        '/intake/orders',
        {
          member: null,
          customer: { name: `网上新客户${phone}`, phone, address: '深圳市南山区', contact: '李先生' },
          lines: [{ sku: skuOf, qty: 1 }],
        },
        { 'x-intake-key': KEY },
      );
    const skuOf = (await makeProduct(admin(), 15, 1000)).sku as string;
    const base = Number((await admin().get('/customers/next-code')).body.code);
    // 20 different new customers
    const distinct = await Promise.all(
      Array.from({ length: N }, (_, i) => post(i, `1390000${String(i).padStart(4, '0')}`)),
    );
    expect(distinct.map((r) => r.status)).toEqual(Array(N).fill(201));
    expect(distinct.map((r) => Number(r.body.customerCode)).sort((x, y) => x - y)).toEqual(
      Array.from({ length: N }, (_, i) => base + i),
    );
    // 20 orders of one new customer
    const same = await Promise.all(Array.from({ length: N }, (_, i) => post(i, '13911112222')));
    expect(same.map((r) => r.status)).toEqual(Array(N).fill(201));
    expect(new Set(same.map((r) => r.body.customerId)).size).toBe(1);
    expect(new Set(same.map((r) => r.body.membershipId)).size).toBe(1);
  });

  it('6.1.6 one work log a day: of 20 at once one is filed', async () => {
    const { statuses, bodies } = await atOnce('assistant2', (c, i) =>
      c.post('/workLogs', { summary: `处理订单${i}张` }),
    );
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 422)).toBe(N - 1);
    expect(new Set(bodies.filter((x) => x.rule).map((x) => x.rule))).toEqual(new Set(['6.1.6']));
  });
});

/** a cash order submitted and approved */
async function approvedOrder() {
  const cust = await makeCustomer(admin(), { distanceKm: 8 });
  const p = await makeProduct(admin(), 120);
  const o = (
    await as.assistant2[0].post('/orders', {
      customerId: cust.id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId: p.id, qty: 2, unitPrice: 120 }],
    })
  ).body;
  expect((await as.assistant2[0].post(`/orders/${o.id}/actions/submit`, {})).status).toBe(200);
  const ok = await as.csmanager[0].post(`/orders/${o.id}/actions/approve`, {});
  expect(ok.body.status).toBe('approved');
  return ok.body;
}
