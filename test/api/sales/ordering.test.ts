import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeProduct } from '../../helpers/fixtures';
import { loginAs, q, startTestServer, STORE_KIND, type TestServer } from '../../helpers/server';

/** Inquiries (5.10), special goods orders (6.5.4–6.5.6) and requisitions (6.5.2) against the real server. */

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C,
  ka: C,
  smbAssistant: C,
  csm: C,
  rep: C,
  supervisor: C,
  merch: C,
  purchasing: C,
  warehouse: C,
  finance: C,
  driver: C;
let ids: Record<string, number>;

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  [admin, ka, smbAssistant, csm, rep, supervisor, merch, purchasing, warehouse, finance, driver] = await Promise.all(
    [
      'admin',
      'assistant3',
      'assistant2',
      'csmanager',
      'salesrep',
      'supervisor',
      'merch',
      'purchasing',
      'warehouse',
      'finance',
      'driver',
    ].map((u) => loginAs(srv.url, u)),
  );
  const users = (await admin.get('/users' + q({ range: [0, 99] }))).body as { id: number; username: string }[];
  ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
});
afterAll(() => srv?.close());

const keyAccount = () =>
  makeCustomer(admin, { tier: 'keyAccount', assistantId: ids.assistant3, salesRepId: ids.salesrep });

describe(`inquiries API on the ${STORE_KIND} store (5.10)`, () => {
  it('5.10.1 custom goods only for key accounts', async () => {
    const smb = await makeCustomer(admin);
    const r = await rep.post('/inquiries', { customerId: smb.id, itemName: '定制LOGO笔记本', qty: 100 });
    expect([r.status, r.body.rule]).toEqual([422, '5.10.1']);
    expect((await merch.post('/inquiries', { customerId: smb.id, itemName: 'x', qty: 1 })).status).toBe(403);
  });

  it('walks: assistant records → rep submits → officeSupervisor reviews → merch answers → 30 % deposit → special order', async () => {
    const cust = await keyAccount();
    const rec = await ka.post('/inquiries', {
      customerId: cust.id,
      itemName: '定制LOGO笔记本',
      spec: 'A5 烫金',
      qty: 100,
      customMade: true,
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    const inq = rec.body;
    expect(inq).toMatchObject({
      status: 'draft',
      assistantId: ids.assistant3,
      repId: ids.salesrep,
      depositRequired: 0,
    });
    expect(inq.code).toMatch(/^IQ-20261127-\d{4}$/);
    expect((await ka.post(`/inquiries/${inq.id}/actions/submit`, {})).status).toBe(403); // the rep fills and submits it (5.10.2)
    expect((await merch.put(`/inquiries/${inq.id}`, { answerPrice: 12 })).status).toBe(403); // merch answers with its step only
    const sneaky = await rep.put(`/inquiries/${inq.id}`, { answerPrice: 12, requirements: '按样稿印刷' });
    expect(sneaky.status).toBe(200);
    expect(sneaky.body.answerPrice).toBeUndefined(); // merch's field: ignored in a PUT
    expect((await rep.post(`/inquiries/${inq.id}/actions/submit`, {})).body.status).toBe('review');
    expect((await merch.post(`/inquiries/${inq.id}/actions/approve`, {})).status).toBe(403);
    const approved = await supervisor.post(`/inquiries/${inq.id}/actions/approve`, {});
    expect(approved.body.status).toBe('pricing');
    expect((await rep.put(`/inquiries/${inq.id}`, { requirements: '改' })).status).toBe(409);
    expect((await merch.post(`/inquiries/${inq.id}/actions/answer`, {})).body.rule).toBe('5.10.2');
    expect(
      (
        await merch.post(`/inquiries/${inq.id}/actions/answer`, {
          answerPrice: 12.5,
          minQty: 50,
          leadTimeDays: 15,
          itemName: '别的商品',
        })
      ).status,
    ).toBe(400);
    expect(
      (await merch.post(`/inquiries/${inq.id}/actions/answer`, { answerPrice: 12.555, minQty: 50, leadTimeDays: 15 }))
        .status,
    ).toBe(400);
    const answered = await merch.post(`/inquiries/${inq.id}/actions/answer`, {
      answerPrice: 12.5,
      minQty: 50,
      leadTimeDays: 15,
      answerNote: '打样3天',
    });
    expect(answered.body).toMatchObject({
      status: 'answered',
      answerPrice: 12.5,
      minQty: 50,
      leadTimeDays: 15,
      answeredBy: ids.merch,
      orderQty: 100,
      estimatedTotal: 1250,
      depositRequired: 375,
    });
    const early = await rep.post(`/inquiries/${inq.id}/actions/order`, {});
    expect([early.status, early.body.rule]).toEqual([422, '5.10.3']);
    expect((await driver.post(`/inquiries/${inq.id}/actions/recordDeposit`, {})).status).toBe(403);
    expect((await finance.post(`/inquiries/${inq.id}/actions/recordDeposit`, {})).body).toMatchObject({
      status: 'depositPaid',
      depositPaid: true,
    });
    const ordered = await rep.post(`/inquiries/${inq.id}/actions/order`, {});
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(200);
    expect(ordered.body.status).toBe('ordered');
    const so = (await ka.get(`/specialOrders/${ordered.body.specialOrderId}`)).body;
    expect(so).toMatchObject({
      status: 'draft',
      customerId: cust.id,
      inquiryId: inq.id,
      depositAmount: 375,
      total: 1250,
      nonReturnable: true,
      assistantId: ids.assistant3,
    });
    expect(so.lines).toEqual([
      {
        productId: null,
        name: '定制LOGO笔记本',
        spec: 'A5 烫金',
        colour: null,
        qty: 100,
        unitPrice: 12.5,
        requirement: null,
      },
    ]);
    // the assistant goes on with it: the rep confirms in writing, under 5000 → straight to purchasing
    expect((await ka.post(`/specialOrders/${so.id}/actions/submit`, {})).body.status).toBe('repConfirmation');
    expect((await rep.post(`/specialOrders/${so.id}/actions/confirm`, {})).body).toMatchObject({
      status: 'approved',
      repConfirmed: true,
      repConfirmedBy: ids.salesrep,
    });
  });
});

describe(`special goods orders API on the ${STORE_KIND} store (6.5.4–6.5.6)`, () => {
  const line = (unitPrice: number, qty = 1) => ({
    name: '非标铁皮文件柜',
    spec: '1800×900×400mm',
    colour: '灰白色',
    qty,
    unitPrice,
  });
  /** 6.5.4 a special order starts from the customer's answered special-goods inquiry */
  const answeredInquiry = async (customerId: number): Promise<number> => {
    const inq = (
      await rep.post('/inquiries', {
        customerId,
        itemName: '非标铁皮文件柜',
        spec: '1800×900×400mm',
        qty: 1,
        customMade: false,
      })
    ).body;
    await rep.post(`/inquiries/${inq.id}/actions/submit`, {});
    await csm.post(`/inquiries/${inq.id}/actions/approve`, {});
    const answered = await merch.post(`/inquiries/${inq.id}/actions/answer`, {
      answerPrice: 1280,
      minQty: 1,
      leadTimeDays: 15,
    });
    expect(answered.body.status).toBe('answered');
    return inq.id;
  };

  it('4999.99 goes straight to purchasing after the rep’s confirmation; 5000 waits for the csManager', async () => {
    const cust = await keyAccount();
    const inquiryId = await answeredInquiry(cust.id);
    const below = (await ka.post('/specialOrders', { customerId: cust.id, inquiryId, lines: [line(4999.99)] })).body;
    const at = (
      await ka.post('/specialOrders', {
        customerId: cust.id,
        inquiryId,
        lines: [line(5000)],
        contractNo: 'HT-2026-118',
      })
    ).body;
    expect([below.total, below.needsManagerApproval, at.total, at.needsManagerApproval]).toEqual([
      4999.99,
      false,
      5000,
      true,
    ]);
    for (const so of [below, at])
      expect((await ka.post(`/specialOrders/${so.id}/actions/submit`, {})).body.status).toBe('repConfirmation');
    expect((await ka.post(`/specialOrders/${below.id}/actions/confirm`, {})).status).toBe(403);
    expect((await csm.post(`/specialOrders/${below.id}/actions/confirm`, {})).status).toBe(403);
    expect((await rep.post(`/specialOrders/${below.id}/actions/confirm`, {})).body.status).toBe('approved');
    expect((await rep.post(`/specialOrders/${at.id}/actions/confirm`, {})).body.status).toBe('review');
    // a partial chain never releases it: purchasing cannot order from review
    expect((await purchasing.post(`/specialOrders/${at.id}/actions/order`, {})).status).toBe(409);
    expect((await rep.post(`/specialOrders/${at.id}/actions/approve`, {})).status).toBe(403);
    const ok = await csm.post(`/specialOrders/${at.id}/actions/approve`, {});
    expect(ok.body.status).toBe('approved');
    expect(ok.body.approvals.map((a: { role: string; action: string }) => `${a.role}:${a.action}`)).toEqual([
      'assistant:submit',
      'salesRep:confirm',
      'csManager:approve',
    ]);
  });

  it('purchasing records the supplier PO (its field only) and orders; goods back; no cancelling then', async () => {
    const cust = await keyAccount();
    const so = (
      await ka.post('/specialOrders', {
        customerId: cust.id,
        inquiryId: await answeredInquiry(cust.id),
        lines: [line(1280, 2)],
      })
    ).body;
    await ka.post(`/specialOrders/${so.id}/actions/submit`, {});
    await rep.post(`/specialOrders/${so.id}/actions/confirm`, {});
    const noPo = await purchasing.post(`/specialOrders/${so.id}/actions/order`, {});
    expect([noPo.status, noPo.body.rule]).toEqual([422, '6.5.6']);
    expect((await ka.put(`/specialOrders/${so.id}`, { requirements: '改需求' })).status).toBe(409);
    expect((await purchasing.put(`/specialOrders/${so.id}`, { supplierPo: 'PO-1' })).status).toBe(403);
    expect(
      (await purchasing.post(`/specialOrders/${so.id}/actions/order`, { supplierPo: 'PO-1', total: 1 })).status,
    ).toBe(400);
    const po = await purchasing.post(`/specialOrders/${so.id}/actions/order`, {
      supplierPo: 'PO-20261127-07',
      expectedAt: '2026-12-10',
    });
    expect(po.status, JSON.stringify(po.body)).toBe(200);
    expect(po.body).toMatchObject({
      status: 'ordered',
      supplierPo: 'PO-20261127-07',
      expectedAt: '2026-12-10',
      total: 2560,
      orderedAt: srv.clock.now.toISOString(),
    });
    expect((await ka.post(`/specialOrders/${so.id}/actions/cancel`, { comment: '客户不要了' })).status).toBe(409);
    expect((await driver.post(`/specialOrders/${so.id}/actions/receive`, {})).status).toBe(403);
    expect((await warehouse.post(`/specialOrders/${so.id}/actions/receive`, {})).body).toMatchObject({
      status: 'received',
      nonReturnable: true,
    });
  });

  it('refuses SMB customers (6.5.2), catalog goods (6.5.4), and large amounts without deposit or contract (6.5.4)', async () => {
    const smb = await makeCustomer(admin);
    const r = await smbAssistant.post('/specialOrders', { customerId: smb.id, lines: [line(100)] });
    expect([r.status, r.body.rule]).toEqual([422, '6.5.2']);
    const cust = await keyAccount();
    const catalogProduct = await makeProduct(admin, 50);
    const inquiryId = await answeredInquiry(cust.id);
    const c = await ka.post('/specialOrders', {
      customerId: cust.id,
      inquiryId,
      lines: [{ ...line(50), productId: catalogProduct.id }],
    });
    expect([c.status, c.body.rule]).toEqual([422, '6.5.4']);
    expect(Object.keys(c.body.errors)).toEqual(['lines.0.productId']);
    const big = (await ka.post('/specialOrders', { customerId: cust.id, inquiryId, lines: [line(3000, 2)] })).body;
    const sub = await ka.post(`/specialOrders/${big.id}/actions/submit`, {});
    expect([sub.status, sub.body.rule]).toEqual([422, '6.5.4']);
    expect((await ka.put(`/specialOrders/${big.id}`, { depositAmount: 1800 })).status).toBe(200);
    expect((await ka.post(`/specialOrders/${big.id}/actions/submit`, {})).body.status).toBe('repConfirmation');
    expect(
      (await rep.post(`/specialOrders/${big.id}/actions/repReject`, { comment: '客户未签字确认' })).body.status,
    ).toBe('rejected');
    expect((await smbAssistant.post(`/specialOrders/${big.id}/actions/submit`, {})).status).toBe(403); // not hers
    expect((await driver.get('/specialOrders')).status).toBe(403);
  });
});

describe(`requisitions API on the ${STORE_KIND} store (6.5.2)`, () => {
  it('one project department per requisition; SMB catalog goods only; purchasing orders with a PO; received goods go into stock', async () => {
    const cust = await makeCustomer(admin);
    const pen = await makeProduct(admin, 12, 2, { projectDept: '文具项目部' });
    const stapler = await makeProduct(admin, 20, 0, { projectDept: '文具项目部' });
    const paper = await makeProduct(admin, 30, 1, { projectDept: '纸品项目部' });
    const custom = await makeProduct(admin, 35, 0, { projectDept: '文具项目部', catalog: false });
    const order = await smbAssistant.post('/orders', {
      customerId: cust.id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [pen, stapler, paper, custom].map((p) => ({ productId: p.id, qty: 10, unitPrice: p.catalogPrice })),
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body.shortLines).toBe(4);
    const o = order.body;
    const mixed = await smbAssistant.post('/requisitions', {
      orderId: o.id,
      lines: [
        { productId: pen.id, qty: 8 },
        { productId: paper.id, qty: 9 },
      ],
    });
    expect([mixed.status, mixed.body.rule]).toEqual([422, '6.5.2']);
    expect(Object.keys(mixed.body.errors)).toEqual(['lines.1.productId']);
    const smbCustom = await smbAssistant.post('/requisitions', {
      orderId: o.id,
      lines: [{ productId: custom.id, qty: 10 }],
    });
    expect([smbCustom.status, smbCustom.body.rule]).toEqual([422, '6.5.2']);
    const other = await makeProduct(admin, 5, 0, { projectDept: '文具项目部' });
    const notOnOrder = await smbAssistant.post('/requisitions', {
      orderId: o.id,
      lines: [{ productId: other.id, qty: 1 }],
    });
    expect([notOnOrder.status, notOnOrder.body.rule]).toEqual([422, '6.5.1']);
    const req = await smbAssistant.post('/requisitions', {
      orderId: o.id,
      lines: [
        { productId: pen.id, qty: 8 },
        { productId: stapler.id, qty: 10 },
      ],
    });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    expect(req.body).toMatchObject({
      status: 'draft',
      projectDept: '文具项目部',
      customerId: cust.id,
      orderCode: o.code,
      totalQty: 18,
    });
    expect(req.body.code).toMatch(/^PR-20261127-\d{4}$/);
    const r = req.body;
    expect((await purchasing.post(`/requisitions/${r.id}/actions/order`, {})).status).toBe(409);
    expect((await ka.post(`/requisitions/${r.id}/actions/submit`, {})).status).toBe(403); // another assistant's
    expect((await smbAssistant.post(`/requisitions/${r.id}/actions/submit`, {})).body.status).toBe('submitted');
    expect((await purchasing.post(`/requisitions/${r.id}/actions/order`, {})).body.rule).toBe('6.5.6');
    expect((await smbAssistant.put(`/requisitions/${r.id}`, { note: '改' })).status).toBe(409);
    expect((await purchasing.put(`/requisitions/${r.id}`, { lines: [{ productId: pen.id, qty: 80 }] })).status).toBe(
      403,
    );
    const po = await purchasing.post(`/requisitions/${r.id}/actions/order`, { supplierPo: 'PO-88001' });
    expect(po.status, JSON.stringify(po.body)).toBe(200);
    expect(po.body).toMatchObject({ status: 'ordered', supplierPo: 'PO-88001' });
    expect(
      (await purchasing.get('/requisitions' + q({ filter: { q: 'PO-88001' } }))).body.map((x: { id: number }) => x.id),
    ).toEqual([r.id]);
    expect((await driver.post(`/requisitions/${r.id}/actions/receive`, {})).status).toBe(403);
    const received = await warehouse.post(`/requisitions/${r.id}/actions/receive`, {});
    expect(received.body.status).toBe('received');
    // stock effects: 2 + 8 and 0 + 10, each audited
    expect((await admin.get(`/products/${pen.id}`)).body.stock).toBe(10);
    expect((await admin.get(`/products/${stapler.id}`)).body.stock).toBe(10);
    const history = (await admin.get(`/products/${pen.id}/history`)).body as {
      action: string;
      changes: Record<string, unknown>;
    }[];
    expect(history.at(-1)).toMatchObject({ action: 'stock', changes: { stock: [2, 10], code: r.code } });
  });

  it('purchasing may send a requisition back with a reason; the assistant may cancel it', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 8, 0, { projectDept: '耗材项目部' });
    const o = (
      await smbAssistant.post('/orders', {
        customerId: cust.id,
        channel: 'phone',
        paymentMethod: 'cash',
        linesConfirmed: true,
        lines: [{ productId: p.id, qty: 3, unitPrice: 8 }],
      })
    ).body;
    const r = (await smbAssistant.post('/requisitions', { orderId: o.id, lines: [{ productId: p.id, qty: 3 }] })).body;
    await smbAssistant.post(`/requisitions/${r.id}/actions/submit`, {});
    expect((await purchasing.post(`/requisitions/${r.id}/actions/reject`, {})).status).toBe(422);
    expect((await purchasing.post(`/requisitions/${r.id}/actions/reject`, { comment: '型号停产' })).body.status).toBe(
      'rejected',
    );
    expect((await smbAssistant.post(`/requisitions/${r.id}/actions/cancel`, { comment: '客户改订' })).body.status).toBe(
      'cancelled',
    );
    // a cancelled order takes no requisition
    await smbAssistant.post(`/orders/${o.id}/actions/cancel`, { comment: '客户取消' });
    const again = await smbAssistant.post('/requisitions', { orderId: o.id, lines: [{ productId: p.id, qty: 3 }] });
    expect([again.status, again.body.rule]).toEqual([422, '6.5.1']);
  });
});
