import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { EXPORT_PAGE } from '../../server/core/export';
import { loginAs, q, startTestServer, STORE_KIND, type TestServer } from '../helpers/server';

/**
 * GET /api/<res>/export (issue 18): every row of the filtered list as CSV for Excel, streamed —
 * the same access and filter checks as the list, the sheet from the definition.
 */
let srv: TestServer;
let admin: Awaited<ReturnType<typeof loginAs>>;
let token: string;
beforeAll(async () => {
  srv = await startTestServer({ customers: 30, days: 6 });
  const r = await fetch(`${srv.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'baoyi2026' }),
  });
  token = ((await r.json()) as { token: string }).token;
  admin = await loginAs(srv.url, 'admin');
});
afterAll(() => srv?.close());

/** the export as bytes (a JSON client would drop the byte-order mark) */
async function exportOf(path: string, opts: { token?: string; lang?: string } = {}) {
  const res = await fetch(`${srv.url}/api${path}`, {
    headers: { authorization: `Bearer ${opts.token ?? token}`, 'accept-language': opts.lang ?? 'zh' },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { status: res.status, headers: res.headers, bytes, text, rows: res.ok ? parseCsv(text) : [] };
}

const total = (r: { headers: Headers }) => Number(r.headers.get('content-range')!.split('/')[1]);

describe(`exports on the ${STORE_KIND} store`, () => {
  it('orders: BOM, label headers, status labels, Shanghai times, one row per order — every order', async () => {
    const r = await exportOf('/orders/export');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeURIComponent(r.headers.get('x-export-name') ?? '')).toMatch(/^销售订单-\d{8}-\d{4}\.csv$/);
    const [header, ...rows] = r.rows;
    expect(header.slice(0, 3)).toEqual(['\uFEFF订单号'.slice(1), '状态', '客户']);
    expect(header).toEqual(expect.arrayContaining(['合计', '接单时间', '结算方式', '客户助理']));
    expect(header.some((h) => /^[a-z]+[A-Z]/.test(h) || h.includes('.'))).toBe(false);
    const list = await admin.get('/orders' + q({ range: [0, 0] }));
    expect(rows).toHaveLength(total(list));
    expect(new Set(rows.map((row) => row[0])).size).toBe(rows.length); // one row per order
    const status = header.indexOf('状态');
    const labels = new Set(rows.map((row) => row[status]));
    expect([...labels].every((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
    expect(labels.has('已结案')).toBe(true);
    const received = header.indexOf('接单时间');
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(row[received]))).toBe(true);
    // the same order, read back: its time in Shanghai, its customer as code + name
    const first = (await admin.get('/orders' + q({ filter: { code: rows[0][0] } }))).body[0];
    const customer = (await admin.get(`/customers/${first.customerId}`)).body;
    expect(rows[0][header.indexOf('客户')]).toBe(`${customer.code} ${customer.name}`);
    const at = new Date(first.receivedAt);
    const sh = new Date(at.getTime() + 8 * 3600_000).toISOString();
    expect(rows[0][received]).toBe(`${sh.slice(0, 10)} ${sh.slice(11, 16)}`);
  });

  it('follows the filter and the sort of the list; English labels with Accept-Language: en', async () => {
    const filter = { status: ['closed', 'delivered'] };
    const r = await exportOf('/orders/export' + q({ filter, sort: ['receivedAt', 'ASC'] }), { lang: 'en' });
    const [header, ...rows] = r.rows;
    expect(header.slice(0, 3)).toEqual(['Order no.', 'Status', 'Customer']);
    const list = await admin.get('/orders' + q({ filter, sort: ['receivedAt', 'ASC'], range: [0, 999] }));
    expect(rows.map((row) => row[0])).toEqual(list.body.map((o: { code: string }) => o.code));
    expect(new Set(rows.map((row) => row[1]))).toEqual(
      new Set(['Closed', 'Delivered'].filter((s) => rows.some((row) => row[1] === s))),
    );
  });

  it('the 明细 export: one row per line, with the order number and the line number', async () => {
    const r = await exportOf('/orders/export' + q({ filter: { status: 'closed' } }) + '&lines=1');
    const [header, ...rows] = r.rows;
    expect(header.slice(0, 4)).toEqual(['订单号', '客户名称', '行号', '商品']);
    const list = await admin.get('/orders' + q({ filter: { status: 'closed' }, range: [0, 999] }));
    expect(rows).toHaveLength(list.body.reduce((s: number, o: { lines: unknown[] }) => s + o.lines.length, 0));
    expect(decodeURIComponent(r.headers.get('x-export-name') ?? '')).toMatch(/^销售订单明细-/);
  });

  it('neutralises formula cells: a contact typed as =HYPERLINK(…) stays text', async () => {
    const [c] = (await admin.get('/customers' + q({ range: [0, 0] }))).body;
    const put = await admin.put(`/customers/${c.id}`, {
      ...c,
      contact: '=HYPERLINK("http://evil","点我")',
      fax: '+86-755',
      version: c.version,
    });
    expect(put.status).toBe(200);
    const r = await exportOf('/customers/export' + q({ filter: { code: c.code } }));
    const [header, row] = r.rows;
    expect(row[header.indexOf('联系人')]).toBe(`'=HYPERLINK("http://evil","点我")`);
    expect(row[header.indexOf('传真')]).toBe(`'+86-755`);
    expect(row[header.indexOf('客户类别')]).toMatch(/^(大客户|中小客户)$/);
  });

  it(`streams every row past one page (${EXPORT_PAGE} a page): the audit log`, async () => {
    const list = await admin.get('/auditLog' + q({ range: [0, 0] }));
    expect(total(list)).toBeGreaterThan(EXPORT_PAGE);
    const r = await exportOf('/auditLog/export');
    const [header, ...rows] = r.rows;
    expect(rows).toHaveLength(total(list));
    expect(
      new Set(
        rows.map((row) => row[header.indexOf('单据ID')] + row[header.indexOf('时间')] + row[header.indexOf('操作')]),
      ).size,
    ).toBeGreaterThan(EXPORT_PAGE);
    // resources and actions by their names, never their keys
    expect(rows.some((row) => row[header.indexOf('单据类型')] === '销售订单')).toBe(true);
    expect(
      rows.every(
        (row) =>
          !['orders', 'approve', 'create'].includes(row[header.indexOf('单据类型')]) &&
          !['approve', 'create', 'update'].includes(row[header.indexOf('操作')]),
      ),
    ).toBe(true);
  });

  it('the same access and checks as the list: a driver exports only what a driver sees; a refusal is a clean 4xx', async () => {
    const driver = await loginAs(srv.url, 'driver');
    const login = await fetch(`${srv.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'driver', password: 'baoyi2026' }),
    });
    const driverToken = ((await login.json()) as { token: string }).token;
    const r = await exportOf('/orders/export', { token: driverToken });
    const [header, ...rows] = r.rows;
    const list = await driver.get('/orders' + q({ range: [0, 0] }));
    expect(rows).toHaveLength(total(list));
    expect(new Set(rows.map((row) => row[header.indexOf('状态')]))).toEqual(
      new Set(
        rows
          .map((row) => row[header.indexOf('状态')])
          .filter((s) => ['已拣配', '配送中', '已签收', '已结案'].includes(s)),
      ),
    );
    expect((await exportOf('/users/export', { token: driverToken })).status).toBe(403);
    expect((await exportOf('/complaints/export', { token: driverToken })).status).toBe(403);
    const bad = await exportOf('/orders/export' + q({ filter: { stauts: 'closed' } }));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).message).toContain('stauts');
    expect((await exportOf('/orders/export' + q({ range: [0, 9] }))).status).toBe(400);
    expect((await exportOf('/customers/export?lines=1')).status).toBe(400);
    expect((await fetch(`${srv.url}/api/orders/export`)).status).toBe(401);
  });
});
