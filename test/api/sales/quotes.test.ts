import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atShanghai } from '../../../src/domain/calendar';
import { makeCustomer, makeProduct } from '../../helpers/fixtures';
import { client, loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../../helpers/server';

/** Quotes 销售报价单 (6.4) against the real server, and the order pricing rule that uses them (6.4.4). */

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C, ka: C, smbAssistant: C, csm: C, rep: C, driver: C, finance: C;
let ids: Record<string, number>;

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  [admin, ka, smbAssistant, csm, rep, driver, finance] = await Promise.all(
    ['admin', 'assistant3', 'assistant2', 'csmanager', 'salesrep', 'driver', 'finance'].map((u) => loginAs(srv.url, u)),
  );
  const users = (await admin.get('/users' + q({ range: [0, 99] }))).body as { id: number; username: string }[];
  ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
});
afterAll(() => srv?.close());

const at = (day: string, time: string) => atShanghai(day, time);
/** run with the server's clock at `when` (signed in afresh: a token lasts a working day), then put it back */
async function atTime<T>(when: Date, fn: (as: (username: string) => Promise<C>) => Promise<T>): Promise<T> {
  const before = srv.clock.now;
  srv.clock.now = when;
  try {
    return await fn((username) => loginAs(srv.url, username));
  } finally {
    srv.clock.now = before;
  }
}

/** a key account trading for over a year, looked after by assistant3 */
const keyAccount = (extra: Record<string, unknown> = {}) =>
  makeCustomer(admin, { tier: 'keyAccount', assistantId: ids.assistant3, ...extra });
/** a product of catalog price 100 and the given cost */
const product100 = (cost: number, extra: Record<string, unknown> = {}) =>
  makeProduct(admin, 100, 100, { cost, ...extra });

const quoteBody = (
  customerId: number,
  lines: { productId: number; qty: number; unitPrice: number }[],
  extra: Record<string, unknown> = {},
) => ({ customerId, validUntil: '2026-12-11', lines, ...extra });

describe(`quotes API on the ${STORE_KIND} store`, () => {
  it('create / get / list / update per the contract, with computed margin and 6.4.5 deadlines', async () => {
    const cust = await keyAccount();
    const p = await product100(85);
    const created = await ka.post(
      '/quotes',
      quoteBody(cust.id, [{ productId: p.id, qty: 10, unitPrice: 100 }], { note: '季度采购报价' }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const qt = created.body;
    expect(qt).toMatchObject({
      status: 'draft',
      version: 1,
      approvals: [],
      total: 1000,
      costTotal: 850,
      margin: 15,
      needsReview: false,
      keyAccount: true,
      repQuote: false,
      quotedBy: ids.assistant3,
      customerName: cust.name,
    });
    expect(qt.code).toMatch(/^QT-20261127-\d{4}$/);
    expect(qt.lines[0]).toMatchObject({
      productId: p.id,
      qty: 10,
      unitPrice: 100,
      cost: 85,
      catalogPrice: 100,
      amount: 1000,
      margin: 15,
      marginClass: 'normal',
      productName: p.name,
    });
    // inquiry now (Friday 14:30): reply due 4 working hours later = Monday 09:00, at the latest Monday 14:30
    expect(qt.inquiryAt).toBe(TEST_NOW.toISOString());
    expect(qt.replyDeadline).toBe(at('2026-11-30', '09:00').toISOString());
    expect(qt.replyLatest).toBe(at('2026-11-30', '14:30').toISOString());

    expect((await csm.get(`/quotes/${qt.id}`)).body.code).toBe(qt.code);
    const list = await csm.get(
      '/quotes' + q({ filter: { customerId: cust.id }, sort: ['validUntil', 'ASC'], range: [0, 9] }),
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toBe('quotes 0-0/1');
    expect((await csm.get('/quotes' + q({ filter: { q: qt.code } }))).body.map((x: { id: number }) => x.id)).toEqual([
      qt.id,
    ]);
    expect(
      (
        await csm.get(
          '/quotes' + q({ filter: { validUntil_lte: '2026-12-11', needsReview: false, customerId: cust.id } }),
        )
      ).body,
    ).toHaveLength(1);
    expect((await csm.get('/quotes' + q({ sort: ['margin', 'ASC'] }))).status).toBe(400); // not a column

    const upd = await ka.put(`/quotes/${qt.id}`, {
      ...qt,
      lines: [{ productId: p.id, qty: 20, unitPrice: 100 }],
      total: 1,
      status: 'sent',
    });
    expect(upd.status, JSON.stringify(upd.body)).toBe(200);
    expect(upd.body).toMatchObject({ total: 2000, status: 'draft', version: 2 });
    expect((await ka.put(`/quotes/${qt.id}`, { note: 'x', version: 1 })).status).toBe(409);
    expect((await smbAssistant.put(`/quotes/${qt.id}`, { note: '不是我的' })).status).toBe(403);
    expect((await csm.put(`/quotes/${qt.id}`, { note: '经理' })).status).toBe(403);
    expect(
      (await ka.post('/quotes', { customerId: cust.id, lines: [{ productId: p.id, qty: 1, unitPrice: 100 }] })).status,
    ).toBe(400); // validUntil required (6.4.4)
  });

  it('POST ignores status and approvals: a duplicated quote starts as a draft without approvals', async () => {
    const cust = await keyAccount();
    const p = await product100(60); // 40 %: outside the band
    const dup = await ka.post(
      '/quotes',
      quoteBody(cust.id, [{ productId: p.id, qty: 1, unitPrice: 100 }], {
        status: 'approved',
        approvals: [{ step: 'review', action: 'approve', role: 'csManager', by: ids.csmanager, decision: 'approve' }],
        needsReview: false,
        repliedAt: '2026-11-27T01:00:00Z',
      }),
    );
    expect(dup.status).toBe(201);
    expect(dup.body).toMatchObject({ status: 'draft', approvals: [], needsReview: true });
    expect(dup.body.repliedAt).toBeUndefined();
    // and it cannot be sent without the csManager (6.4.3)
    const send = await ka.post(`/quotes/${dup.body.id}/actions/send`, {});
    expect([send.status, send.body.rule]).toEqual([422, '6.4.3']);
  });

  it('6.4.3 outside the band: submit → csManager approves → sent → accepted → converted into an order with the quote’s prices', async () => {
    const cust = await keyAccount();
    const p = await product100(70);
    const qt = (await ka.post('/quotes', quoteBody(cust.id, [{ productId: p.id, qty: 6, unitPrice: 120 }]))).body; // 41.7 %
    expect(qt.needsReview).toBe(true);
    expect(qt.reviewReason).toContain('10%–20%');
    expect((await ka.post(`/quotes/${qt.id}/actions/send`, {})).body.rule).toBe('6.4.3');
    expect((await ka.post(`/quotes/${qt.id}/actions/approve`, {})).status).toBe(403);
    const sub = await ka.post(`/quotes/${qt.id}/actions/submit`, {});
    expect(sub.body.status).toBe('review');
    // the csManager's inbox has it; a partial chain does not release it
    expect(
      ((await csm.get('/myWork')).body as { resource: string; id: number }[]).some(
        (i) => i.resource === 'quotes' && i.id === qt.id,
      ),
    ).toBe(true);
    expect((await ka.post(`/quotes/${qt.id}/actions/send`, {})).status).toBe(409);
    expect((await rep.post(`/quotes/${qt.id}/actions/approve`, {})).status).toBe(403);
    const acts = (await csm.get(`/quotes/${qt.id}/actions`)).body.map((a: { action: string }) => a.action).sort();
    expect(acts).toEqual(['approve', 'cancel', 'reject']);
    const ok = await csm.post(`/quotes/${qt.id}/actions/approve`, { comment: '大客户小批量，同意' });
    expect(ok.body.status).toBe('approved');
    expect(ok.body.approvals.map((a: { role: string; decision: string }) => [a.role, a.decision])).toEqual([
      ['assistant', 'other'],
      ['csManager', 'approve'],
    ]);
    expect((await csm.post(`/quotes/${qt.id}/actions/send`, {})).status).toBe(403);
    const sent = await ka.post(`/quotes/${qt.id}/actions/send`, {});
    expect(sent.body).toMatchObject({ status: 'sent', repliedAt: TEST_NOW.toISOString(), replySla: 'onTime' });
    expect((await ka.post(`/quotes/${qt.id}/actions/convert`, {})).status).toBe(409);
    expect((await ka.post(`/quotes/${qt.id}/actions/accept`, {})).body.status).toBe('accepted');
    const conv = await ka.post(`/quotes/${qt.id}/actions/convert`, {});
    expect(conv.status, JSON.stringify(conv.body)).toBe(200);
    expect(conv.body.status).toBe('converted');
    const order = (await ka.get(`/orders/${conv.body.orderId}`)).body;
    expect(order).toMatchObject({
      customerId: cust.id,
      channel: 'phone',
      paymentMethod: 'cash',
      quoteId: qt.id,
      linesConfirmed: false,
      status: 'draft',
      assistantId: ids.assistant3,
      subtotal: 720,
      total: 720,
    });
    expect(
      order.lines.map((l: { productId: number; qty: number; unitPrice: number }) => [l.productId, l.qty, l.unitPrice]),
    ).toEqual([[p.id, 6, 120]]);
    // the order goes on through its own flow at the quoted price
    expect((await ka.put(`/orders/${order.id}`, { linesConfirmed: true })).status).toBe(200);
    expect((await ka.post(`/orders/${order.id}/actions/submit`, {})).body.status).toBe('submitted');
    expect((await csm.post(`/orders/${order.id}/actions/approve`, {})).body.status).toBe('approved');
    expect((await ka.post(`/quotes/${qt.id}/actions/convert`, {})).status).toBe(409); // once only
  });

  it('roles: who may not read, create or take the steps (403), wrong status (409)', async () => {
    const cust = await keyAccount();
    const p = await product100(85);
    expect((await driver.get('/quotes')).status).toBe(403);
    expect((await csm.post('/quotes', quoteBody(cust.id, [{ productId: p.id, qty: 1, unitPrice: 100 }]))).status).toBe(
      403,
    );
    expect(
      (await finance.post('/quotes', quoteBody(cust.id, [{ productId: p.id, qty: 1, unitPrice: 100 }]))).status,
    ).toBe(403);
    const qt = (await ka.post('/quotes', quoteBody(cust.id, [{ productId: p.id, qty: 1, unitPrice: 100 }]))).body;
    expect((await smbAssistant.post(`/quotes/${qt.id}/actions/send`, {})).status).toBe(403); // another assistant's quote
    expect((await ka.post(`/quotes/${qt.id}/actions/accept`, {})).status).toBe(409);
    expect((await ka.post(`/quotes/${qt.id}/actions/fly`, {})).status).toBe(404);
    expect((await ka.post(`/quotes/${qt.id}/actions/cancel`, {})).status).toBe(422); // a reason is required
    expect((await ka.del(`/quotes/${qt.id}`)).status).toBe(403);
    const sent = await ka.post(`/quotes/${qt.id}/actions/send`, {});
    expect(sent.body.status).toBe('sent');
    expect((await ka.put(`/quotes/${qt.id}`, { note: 'after sending' })).status).toBe(409);
    // the rep follows up with the assistant (6.4.6): may record the customer's answer
    expect((await rep.post(`/quotes/${qt.id}/actions/decline`, { comment: '客户已向别家采购' })).body.status).toBe(
      'declined',
    );
  });

  it('6.4.3 SMB customers are quoted catalog prices only', async () => {
    const cust = await makeCustomer(admin);
    const p = await product100(85);
    const r = await smbAssistant.post('/quotes', quoteBody(cust.id, [{ productId: p.id, qty: 2, unitPrice: 95 }]));
    expect([r.status, r.body.rule]).toEqual([422, '6.4.3']);
    expect(Object.keys(r.body.errors)).toEqual(['lines.0.unitPrice']);
    const ok = await smbAssistant.post('/quotes', quoteBody(cust.id, [{ productId: p.id, qty: 2, unitPrice: 100 }]));
    expect(ok.status).toBe(201);
  });

  it('6.4.6 a customer in the first 3 months is quoted by the sales rep only', async () => {
    const cust = await keyAccount({ firstTradeAt: '2026-10-15T02:00:00.000Z', salesRepId: ids.salesrep });
    const p = await product100(85);
    const body = quoteBody(cust.id, [{ productId: p.id, qty: 3, unitPrice: 100 }]);
    const refused = await ka.post('/quotes', body);
    expect([refused.status, refused.body.rule]).toEqual([403, '6.4.6']);
    const byRep = await rep.post('/quotes', body);
    expect(byRep.status).toBe(201);
    expect(byRep.body).toMatchObject({ repQuote: true, quotedBy: ids.salesrep });
    expect((await ka.post(`/quotes/${byRep.body.id}/actions/send`, {})).body.rule).toBe('6.4.6');
    expect((await ka.put(`/quotes/${byRep.body.id}`, { note: '助理修改' })).status).toBe(403);
    expect((await rep.post(`/quotes/${byRep.body.id}/actions/send`, {})).body.status).toBe('sent');
    // the assistant assists: records the customer's acceptance
    expect((await ka.post(`/quotes/${byRep.body.id}/actions/accept`, {})).body.status).toBe('accepted');
  });

  it('6.4.5 an inquiry at 15:00 on Friday is due Monday 09:30, at the latest Monday 15:00; a late reply is marked', async () => {
    const cust = await keyAccount();
    const p = await product100(85);
    const qt = await atTime(at('2026-11-27', '15:00'), () =>
      ka.post('/quotes', quoteBody(cust.id, [{ productId: p.id, qty: 3, unitPrice: 100 }])),
    );
    expect(qt.body.replyDeadline).toBe(at('2026-11-30', '09:30').toISOString());
    expect(qt.body.replyLatest).toBe(at('2026-11-30', '15:00').toISOString());
    const sent = await atTime(at('2026-11-30', '10:00'), async (as) =>
      (await as('assistant3')).post(`/quotes/${qt.body.id}/actions/send`, {}),
    );
    expect(sent.body).toMatchObject({ status: 'sent', replySla: 'withinDay' });
    // an inquiry cannot be dated in the future
    const future = await ka.post(
      '/quotes',
      quoteBody(cust.id, [{ productId: p.id, qty: 1, unitPrice: 100 }], { inquiryAt: '2026-11-27T07:00:00Z' }),
    );
    expect([future.status, future.body.rule]).toEqual([422, '6.4.5']);
  });

  it('6.4.4 an expired quote cannot be accepted or converted; it is marked expired', async () => {
    const cust = await keyAccount();
    const p = await product100(85);
    const qt = (
      await ka.post(
        '/quotes',
        quoteBody(cust.id, [{ productId: p.id, qty: 4, unitPrice: 100 }], { validUntil: '2026-11-27' }),
      )
    ).body;
    await ka.post(`/quotes/${qt.id}/actions/send`, {});
    const accepted = await ka.post(`/quotes/${qt.id}/actions/accept`, {});
    expect(accepted.body.status).toBe('accepted');
    expect((await ka.post(`/quotes/${qt.id}/actions/expire`, {})).body.rule).toBe('6.4.4'); // still valid today
    await atTime(at('2026-11-28', '09:00'), async (as) => {
      const ka = await as('assistant3');
      const conv = await ka.post(`/quotes/${qt.id}/actions/convert`, {});
      expect([conv.status, conv.body.rule]).toEqual([422, '6.4.4']);
      expect(conv.body.errors.validUntil).toBeTruthy();
      const actions = (await ka.get(`/quotes/${qt.id}/actions`)).body as { action: string; allowed: boolean }[];
      expect(actions.find((a) => a.action === 'convert')?.allowed).toBe(false);
      expect((await ka.post(`/quotes/${qt.id}/actions/expire`, {})).body.status).toBe('expired');
    });
    expect((await ka.get('/orders' + q({ filter: { customerId: cust.id } }))).body).toEqual([]);
    // at the catalog price an order needs no quote (an expired one is harmless); a validity before today is refused
    const o = await ka.post('/orders', {
      customerId: cust.id,
      channel: 'phone',
      paymentMethod: 'cash',
      quoteId: qt.id,
      linesConfirmed: true,
      lines: [{ productId: p.id, qty: 4, unitPrice: 100 }],
    });
    expect(o.status).toBe(201); // the catalog price needs no quote
    const saved = await ka.post(
      '/quotes',
      quoteBody(cust.id, [{ productId: p.id, qty: 1, unitPrice: 100 }], { validUntil: '2026-11-26' }),
    );
    expect([saved.status, saved.body.rule]).toEqual([422, '6.4.4']);
  });
});

describe('6.4.4 a key-account order priced off the catalog needs a matching accepted quote', () => {
  let cust: { id: number }, p: { id: number; name: string }, accepted: { id: number; code: string };
  const order = (extra: Record<string, unknown>, price = 92, by: C = ka) =>
    by.post('/orders', {
      customerId: cust.id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId: p.id, qty: 5, unitPrice: price }],
      ...extra,
    });

  beforeAll(async () => {
    cust = await keyAccount();
    p = await product100(80);
    const qt = (await ka.post('/quotes', quoteBody(cust.id, [{ productId: p.id, qty: 5, unitPrice: 92 }]))).body; // 13 %
    await ka.post(`/quotes/${qt.id}/actions/send`, {});
    accepted = (await ka.post(`/quotes/${qt.id}/actions/accept`, {})).body;
    expect(accepted).toMatchObject({ status: 'accepted' });
  });

  it('refused without a quote (6.4.4), and for an SMB customer at all (6.2.2)', async () => {
    const r = await order({});
    expect([r.status, r.body.rule]).toEqual([422, '6.4.4']);
    expect(Object.keys(r.body.errors)).toEqual(['lines.0.unitPrice']);
    const smb = await makeCustomer(admin);
    const s = await smbAssistant.post('/orders', {
      customerId: smb.id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      quoteId: accepted.id,
      lines: [{ productId: p.id, qty: 5, unitPrice: 92 }],
    });
    expect([s.status, s.body.rule]).toEqual([422, '6.2.2']);
  });

  it('refused with a quote that is not accepted, another customer’s, or at another price', async () => {
    const other = await keyAccount();
    const foreign = (await ka.post('/quotes', quoteBody(other.id, [{ productId: p.id, qty: 5, unitPrice: 92 }]))).body;
    for (const [quoteId, price, what] of [
      [foreign.id, 92, 'another customer'],
      [accepted.id, 91.99, 'other price'],
    ] as const) {
      const r = await order({ quoteId }, price);
      expect([r.status, r.body.rule], what).toEqual([422, '6.4.4']);
    }
    const sentOnly = (await ka.post('/quotes', quoteBody(cust.id, [{ productId: p.id, qty: 5, unitPrice: 93 }]))).body;
    await ka.post(`/quotes/${sentOnly.id}/actions/send`, {});
    const r = await order({ quoteId: sentOnly.id }, 93);
    expect([r.status, r.body.rule]).toEqual([422, '6.4.4']);
    expect(r.body.message).toContain(sentOnly.code);
  });

  it('accepted with the accepted, unexpired quote at its price; refused once it has expired', async () => {
    const ok = await order({ quoteId: accepted.id });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ quoteId: accepted.id, subtotal: 460 });
    const late = await atTime(at('2026-12-12', '09:00'), async (as) =>
      order({ quoteId: accepted.id }, 92, await as('assistant3')),
    );
    expect([late.status, late.body.rule]).toEqual([422, '6.4.4']);
  });

  it('nothing is saved by a refused request', async () => {
    const before = (await csm.get('/orders' + q({ filter: { customerId: cust.id } }))).headers.get('content-range');
    await order({});
    expect((await csm.get('/orders' + q({ filter: { customerId: cust.id } }))).headers.get('content-range')).toBe(
      before,
    );
    expect((await client(srv.url).get('/quotes')).status).toBe(401);
  });
});
