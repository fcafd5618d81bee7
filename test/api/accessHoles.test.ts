import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAST_ADMIN_RULE } from '../../src/domain/rules/users';
import { makeCustomer, makeProduct, submittedOrder } from '../helpers/fixtures';
import { client, loginAs, q, STORE_KIND, startTestServer, type TestServer } from '../helpers/server';

/**
 * The access holes of issue 23, closed on every store (TEST_STORE): a preview needs the rights of
 * what it previews; a print is recorded only on documents with printed forms, as their forms
 * allow, without changing the document; a record's history shows only what the caller may read;
 * the last active admin stays one; deactivation ends a user's tokens for good; one token encoding.
 */

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C, assistant2: C, csm: C, orderdesk: C, warehouse: C, driver: C, merch: C;

beforeAll(async () => {
  srv = await startTestServer({ customers: 10, days: 2 });
  [admin, assistant2, csm, orderdesk, warehouse, driver, merch] = await Promise.all(
    ['admin', 'assistant2', 'csmanager', 'orderdesk', 'warehouse', 'driver', 'merch'].map((u) => loginAs(srv.url, u)),
  );
}, 180_000);
afterAll(() => srv?.close());

const userId = async (username: string): Promise<number> =>
  (await admin.get(`/users${q({ filter: { username } })}`)).body[0].id;

/** an approved order (the delivery note is the company's paper from here, 6.2.4) */
async function approvedOrder() {
  const o = await submittedOrder(admin, assistant2);
  expect((await csm.post(`/orders/${o.id}/actions/approve`, {})).status).toBe(200);
  return (await admin.get(`/orders/${o.id}`)).body;
}

describe(`POST /<res>/preview needs the rights of what it previews (${STORE_KIND})`, () => {
  it('a role that may not create the document gets 403 and none of the referenced records', async () => {
    const o = await submittedOrder(admin, assistant2); // submitted: not in the driver's scope
    for (const [who, res, body] of [
      [driver, 'handwrittenNotes', { orderId: o.id }],
      [driver, 'orders', { customerId: o.customerId, channel: 'phone', paymentMethod: 'cash', lines: [] }],
      [warehouse, 'quotes', { customerId: o.customerId, lines: [] }],
    ] as const) {
      const r = await who.post(`/${res}/preview`, body);
      expect(r.status, `${res} ${JSON.stringify(r.body)}`).toBe(403);
      expect(JSON.stringify(r.body)).not.toContain(String(o.total));
      expect(r.body.record).toBeUndefined();
    }
  });

  it('whoever creates the document previews it; with an id, only an edit they may make', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 30);
    const body = {
      customerId: cust.id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId: p.id, qty: 2, unitPrice: 30 }],
    };
    const ok = await assistant2.post('/orders/preview', body);
    expect(ok.status).toBe(200);
    expect(ok.body.record.subtotal ?? ok.body.record.total).toBeGreaterThanOrEqual(60);
    // an approved order is no longer editable: previewing an edit of it is refused as the edit would be
    const approved = await approvedOrder();
    expect((await assistant2.post('/orders/preview', { ...body, id: approved.id })).status).toBe(409);
    expect((await assistant2.post('/orders/preview', { ...body, id: 2147483647 })).status).toBe(404);
  });
});

describe(`POST /<res>/<id>/printed records only what a printed form allows, without touching the document (${STORE_KIND})`, () => {
  it('records who printed the delivery note in the audit log; the order keeps its version, so a step taken with it is not stale', async () => {
    const o = await approvedOrder();
    const r = await orderdesk.post(`/orders/${o.id}/printed`, { form: 'deliveryNote' });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(o.version);
    expect(r.body.prints.at(-1)).toMatchObject({ form: 'deliveryNote', byName: expect.any(String) });
    const after = (await orderdesk.get(`/orders/${o.id}`)).body;
    expect(after.version).toBe(o.version);
    expect(after.updatedAt).toBe(o.updatedAt);
    expect(after.prints).toHaveLength(1);
    // the warehouse picks with the version it read before the print: no 409
    expect((await warehouse.post(`/orders/${o.id}/actions/pick`, { version: o.version })).status).toBe(200);
  });

  it('records without printed forms (users, settings, the audit log) are refused for every role and stay as they were', async () => {
    const settings = (await admin.get('/settings')).body[0];
    const entry = (await admin.get(`/auditLog${q({ range: [0, 0] })}`)).body[0];
    const uid = await userId('admin');
    const userBefore = (await admin.get(`/users/${uid}`)).body;
    for (const who of [admin, driver, csm]) {
      for (const [path, form] of [
        [`/users/${uid}/printed`, 'deliveryNote'],
        [`/settings/${settings.id}/printed`, 'x'],
        [`/auditLog/${entry.id}/printed`, 'deliveryNote'],
      ] as const) {
        const r = await who.post(path, { form });
        expect([403, 404], `${path} ${r.status}`).toContain(r.status);
        expect(typeof r.body.message).toBe('string');
      }
    }
    const userAfter = (await admin.get(`/users/${uid}`)).body;
    expect(userAfter).toEqual(userBefore);
    expect((await admin.get(`/settings/${settings.id}`)).body.version).toBe(settings.version);
    // an open edit of the admin's own record is not stale
    expect(
      (await admin.put(`/users/${uid}`, { fullName: userBefore.fullName + '·', version: userBefore.version })).status,
    ).toBe(200);
  });

  it("only the form's printers, only in its official statuses (the clause named)", async () => {
    const o = await approvedOrder();
    const byDriver = await driver.post(`/orders/${o.id}/printed`, { form: 'deliveryNote' });
    expect(byDriver.status).toBe(404); // an approved order is outside the driver's scope: as if it did not exist
    const byAssistant = await assistant2.post(`/orders/${o.id}/printed`, { form: 'deliveryNote' });
    expect(byAssistant.status).toBe(403);
    expect(byAssistant.body.rule).toBe('6.2.4');
    const draft = (
      await assistant2.post('/orders', {
        customerId: o.customerId,
        channel: 'phone',
        paymentMethod: 'cash',
        linesConfirmed: true,
        lines: o.lines.map((l: { productId: number; qty: number; unitPrice: number }) => ({
          productId: l.productId,
          qty: l.qty,
          unitPrice: l.unitPrice,
        })),
      })
    ).body;
    expect(draft.status).toBe('draft');
    const early = await orderdesk.post(`/orders/${draft.id}/printed`, { form: 'deliveryNote' });
    expect(early.status).toBe(409);
    expect((await orderdesk.post(`/orders/${o.id}/printed`, { form: 'noSuchForm' })).status).toBe(404);
    expect((await admin.get(`/orders/${o.id}`)).body.prints ?? []).toHaveLength(0);
  });
});

describe(`GET /<res>/<id>/history shows only what the caller may read (${STORE_KIND})`, () => {
  it("a driver does not see a user's password change (nor any user's history); the admin does", async () => {
    const uid = await userId('warehouse');
    expect((await admin.put(`/users/${uid}`, { password: 'new-password-1' })).status).toBe(200);
    const own = (await admin.get(`/users/${uid}/history`)).body as { changes: Record<string, unknown> }[];
    expect(own.some((e) => 'password' in e.changes)).toBe(true);
    const seen = await driver.get(`/users/${uid}/history`);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual([]);
    expect(JSON.stringify((await csm.get(`/users/${uid}/history`)).body)).toContain('password'); // the audit log's readers read it all
  });

  it("a change of a product's cost is left out for roles that may not see the cost", async () => {
    const p = await makeProduct(admin, 40);
    expect((await merch.put(`/products/${p.id}`, { cost: 31.5 })).status).toBe(200);
    expect((await merch.put(`/products/${p.id}`, { name: `${p.name}（新）` })).status).toBe(200);
    const byMerch = (await merch.get(`/products/${p.id}/history`)).body as {
      action: string;
      changes: Record<string, unknown>;
    }[];
    expect(byMerch.some((e) => e.action === 'update' && 'cost' in e.changes)).toBe(true);
    const byDriver = (await driver.get(`/products/${p.id}/history`)).body as {
      action: string;
      changes: Record<string, unknown>;
    }[];
    expect(byDriver.length).toBeGreaterThan(0);
    expect(JSON.stringify(byDriver)).not.toContain('"cost"');
    expect(byDriver.some((e) => e.action === 'update' && 'name' in e.changes)).toBe(true);
  });
});

describe(`the last active admin stays one (${STORE_KIND})`, () => {
  it('cannot be demoted or deactivated — by themself — naming the rule; with a second admin, one of them can', async () => {
    const uid = await userId('admin');
    for (const change of [{ role: 'csManager' }, { active: false }]) {
      const r = await admin.put(`/users/${uid}`, change);
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.rule).toBe(LAST_ADMIN_RULE);
      expect(r.body.message).toContain(LAST_ADMIN_RULE);
    }
    expect((await admin.get(`/users/${uid}`)).body).toMatchObject({ role: 'admin', active: true });

    const second = await admin.post('/users', {
      username: 'admin2',
      fullName: '第二管理员',
      role: 'admin',
      password: 'second-admin-pw',
    });
    expect(second.status).toBe(201);
    const admin2 = await loginAs(srv.url, 'admin2', 'second-admin-pw');
    // both at once demote each other: exactly one goes through, one admin is left
    const [a, b] = await Promise.all([
      admin.put(`/users/${second.body.id}`, { role: 'finance' }),
      admin2.put(`/users/${uid}`, { role: 'finance' }),
    ]);
    // the loser is refused by the rule, or (once the winner's change is in) no longer an admin at all
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    expect([403, 409]).toContain(a.status === 200 ? b.status : a.status);
    const admins = (
      await client(srv.url, undefined).post('/auth/login', {
        username: a.status === 200 ? 'admin' : 'admin2',
        password: a.status === 200 ? 'baoyi2026' : 'second-admin-pw',
      })
    ).body;
    const left = await loginAs(srv.url, admins.user.username, a.status === 200 ? 'baoyi2026' : 'second-admin-pw');
    expect((await left.get(`/users${q({ filter: { role: 'admin', active: true } })}`)).body).toHaveLength(1);
    // put things back for the tests that follow
    if (a.status !== 200) {
      expect((await admin2.put(`/users/${uid}`, { role: 'admin' })).status).toBe(200);
    }
  });
});

describe(`tokens (${STORE_KIND})`, () => {
  it('deactivating a user ends their tokens for good: reactivated, the old token still fails; a new login works', async () => {
    const uid = await userId('lossprev');
    const old = await loginAs(srv.url, 'lossprev');
    expect((await old.get('/auth/me')).status).toBe(200);
    expect((await admin.put(`/users/${uid}`, { active: false })).status).toBe(200);
    expect((await old.get('/auth/me')).status).toBe(401);
    expect((await admin.put(`/users/${uid}`, { active: true })).status).toBe(200);
    expect((await old.get('/auth/me')).status).toBe(401);
    expect((await (await loginAs(srv.url, 'lossprev')).get('/auth/me')).status).toBe(200);
  });

  it('one encoding: padded, re-alphabeted or re-bitted variants of a good token are refused', async () => {
    const token = (await client(srv.url).post('/auth/login', { username: 'salesrep', password: 'baoyi2026' })).body
      .token as string;
    const [body, mac] = token.split('.');
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // a 32-byte MAC is 43 characters: the last carries 2 unused bits — another character, the same bytes
    const last = B64.indexOf(mac.at(-1)!);
    const sameBytes = mac.slice(0, -1) + B64[last ^ 1];
    const variants = [
      `${body}.${mac}=`,
      `${body}.${sameBytes}`,
      `${body}=.${mac}`,
      ` ${body}.${mac}.`,
      `${body}.${mac.replaceAll('-', '+').replaceAll('_', '/')}`,
    ];
    if (!mac.includes('-') && !mac.includes('_')) variants.pop();
    for (const v of variants) {
      const r = await client(srv.url, v).get('/auth/me');
      expect(r.status, v).toBe(401);
    }
    expect((await client(srv.url, token).get('/auth/me')).status).toBe(200);
  });
});
