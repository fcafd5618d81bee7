import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../src/domain/inbox';
import { creditKeyAccount, makeCustomer, makeProduct } from '../helpers/fixtures';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../helpers/server';
import { act } from './service/helpers';

/**
 * Issue 21, the rules an outside audit found missing, through the API: a large single order goes to
 * the branch GM whatever the settlement (5.10.4), finance invoices a cash order before it leaves
 * (5.4.2), the van takes only an order whose delivery list the order desk printed (6.2.4), a
 * special order starts from its inquiry (6.5.4), a discount is paid by bank transfer with its
 * reference (6.14.4), and a typed gift line naming a catalog product is valued at its catalog price (6.12.2).
 */

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C, assistant2: C, ka: C, csm: C, gm: C, orderdesk: C, warehouse: C, driver: C, finance: C, rep: C, merch: C;

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  [admin, assistant2, ka, csm, gm, orderdesk, warehouse, driver, finance, rep, merch] = await Promise.all(
    [
      'admin',
      'assistant2',
      'assistant3',
      'csmanager',
      'gm',
      'orderdesk',
      'warehouse',
      'driver',
      'finance',
      'salesrep',
      'merch',
    ].map((u) => loginAs(srv.url, u)),
  );
}, 180_000);
afterAll(() => srv?.close());

const orderBody = (customerId: number, productId: number, qty: number, unitPrice: number, paymentMethod = 'cash') => ({
  customerId,
  channel: 'phone',
  paymentMethod,
  linesConfirmed: true,
  lines: [{ productId, qty, unitPrice }],
});

/** an order entered by assistant2, submitted and approved by the csManager: the status it then has */
async function approvedOrder(
  customerId: number,
  productId: number,
  qty: number,
  unitPrice: number,
  paymentMethod = 'cash',
) {
  const o = await assistant2.post('/orders', orderBody(customerId, productId, qty, unitPrice, paymentMethod));
  expect(o.status, JSON.stringify(o.body)).toBe(201);
  await act(assistant2, `/orders/${o.body.id}`, 'submit', 200);
  return act(csm, `/orders/${o.body.id}`, 'approve', 200);
}

/** a cash order picked by the warehouse */
async function pickedOrder(paymentMethod = 'cash') {
  const cust = await makeCustomer(admin, paymentMethod === 'credit' ? creditKeyAccount(50_000) : {});
  const p = await makeProduct(admin, 120, 100);
  const o = await approvedOrder(cust.id, p.id, 2, 120, paymentMethod);
  expect(o.status).toBe('approved');
  return act(warehouse, `/orders/${o.id}`, 'pick', 200);
}

const actionOf = async (c: C, id: number, action: string) =>
  (
    (await c.get(`/orders/${id}/actions`)).body as {
      action: string;
      allowed: boolean;
      refusal?: { rule?: string };
      params: string[];
    }[]
  ).find((a) => a.action === action);
const ordersInInbox = async (c: C) =>
  ((await c.get('/myWork')).body as InboxItem[]).filter((i) => i.resource === 'orders').map((i) => i.id);

describe(`5.10.4 a large single order goes to the branch GM on the ${STORE_KIND} store`, () => {
  it('a cash order of 100,000 yuan waits on the GM after the CS manager; 99,999.99 does not; the threshold is the settings’', async () => {
    const cust = await makeCustomer(admin);
    const big = await makeProduct(admin, 50_000, 10);
    const below = await makeProduct(admin, 99_999.99, 10);
    const large = await approvedOrder(cust.id, big.id, 2, 50_000);
    expect([large.total, large.paymentMethod, large.needsGmApproval, large.status]).toEqual([
      100_000,
      'cash',
      true,
      'gmApproval',
    ]);
    const facts = (await gm.get(`/orders/${large.id}/facts`)).body;
    expect(facts.waiting).toMatchObject({ roles: ['branchGM'], rule: '5.10.4' });
    expect(facts.waiting.reason.zh).toContain('单笔订单合计');
    expect((await csm.post(`/orders/${large.id}/actions/approve`, {})).status).toBe(403); // the GM's step now
    expect(await ordersInInbox(gm)).toContain(large.id);
    expect((await act(gm, `/orders/${large.id}`, 'approve', 200)).status).toBe('approved');

    const small = await approvedOrder(cust.id, below.id, 1, 99_999.99);
    expect([small.total, small.needsGmApproval, small.status]).toEqual([99_999.99, false, 'approved']);

    // the branch raises the threshold (an assumption of the settings): the same order goes straight on
    const [settings] = (await admin.get('/settings' + q({ range: [0, 0] }))).body;
    expect(settings.largeOrderGmFrom).toBe(100_000);
    try {
      expect(
        (await admin.put(`/settings/${settings.id}`, { largeOrderGmFrom: 200_000, version: settings.version })).status,
      ).toBe(200);
      const raised = await approvedOrder(cust.id, big.id, 2, 50_000);
      expect([raised.needsGmApproval, raised.status]).toEqual([false, 'approved']);
    } finally {
      const now = (await admin.get(`/settings/${settings.id}`)).body;
      await admin.put(`/settings/${settings.id}`, { largeOrderGmFrom: 100_000, version: now.version });
    }
  });
});

describe(`5.4.2 / 6.2.4 before the van: the printed delivery list, and finance's invoice of a cash order, on the ${STORE_KIND} store`, () => {
  it('a picked cash order: no van before finance invoices it (5.4.2), nor without the printed list (6.2.4); then it goes', async () => {
    const o = await pickedOrder('cash');
    const path = `/orders/${o.id}`;
    // the driver's button says why (the same rule the server runs): the order's own fields first
    expect(await actionOf(driver, o.id, 'ship')).toMatchObject({ allowed: false, refusal: { rule: '5.4.2' } });
    const notInvoiced = await driver.post(`${path}/actions/ship`, {});
    expect([notInvoiced.status, notInvoiced.body.rule]).toEqual([422, '5.4.2']);
    expect(notInvoiced.body.errors.invoiceNo).toBeTruthy();
    expect((await driver.get(path)).body.status).toBe('picked'); // nothing changed

    // finance's step, with the invoice number
    expect(await actionOf(finance, o.id, 'invoice')).toMatchObject({ allowed: true, params: ['invoiceNo'] });
    await act(driver, path, 'invoice', 403);
    const noNumber = await finance.post(`${path}/actions/invoice`, { invoiceNo: '  ' });
    expect([noNumber.status, noNumber.body.rule]).toEqual([422, '5.4.2']);
    expect(noNumber.body.errors.invoiceNo).toBeTruthy();
    expect((await finance.post(`${path}/actions/invoice`, { invoiceNo: 'FP-1', status: 'shipped' })).status).toBe(400); // only the step's param
    const invoiced = await act(finance, path, 'invoice', 200, { invoiceNo: '44030012345678' });
    expect(invoiced).toMatchObject({
      status: 'invoiced',
      invoiceNo: '44030012345678',
      invoicedAt: TEST_NOW.toISOString(),
      invoicedBy: expect.any(Number),
    });
    expect(invoiced.approvals.at(-1)).toMatchObject({ role: 'finance', action: 'invoice', step: 'picked' });
    expect(
      (await finance.get('/orders' + q({ filter: { q: '44030012345678' } }))).body.map((x: { id: number }) => x.id),
    ).toEqual([o.id]);
    await act(finance, path, 'invoice', 409); // once

    // invoiced, but the delivery list not printed: still no van (6.2.4)
    expect(await actionOf(driver, o.id, 'ship')).toMatchObject({ allowed: false, refusal: { rule: '6.2.4' } });
    await act(driver, path, 'ship', 422, {}, '6.2.4');
    // only the order desk records the print (6.2.4)
    for (const who of [warehouse, csm, finance, driver])
      expect((await who.post(`${path}/printed`, { form: 'deliveryNote' })).body.rule).toBe('6.2.4');
    expect((await orderdesk.post(`${path}/printed`, { form: 'deliveryNote' })).status).toBe(200);
    expect((await act(driver, path, 'ship', 200)).status).toBe('shipped');
  });

  it('a credit order is not invoiced before it leaves (5.4.2) — only the printed list (6.2.4) stands before its van', async () => {
    const o = await pickedOrder('credit');
    const path = `/orders/${o.id}`;
    const inv = await finance.post(`${path}/actions/invoice`, { invoiceNo: 'FP-2' });
    expect([inv.status, inv.body.rule]).toEqual([422, '5.4.2']);
    await act(driver, path, 'ship', 422, {}, '6.2.4');
    expect((await orderdesk.post(`${path}/printed`, { form: 'deliveryNote' })).status).toBe(200);
    expect((await act(driver, path, 'ship', 200)).status).toBe('shipped');
  });

  it('the inboxes: a picked cash order waits on finance (not the driver), a picked credit order on the driver (not finance); invoiced, on the driver', async () => {
    const cash = await pickedOrder('cash');
    const credit = await pickedOrder('credit');
    const fin = await ordersInInbox(finance);
    expect(fin).toContain(cash.id);
    expect(fin).not.toContain(credit.id);
    const drv = await ordersInInbox(driver);
    expect(drv).toContain(credit.id);
    expect(drv).not.toContain(cash.id);
    expect(await ordersInInbox(orderdesk)).toEqual(expect.arrayContaining([cash.id, credit.id])); // the lists to print
    await orderdesk.post(`/orders/${cash.id}/printed`, { form: 'deliveryNote' });
    await act(finance, `/orders/${cash.id}`, 'invoice', 200, { invoiceNo: 'FP-3' });
    expect(await ordersInInbox(finance)).not.toContain(cash.id);
    expect(await ordersInInbox(driver)).toContain(cash.id);
    // why it waits, in words with the clause
    const facts = (await finance.get(`/orders/${credit.id}/facts`)).body;
    expect(facts.waiting).toMatchObject({ roles: ['orderDesk', 'driver'], rule: '6.2.4' });
    // the queues report counts them the same way: finance's picked orders are the cash ones, the driver's the credit ones
    const total = async (filter: Record<string, unknown>) =>
      Number(
        String((await admin.get('/orders' + q({ filter, range: [0, 0] }))).headers.get('content-range')).split('/')[1],
      );
    const queues = (await (await loginAs(srv.url, 'teamlead')).get('/reports/queues')).body as {
      pendingByRole: { role: string; resource: string; status: string; count: number }[];
    };
    const pending = (role: string) =>
      queues.pendingByRole.find((p) => p.role === role && p.resource === 'orders' && p.status === 'picked')?.count ?? 0;
    expect(pending('finance')).toBe(await total({ status: 'picked', paymentMethod: 'cash' }));
    expect(pending('driver')).toBe(await total({ status: 'picked', paymentMethod: 'credit' }));
    expect(pending('orderDesk')).toBe(await total({ status: 'picked' }));
  });
});

describe(`6.5.4 a special order starts from its special-goods inquiry on the ${STORE_KIND} store`, () => {
  it('refused without an inquiry (naming 6.5.4), with another customer’s or an unanswered one; taken with its answered inquiry', async () => {
    const users = (await admin.get('/users' + q({ range: [0, 99] }))).body as { id: number; username: string }[];
    const id = (u: string) => users.find((x) => x.username === u)!.id;
    const keyAccount = () =>
      makeCustomer(admin, { tier: 'keyAccount', assistantId: id('assistant3'), salesRepId: id('salesrep') });
    const [cust, other] = [await keyAccount(), await keyAccount()];
    const inquiry = async (customerId: number, answer: boolean) => {
      const inq = (
        await rep.post('/inquiries', {
          customerId,
          itemName: '非标铁皮文件柜',
          spec: '1800×900×400mm',
          qty: 6,
          customMade: false,
        })
      ).body;
      await act(rep, `/inquiries/${inq.id}`, 'submit', 200);
      if (!answer) return inq;
      await act(csm, `/inquiries/${inq.id}`, 'approve', 200);
      return act(merch, `/inquiries/${inq.id}`, 'answer', 200, { answerPrice: 1280, minQty: 6, leadTimeDays: 15 });
    };
    const lines = [{ name: '非标铁皮文件柜', spec: '1800×900×400mm', colour: '灰白色', qty: 6, unitPrice: 1280 }];
    const count = async () => (await csm.get('/specialOrders' + q({ filter: { customerId: cust.id } }))).body.length;

    const none = await ka.post('/specialOrders', { customerId: cust.id, lines, contractNo: 'HT-1' });
    expect([none.status, none.body.rule]).toEqual([422, '6.5.4']);
    expect(none.body.errors.inquiryId).toContain('询价单');
    const theirs = await ka.post('/specialOrders', {
      customerId: cust.id,
      inquiryId: (await inquiry(other.id, true)).id,
      lines,
      contractNo: 'HT-1',
    });
    expect([theirs.status, theirs.body.rule]).toEqual([422, '5.10.2']);
    const unanswered = await ka.post('/specialOrders', {
      customerId: cust.id,
      inquiryId: (await inquiry(cust.id, false)).id,
      lines,
      contractNo: 'HT-1',
    });
    expect([unanswered.status, unanswered.body.rule]).toEqual([422, '5.10.2']);
    expect(await count()).toBe(0);

    const answered = await inquiry(cust.id, true);
    const ok = await ka.post('/specialOrders', {
      customerId: cust.id,
      inquiryId: answered.id,
      lines,
      contractNo: 'HT-1',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ inquiryId: answered.id, total: 7680, status: 'draft' });
    // beside the order: what the inquiry answered (price, minimum quantity, lead time)
    const facts = (await rep.get(`/specialOrders/${ok.body.id}/facts`)).body.facts as {
      key: string;
      amount?: number;
      rule?: string;
    }[];
    expect(
      facts
        .filter((f) => ['inquiryPrice', 'inquiryMinQty', 'inquiryLeadTime'].includes(f.key))
        .map((f) => [f.key, f.amount, f.rule]),
    ).toEqual([
      ['inquiryPrice', 1280, '6.5.4'],
      ['inquiryMinQty', 6, '6.5.4'],
      ['inquiryLeadTime', 15, '6.5.4'],
    ]);
    // taking the inquiry away later is refused too
    const cleared = await ka.put(`/specialOrders/${ok.body.id}`, { inquiryId: null, version: ok.body.version });
    expect([cleared.status, cleared.body.rule]).toEqual([422, '6.5.4']);
  });
});

describe(`6.14.4 a discount is paid by bank transfer only, with its reference, on the ${STORE_KIND} store`, () => {
  it('finance’s pay step is refused without the transfer reference (naming 6.14.4), taken with it', async () => {
    // TEST_NOW is 2026-11-27: a payout request day (6.14.3)
    const cust = await makeCustomer(admin, { tier: 'keyAccount' });
    const p = await makeProduct(admin, 100, 50, { cost: 80 });
    const d = (
      await assistant2.post('/discounts', {
        customerId: cust.id,
        lines: [{ productId: p.id, qty: 10, unitPrice: 100 }],
        discountAmount: 50,
        reason: '年度集中采购',
      })
    ).body;
    const path = `/discounts/${d.id}`;
    await act(assistant2, path, 'submit', 200);
    await act(csm, path, 'approve', 200);
    await act(gm, path, 'approve', 200);
    await act(finance, path, 'confirmPaidInFull', 200);
    await act(assistant2, path, 'requestPayout', 200);
    await act(csm, path, 'approvePayout', 200);
    for (const body of [{ comment: '已转账' }, { comment: '已转账', transferRef: '   ' }]) {
      const r = await finance.post(`${path}/actions/pay`, body);
      expect([r.status, r.body.rule], JSON.stringify(body)).toEqual([422, '6.14.4']);
      expect(r.body.errors.transferRef).toBeTruthy();
    }
    expect((await csm.get(path)).body.status).toBe('payoutApproved');
    const paid = await act(finance, path, 'pay', 200, {
      comment: '已通过招商银行转账',
      transferRef: ' CMB20261127-0042 ',
    });
    expect(paid).toMatchObject({ status: 'paid', payoutMethod: 'bankTransfer', transferRef: 'CMB20261127-0042' });
  });
});

describe(`6.12.2 a typed gift line naming a catalog product is valued at its catalog price on the ${STORE_KIND} store`, () => {
  it('"台历" at 1 yuan is refused when 台历 is a catalog product (naming 6.12.2); at the catalog price, and an unknown name, are taken', async () => {
    const cust = await makeCustomer(admin, { tier: 'keyAccount' });
    await makeProduct(admin, 28, 50, { name: '台历' });
    await makeProduct(admin, 35, 50, { name: '台历' }); // another brand: the lowest catalog price counts
    await makeProduct(admin, 3, 50, { name: '台历', catalog: false }); // not in the catalog: does not count
    const gift = (items: Record<string, unknown>[]) => ({
      customerId: cust.id,
      marginAssessment: '毛利约15%',
      creditStanding: '良好',
      paymentRecord: '按时回款',
      potential: '增长',
      reason: '春节维护客户关系',
      items,
    });
    srv.clock.now = new Date('2026-09-15T02:00:00Z'); // inside the Mid-Autumn window of the settings (6.12.1)
    try {
      const cheap = await assistant2.post(
        '/gifts',
        gift([
          { name: '月饼礼盒', qty: 1, unitPrice: 188 },
          { name: ' 台历 ', qty: 10, unitPrice: 1 },
        ]),
      );
      expect([cheap.status, cheap.body.rule]).toEqual([422, '6.12.2']);
      expect(cheap.body.errors['items.1.unitPrice']).toContain('目录价 28 元');
      expect((await csm.get('/gifts' + q({ filter: { customerId: cust.id } }))).body).toEqual([]);
      const fair = await assistant2.post(
        '/gifts',
        gift([
          { name: '台历', qty: 10, unitPrice: 28 },
          { name: '公司定制台历', qty: 2, unitPrice: 1 },
        ]),
      );
      expect(fair.status, JSON.stringify(fair.body)).toBe(201);
      expect(fair.body.total).toBe(282);
      // an update to a lower price is refused the same way
      const lower = await assistant2.put(`/gifts/${fair.body.id}`, {
        items: [{ name: '台历', qty: 10, unitPrice: 27.99 }],
        version: fair.body.version,
      });
      expect([lower.status, lower.body.rule]).toEqual([422, '6.12.2']);
    } finally {
      srv.clock.now = TEST_NOW;
    }
  });
});
