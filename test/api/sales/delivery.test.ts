import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atShanghai } from '../../../src/domain/calendar';
import { makeCustomer, makeProduct } from '../../helpers/fixtures';
import { loginAs, q, startTestServer, STORE_KIND, type TestServer } from '../../helpers/server';

/** Handwritten delivery notes (6.7) and urgent delivery letters (6.8) against the real server. */

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C, assistant: C, other: C, csm: C, orderdesk: C, driver: C, finance: C, warehouse: C;

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  [admin, assistant, other, csm, orderdesk, driver, finance, warehouse] = await Promise.all(
    ['admin', 'assistant2', 'assistant4', 'csmanager', 'orderdesk', 'driver', 'finance', 'warehouse'].map((u) =>
      loginAs(srv.url, u),
    ),
  );
});
afterAll(() => srv?.close());

const at = (day: string, time: string) => atShanghai(day, time);

/** an order by assistant2 for `customerId`, submitted and approved unless `approve` is false */
async function order(customerId: number, by: C, approve = true) {
  const p = await makeProduct(admin, 120);
  const o = (
    await by.post('/orders', {
      customerId,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId: p.id, qty: 2, unitPrice: 120 }],
    })
  ).body;
  if (!approve) return o;
  expect((await by.post(`/orders/${o.id}/actions/submit`, {})).status).toBe(200);
  const ok = await csm.post(`/orders/${o.id}/actions/approve`, {});
  expect(ok.body.status).toBe('approved');
  return ok.body;
}

describe(`handwritten delivery notes API on the ${STORE_KIND} store (6.7)`, () => {
  it('only against an approved order in the system, with a reason; one per order', async () => {
    const cust = await makeCustomer(admin);
    const draft = await order(cust.id, assistant, false);
    const early = await assistant.post('/handwrittenNotes', {
      orderId: draft.id,
      reason: 'systemDown',
      reasonText: '打印机故障',
    });
    expect([early.status, early.body.rule]).toEqual([422, '6.7.2']);
    expect(
      (await assistant.post('/handwrittenNotes', { orderId: 999999, reason: 'systemDown', reasonText: 'x' })).body.rule,
    ).toBe('6.7.2');
    expect(
      (await assistant.post('/handwrittenNotes', { orderId: draft.id, reason: 'computerBroken', reasonText: 'x' }))
        .status,
    ).toBe(400);
    expect((await assistant.post('/handwrittenNotes', { orderId: draft.id, reason: 'systemDown' })).status).toBe(400);
    const approved = await order(cust.id, assistant);
    const r = await assistant.post('/handwrittenNotes', {
      orderId: approved.id,
      reason: 'customerRequest',
      reasonText: '客户要求送货单注明项目编号',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      status: 'requested',
      customerId: cust.id,
      orderCode: approved.code,
      orderTotal: 240,
      customerName: cust.name,
    });
    expect(r.body.code).toMatch(/^HN-20261127-\d{4}$/);
    const dup = await assistant.post('/handwrittenNotes', {
      orderId: approved.id,
      reason: 'systemDown',
      reasonText: '再开一张',
    });
    expect([dup.status, dup.body.rule]).toEqual([422, '6.7.2']);
    expect(
      (await driver.post('/handwrittenNotes', { orderId: approved.id, reason: 'systemDown', reasonText: 'x' })).status,
    ).toBe(403);
  });

  it('walks: order desk writes it → driver gets it signed → finance reconciles with the printed note number', async () => {
    const cust = await makeCustomer(admin);
    const o = await order(cust.id, assistant);
    const note = (
      await assistant.post('/handwrittenNotes', {
        orderId: o.id,
        reason: 'systemDown',
        reasonText: '电脑故障无法打印送货单',
      })
    ).body;
    expect((await other.put(`/handwrittenNotes/${note.id}`, { reasonText: '别人的' })).status).toBe(403);
    expect((await assistant.post(`/handwrittenNotes/${note.id}/actions/write`, {})).status).toBe(403);
    expect((await orderdesk.put(`/handwrittenNotes/${note.id}`, { noteNo: 'SX-0088' })).status).toBe(403); // entered with the step
    const written = await orderdesk.post(`/handwrittenNotes/${note.id}/actions/write`, { noteNo: 'SX-0088' });
    expect(written.body).toMatchObject({
      status: 'written',
      noteNo: 'SX-0088',
      writtenAt: srv.clock.now.toISOString(),
    });
    expect((await assistant.put(`/handwrittenNotes/${note.id}`, { reasonText: '改' })).status).toBe(409);
    expect((await finance.post(`/handwrittenNotes/${note.id}/actions/reconcile`, {})).status).toBe(409);
    expect((await driver.post(`/handwrittenNotes/${note.id}/actions/deliver`, { printedNoteNo: 'DN-1' })).status).toBe(
      400,
    );
    expect((await driver.post(`/handwrittenNotes/${note.id}/actions/deliver`, {})).body.status).toBe('signed');
    const noNo = await finance.post(`/handwrittenNotes/${note.id}/actions/reconcile`, {});
    expect([noNo.status, noNo.body.rule]).toEqual([422, '6.7.5']);
    expect((await orderdesk.post(`/handwrittenNotes/${note.id}/actions/reconcile`, {})).status).toBe(403);
    const done = await finance.post(`/handwrittenNotes/${note.id}/actions/reconcile`, {
      printedNoteNo: 'DN-20261127-0031',
    });
    expect(done.body).toMatchObject({ status: 'reconciled', printedNoteNo: 'DN-20261127-0031' });
    expect(
      (await finance.get('/handwrittenNotes' + q({ filter: { q: 'DN-20261127-0031' } }))).body.map(
        (n: { id: number }) => n.id,
      ),
    ).toEqual([note.id]);
    expect((await driver.post(`/handwrittenNotes/${note.id}/actions/deliver`, {})).status).toBe(409);
  });
});

describe(`urgent delivery letters API on the ${STORE_KIND} store (6.8)`, () => {
  /** run at `when` on the server's clock, signed in afresh */
  async function atTime<T>(when: Date, fn: (as: (u: string) => Promise<C>) => Promise<T>): Promise<T> {
    const before = srv.clock.now;
    srv.clock.now = when;
    try {
      return await fn((u) => loginAs(srv.url, u));
    } finally {
      srv.clock.now = before;
    }
  }

  it('15:29 is accepted for the 15:30 van; 15:30 and 15:31 are refused (6.8.4)', async () => {
    const cust = await makeCustomer(admin, { distanceKm: 12.5 });
    const [o1, o2, o3] = [
      await order(cust.id, assistant),
      await order(cust.id, assistant),
      await order(cust.id, assistant),
    ];
    const ok = await atTime(at('2026-11-27', '15:29'), async (as) =>
      (await as('assistant2')).post('/urgentDeliveries', {
        customerId: cust.id,
        orderId: o1.id,
        receivingDept: '行政部',
      }),
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      status: 'requested',
      slot: 'afternoon',
      requestedAt: at('2026-11-27', '15:29').toISOString(),
      departureAt: at('2026-11-27', '15:30').toISOString(),
      distanceKm: 12.5,
      deliveryAddress: cust.address,
      orderCode: o1.code,
    });
    expect(ok.body.code).toMatch(/^UD-20261127-\d{4}$/);
    for (const [time, o] of [
      ['15:30', o2],
      ['15:31', o3],
    ] as const) {
      const r = await atTime(at('2026-11-27', time), async (as) =>
        (await as('assistant2')).post('/urgentDeliveries', { customerId: cust.id, orderId: o.id }),
      );
      expect([r.status, r.body.rule], time).toEqual([422, '6.8.4']);
    }
    // 11:59 → the 12:00 van; choosing a van that has left is refused
    const noon = await atTime(at('2026-11-27', '11:59'), async (as) =>
      (await as('assistant2')).post('/urgentDeliveries', { customerId: cust.id, orderId: o2.id }),
    );
    expect(noon.body).toMatchObject({ slot: 'noon', departureAt: at('2026-11-27', '12:00').toISOString() });
    const gone = await atTime(at('2026-11-27', '12:01'), async (as) =>
      (await as('assistant2')).post('/urgentDeliveries', { customerId: cust.id, orderId: o3.id, slot: 'noon' }),
    );
    expect([gone.status, gone.body.rule, Object.keys(gone.body.errors ?? {})]).toEqual([422, '6.8.4', ['slot']]);
  });

  it('6.8.1 only within 20 km; the order must be the customer’s and not yet out (6.8.2); one letter per order', async () => {
    const far = await makeCustomer(admin, { distanceKm: 20.1 });
    const near = await makeCustomer(admin, { distanceKm: 20 });
    const unknown = await makeCustomer(admin);
    const fo = await order(far.id, assistant);
    const no = await order(near.id, assistant);
    const uo = await order(unknown.id, assistant);
    const r = await assistant.post('/urgentDeliveries', { customerId: far.id, orderId: fo.id });
    expect([r.status, r.body.rule]).toEqual([422, '6.8.1']);
    expect((await assistant.post('/urgentDeliveries', { customerId: unknown.id, orderId: uo.id })).body.rule).toBe(
      '6.8.1',
    );
    expect((await assistant.post('/urgentDeliveries', { customerId: near.id, orderId: fo.id })).body.rule).toBe(
      '6.8.2',
    );
    const draftOrder = await order(near.id, assistant, false);
    expect((await assistant.post('/urgentDeliveries', { customerId: near.id, orderId: draftOrder.id })).body.rule).toBe(
      '6.8.2',
    );
    expect((await assistant.post('/urgentDeliveries', { customerId: near.id, orderId: no.id })).status).toBe(201);
    const dup = await assistant.post('/urgentDeliveries', { customerId: near.id, orderId: no.id });
    expect([dup.status, dup.body.rule]).toEqual([422, '6.8.2']);
    expect((await driver.post('/urgentDeliveries', { customerId: near.id, orderId: no.id })).status).toBe(403);
  });

  it('walks: order desk schedules → driver takes the van → delivered; other roles refused', async () => {
    const cust = await makeCustomer(admin, { distanceKm: 8 });
    const o = await order(cust.id, assistant);
    const letter = (
      await assistant.post('/urgentDeliveries', {
        customerId: cust.id,
        orderId: o.id,
        latestArrival: '2026-11-27T09:00:00Z',
        receiver: '王伟',
        receiverPhone: '13800138000',
      })
    ).body;
    expect(letter).toMatchObject({ slot: 'afternoon', receiver: '王伟' });
    expect(
      ((await orderdesk.get('/myWork')).body as { resource: string; id: number }[]).some(
        (i) => i.resource === 'urgentDeliveries' && i.id === letter.id,
      ),
    ).toBe(true);
    expect((await assistant.post(`/urgentDeliveries/${letter.id}/actions/schedule`, {})).status).toBe(403);
    expect((await driver.post(`/urgentDeliveries/${letter.id}/actions/dispatch`, {})).status).toBe(409);
    expect((await orderdesk.post(`/urgentDeliveries/${letter.id}/actions/schedule`, {})).body.status).toBe('scheduled');
    expect((await assistant.put(`/urgentDeliveries/${letter.id}`, { receivingDept: '前台' })).status).toBe(409);
    await warehouse.post(`/orders/${o.id}/actions/pick`, {});
    expect((await driver.post(`/urgentDeliveries/${letter.id}/actions/dispatch`, {})).body.status).toBe(
      'outForDelivery',
    );
    expect((await orderdesk.post(`/urgentDeliveries/${letter.id}/actions/deliver`, {})).status).toBe(403);
    const done = await driver.post(`/urgentDeliveries/${letter.id}/actions/deliver`, {});
    expect(done.body).toMatchObject({ status: 'delivered', deliveredAt: srv.clock.now.toISOString() });
    expect(
      (await other.get('/urgentDeliveries' + q({ filter: { status: 'delivered', customerId: cust.id } }))).body.map(
        (x: { id: number }) => x.id,
      ),
    ).toEqual([letter.id]);
    expect((await finance.get('/urgentDeliveries')).status).toBe(403);
  });
});
