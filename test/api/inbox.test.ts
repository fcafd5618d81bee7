import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../src/domain/inbox';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../helpers/server';

/**
 * GET /api/myWork as a work queue (issue 18): each document with its type's columns for the
 * caller's role (references named, the driver's route read from the customer), its running
 * deadline and clock, whether it is overdue, and — returned to its author — why.
 */
let srv: TestServer;
let admin: Awaited<ReturnType<typeof loginAs>>;
beforeAll(async () => {
  srv = await startTestServer({ customers: 30, days: 5 });
  admin = await loginAs(srv.url, 'admin');
});
afterAll(() => srv?.close());

async function order(by: Awaited<ReturnType<typeof loginAs>>) {
  const customer = (await admin.get('/customers' + q({ filter: { tier: 'smb', active: true }, range: [0, 0] })))
    .body[0];
  const product = (
    await admin.get('/products' + q({ filter: { catalog: true, active: true, stock_gte: 5 }, range: [0, 0] }))
  ).body[0];
  const o = await by.post('/orders', {
    customerId: customer.id,
    channel: 'phone',
    paymentMethod: 'cash',
    linesConfirmed: true,
    lines: [{ productId: product.id, qty: 2, unitPrice: product.catalogPrice }],
  });
  expect(o.status).toBe(201);
  return { order: o.body, customer };
}

describe(`the inbox on the ${STORE_KIND} store`, () => {
  it('a returned order comes back to its clerk with the reason, and no deadline running', async () => {
    const clerk = await loginAs(srv.url, 'assistant2');
    const csm = await loginAs(srv.url, 'csmanager');
    const { order: o } = await order(clerk);
    expect((await clerk.post(`/orders/${o.id}/actions/submit`, {})).status).toBe(200);
    const waiting = ((await csm.get('/myWork')).body as InboxItem[]).find(
      (i) => i.resource === 'orders' && i.id === o.id,
    )!;
    expect(waiting).toMatchObject({
      status: 'submitted',
      clock: 'calendar',
      returned: null,
      values: { customerName: o.customerName, total: o.total, promisedDeliveryAt: o.promisedDeliveryAt },
    });
    expect(waiting.deadline).toBe(o.promisedDeliveryAt);
    expect((await csm.post(`/orders/${o.id}/actions/reject`, { comment: '单价与报价不符，请核对' })).status).toBe(200);
    const back = ((await clerk.get('/myWork')).body as InboxItem[]).find(
      (i) => i.resource === 'orders' && i.id === o.id,
    )!;
    expect(back).toMatchObject({
      status: 'rejected',
      deadline: null,
      overdue: false,
      returned: { reason: '单价与报价不符，请核对', by: '李建国' },
    });
  });

  it("the driver's orders carry the delivery address and the customer's route", async () => {
    const driver = await loginAs(srv.url, 'driver');
    const items = ((await driver.get('/myWork')).body as InboxItem[]).filter((i) => i.resource === 'orders');
    expect(items.length).toBeGreaterThan(0);
    for (const it of items.slice(0, 5)) {
      expect(Object.keys(it.values)).toEqual(['customerName', 'deliveryAddress', 'customerId.route']);
      const o = (await admin.get(`/orders/${it.id}`)).body;
      const c = (await admin.get(`/customers/${o.customerId}`)).body;
      expect(it.values).toEqual({
        customerName: o.customerName,
        deliveryAddress: o.deliveryAddress,
        'customerId.route': c.route ?? null,
      });
    }
  });

  it("the team lead's work logs say whose they are; overdue documents are marked", async () => {
    const lead = await loginAs(srv.url, 'teamlead');
    const logs = ((await lead.get('/myWork')).body as InboxItem[]).filter((i) => i.resource === 'workLogs');
    expect(logs.length).toBeGreaterThan(0);
    const log = (await admin.get(`/workLogs/${logs[0].id}`)).body;
    const author = (await admin.get(`/users/${log.assistantId}`)).body;
    expect(logs[0].values.assistantId).toBe(author.fullName);

    const desk = await loginAs(srv.url, 'orderdesk');
    const now = ((await desk.get('/myWork')).body as InboxItem[]).filter((i) => i.resource === 'orders' && i.deadline);
    expect(now.length).toBeGreaterThan(0);
    for (const i of now) expect(i.overdue, i.code ?? '').toBe(Date.parse(i.deadline!) < TEST_NOW.getTime());
    srv.clock.now = new Date(TEST_NOW.getTime() + 20 * 86_400_000);
    try {
      // (a new login: the session of 20 days ago has expired)
      const later = ((await (await loginAs(srv.url, 'orderdesk')).get('/myWork')).body as InboxItem[]).filter(
        (i) => i.resource === 'orders' && i.deadline,
      );
      expect(later.length).toBeGreaterThan(0);
      expect(later.every((i) => i.overdue)).toBe(true);
    } finally {
      srv.clock.now = TEST_NOW;
    }
  });

  it("the default orders list shows today's work first: open key-account orders, then the newest; a closed one drops back", async () => {
    const page = (await admin.get('/orders' + q({ range: [0, 199] }))).body as {
      id: number;
      priority: number;
      keyAccount: boolean;
      status: string;
    }[];
    const open = (o: { status: string }) => !['closed', 'cancelled'].includes(o.status);
    const firstOther = page.findIndex((o) => o.priority === 0);
    expect(firstOther).toBeGreaterThan(0);
    expect(page.slice(0, firstOther).every((o) => o.keyAccount && open(o))).toBe(true);
    expect(page.slice(firstOther).every((o) => !(o.keyAccount && open(o)))).toBe(true);
    // within each group, the newest first
    const ids = (xs: { id: number }[]) => xs.map((o) => o.id);
    expect(ids(page.slice(0, firstOther))).toEqual([...ids(page.slice(0, firstOther))].sort((a, b) => b - a));
    expect(ids(page.slice(firstOther))).toEqual([...ids(page.slice(firstOther))].sort((a, b) => b - a));
    // a delivered key-account order, once finance closes it, leaves the top
    const delivered = page.find((o) => o.keyAccount && o.status === 'delivered');
    if (delivered) {
      const finance = await loginAs(srv.url, 'finance');
      const closed = await finance.post(`/orders/${delivered.id}/actions/close`, {});
      expect(closed.body).toMatchObject({ status: 'closed', priority: 0 });
    }
  });
});
