import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atShanghai } from '../../../src/domain/calendar';
import { createApi } from '../../../server/core/api';
import { intakeKeyMatches } from '../../../server/core/intake';
import { createHttpApp } from '../../../server/http';
import { makeCustomer, makeProduct } from '../../helpers/fixtures';
import { client, loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../../helpers/server';

/**
 * The web shop intake (4.1.2, 5.2.2): POST /api/intake/orders and /api/intake/memberships with the
 * website's key. The test server has no key (intake closed); a second server over the same store
 * has one.
 */

type C = Awaited<ReturnType<typeof loginAs>>;
const KEY = 'test-intake-key-' + randomBytes(8).toString('hex');
let srv: TestServer;
let shop: Server;
let shopUrl: string;
let admin: C, ecommerce: C, smbAssistant: C;

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  const api = createApi({ store: srv.store, secret: randomBytes(32), now: () => srv.clock.now, intakeKey: KEY });
  shop = await new Promise<Server>((resolve) => {
    const s = createHttpApp(api).listen(0, '127.0.0.1', () => resolve(s));
  });
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  [admin, ecommerce, smbAssistant] = await Promise.all(
    ['admin', 'assistant', 'assistant2'].map((u) => loginAs(srv.url, u)),
  );
});
afterAll(async () => {
  await new Promise((r) => shop?.close(r));
  await srv?.close();
});

/** the client of the e-commerce assistant with this id (and check it is one) */
async function webDeskOf(id: number): Promise<C> {
  const u = (await admin.get(`/users/${id}`)).body;
  expect(u).toMatchObject({ role: 'assistant', group: 'ecommerce' });
  return loginAs(srv.url, u.username);
}

const web = (key?: string) => {
  const c = client(shopUrl);
  return {
    post: (path: string, body: unknown) =>
      c.post(`/intake${path}`, body, key === undefined ? {} : { 'x-intake-key': key }),
  };
};

describe(`web shop intake on the ${STORE_KIND} store`, () => {
  it('no key configured → 503; missing or wrong key → 401; the key is compared in constant time', async () => {
    const closed = await client(srv.url).post('/intake/orders', {}, { 'x-intake-key': KEY });
    expect(closed.status).toBe(503);
    expect((await web().post('/orders', {})).status).toBe(401);
    expect((await web('wrong').post('/orders', {})).status).toBe(401);
    expect((await web(KEY + 'x').post('/orders', {})).status).toBe(401);
    expect((await web(KEY).post('/nothing', {})).status).toBe(404);
    expect((await web(KEY).post('/orders', { lines: 'x' })).status).toBe(400);
    expect(intakeKeyMatches(KEY, KEY)).toBe(true);
    expect(intakeKeyMatches(KEY.slice(0, -1), KEY)).toBe(false);
    expect(intakeKeyMatches(undefined, KEY)).toBe(false);
    expect(intakeKeyMatches('', KEY)).toBe(false);
  });

  it('a member’s order (matched by customer code) becomes a web order awaiting confirmation, at catalog prices', async () => {
    const member = await makeCustomer(admin, { member: true });
    const a = await makeProduct(admin, 45.5, 100);
    const b = await makeProduct(admin, 30, 100);
    const r = await web(KEY).post('/orders', {
      member: { code: member.code },
      customer: { name: member.name, phone: '0755-00000000', address: '深圳市南山区科技园1号', contact: '李小姐' },
      lines: [
        { sku: a.sku, qty: 2 },
        { sku: b.sku, qty: 1 },
      ],
      receivedAt: '2026-11-27T06:29:00Z',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // the 10-minute clock runs from arrival (the server's time), not the website's
    expect(r.body).toMatchObject({
      status: 'pendingConfirmation',
      customerId: member.id,
      member: true,
      membershipOffer: false,
      membershipId: null,
      subtotal: 121,
      total: 121,
      receivedAt: TEST_NOW.toISOString(),
      confirmDeadline: new Date(TEST_NOW.getTime() + 10 * 60_000).toISOString(),
    });
    const o = (await ecommerce.get(`/orders/${r.body.orderId}`)).body;
    // dispatched to the e-commerce assistant with the fewest web orders waiting (5.2.2)
    const desk = await webDeskOf(o.assistantId);
    expect(o).toMatchObject({
      channel: 'web',
      paymentMethod: 'cash',
      linesConfirmed: false,
      deliveryAddress: '深圳市南山区科技园1号',
      receiver: '李小姐',
    });
    expect(o.lines.map((l: { qty: number; unitPrice: number }) => [l.qty, l.unitPrice])).toEqual([
      [2, 45.5],
      [1, 30],
    ]);
    expect(o.note).toContain('2026-11-27T06:29:00.000Z');
    expect(o.code).toMatch(/^SO-20261127-\d{4}$/);
    // audited as the web shop; waiting in the e-commerce assistants' inbox
    const history = (await admin.get(`/orders/${o.id}/history`)).body as { userName: string; action: string }[];
    expect(history[0]).toMatchObject({ userName: '网上商城', action: 'create from intake' });
    expect(
      ((await desk.get('/myWork')).body as { resource: string; id: number }[]).some(
        (i) => i.resource === 'orders' && i.id === o.id,
      ),
    ).toBe(true);
    // that assistant confirms the lines with the customer (6.2.1), then the order (5.1.1)
    expect((await desk.put(`/orders/${o.id}`, { linesConfirmed: true })).status).toBe(200);
    expect((await smbAssistant.post(`/orders/${o.id}/actions/confirm`, {})).status).toBe(403);
    expect((await desk.post(`/orders/${o.id}/actions/confirm`, {})).body).toMatchObject({
      status: 'submitted',
      confirmedAt: TEST_NOW.toISOString(),
    });
  });

  it('a non-member is told apart: a new customer with member false, and a membership offer for the e-commerce assistant', async () => {
    const p = await makeProduct(admin, 25, 100);
    const phone = '139' + String(Date.now()).slice(-8);
    const r = await web(KEY).post('/orders', {
      member: null,
      customer: { name: '深圳市星海设计工作室', phone, address: '深圳市福田区华强北路8号', contact: '陈先生' },
      lines: [{ sku: p.sku, qty: 3 }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ member: false, membershipOffer: true, subtotal: 75, deliveryFee: 10, total: 85 });
    const cust = (await admin.get(`/customers/${r.body.customerId}`)).body;
    expect(cust).toMatchObject({
      name: '深圳市星海设计工作室',
      phone,
      member: false,
      tier: 'smb',
      settlement: 'cash',
      contact: '陈先生',
      code: r.body.customerCode,
    });
    expect(cust.code).toMatch(/^\d{6}$/);
    const offer = (await ecommerce.get(`/memberships/${r.body.membershipId}`)).body;
    expect(offer).toMatchObject({
      status: 'toOffer',
      source: 'webOrder',
      customerId: cust.id,
      orderId: r.body.orderId,
    });
    // a second order from the same phone: the same customer, no second offer
    const again = await web(KEY).post('/orders', {
      member: null,
      customer: { name: '深圳市星海设计工作室', phone, address: '深圳市福田区华强北路8号', contact: '陈先生' },
      lines: [{ sku: p.sku, qty: 1 }],
    });
    expect(again.body).toMatchObject({ customerId: cust.id, membershipId: offer.id });
    // the e-commerce group invites (5.2.2); another group may not
    expect((await smbAssistant.post(`/memberships/${offer.id}/actions/invite`, {})).status).toBe(403);
    expect((await ecommerce.post(`/memberships/${offer.id}/actions/invite`, {})).body.status).toBe('invited');
    // the customer applies on the website: the same record moves on
    const applied = await web(KEY).post('/memberships', {
      customer: {
        name: '深圳市星海设计工作室',
        phone,
        address: '深圳市福田区华强北路8号',
        contact: '陈先生',
        email: 'chen@example.com',
      },
      note: '每月采购办公用品',
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toMatchObject({ membershipId: offer.id, status: 'applied', customerId: cust.id });
    const ok = await ecommerce.post(`/memberships/${offer.id}/actions/approve`, {});
    expect(ok.body.status).toBe('approved');
    expect((await admin.get(`/customers/${cust.id}`)).body.member).toBe(true);
    // now a member: a new application is refused, and the next order is a member's
    expect(
      (await web(KEY).post('/memberships', { customer: { name: 'x', phone, address: 'x', contact: 'x' } })).status,
    ).toBe(409);
    expect(
      (
        await web(KEY).post('/orders', {
          member: {},
          customer: { name: 'x', phone, address: 'x', contact: 'x' },
          lines: [{ sku: p.sku, qty: 1 }],
        })
      ).body,
    ).toMatchObject({ member: true, membershipOffer: false, customerId: cust.id });
  });

  it('an application from someone unknown creates the customer (member false) and an application to review', async () => {
    const phone = '138' + String(Date.now()).slice(-8);
    const r = await web(KEY).post('/memberships', {
      customer: { name: '深圳市鼎盛物业管理有限公司', phone, address: '深圳市罗湖区人民南路1号', contact: '吴经理' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'applied', member: false });
    const m = (await ecommerce.get(`/memberships/${r.body.membershipId}`)).body;
    expect(m).toMatchObject({
      source: 'web',
      applicantName: '深圳市鼎盛物业管理有限公司',
      phone,
      appliedAt: TEST_NOW.toISOString(),
    });
    expect((await ecommerce.post(`/memberships/${m.id}/actions/reject`, {})).status).toBe(422);
    expect((await ecommerce.post(`/memberships/${m.id}/actions/reject`, { comment: '资料不全' })).body.status).toBe(
      'rejected',
    );
    expect((await admin.get(`/customers/${r.body.customerId}`)).body.member).toBe(false);
  });

  it('refuses unknown SKUs and unknown member codes (422, nothing saved), and malformed bodies (400)', async () => {
    const before = (await admin.get('/orders' + q({ range: [0, 0] }))).headers.get('content-range');
    const bad = await web(KEY).post('/orders', {
      member: null,
      customer: { name: 'x', phone: '0755-1', address: 'y', contact: 'z' },
      lines: [{ sku: 'NO-SUCH', qty: 1 }],
    });
    expect([bad.status, bad.body.rule, Object.keys(bad.body.errors)]).toEqual([422, '5.2.2', ['lines.0.sku']]);
    const p = await makeProduct(admin, 10, 10);
    const nobody = await web(KEY).post('/orders', {
      member: { code: '999999' },
      customer: { name: 'x', phone: '0755-2', address: 'y', contact: 'z' },
      lines: [{ sku: p.sku, qty: 1 }],
    });
    expect([nobody.status, nobody.body.rule]).toEqual([422, '5.2.2']);
    expect((await admin.get('/orders' + q({ range: [0, 0] }))).headers.get('content-range')).toBe(before);
    expect((await admin.get('/customers' + q({ filter: { phone: '0755-1' } }))).body).toEqual([]);
    const malformed = await web(KEY).post('/orders', {
      member: null,
      customer: { name: 'x' },
      lines: [{ sku: p.sku, qty: 0 }],
      receivedAt: 'yesterday',
    });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.errors).sort()).toEqual([
      'customer.address',
      'customer.contact',
      'customer.phone',
      'lines.0.qty',
      'receivedAt',
    ]);
  });

  it('an order arriving after hours is due 10 working minutes after the next opening', async () => {
    const p = await makeProduct(admin, 100, 10);
    const member = await makeCustomer(admin);
    const before = srv.clock.now;
    srv.clock.now = atShanghai('2026-11-27', '20:00');
    try {
      const r = await web(KEY).post('/orders', {
        member: { code: member.code },
        customer: { name: member.name, phone: member.phone, address: member.address, contact: '张' },
        lines: [{ sku: p.sku, qty: 1 }],
      });
      expect(r.body.confirmDeadline).toBe(atShanghai('2026-11-30', '08:10').toISOString());
    } finally {
      srv.clock.now = before;
    }
  });
});
