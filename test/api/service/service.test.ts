import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../../helpers/server';
import { makeCustomer, makeProduct } from '../../helpers/fixtures';
import { act } from './helpers';

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C,
  assistant: C,
  assistant2: C,
  support: C,
  teamlead: C,
  csm: C,
  supervisor: C,
  salesmgr: C,
  orderdesk: C,
  warehouse: C,
  driver: C,
  finance: C;

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  [admin, assistant, assistant2, support, teamlead, csm, supervisor, salesmgr, orderdesk, warehouse, driver, finance] =
    await Promise.all(
      [
        'admin',
        'assistant',
        'assistant2',
        'assistant6',
        'teamlead',
        'csmanager',
        'supervisor',
        'salesmgr',
        'orderdesk',
        'warehouse',
        'driver',
        'finance',
      ].map((u) => loginAs(srv.url, u)),
    );
});
afterAll(() => srv?.close());

const stockOf = async (id: number) => (await admin.get(`/products/${id}`)).body.stock as number;

describe(`complaints (6.10) on the ${STORE_KIND} store`, () => {
  const complaint = (customerId: number, category: string, extra: Record<string, unknown> = {}) =>
    assistant2.post('/complaints', { customerId, category, description: '客户投诉内容', ...extra });

  it('6.10.5 deadlines in working time: received Friday 15:00 → reply by Monday 09:30, resolve by Wednesday 15:00', async () => {
    const cust = await makeCustomer(admin);
    const r = await complaint(cust.id, 'delivery', { receivedAt: '2026-11-27T07:00:00.000Z' }); // Fri 15:00
    expect([r.status, r.body.rule]).toEqual([422, '6.10.4']); // after now (14:30)
    const ok = await complaint(cust.id, 'delivery', { receivedAt: '2026-11-27T06:00:00.000Z' }); // 14:00
    expect(ok.status).toBe(201);
    // 14:00 + 4 working hours: 3 h 30 on Friday, 30 min on Monday → 08:30
    expect(ok.body).toMatchObject({
      status: 'received',
      keyAccount: false,
      replyDeadline: '2026-11-30T00:30:00.000Z',
      resolveDeadline: '2026-12-02T06:00:00.000Z',
    });
    try {
      srv.clock.now = new Date('2026-11-27T07:00:00Z');
      const a2 = await loginAs(srv.url, 'assistant2');
      const fri = await a2.post('/complaints', { customerId: cust.id, category: 'other', description: 'x' });
      expect(fri.body.receivedAt).toBe('2026-11-27T07:00:00.000Z');
      expect(fri.body.replyDeadline).toBe('2026-11-30T01:30:00.000Z'); // Monday 09:30
      expect(fri.body.resolveDeadline).toBe('2026-12-02T07:00:00.000Z'); // Wednesday 15:00
      srv.clock.now = new Date('2026-11-30T01:31:00Z'); // Monday 09:31: one minute late
      const late = await (await loginAs(srv.url, 'assistant2')).post(`/complaints/${fri.body.id}/actions/reply`, {});
      expect(late.body).toMatchObject({
        status: 'followUp',
        firstReplyAt: '2026-11-30T01:31:00.000Z',
        repliedOnTime: false,
      });
    } finally {
      srv.clock.now = TEST_NOW;
    }
    // the inbox shows the assistant's complaint awaiting a reply with its reply deadline
    const inbox = await assistant2.get('/myWork');
    expect(
      inbox.body.find((i: { resource: string; id: number }) => i.resource === 'complaints' && i.id === ok.body.id)
        ?.deadline,
    ).toBe('2026-11-30T00:30:00.000Z');
  });

  it('6.10.2 staff complaints go to the CS Center manager', async () => {
    const cust = await makeCustomer(admin);
    const c = (await complaint(cust.id, 'staff')).body;
    const path = `/complaints/${c.id}`;
    await act(csm, path, 'handle', 409);
    await act(assistant, path, 'reply', 403); // not their complaint
    expect((await act(assistant2, path, 'reply', 200)).status).toBe('managerReview');
    await act(supervisor, path, 'handle', 403, { comment: 'x' });
    await act(csm, path, 'handle', 422);
    expect((await act(csm, path, 'handle', 200, { comment: '已约谈送货员' })).status).toBe('followUp');
    const done = await act(assistant2, path, 'resolve', 200, { comment: '已向客户反馈并致歉' });
    expect(done).toMatchObject({ status: 'closed', resolvedOnTime: true, repliedOnTime: true });
    expect(done.resolvedAt).toBe(TEST_NOW.toISOString());
  });

  it('6.10.2 product quality: a feedback form is created and the office supervisor checks onsite', async () => {
    const cust = await makeCustomer(admin, { districtOffice: '南山办事处' });
    const c = (await complaint(cust.id, 'productQuality', { description: '复印纸受潮' })).body;
    const replied = await act(assistant2, `/complaints/${c.id}`, 'reply', 200);
    expect(replied.status).toBe('onsiteCheck');
    expect(replied.feedbackId).toEqual(expect.any(Number));
    const fb = (await assistant2.get(`/feedbacks/${replied.feedbackId}`)).body;
    expect(fb).toMatchObject({
      status: 'open',
      customerId: cust.id,
      complaintId: c.id,
      kind: 'productQuality',
      districtOffice: '南山办事处',
    });
    expect(fb.description).toContain('复印纸受潮');
    await act(csm, `/complaints/${c.id}`, 'handle', 403, { comment: 'x' });
    expect((await act(supervisor, `/complaints/${c.id}`, 'handle', 200, { comment: '现场确认为受潮' })).status).toBe(
      'followUp',
    );
  });

  it('usage complaints are explained by the assistant; complex ones go to customer management', async () => {
    const cust = await makeCustomer(admin);
    const c = (await complaint(cust.id, 'productUsage')).body;
    expect((await act(assistant2, `/complaints/${c.id}`, 'reply', 200)).status).toBe('followUp');
    expect(
      (await act(assistant2, `/complaints/${c.id}`, 'escalate', 200, { comment: '技术复杂，报客户管理部门' })).status,
    ).toBe('escalated');
    await act(csm, `/complaints/${c.id}`, 'handle', 403, { comment: 'x' });
    expect((await act(salesmgr, `/complaints/${c.id}`, 'handle', 200, { comment: '已协调厂家工程师' })).status).toBe(
      'followUp',
    );
  });

  it('6.10.5 a key-account complaint is filed with customer management before it closes', async () => {
    const cust = await makeCustomer(admin, { tier: 'keyAccount' });
    const c = (await complaint(cust.id, 'delivery')).body;
    expect(c.keyAccount).toBe(true);
    await act(assistant2, `/complaints/${c.id}`, 'reply', 200);
    const r = await act(assistant2, `/complaints/${c.id}`, 'resolve', 200, { comment: '已补送' });
    expect(r.status).toBe('filing');
    await act(assistant2, `/complaints/${c.id}`, 'file', 403);
    await act(csm, `/complaints/${c.id}`, 'file', 403);
    expect(await act(salesmgr, `/complaints/${c.id}`, 'file', 200)).toMatchObject({ status: 'closed', filed: true });
    const list = await teamlead.get(
      '/complaints' + q({ filter: { keyAccount: true, filed: true, customerId: cust.id } }),
    );
    expect(list.body.map((x: { id: number }) => x.id)).toEqual([c.id]);
  });

  it('drivers and the warehouse have no business with complaints', async () => {
    expect((await driver.get('/complaints')).status).toBe(403);
    expect((await warehouse.get('/complaints')).status).toBe(403);
  });
});

describe('feedback forms (6.1.2)', () => {
  it('open → followed up (assistant or office supervisor) → closed by the assistant; team lead reads', async () => {
    const cust = await makeCustomer(admin);
    const f = await assistant2.post('/feedbacks', {
      customerId: cust.id,
      kind: 'salesDrop',
      description: '本月订货下降',
    });
    expect(f.status).toBe(201);
    expect(f.body.status).toBe('open');
    const path = `/feedbacks/${f.body.id}`;
    await act(assistant2, path, 'close', 409, { comment: 'x' });
    await act(assistant, path, 'followUp', 403, { comment: 'x' });
    await act(supervisor, path, 'followUp', 200, { comment: '办事处已上门拜访' });
    await act(supervisor, path, 'close', 403, { comment: 'x' });
    expect((await act(assistant2, path, 'close', 200, { comment: '恢复正常订货' })).status).toBe('closed');
    expect((await teamlead.get(path)).status).toBe(200);
    expect((await teamlead.post('/feedbacks', { customerId: cust.id, kind: 'other', description: 'x' })).status).toBe(
      201,
    );
    expect((await driver.get('/feedbacks')).status).toBe(403);
  });
});

describe('work logs (6.1.6)', () => {
  it('one per assistant per day; the team lead acknowledges', async () => {
    const first = await assistant.post('/workLogs', { summary: '处理网上订单21张', ordersHandled: 21 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ date: '2026-11-27', status: 'filed' });
    const second = await assistant.post('/workLogs', { summary: '再写一份' });
    expect([second.status, second.body.rule]).toEqual([422, '6.1.6']);
    const explicit = await assistant.post('/workLogs', { date: '2026-11-27', summary: '再写一份' });
    expect([explicit.status, explicit.body.rule]).toEqual([422, '6.1.6']);
    expect((await assistant.post('/workLogs', { date: '2026-11-28', summary: '明天的' })).body.rule).toBe('6.1.6');
    expect((await assistant2.post('/workLogs', { summary: '回访客户5家' })).status).toBe(201);
    expect((await teamlead.post('/workLogs', { summary: 'x' })).status).toBe(403);
    expect((await assistant2.put(`/workLogs/${first.body.id}`, { summary: '改别人的' })).status).toBe(403);
    expect((await assistant.put(`/workLogs/${first.body.id}`, { summary: '处理网上订单22张' })).status).toBe(200);
    await act(assistant, `/workLogs/${first.body.id}`, 'acknowledge', 403);
    expect((await act(teamlead, `/workLogs/${first.body.id}`, 'acknowledge', 200)).status).toBe('reviewed');
    expect((await assistant.put(`/workLogs/${first.body.id}`, { summary: '已阅后再改' })).status).toBe(409);
    const mine = await teamlead.get(
      '/workLogs' + q({ filter: { date: '2026-11-27', assistantId: first.body.assistantId } }),
    );
    expect(mine.body.map((l: { id: number }) => l.id)).toEqual([first.body.id]);
  });
});

describe('sample loans (6.11)', () => {
  const apply = (customerId: number, productId: number, extra: Record<string, unknown> = {}) =>
    assistant2.post('/sampleLoans', { customerId, lines: [{ productId, qty: 2 }], ...extra });

  it('6.11.2 loan days: 3 by default, 4–7 with a reason, 8 refused', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 500, 10, { category: 'oaEquipment' });
    const d = await apply(cust.id, p.id);
    expect(d.body).toMatchObject({ status: 'draft', loanDays: 3, value: 1000 });
    expect((await apply(cust.id, p.id, { loanDays: 4 })).body.rule).toBe('6.11.2');
    expect((await apply(cust.id, p.id, { loanDays: 7, extensionReason: '客户内部评审一周' })).status).toBe(201);
    const eight = await apply(cust.id, p.id, { loanDays: 8, extensionReason: '试用' });
    expect([eight.status, eight.body.rule]).toEqual([422, '6.11.2']);
  });

  it('6.11.1 the order desk lends (stock out); returned by the warehouse (stock back); overdue listed', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 500, 10, { category: 'oaEquipment' });
    const loan = (await apply(cust.id, p.id, { loanDays: 5, extensionReason: '评审' })).body;
    const path = `/sampleLoans/${loan.id}`;
    await act(orderdesk, path, 'lend', 409);
    await act(assistant2, path, 'submit', 200);
    await act(warehouse, path, 'lend', 403);
    await act(assistant2, path, 'lend', 403);
    const out = await act(orderdesk, path, 'lend', 200);
    expect(out).toMatchObject({ status: 'out', lentAt: TEST_NOW.toISOString(), dueAt: '2026-12-02T06:30:00.000Z' });
    expect(await stockOf(p.id)).toBe(8);
    const overdue = (at: string) =>
      csm.get('/sampleLoans' + q({ filter: { status: 'out', dueAt_lte: at, customerId: cust.id } }));
    expect((await overdue('2026-12-02T06:30:00.000Z')).body.map((x: { id: number }) => x.id)).toEqual([loan.id]);
    expect((await overdue('2026-12-02T06:29:59.999Z')).body).toEqual([]);
    await act(orderdesk, path, 'return', 403);
    expect((await act(warehouse, path, 'return', 200)).status).toBe('returned');
    expect(await stockOf(p.id)).toBe(10);
    await act(warehouse, path, 'return', 409);
  });

  it('6.11.4 bought: a sales order at catalog price is created and linked; the loan is offset, the order takes the samples when picked', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 480.5, 10, { category: 'oaEquipment' });
    const loan = (await apply(cust.id, p.id)).body;
    const path = `/sampleLoans/${loan.id}`;
    await act(assistant2, path, 'submit', 200);
    await act(orderdesk, path, 'lend', 200);
    await act(assistant, path, 'buy', 403); // not the handler
    const bought = await act(assistant2, path, 'buy', 200);
    expect(bought.status).toBe('bought');
    const order = (await csm.get(`/orders/${bought.orderId}`)).body;
    expect(order).toMatchObject({ status: 'draft', customerId: cust.id, subtotal: 961, total: 961 });
    expect(
      order.lines.map((l: { productId: number; qty: number; unitPrice: number }) => [l.productId, l.qty, l.unitPrice]),
    ).toEqual([[p.id, 2, 480.5]]);
    expect(order.note).toContain(loan.code);
    // the "other return" offsets the loan (6.11.4): the samples are booked back; the sale's picking takes them (6.2.5)
    expect(await stockOf(p.id)).toBe(10);
    await act(assistant2, `/orders/${order.id}`, 'submit', 422, {}, '6.2.1'); // the lines are confirmed first
    await assistant2.put(`/orders/${order.id}`, { linesConfirmed: true });
    await act(assistant2, `/orders/${order.id}`, 'submit', 200);
    await act(csm, `/orders/${order.id}`, 'approve', 200);
    await act(orderdesk, `/orders/${order.id}`, 'pick', 200);
    expect(await stockOf(p.id)).toBe(8);
  });

  it('6.11.3 damaged: not taken back; compensation recorded; the manager decides who pays', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 300, 10, { category: 'oaEquipment' });
    const loan = (await apply(cust.id, p.id)).body;
    const path = `/sampleLoans/${loan.id}`;
    await act(assistant2, path, 'submit', 200);
    await act(orderdesk, path, 'lend', 200);
    await act(warehouse, path, 'reportDamage', 422);
    const damaged = await act(warehouse, path, 'reportDamage', 200, { comment: '外壳破裂' });
    expect(damaged).toMatchObject({ status: 'damaged', compensationAmount: 600 });
    expect(await stockOf(p.id)).toBe(8);
    await act(assistant2, path, 'chargeCustomer', 403);
    await act(csm, path, 'chargeHandler', 422); // the reason is required
    expect(await act(csm, path, 'chargeHandler', 200, { comment: '经手人未按规定包装' })).toMatchObject({
      status: 'compensated',
      compensationBy: 'handler',
    });
    const list = await finance.get('/sampleLoans' + q({ filter: { compensationBy: 'handler', customerId: cust.id } }));
    expect(list.body).toHaveLength(1);
  });

  it('lending more than in stock is refused and changes nothing', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 100, 1, { category: 'oaEquipment' });
    const loan = (await apply(cust.id, p.id)).body;
    await act(assistant2, `/sampleLoans/${loan.id}`, 'submit', 200);
    await act(orderdesk, `/sampleLoans/${loan.id}`, 'lend', 422, {}, '6.11.1');
    expect((await csm.get(`/sampleLoans/${loan.id}`)).body.status).toBe('applied');
    expect(await stockOf(p.id)).toBe(1);
  });
});

describe('after-sales tickets (5.7)', () => {
  const ticket = (c: C, customerId: number, productId: number, extra: Record<string, unknown> = {}) =>
    c.post('/serviceTickets', { customerId, productId, fault: '卡纸', ...extra });

  it('5.3.2 warranty from the invoice date: day 365 in, 366 out; onsite the next working day', async () => {
    const cust = await makeCustomer(admin);
    const printer = await makeProduct(admin, 2600, 5, { category: 'oaEquipment' });
    const inW = await ticket(assistant, cust.id, printer.id, { invoiceDate: '2025-11-27' });
    expect(inW.status, JSON.stringify(inW.body)).toBe(201);
    expect(inW.body).toMatchObject({
      status: 'received',
      warrantyStatus: 'inWarranty',
      warrantyUntil: '2026-11-27',
      onsiteDate: '2026-11-30',
      totalCharge: 0,
    });
    const out = await ticket(assistant, cust.id, printer.id, { invoiceDate: '2025-11-26' });
    expect(out.body.warrantyStatus).toBe('outOfWarranty');
    const chosen = await ticket(assistant, cust.id, printer.id, {
      invoiceDate: '2025-11-27',
      requestedDate: '2026-12-02',
    });
    expect(chosen.body.onsiteDate).toBe('2026-12-02');
    const weekend = await ticket(assistant, cust.id, printer.id, {
      invoiceDate: '2025-11-27',
      requestedDate: '2026-11-28',
    });
    expect([weekend.status, weekend.body.rule]).toEqual([422, '5.7.3']);
    const noInvoice = await ticket(assistant, cust.id, printer.id);
    expect([noInvoice.status, noInvoice.body.rule]).toEqual([422, '5.7.2']);
    const fee = await ticket(assistant, cust.id, printer.id, { invoiceDate: '2025-11-27', labourFee: 50 });
    expect([fee.status, fee.body.rule]).toEqual([422, '5.7.3']);
  });

  it('5.7.6 out of warranty: parts at cost + fee; sales support does the visit; finance closes a paid ticket', async () => {
    const cust = await makeCustomer(admin);
    const printer = await makeProduct(admin, 2600, 5, { category: 'oaEquipment' });
    const drum = await makeProduct(admin, 200, 5, { category: 'oaConsumable' }); // cost 160
    const t = (await ticket(assistant, cust.id, printer.id, { invoiceDate: '2024-06-01' })).body;
    const path = `/serviceTickets/${t.id}`;
    await act(assistant, path, 'schedule', 403); // e-commerce group
    await act(assistant2, path, 'schedule', 403); // SMB group
    const scheduled = await act(support, path, 'schedule', 200);
    expect(scheduled.status).toBe('scheduled');
    const notAtCost = await support.put(path, {
      labourFee: 150,
      parts: [{ name: '硒鼓', productId: drum.id, qty: 1, unitCost: 200 }],
    });
    expect([notAtCost.status, notAtCost.body.rule]).toEqual([422, '5.7.3']);
    await act(support, path, 'complete', 422, {}, '5.7.6'); // no repair fee yet
    const priced = await support.put(path, {
      labourFee: 150,
      parts: [{ name: '硒鼓', productId: drum.id, qty: 1, unitCost: 160 }],
    });
    expect(priced.status, JSON.stringify(priced.body)).toBe(200);
    expect(priced.body).toMatchObject({ partsCharge: 160, labourCharge: 150, totalCharge: 310 });
    await act(support, path, 'complete', 200);
    await act(support, path, 'close', 422, {}, '5.7.6');
    expect(await act(finance, path, 'close', 200)).toMatchObject({ status: 'closed', paid: true });
  });

  it('5.7.3 under warranty only parts outside its scope are charged; a free ticket is closed by sales support', async () => {
    const cust = await makeCustomer(admin);
    const printer = await makeProduct(admin, 2600, 5, { category: 'oaEquipment' });
    const t = (await ticket(assistant, cust.id, printer.id, { invoiceDate: '2026-06-01' })).body;
    const path = `/serviceTickets/${t.id}`;
    await act(support, path, 'schedule', 200);
    const parts = await support.put(path, {
      parts: [
        { name: '定影组件', qty: 1, unitCost: 320 },
        { name: '外壳（人为损坏）', qty: 1, unitCost: 85.5, inScope: false },
      ],
    });
    expect(parts.body).toMatchObject({
      warrantyStatus: 'inWarranty',
      partsCharge: 85.5,
      labourCharge: 0,
      totalCharge: 85.5,
    });
    await support.put(path, { parts: [{ name: '定影组件', qty: 1, unitCost: 320 }] });
    await act(support, path, 'complete', 200);
    await act(support, path, 'complete', 409);
    await act(finance, path, 'complete', 403);
    expect(await act(support, path, 'close', 200)).toMatchObject({ status: 'closed', totalCharge: 0, paid: false });
    expect((await driver.get('/serviceTickets')).status).toBe(403);
  });
});
