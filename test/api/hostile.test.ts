import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeProduct } from '../helpers/fixtures';
import { client, loginAs, STORE_KIND, startTestServer, type TestServer } from '../helpers/server';

/**
 * Hostile input on every store (issue 23): dates that do not exist, years no paper carries, numbers
 * no database integer holds, NUL characters and half characters — in bodies, paths, query strings
 * and headers. Every answer is a 4xx with a message naming what is wrong (never a 5xx, never a
 * shifted date), and nothing changes: the snapshot after equals the one before. Each hostile body
 * is a valid body with ONE bad value, so it is refused for that value (the valid bodies are sent
 * at the end and accepted, which proves it).
 */

type C = Awaited<ReturnType<typeof loginAs>>;
type Res = Awaited<ReturnType<C['get']>>;
let srv: TestServer;
let admin: C, assistant2: C, assistant: C, csm: C, driver: C;
let customerId: number, productId: number, orderId: number, nextCode: string;

beforeAll(async () => {
  srv = await startTestServer({ customers: 8, days: 1 });
  [admin, assistant, assistant2, csm, driver] = await Promise.all(
    ['admin', 'assistant', 'assistant2', 'csmanager', 'driver'].map((u) => loginAs(srv.url, u)),
  );
  customerId = (await makeCustomer(admin)).id;
  productId = (await makeProduct(admin, 20)).id;
  const o = await assistant2.post('/orders', {
    customerId,
    channel: 'phone',
    paymentMethod: 'cash',
    linesConfirmed: true,
    lines: [{ productId, qty: 1, unitPrice: 20 }],
  });
  expect(o.status).toBe(201);
  orderId = o.body.id;
  nextCode = (await admin.get('/customers/next-code')).body.code;
}, 180_000);
afterAll(() => srv?.close());

const snapshot = async () =>
  JSON.stringify(
    await srv.store.exportState().then(({ _meta: { exportedAt: _e, ...m }, ...rest }) => ({ ...rest, m })),
  );

/** valid bodies: each hostile body is one of these with one value replaced */
const bases = () => ({
  customers: {
    who: admin,
    body: {
      code: nextCode,
      name: '敌意测试客户',
      tier: 'smb',
      settlement: 'cash',
      phone: '0755-1234567',
      address: '深圳市南山区测试路2号',
      firstTradeAt: '2025-06-01T02:00:00.000Z',
      creditLimit: 0,
      distanceKm: 3,
    },
  },
  orders: {
    who: assistant2,
    body: {
      customerId,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      requiredBy: '2026-11-30T02:00:00.000Z',
      note: '备注',
      lines: [{ productId, qty: 2, unitPrice: 20 }],
    },
  },
  workLogs: { who: assistant, body: { date: '2026-09-14', summary: '今天处理了订单', ordersHandled: 3 } },
  complaints: {
    who: assistant2,
    body: { customerId, category: 'delivery', description: '送货晚了', receivedAt: '2026-11-27T01:00:00.000Z' },
  },
  products: {
    who: admin,
    body: { sku: 'T-HOSTILE', name: '敌意测试商品', category: 'stationery', catalogPrice: 10, cost: 8, stock: 5 },
  },
  users: {
    who: admin,
    body: { username: 'hostile.user', fullName: '敌意测试', role: 'driver', password: 'long-enough-1' },
  },
});
type Base = keyof ReturnType<typeof bases>;

const BAD_INSTANTS = [
  '1',
  '0000-01-01T00:00:00Z',
  '2026-02-30T08:00:00Z',
  '2026-11-27T24:00:00Z',
  '2026-11-27T23:60:00Z',
  '2026-11-27T08:00:61Z',
  '1899-12-31T23:59:59Z',
  '2200-01-01T00:00:00Z',
  '2026-11-27T08:00:00+15:00',
  '2026-11-27 08:00',
  '+002026-11-27T08:00:00Z',
];
const BAD_DAYS = [
  '1',
  '0000-01-01',
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-00-10',
  '1899-12-31',
  '2200-01-01',
  '2026-1-1',
  '20261127',
  '2026-11-27T00:00:00Z',
];
const BAD_TEXT = ['a\u0000b', '\u0000', 'x\ud800y', '\udc00', 'end\ud83d'];
const BAD_INTS = [2147483648, -2147483649, 1e20, 1.5];
const BAD_REFS = [2147483648, 1e20, 0, -3, 1.5, '1'];
const BAD_MONEY = [1e12, 1e20, -1, 0.001];

/** [resource, field path, value] — the field as the refusal must name it */
const cases = (): [Base, string, unknown][] => [
  ...BAD_INSTANTS.map((v) => ['customers', 'firstTradeAt', v] as [Base, string, unknown]),
  ...BAD_INSTANTS.map((v) => ['orders', 'requiredBy', v] as [Base, string, unknown]),
  ...BAD_INSTANTS.slice(0, 5).map((v) => ['complaints', 'receivedAt', v] as [Base, string, unknown]),
  ...BAD_DAYS.map((v) => ['workLogs', 'date', v] as [Base, string, unknown]),
  ...BAD_TEXT.map((v) => ['customers', 'name', v] as [Base, string, unknown]),
  ...BAD_TEXT.map((v) => ['orders', 'note', v] as [Base, string, unknown]),
  ...BAD_TEXT.map((v) => ['workLogs', 'summary', v] as [Base, string, unknown]),
  ...BAD_TEXT.map((v) => ['users', 'fullName', v] as [Base, string, unknown]),
  ...BAD_INTS.map((v) => ['workLogs', 'ordersHandled', v] as [Base, string, unknown]),
  ...BAD_INTS.map((v) => ['products', 'stock', v] as [Base, string, unknown]),
  ...BAD_REFS.map((v) => ['orders', 'customerId', v] as [Base, string, unknown]),
  ...BAD_MONEY.map((v) => ['customers', 'creditLimit', v] as [Base, string, unknown]),
  ...BAD_MONEY.map((v) => ['products', 'catalogPrice', v] as [Base, string, unknown]),
  ['users', 'username', 'RTUpper'],
  ['users', 'username', 'a b'],
  ['users', 'role', '__proto__'],
  ['users', 'role', 'constructor'],
];

const setPath = (body: Record<string, unknown>, path: string, v: unknown) => {
  const out = structuredClone(body);
  const keys = path.split('.');
  let at: Record<string, unknown> = out;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1)!] = v;
  return out;
};

/** a refusal: 4xx, a message, and (when given) the field or parameter named */
function refused(r: Res, what: string, named?: string, statuses = [400]) {
  expect(r.status, `${what}: ${JSON.stringify(r.body)?.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(r.status, `${what}: ${JSON.stringify(r.body)?.slice(0, 300)}`).toBeLessThan(500);
  expect(statuses, `${what} → ${r.status} ${JSON.stringify(r.body)?.slice(0, 300)}`).toContain(r.status);
  expect(typeof r.body?.message, what).toBe('string');
  if (named) {
    const keys = Object.keys(r.body.errors ?? {});
    expect(
      keys.includes(named) || String(r.body.message).includes(named),
      `${what} should name ${named}: ${JSON.stringify(r.body)}`,
    ).toBe(true);
  }
}

/** a URL's query with its JSON as given (`\u0000` escapes survive: the server's JSON.parse makes the character) */
const qs = (o: Record<string, string>) =>
  '?' +
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

describe(`hostile input on the ${STORE_KIND} store: 4xx naming what is wrong, nothing changed`, () => {
  it('bodies, paths, query strings and headers', async () => {
    const before = await snapshot();
    let n = 0;
    const check = (r: Res, what: string, named?: string, statuses?: number[]) => {
      n++;
      refused(r, what, named, statuses);
    };

    // --- bodies: a valid body with one bad value
    const b = bases();
    for (const [res, field, value] of cases()) {
      const { who, body } = b[res];
      const hostile = setPath(body, field, value);
      // a reference to an id no table holds is refused as a bad number (400) or a missing record (422)
      const ok = field === 'customerId' && (value === 0 || value === -3) ? [400, 422] : [400];
      check(await who.post(`/${res}`, hostile), `POST /${res} ${field}=${JSON.stringify(value)}`, field, ok);
    }
    // a line's values
    for (const [field, value] of [
      ['qty', 2147483648],
      ['qty', 1e20],
      ['productId', 2147483648],
      ['unitPrice', 1e12],
      ['unitPrice', -5],
    ] as const) {
      const body = setPath(b.orders.body, `lines.0.${field}`, value);
      check(await assistant2.post('/orders', body), `order line ${field}=${value}`, `lines.0.${field}`);
    }
    // NUL and half characters anywhere: an unknown key, a nested value
    check(
      await assistant2.post('/orders', {
        ...b.orders.body,
        lines: [{ productId, qty: 1, unitPrice: 20, 'no\u0000te': 1 }],
      }),
      'NUL in a key',
      undefined,
    );
    check(
      await assistant2.raw('POST', '/orders', JSON.stringify(b.orders.body).replace('备注', '\\ud800')),
      'lone surrogate escaped in JSON',
      'note',
    );
    // updates and steps
    check(await assistant2.put(`/orders/${orderId}`, { note: 'x\u0000' }), 'PUT NUL', 'note');
    check(
      await assistant2.put(`/orders/${orderId}`, { requiredBy: '2026-02-30T08:00:00Z' }),
      'PUT impossible date',
      'requiredBy',
    );
    check(
      await assistant2.post(`/orders/${orderId}/actions/submit`, { comment: 'ok\u0000' }),
      'step comment NUL',
      'comment',
    );
    check(
      await assistant2.post(`/orders/${orderId}/actions/submit`, { comment: '\udfff' }),
      'step comment half character',
      'comment',
    );
    // login bodies
    for (const username of ['ad\u0000min', 'admin\ud800', '\udc00'])
      check(
        await client(srv.url).post('/auth/login', { username, password: 'baoyi2026' }),
        'login username',
        'username',
      );
    // preview, printed with bad values
    check(await assistant2.post('/orders/preview', setPath(b.orders.body, 'note', 'n\u0000')), 'preview NUL', 'note');
    check(await assistant2.post(`/orders/${orderId}/printed`, { form: 'delivery\u0000Note' }), 'printed NUL', 'form');

    // --- paths
    for (const path of [
      '/orders/2147483648',
      '/orders/9999999999',
      '/orders/0',
      '/orders/-1',
      '/orders/1e3',
      '/orders/01',
      '/orders/%00',
      '/orders/1%00',
      '/ord%00ers',
      '/orders/1.5',
      `/orders/${'9'.repeat(400)}`,
    ]) {
      check(await csm.get(path), `GET ${path}`, undefined, [404]);
    }
    for (const path of ['/orders/2147483648/history', '/orders/2147483648/actions', '/orders/2147483648/facts'])
      check(await csm.get(path), `GET ${path}`, undefined, [404]);
    check(await assistant2.put('/orders/2147483648', { note: 'x' }), 'PUT big id', undefined, [404]);
    check(await assistant2.post('/orders/2147483648/actions/submit', {}), 'step big id', undefined, [404]);
    check(await csm.post('/orders/2147483648/printed', { form: 'deliveryNote' }), 'printed big id', undefined, [404]);
    check(await assistant2.post(`/orders/${orderId}/actions/%00`, {}), 'step NUL name', undefined, [400, 404]);

    // --- query strings: filters, ranges, sorts, searches, reports, exports
    const filters: [string, string, string][] = [
      ['complaints', '{"receivedAt_gte":"1"}', 'receivedAt_gte'],
      ['complaints', '{"receivedAt_gte":"0000-01-01"}', 'receivedAt_gte'],
      ['complaints', '{"receivedAt_gte":"2026-02-30"}', 'receivedAt_gte'],
      ['complaints', '{"receivedAt_lte":"2026-11-27T24:00:00Z"}', 'receivedAt_lte'],
      ['orders', '{"createdAt_gte":"2026-02-30T00:00:00Z"}', 'createdAt_gte'],
      ['orders', '{"createdAt_gte":"99999-01-01"}', 'createdAt_gte'],
      ['workLogs', '{"date":"2026-02-30"}', 'date'],
      ['workLogs', '{"date_gte":"1"}', 'date_gte'],
      ['orders', '{"q":"a\\u0000b"}', 'q'],
      ['orders', '{"q":"\\ud800"}', 'q'],
      ['customers', '{"q":"\\udc00x"}', 'q'],
      ['orders', '{"status":"draft\\u0000"}', 'status'],
      ['orders', '{"status":["draft","\\u0000"]}', 'status'],
      ['orders', '{"id":2147483648}', 'id'],
      ['orders', '{"id":[1,1e20]}', 'id'],
      ['orders', '{"customerId":"99999999999999999999"}', 'customerId'],
      ['orders', '{"customerId":-2147483649}', 'customerId'],
      ['orders', '{"total_gte":1e300}', 'total_gte'],
      ['orders', '{"total_lte":"1e400"}', 'total_lte'],
      ['orders', '{"version":1e20}', 'version'],
      ['orders', '{"na\\u0000me":1}', 'filter'],
    ];
    for (const [res, filter, named] of filters)
      check(await csm.get(`/${res}${qs({ filter })}`), `filter ${filter}`, named);
    for (const range of ['[1e20,1e20]', '[0,1e20]', '[2147483648,2147483648]', '[-1,5]', '[0.5,3]', '["0","1"]', '[0]'])
      check(await csm.get(`/orders${qs({ range })}`), `range ${range}`, 'range');
    check(await csm.get(`/orders${qs({ sort: '["id\\u0000","ASC"]' })}`), 'sort NUL', 'sort');
    check(await csm.get(`/orders/export${qs({ filter: '{"q":"\\u0000"}' })}`), 'export NUL', 'q');
    check(
      await csm.get(`/orders/export${qs({ filter: '{"createdAt_gte":"2026-02-30"}' })}`),
      'export bad date',
      'createdAt_gte',
    );
    check(await csm.get(`/orders?x=${encodeURIComponent('\u0000')}`), 'NUL in an extra parameter', 'x');
    for (const p of ['date=2026-02-30', 'date=1', 'date=0000-01-01', 'date=2026-13-01', 'date=2200-01-01'])
      check(await csm.get(`/reports/assistant-performance?${p}`), `report ${p}`, 'date');
    for (const p of ['from=2026-02-30&to=2026-03-01', 'from=0000-01-01', 'to=2026-11-31'])
      check(await csm.get(`/reports/complaint-trends?${p}`), `report ${p}`, p.startsWith('to') ? 'to' : 'from');
    for (const p of ['days=1e3', 'days=-1', 'days=0x10', 'to=2026-02-30'])
      check(await csm.get(`/reports/order-trends?${p}`), `report ${p}`, p.split('=')[0]);

    // --- headers
    const token = (await client(srv.url).post('/auth/login', { username: 'teamlead', password: 'baoyi2026' })).body
      .token as string;
    for (const auth of [
      'Bearer ',
      'Bearer a.b',
      'Bearer a.b.c',
      `Bearer ${token}=`,
      `Bearer ${token}.x`,
      `Basic ${token}`,
      `Bearer ${'x'.repeat(2000)}`,
      `Bearer ${token.replace('.', '..')}`,
    ]) {
      check(
        await client(srv.url).get('/auth/me', { authorization: auth }),
        `authorization ${auth.slice(0, 20)}`,
        undefined,
        [401],
      );
    }
    for (const ifMatch of ['junk', '"1e20"', '-1', '"', '2147483648'])
      check(
        await assistant2.put(`/orders/${orderId}`, { note: 'if-match' }, { 'if-match': ifMatch }),
        `If-Match ${ifMatch}`,
        undefined,
        [409],
      );
    check(
      await assistant2.raw('POST', '/orders', '{"note": "x"', { 'content-type': 'text/plain' }),
      'not JSON',
      undefined,
    );
    check(
      await assistant2.post(
        `/orders/${orderId}/actions/submit`,
        { version: 99 },
        { 'content-type': 'application/x-www-form-urlencoded' },
      ),
      'form content type, stale version',
      undefined,
      [409],
    );
    check(
      await driver.get(`/orders/${orderId}`, { 'accept-language': 'en;q=\u00ff' }),
      'odd language, unreadable order',
      undefined,
      [404],
    );

    expect(n).toBeGreaterThanOrEqual(150);
    expect(await snapshot(), 'refused requests changed the data').toBe(before);

    // the valid bodies behind the hostile ones are accepted: each refusal above was for its one bad value
    for (const [res, { who, body }] of Object.entries(bases())) {
      const r = await who.post(`/${res}`, body);
      expect(r.status, `${res} base: ${JSON.stringify(r.body)}`).toBe(201);
      n++;
    }
  }, 240_000);

  it('dates are never shifted: what is accepted is kept as given', async () => {
    const r = await assistant2.put(`/orders/${orderId}`, { requiredBy: '2028-02-29T15:59:59+08:00' });
    expect(r.status).toBe(200);
    expect(r.body.requiredBy).toBe('2028-02-29T07:59:59.000Z');
    const logs = await assistant.post('/workLogs', { date: '2026-10-15', summary: '闰年无关' });
    expect(logs.status, JSON.stringify(logs.body)).toBe(201);
    expect(logs.body.date).toBe('2026-10-15');
  });
});
