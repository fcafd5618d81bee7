import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q, startTestServer, STORE_KIND, type TestServer } from '../../helpers/server';
import { makeCustomer, makeProduct } from '../../helpers/fixtures';

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C,
  assistant: C,
  assistant2: C,
  csm: C,
  gm: C,
  fd: C,
  warehouse: C,
  merch: C,
  orderdesk: C,
  purchasing: C,
  driver: C,
  lossprev: C;

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  [admin, assistant, assistant2, csm, gm, fd, warehouse, merch, orderdesk, purchasing, driver, lossprev] =
    await Promise.all(
      [
        'admin',
        'assistant',
        'assistant2',
        'csmanager',
        'gm',
        'findirector',
        'warehouse',
        'merch',
        'orderdesk',
        'purchasing',
        'driver',
        'lossprev',
      ].map((u) => loginAs(srv.url, u)),
    );
}, 120_000);
afterAll(() => srv?.close());

const stockOf = async (id: number) => (await admin.get(`/products/${id}`)).body.stock as number;
const CAUSE = '仓库漏雨导致整箱商品受潮变形，已无法销售';

describe(`scrap / write-off API (6.15) on the ${STORE_KIND} store`, () => {
  async function scrapAtGm(cost: number, stock = 5, qty = 1) {
    const p = await makeProduct(admin, Math.round(cost * 125) / 100, stock, { cost });
    const s = await assistant2.post('/scraps', {
      kind: 'damage',
      cause: CAUSE,
      lines: [{ productId: p.id, qty, unitPrice: 0.01 }],
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect((await assistant2.post(`/scraps/${s.body.id}/actions/submit`, {})).body.status).toBe('csReview');
    expect((await csm.post(`/scraps/${s.body.id}/actions/approve`, {})).body.status).toBe('gmApproval');
    return { p, s: s.body };
  }

  it('500.00 of cost: the branchGM’s approval is final and takes the goods out of stock', async () => {
    const { p, s } = await scrapAtGm(500, 5);
    expect(s).toMatchObject({ total: 500, needsFinanceDirector: false, status: 'draft' });
    expect(s.lines[0]).toMatchObject({ unitPrice: 500, amount: 500, name: p.name }); // the cost is the product's, not the request's
    expect(s.code).toMatch(/^SCR-20261127-\d{4}$/);
    expect(await stockOf(p.id)).toBe(5);
    const ok = await gm.post(`/scraps/${s.id}/actions/approve`, {});
    expect(ok.body.status).toBe('approved');
    expect(ok.body.approvedAt).toBe('2026-11-27T06:30:00.000Z');
    expect(await stockOf(p.id)).toBe(4);
    expect((await fd.post(`/scraps/${s.id}/actions/approve`, {})).status).toBe(409);
  });

  it('500.01 of cost: after the branchGM it waits for the financeDirector; stock only moves at the final approval', async () => {
    const { p, s } = await scrapAtGm(500.01, 5);
    expect(s.needsFinanceDirector).toBe(true);
    const afterGm = await gm.post(`/scraps/${s.id}/actions/approve`, {});
    expect(afterGm.body.status).toBe('fdApproval');
    expect(await stockOf(p.id)).toBe(5);
    expect((await gm.post(`/scraps/${s.id}/actions/approve`, {})).status).toBe(403);
    expect((await csm.post(`/scraps/${s.id}/actions/approve`, {})).status).toBe(403);
    expect(
      ((await fd.get('/myWork')).body as { resource: string; id: number }[]).some(
        (i) => i.resource === 'scraps' && i.id === s.id,
      ),
    ).toBe(true);
    expect((await fd.post(`/scraps/${s.id}/actions/approve`, {})).body.status).toBe('approved');
    expect(await stockOf(p.id)).toBe(4);
    const list = await csm.get(
      '/scraps' + q({ filter: { needsFinanceDirector: true, status: 'approved' }, range: [0, 99] }),
    );
    expect(list.body.map((x: { id: number }) => x.id)).toContain(s.id);
  });

  it('6.15.1: the cause must be detailed; roles outside the chain are refused; stock short at approval refuses the step', async () => {
    const p = await makeProduct(admin, 20, 3, { cost: 16 });
    const short = await assistant2.post('/scraps', {
      kind: 'scrap',
      cause: '坏了',
      lines: [{ productId: p.id, qty: 1 }],
    });
    expect([short.status, short.body.rule]).toEqual([422, '6.15.1']);
    expect(short.body.errors.cause).toBeTruthy();
    const tooMany = await assistant2.post('/scraps', {
      kind: 'scrap',
      cause: CAUSE,
      lines: [{ productId: p.id, qty: 4 }],
    });
    expect([tooMany.status, tooMany.body.rule]).toEqual([422, '6.15.1']);
    expect(
      (await warehouse.post('/scraps', { kind: 'scrap', cause: CAUSE, lines: [{ productId: p.id, qty: 1 }] })).status,
    ).toBe(403);
    expect((await driver.get('/scraps')).status).toBe(403);
    expect((await lossprev.get('/scraps')).status).toBe(200);
    const { p: q2, s } = await scrapAtGm(30, 3, 3);
    expect((await assistant2.post(`/scraps/${s.id}/actions/approve`, {})).status).toBe(403);
    expect((await fd.post(`/scraps/${s.id}/actions/approve`, {})).status).toBe(403);
    expect((await admin.put(`/products/${q2.id}`, { stock: 2 })).status).toBe(200);
    const refused = await gm.post(`/scraps/${s.id}/actions/approve`, {});
    expect([refused.status, refused.body.rule]).toEqual([422, '6.15']);
    expect((await csm.get(`/scraps/${s.id}`)).body.status).toBe('gmApproval');
    expect(await stockOf(q2.id)).toBe(2);
    const back = await gm.post(`/scraps/${s.id}/actions/reject`, { comment: '库存已变动，请重新核实数量' });
    expect(back.body.status).toBe('rejected');
    expect((await assistant.put(`/scraps/${s.id}`, { note: 'x' })).status).toBe(403); // another assistant's application
    expect((await assistant2.put(`/scraps/${s.id}`, { lines: [{ productId: q2.id, qty: 2 }] })).body.total).toBe(60);
  });
});

describe(`stock transfer API (6.13) on the ${STORE_KIND} store`, () => {
  it('sister warehouse: merchPlanning enters, the order desk reviews, the warehouse receives into stock; the order goes on', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 40, 0);
    const order = (
      await assistant2.post('/orders', {
        customerId: cust.id,
        channel: 'phone',
        paymentMethod: 'cash',
        linesConfirmed: true,
        lines: [{ productId: p.id, qty: 12, unitPrice: 40 }],
      })
    ).body;
    expect(order.shortLines).toBe(1);
    expect(
      (await assistant2.post('/transfers', { sourceUnit: '广州分公司配货仓', lines: [{ productId: p.id, qty: 12 }] }))
        .status,
    ).toBe(403);
    const t = await merch.post('/transfers', {
      sourceType: 'sisterWarehouse',
      sourceUnit: '广州分公司配货仓',
      reason: 'leadTime',
      orderId: order.id,
      requestedById: order.assistantId,
      lines: [{ productId: p.id, qty: 12 }],
    });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    expect(t.body).toMatchObject({ status: 'draft', totalQty: 12, customerName: cust.name, remark: '' });
    expect(t.body.code).toMatch(/^TRF-20261127-\d{4}$/);
    expect((await orderdesk.post(`/transfers/${t.body.id}/actions/approve`, {})).status).toBe(409);
    expect((await merch.post(`/transfers/${t.body.id}/actions/submit`, {})).body.status).toBe('orderDeskReview');
    expect((await merch.post(`/transfers/${t.body.id}/actions/approve`, {})).status).toBe(403);
    expect((await purchasing.post(`/transfers/${t.body.id}/actions/approve`, {})).status).toBe(403);
    const sent = await orderdesk.post(`/transfers/${t.body.id}/actions/approve`, {});
    expect(sent.body.status).toBe('inTransit'); // no purchasing step for a sister warehouse
    expect((await orderdesk.post(`/transfers/${t.body.id}/actions/receive`, {})).status).toBe(403);
    const got = await warehouse.post(`/transfers/${t.body.id}/actions/receive`, {});
    expect(got.body).toMatchObject({ status: 'received', receivedAt: '2026-11-27T06:30:00.000Z' });
    expect(await stockOf(p.id)).toBe(12);
    // 6.13.5 the order goes on: its line is no longer short
    const again = await assistant2.put(`/orders/${order.id}`, { note: '调拨到货' });
    expect(again.body.shortLines).toBe(0);
    expect((await warehouse.post(`/transfers/${t.body.id}/actions/receive`, {})).status).toBe(409);
  });

  it('6.13.3 a store only when the sister warehouse has none; the store makes the note and purchasing approves', async () => {
    const p = await makeProduct(admin, 25, 4);
    const body = {
      sourceType: 'store',
      sourceUnit: '宝安宝亿直营店',
      reason: 'minQty',
      lines: [{ productId: p.id, qty: 6 }],
    };
    const first = await merch.post('/transfers', body);
    expect([first.status, first.body.rule]).toEqual([422, '6.13.3']);
    expect(Object.keys(first.body.errors).sort()).toEqual(['sisterWarehouseEmpty', 'storeNoteNo']);
    const t = (await merch.post('/transfers', { ...body, sisterWarehouseEmpty: true, storeNoteNo: 'PS-778899' })).body;
    expect(t.remark).toBe('客户服务中心客户助理调货');
    await merch.post(`/transfers/${t.id}/actions/submit`, {});
    expect((await orderdesk.post(`/transfers/${t.id}/actions/approve`, {})).body.status).toBe('purchasingApproval');
    expect((await warehouse.post(`/transfers/${t.id}/actions/receive`, {})).status).toBe(409); // not yet approved by purchasing
    expect((await orderdesk.post(`/transfers/${t.id}/actions/approve`, {})).status).toBe(403);
    expect(
      ((await purchasing.get('/myWork')).body as { resource: string; id: number }[]).some(
        (i) => i.resource === 'transfers' && i.id === t.id,
      ),
    ).toBe(true);
    expect((await purchasing.post(`/transfers/${t.id}/actions/approve`, {})).body.status).toBe('inTransit');
    expect((await warehouse.post(`/transfers/${t.id}/actions/receive`, {})).body.status).toBe('received');
    expect(await stockOf(p.id)).toBe(10);
    const audit = await admin.get(
      '/auditLog' + q({ filter: { resource: 'products', recordId: p.id }, sort: ['id', 'DESC'], range: [0, 0] }),
    );
    expect(audit.body[0]).toMatchObject({
      action: 'stock',
      changes: expect.objectContaining({ stock: [4, 10], code: t.code }),
    });
  });

  it('rejects return it to merchandise planning; the order desk cancels one the source cannot serve', async () => {
    const p = await makeProduct(admin, 25, 0);
    const t = (await merch.post('/transfers', { sourceUnit: '东莞分公司配货仓', lines: [{ productId: p.id, qty: 3 }] }))
      .body;
    await merch.post(`/transfers/${t.id}/actions/submit`, {});
    expect((await orderdesk.post(`/transfers/${t.id}/actions/reject`, {})).status).toBe(422);
    expect((await orderdesk.post(`/transfers/${t.id}/actions/reject`, { comment: '数量请核对' })).body.status).toBe(
      'rejected',
    );
    expect((await merch.put(`/transfers/${t.id}`, { lines: [{ productId: p.id, qty: 5 }] })).body.totalQty).toBe(5);
    await merch.post(`/transfers/${t.id}/actions/submit`, {});
    await orderdesk.post(`/transfers/${t.id}/actions/approve`, {});
    expect((await merch.post(`/transfers/${t.id}/actions/cancel`, { comment: 'x' })).status).toBe(403); // in transit only the order desk may cancel
    expect(
      (await orderdesk.post(`/transfers/${t.id}/actions/cancel`, { comment: '兄弟单位配货仓无法调出' })).body.status,
    ).toBe('cancelled');
    expect(await stockOf(p.id)).toBe(0);
  });

  it('the seeded demo has transfers and scraps in every state', async () => {
    const tr = new Set(
      (await admin.get('/transfers' + q({ range: [0, 999] }))).body.map((x: { status: string }) => x.status),
    );
    for (const s of [
      'draft',
      'rejected',
      'orderDeskReview',
      'purchasingApproval',
      'inTransit',
      'received',
      'cancelled',
    ])
      expect(tr, s).toContain(s);
    const sc = new Set(
      (await admin.get('/scraps' + q({ range: [0, 999] }))).body.map((x: { status: string }) => x.status),
    );
    for (const s of ['draft', 'rejected', 'csReview', 'gmApproval', 'fdApproval', 'approved', 'cancelled'])
      expect(sc, s).toContain(s);
  });
});
