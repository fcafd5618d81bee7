import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../../helpers/server';
import { makeCustomer, makeProduct } from '../../helpers/fixtures';
import { act, deliveredOrder } from './helpers';

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C,
  assistant: C,
  assistant2: C,
  csm: C,
  merch: C,
  orderdesk: C,
  warehouse: C,
  driver: C,
  lossprev: C,
  finance: C;

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  [admin, assistant, assistant2, csm, merch, orderdesk, warehouse, driver, lossprev, finance] = await Promise.all(
    [
      'admin',
      'assistant',
      'assistant2',
      'csmanager',
      'merch',
      'orderdesk',
      'warehouse',
      'driver',
      'lossprev',
      'finance',
    ].map((u) => loginAs(srv.url, u)),
  );
});
afterAll(() => srv?.close());

const roles = () => ({ assistant2, csm, orderdesk, driver, finance });
const stockOf = async (id: number) => (await admin.get(`/products/${id}`)).body.stock as number;

describe(`returns (6.9) on the ${STORE_KIND} store`, () => {
  it('the whole flow by its roles; every other role refused at each step; stock goes back up', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 25, 100);
    const order = await deliveredOrder(roles(), cust.id, [{ productId: p.id, qty: 5, unitPrice: 25 }]);
    // POST ignores server-controlled fields: a copied record never brings its status or approvals
    const created = await assistant2.post('/returns', {
      orderId: order.id,
      kind: 'return',
      reasonType: 'notNeeded',
      reason: '客户多订，未拆封',
      lines: [{ productId: p.id, qty: 2 }],
      status: 'closed',
      approvals: [{ step: 'submitted', action: 'approve', role: 'merchPlanning', decision: 'approve' }],
      customerSigned: true,
      total: 1,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const ret = created.body;
    expect(ret).toMatchObject({
      status: 'draft',
      approvals: [],
      invoiceDate: '2026-11-27',
      customerId: cust.id,
      orderCode: order.code,
      total: 50,
      special: false,
    });
    expect(ret.customerSigned).toBeUndefined();
    expect(ret.code).toMatch(/^RT-20261127-\d{4}$/);
    const path = `/returns/${ret.id}`;

    await act(merch, path, 'approve', 409); // not submitted yet
    await act(assistant, path, 'submit', 403); // someone else's draft
    await act(driver, path, 'submit', 403);
    await act(assistant2, path, 'submit', 200);
    for (const who of [assistant2, csm, orderdesk, warehouse, lossprev]) await act(who, path, 'approve', 403);
    expect((await assistant2.put(path, { reason: '改一下' })).status).toBe(409); // no edits once submitted
    await act(merch, path, 'approve', 200);
    for (const who of [merch, driver, warehouse]) await act(who, path, 'print', 403);
    await act(orderdesk, path, 'print', 200);
    for (const who of [orderdesk, warehouse, assistant2]) await act(who, path, 'collect', 403);
    const collected = await act(driver, path, 'collect', 200);
    expect(collected.customerSigned).toBe(true);
    for (const who of [driver, orderdesk]) await act(who, path, 'inspect', 403);
    await act(warehouse, path, 'inspect', 200);
    for (const who of [warehouse, merch, finance]) await act(who, path, 'finalize', 403);
    expect(await stockOf(p.id)).toBe(95); // the order's 5 left stock when picked (6.2.5)
    const closed = await act(orderdesk, path, 'finalize', 200);
    expect(closed.status).toBe('closed');
    expect(await stockOf(p.id)).toBe(97); // 2 back with the formal return note (6.9.3)
    await act(orderdesk, path, 'finalize', 409);
    expect(closed.approvals.map((a: { role: string; action: string }) => `${a.role}:${a.action}`)).toEqual([
      'assistant:submit',
      'merchPlanning:approve',
      'orderDesk:print',
      'driver:collect',
      'warehouse:inspect',
      'orderDesk:finalize',
    ]);
    const history = await admin.get(`/products/${p.id}/history`);
    expect(
      history.body.some(
        (h: { action: string; changes: { by?: string } }) =>
          h.action === 'stock' && h.changes.by === `returns#${ret.id}`,
      ),
    ).toBe(true);
    // the list filters by order and status
    const list = await merch.get('/returns' + q({ filter: { orderId: order.id, status: 'closed' } }));
    expect(list.body.map((r: { id: number }) => r.id)).toEqual([ret.id]);
  });

  it('6.9.1 no more than delivered, counting earlier returns; only delivered orders', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 10, 50);
    const order = await deliveredOrder(roles(), cust.id, [{ productId: p.id, qty: 3, unitPrice: 10 }]);
    const body = (qty: number) => ({
      orderId: order.id,
      kind: 'return',
      reasonType: 'wrongGoods',
      reason: '错发',
      lines: [{ productId: p.id, qty }],
    });
    const over = await assistant2.post('/returns', body(4));
    expect([over.status, over.body.rule]).toEqual([422, '6.9.1']);
    expect(over.body.errors['lines.0.qty']).toBeTruthy();
    expect((await assistant2.post('/returns', body(2))).status).toBe(201);
    const second = await assistant2.post('/returns', body(2));
    expect([second.status, second.body.rule]).toEqual([422, '6.9.1']);
    expect((await assistant2.post('/returns', body(1))).status).toBe(201);
    // an order not yet delivered
    const o = (
      await assistant2.post('/orders', {
        customerId: cust.id,
        channel: 'phone',
        paymentMethod: 'cash',
        linesConfirmed: true,
        lines: [{ productId: p.id, qty: 1, unitPrice: 10 }],
      })
    ).body;
    const notYet = await assistant2.post('/returns', { ...body(1), orderId: o.id });
    expect([notYet.status, notYet.body.rule]).toEqual([422, '6.9.1']);
    // a driver may not create returns
    expect((await driver.post('/returns', body(1))).status).toBe(403);
  });

  it('5.3.2 / 5.7.2: day 15 after the invoice date is accepted, day 16 refused', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 10, 50);
    const order = await deliveredOrder(roles(), cust.id, [{ productId: p.id, qty: 4, unitPrice: 10 }]);
    const body = {
      orderId: order.id,
      kind: 'return',
      reasonType: 'notNeeded',
      reason: '不需要',
      lines: [{ productId: p.id, qty: 1 }],
    };
    try {
      srv.clock.now = new Date('2026-12-12T02:00:00Z'); // 27 Nov + 15 days, 10:00
      let a2 = await loginAs(srv.url, 'assistant2'); // tokens expire: log in at the new time
      const ok = await a2.post('/returns', body);
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      srv.clock.now = new Date('2026-12-13T02:00:00Z'); // day 16
      a2 = await loginAs(srv.url, 'assistant2');
      const late = await a2.post('/returns', body);
      expect([late.status, late.body.rule]).toEqual([422, '5.3.2']);
      expect(late.body.errors.invoiceDate).toBeTruthy();
      // the draft of day 15 cannot be submitted on day 16 either
      const sub = await a2.post(`/returns/${ok.body.id}/actions/submit`, {});
      expect([sub.status, sub.body.rule]).toEqual([422, '5.3.2']);
      expect((await a2.get(`/returns/${ok.body.id}`)).body.status).toBe('draft');
    } finally {
      srv.clock.now = TEST_NOW;
    }
  });

  it("5.3.2: an OA consumable with a quality defect needs the maker's confirmation", async () => {
    const cust = await makeCustomer(admin);
    const toner = await makeProduct(admin, 300, 20, { category: 'oaConsumable' });
    const order = await deliveredOrder(roles(), cust.id, [{ productId: toner.id, qty: 1, unitPrice: 300 }]);
    const body = (makerConfirmed: boolean) => ({
      orderId: order.id,
      kind: 'exchange',
      reasonType: 'qualityDefect',
      reason: '打印有条纹',
      lines: [{ productId: toner.id, qty: 1, makerConfirmed }],
    });
    const no = await assistant2.post('/returns', body(false));
    expect([no.status, no.body.rule]).toEqual([422, '5.3.2']);
    expect((await assistant2.post('/returns', body(true))).status).toBe(201);
  });

  it('6.9.5: special goods go to loss prevention, who approve (continuing the flow) or refuse', async () => {
    const cust = await makeCustomer(admin);
    const special = await makeProduct(admin, 80, 10, { catalog: false });
    const normal = await makeProduct(admin, 20, 10);
    const order = await deliveredOrder(roles(), cust.id, [
      { productId: special.id, qty: 2, unitPrice: 80 },
      { productId: normal.id, qty: 2, unitPrice: 20 },
    ]);
    const a = (
      await assistant2.post('/returns', {
        orderId: order.id,
        kind: 'return',
        reasonType: 'notNeeded',
        reason: '特殊订购，客户取消',
        lines: [{ productId: special.id, qty: 1 }],
      })
    ).body;
    expect(a.special).toBe(true);
    expect((await act(assistant2, `/returns/${a.id}`, 'submit', 200)).status).toBe('lossReview');
    await act(merch, `/returns/${a.id}`, 'approve', 403);
    await act(lossprev, `/returns/${a.id}`, 'approve', 422); // the reason is required
    expect((await act(lossprev, `/returns/${a.id}`, 'approve', 200, { comment: '客户承担10%损失后同意' })).status).toBe(
      'approved',
    );
    // flagged on the line, refused: final
    const b = (
      await assistant2.post('/returns', {
        orderId: order.id,
        kind: 'return',
        reasonType: 'notNeeded',
        reason: '不要了',
        lines: [{ productId: normal.id, qty: 1, special: true }],
      })
    ).body;
    await act(assistant2, `/returns/${b.id}`, 'submit', 200);
    expect(
      (await act(lossprev, `/returns/${b.id}`, 'reject', 200, { comment: '特殊订购商品不予退货 (6.5.4)' })).status,
    ).toBe('refused');
    await act(assistant2, `/returns/${b.id}`, 'cancel', 409, { comment: 'x' });
    // refused returns no longer hold the quantity
    expect(
      (
        await assistant2.post('/returns', {
          orderId: order.id,
          kind: 'return',
          reasonType: 'notNeeded',
          reason: '不要了',
          lines: [{ productId: normal.id, qty: 2 }],
        })
      ).status,
    ).toBe(201);
  });

  it('6.9.4: a same-day return skips approval; the driver confirms on the spot, then warehouse and order desk', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 15, 40);
    const order = await deliveredOrder(roles(), cust.id, [{ productId: p.id, qty: 6, unitPrice: 15 }]);
    const r = (
      await assistant2.post('/returns', {
        orderId: order.id,
        kind: 'return',
        reasonType: 'wrongGoods',
        reason: '当场发现颜色不对',
        sameDay: true,
        lines: [{ productId: p.id, qty: 6 }],
      })
    ).body;
    expect(r.status).toBe('atDelivery');
    const path = `/returns/${r.id}`;
    await act(warehouse, path, 'sameDayReturn', 403);
    const taken = await act(driver, path, 'sameDayReturn', 200);
    expect(taken).toMatchObject({ status: 'collected', customerSigned: true, driverSigned: true });
    await act(warehouse, path, 'inspect', 200);
    await act(orderdesk, path, 'finalize', 200);
    expect(await stockOf(p.id)).toBe(40); // 6 picked out (6.2.5), 6 back in (6.9.3)
    expect((await assistant2.get(path)).body.approvals.map((a: { action: string }) => a.action)).toEqual([
      'sameDayReturn',
      'inspect',
      'finalize',
    ]);
    // the next day it is no longer "same day"
    try {
      srv.clock.now = new Date('2026-11-30T02:00:00Z');
      const a2 = await loginAs(srv.url, 'assistant2');
      const late = await a2.post('/returns', {
        orderId: order.id,
        kind: 'return',
        reasonType: 'wrongGoods',
        reason: 'x',
        sameDay: true,
        lines: [{ productId: p.id, qty: 1 }],
      });
      expect(late.status).toBe(422);
      expect(Object.keys(late.body.errors).sort()).toEqual(['lines.0.qty', 'sameDay']); // all 6 returned already; not delivered today (6.9.4)
    } finally {
      srv.clock.now = TEST_NOW;
    }
  });

  it('reject returns the draft to the assistant with a reason; cancel needs one too', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 12, 20);
    const order = await deliveredOrder(roles(), cust.id, [{ productId: p.id, qty: 2, unitPrice: 12 }]);
    const r = (
      await assistant2.post('/returns', {
        orderId: order.id,
        kind: 'return',
        reasonType: 'notNeeded',
        reason: '不要了',
        lines: [{ productId: p.id, qty: 1 }],
      })
    ).body;
    const path = `/returns/${r.id}`;
    await act(assistant2, path, 'submit', 200);
    await act(merch, path, 'reject', 422);
    expect((await act(merch, path, 'reject', 200, { comment: '请注明是否拆封' })).status).toBe('rejected');
    const edited = await assistant2.put(path, { reason: '不要了，未拆封' });
    expect(edited.status).toBe(200);
    expect((await act(assistant2, path, 'submit', 200)).status).toBe('submitted');
    const actions = await merch.get(`${path}/actions`);
    expect(actions.body.map((a: { action: string }) => a.action).sort()).toEqual(['approve', 'reject']);
    expect((await admin.del(path)).status).toBe(403);
  });

  it('roles without business with returns cannot read them', async () => {
    const sales = await loginAs(srv.url, 'salesmgr');
    expect((await sales.get('/returns')).status).toBe(403);
    expect((await driver.get('/returns')).status).toBe(200);
  });
});
