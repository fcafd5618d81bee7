import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, loginAs, q, startTestServer, STORE_KIND, type TestServer } from '../helpers/server';
import { creditKeyAccount, makeCustomer, makeProduct, submittedOrder } from '../helpers/fixtures';
import { readyToShip } from './service/helpers';

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C, assistant: C, assistant2: C, csm: C, gm: C, orderdesk: C, driver: C, finance: C;

beforeAll(async () => {
  srv = await startTestServer();
  [admin, assistant, assistant2, csm, gm, orderdesk, driver, finance] = await Promise.all(
    ['admin', 'assistant', 'assistant2', 'csmanager', 'gm', 'orderdesk', 'driver', 'finance'].map((u) =>
      loginAs(srv.url, u),
    ),
  );
});
afterAll(() => srv?.close());

const phoneOrder = (
  customerId: number,
  lines: { productId: number; qty: number; unitPrice: number }[],
  extra: Record<string, unknown> = {},
) => ({
  customerId,
  channel: 'phone',
  paymentMethod: 'cash',
  linesConfirmed: true,
  lines,
  ...extra,
});

describe(`orders API on the ${STORE_KIND} store`, () => {
  it('refuses every /api route without a token (401), including json-server extras', async () => {
    const anon = client(srv.url);
    for (const p of [
      '/orders',
      '/users',
      '/db',
      '/customers/1/orders',
      '/orders?_embed=customers',
      '/orders?_expand=customer',
      '/auditLog',
      '/auth/me',
    ]) {
      expect((await anon.get(p)).status, p).toBe(401);
    }
    const forged = await client(srv.url, 'forged.token').get('/orders');
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ message: '请先登录', messages: { en: 'Not logged in' } });
  });

  it('has no /db dump and no nested routes even when logged in, and never shows password hashes', async () => {
    expect((await admin.get('/db')).status).toBe(404);
    expect((await admin.get('/customers/1/orders')).status).toBe(404);
    const users = await admin.get('/users' + q({ range: [0, 99] }));
    expect(users.status).toBe(200);
    expect(users.body.length).toBeGreaterThanOrEqual(17);
    const text = JSON.stringify(users.body);
    expect(text).not.toMatch(/scrypt|password/i);
    const one = await admin.get(`/users/${users.body[0].id}`);
    expect(JSON.stringify(one.body)).not.toMatch(/scrypt|password/i);
  });

  it('sorts by the order total (合计), filtered or not, and counts the list apart from it', async () => {
    for (const filter of [{}, { channel: 'phone' }]) {
      for (const dir of ['ASC', 'DESC'] as const) {
        const r = await csm.get('/orders' + q({ sort: ['total', dir], range: [0, 9], filter }));
        expect(r.status).toBe(200);
        const totals = r.body.map((o: { total: number }) => o.total);
        expect(totals.length).toBeGreaterThan(3);
        expect(totals).toEqual([...totals].sort((a: number, b: number) => (dir === 'ASC' ? a - b : b - a)));
        expect(new Set(totals).size).toBeGreaterThan(1);
        expect(Number(r.headers.get('content-range')!.split('/')[1])).toBeGreaterThanOrEqual(totals.length);
      }
    }
  });

  it('speaks the simple-rest dialect: Content-Range, sort, range, filter arrays, q, _gte/_lte', async () => {
    const r = await csm.get('/orders' + q({ sort: ['id', 'ASC'], range: [0, 4], filter: {} }));
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(5);
    const total = Number(r.headers.get('content-range')!.split('/')[1]);
    expect(r.headers.get('content-range')).toBe(`orders 0-4/${total}`);
    // the unfiltered total (kept by triggers in PostgreSQL) equals a counted one
    const counted = await csm.get('/orders' + q({ filter: { version_gte: 1 }, range: [0, 0] }));
    expect(Number(counted.headers.get('content-range')!.split('/')[1])).toBe(total);
    expect(r.body.map((o: { id: number }) => o.id)).toEqual(
      [...r.body.map((o: { id: number }) => o.id)].sort((a, b) => a - b),
    );
    const ids = r.body.slice(0, 3).map((o: { id: number }) => o.id);
    const many = await csm.get('/orders' + q({ filter: { id: ids } }));
    expect(many.body.map((o: { id: number }) => o.id).sort()).toEqual([...ids].sort());
    const code = r.body[0].code as string;
    const search = await csm.get('/orders' + q({ filter: { q: code } }));
    expect(search.body.map((o: { code: string }) => o.code)).toEqual([code]);
    const big = await csm.get('/orders' + q({ filter: { total_gte: 100, total_lte: 200 }, range: [0, 999] }));
    expect(big.body.every((o: { total: number }) => o.total >= 100 && o.total <= 200)).toBe(true);
  });

  it('refuses unknown filter fields instead of returning every row, and regex metacharacters are plain text', async () => {
    expect((await csm.get('/orders' + q({ filter: { stauts: 'approved' } }))).status).toBe(400);
    expect((await csm.get('/orders?customerId_like=.*')).status).toBe(200); // unknown plain params are ignored like any query string
    const r = await csm.get('/orders' + q({ filter: { q: '(.*' } }));
    expect(r.status).toBe(200);
    expect(r.body).toEqual([]);
  });

  it('5.3.1: a 99-yuan order pays a 10-yuan fee, a 100-yuan order none (99.99 / 100 boundary)', async () => {
    const cust = await makeCustomer(admin);
    for (const [price, fee] of [
      [99, 10],
      [99.99, 10],
      [100, 0],
    ] as const) {
      const p = await makeProduct(admin, price);
      const r = await assistant2.post('/orders', phoneOrder(cust.id, [{ productId: p.id, qty: 1, unitPrice: price }]));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.subtotal).toBe(price);
      expect(r.body.deliveryFee).toBe(fee);
      expect(r.body.total).toBe(Math.round((price + fee) * 100) / 100);
      expect(r.body.status).toBe('draft');
      expect(r.body.code).toMatch(/^SO-20261127-\d{4}$/);
    }
  });

  it('6.2.3: a credit order for an SMB customer is refused with 422 naming the clause, and nothing is saved', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 50);
    const before = (await csm.get('/orders' + q({ filter: { customerId: cust.id } }))).body.length;
    const r = await assistant2.post(
      '/orders',
      phoneOrder(cust.id, [{ productId: p.id, qty: 1, unitPrice: 50 }], { paymentMethod: 'credit' }),
    );
    expect(r.status).toBe(422);
    expect(r.body.rule).toBe('6.2.3');
    expect(r.body.message).toContain('6.2.3');
    expect(r.body.errors.paymentMethod).toBeTruthy();
    expect((await csm.get('/orders' + q({ filter: { customerId: cust.id } }))).body.length).toBe(before);
  });

  it('6.2.2: SMB customers pay catalog prices', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 30);
    const r = await assistant2.post('/orders', phoneOrder(cust.id, [{ productId: p.id, qty: 2, unitPrice: 25 }]));
    expect(r.status).toBe(422);
    expect(r.body.rule).toBe('6.2.2');
    expect(Object.keys(r.body.errors)).toContain('lines.0.unitPrice');
  });

  it('5.5.1 / 5.11.3: credit needs an approved line, and an overdue customer gets none', async () => {
    const p = await makeProduct(admin, 200);
    const noLine = await makeCustomer(admin, { tier: 'keyAccount' });
    let r = await assistant.post(
      '/orders',
      phoneOrder(noLine.id, [{ productId: p.id, qty: 1, unitPrice: 200 }], { paymentMethod: 'credit' }),
    );
    expect([r.status, r.body.rule]).toEqual([422, '5.5.1']);
    const overdue = await makeCustomer(admin, creditKeyAccount(50000, { overdue: true }));
    r = await assistant.post(
      '/orders',
      phoneOrder(overdue.id, [{ productId: p.id, qty: 1, unitPrice: 200 }], { paymentMethod: 'credit' }),
    );
    expect([r.status, r.body.rule]).toEqual([422, '5.11.3']);
  });

  it('roles: an assistant approving gets 403; the csManager approves; a PUT cannot set status, total or approvals', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 120);
    const created = (
      await assistant2.post('/orders', phoneOrder(cust.id, [{ productId: p.id, qty: 1, unitPrice: 120 }]))
    ).body;
    const hacked = await assistant2.put(`/orders/${created.id}`, {
      ...created,
      status: 'approved',
      total: 1,
      approvals: [{ step: 'x', decision: 'approve' }],
      note: '请上午送',
    });
    expect(hacked.status).toBe(200);
    expect(hacked.body.status).toBe('draft');
    expect(hacked.body.total).toBe(120);
    expect(hacked.body.approvals).toEqual([]);
    expect(hacked.body.note).toBe('请上午送');
    const submitted = await assistant2.post(`/orders/${created.id}/actions/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect((await assistant2.post(`/orders/${created.id}/actions/approve`, {})).status).toBe(403);
    expect((await assistant2.put(`/orders/${created.id}`, { note: 'changed after submit' })).status).toBe(409);
    const approved = await csm.post(`/orders/${created.id}/actions/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.approvals.map((a: { role: string; decision: string }) => [a.role, a.decision])).toEqual([
      ['assistant', 'other'],
      ['csManager', 'approve'],
    ]);
    const actions = await orderdesk.get(`/orders/${created.id}/actions`);
    expect(actions.body.map((a: { action: string }) => a.action)).toContain('pick');
    const history = await csm.get(`/orders/${created.id}/history`);
    expect(history.body.map((h: { action: string }) => h.action)).toEqual(['create', 'update', 'submit', 'approve']);
  });

  it('a stale version gets 409 and changes nothing; a partial PUT never wipes fields', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 60);
    const o = (
      await assistant2.post(
        '/orders',
        phoneOrder(cust.id, [{ productId: p.id, qty: 2, unitPrice: 60 }], { note: '原备注', receiver: '王先生' }),
      )
    ).body;
    const first = await assistant2.put(`/orders/${o.id}`, { version: o.version, note: '新备注' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(o.version + 1);
    expect(first.body.receiver).toBe('王先生');
    expect(first.body.lines).toHaveLength(1);
    const staleWrite = await assistant2.put(`/orders/${o.id}`, { version: o.version, note: '旧版本' });
    expect(staleWrite.status).toBe(409);
    expect((await assistant2.get(`/orders/${o.id}`)).body.note).toBe('新备注');
  });

  it('reject needs a reason and returns the order to the assistant; cancel is refused after picking', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 150);
    const o = (await assistant2.post('/orders', phoneOrder(cust.id, [{ productId: p.id, qty: 1, unitPrice: 150 }])))
      .body;
    await assistant2.post(`/orders/${o.id}/actions/submit`, {});
    const noReason = await csm.post(`/orders/${o.id}/actions/reject`, {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors.comment).toBeTruthy();
    const rejected = await csm.post(`/orders/${o.id}/actions/reject`, { comment: '数量请与客户再确认' });
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.approvals.at(-1).comment).toBe('数量请与客户再确认');
    await assistant2.post(`/orders/${o.id}/actions/submit`, {});
    await csm.post(`/orders/${o.id}/actions/approve`, {});
    expect((await orderdesk.post(`/orders/${o.id}/actions/pick`, {})).body.status).toBe('picked');
    const cancel = await assistant2.post(`/orders/${o.id}/actions/cancel`, { comment: '客户取消' });
    expect(cancel.status).toBe(409);
    await readyToShip({ orderdesk, finance }, o.id); // 6.2.4 the printed delivery list, 5.4.2 finance's invoice
    expect((await driver.post(`/orders/${o.id}/actions/ship`, {})).body.status).toBe('shipped');
    expect((await driver.post(`/orders/${o.id}/actions/deliver`, {})).body.status).toBe('delivered');
  });

  it('5.10.4: a credit order beyond the remaining credit waits for the branchGM after the csManager', async () => {
    const cust = await makeCustomer(admin, creditKeyAccount(1000));
    const p = await makeProduct(admin, 600);
    const within = (
      await assistant.post(
        '/orders',
        phoneOrder(cust.id, [{ productId: p.id, qty: 1, unitPrice: 600 }], { paymentMethod: 'credit' }),
      )
    ).body;
    expect(within.needsGmApproval).toBe(false);
    await assistant.post(`/orders/${within.id}/actions/submit`, {});
    expect((await csm.post(`/orders/${within.id}/actions/approve`, {})).body.status).toBe('approved');
    // 600 of 1000 used: another 600 is beyond the remaining 400
    const over = (
      await assistant.post(
        '/orders',
        phoneOrder(cust.id, [{ productId: p.id, qty: 1, unitPrice: 600 }], { paymentMethod: 'credit' }),
      )
    ).body;
    expect(over.needsGmApproval).toBe(true);
    await assistant.post(`/orders/${over.id}/actions/submit`, {});
    const afterCsm = await csm.post(`/orders/${over.id}/actions/approve`, {});
    expect(afterCsm.body.status).toBe('gmApproval');
    expect((await csm.post(`/orders/${over.id}/actions/approve`, {})).status).toBe(403);
    const afterGm = await gm.post(`/orders/${over.id}/actions/approve`, {});
    expect(afterGm.body.status).toBe('approved');
  });

  it('5.3.1 promise: key accounts before 12:00 same afternoon, after 12:00 next working day; others next working day', async () => {
    const key = await makeCustomer(admin, { tier: 'keyAccount' });
    const smb = await makeCustomer(admin);
    const p = await makeProduct(admin, 100);
    // TEST_NOW is Friday 2026-11-27 14:30 Shanghai → next working day is Monday 11-30
    const k = (await assistant.post('/orders', phoneOrder(key.id, [{ productId: p.id, qty: 1, unitPrice: 100 }]))).body;
    expect(k.promisedDeliveryAt).toBe('2026-11-30T04:00:00.000Z'); // Monday 12:00
    expect(k.priority).toBe(1);
    const s = (await assistant2.post('/orders', phoneOrder(smb.id, [{ productId: p.id, qty: 1, unitPrice: 100 }])))
      .body;
    expect(s.promisedDeliveryAt).toBe('2026-11-30T09:30:00.000Z'); // Monday 17:30
    srv.clock.now = new Date('2026-11-27T03:59:00Z'); // 11:59
    try {
      const early = (await assistant.post('/orders', phoneOrder(key.id, [{ productId: p.id, qty: 1, unitPrice: 100 }])))
        .body;
      expect(early.promisedDeliveryAt).toBe('2026-11-27T09:30:00.000Z'); // same afternoon
    } finally {
      srv.clock.now = new Date('2026-11-27T06:30:00Z');
    }
  });

  it('5.1.1: web orders start awaiting confirmation with a 10-minute deadline; only the e-commerce group confirms', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 100);
    const w = (
      await assistant.post(
        '/orders',
        phoneOrder(cust.id, [{ productId: p.id, qty: 1, unitPrice: 100 }], { channel: 'web' }),
      )
    ).body;
    expect(w.status).toBe('pendingConfirmation');
    expect(w.confirmDeadline).toBe('2026-11-27T06:40:00.000Z');
    expect((await assistant2.post(`/orders/${w.id}/actions/confirm`, {})).status).toBe(403);
    const ok = await assistant.post(`/orders/${w.id}/actions/confirm`, {});
    expect(ok.body.status).toBe('submitted');
    expect(ok.body.confirmedAt).toBe('2026-11-27T06:30:00.000Z');
  });

  it("field validation errors come in react-admin's errors shape; bad bodies are 4xx", async () => {
    const r = await assistant2.post('/orders', {
      customerId: 'abc',
      lines: [{ productId: 1, qty: -3, unitPrice: 1.234 }],
      paymentMethod: 'cheque',
      evil: 1,
    });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.errors)).toEqual(
      expect.arrayContaining(['customerId', 'lines.0.qty', 'lines.0.unitPrice', 'paymentMethod', 'evil']),
    );
    expect((await assistant2.raw('POST', '/orders', '{"bad json')).status).toBe(400);
    expect(
      (await assistant2.raw('POST', '/orders', JSON.stringify({ note: 'x'.repeat(3 * 1024 * 1024) }))).status,
    ).toBe(413);
    expect((await assistant2.post('/orders', [1, 2])).status).toBe(400);
  });

  it('documents are never deleted', async () => {
    const list = await csm.get('/orders' + q({ range: [0, 0] }));
    expect((await admin.del(`/orders/${list.body[0].id}`)).status).toBe(403);
  });

  it('a driver does not see orders before picking, nor their history', async () => {
    const r = await driver.get('/orders' + q({ range: [0, 999] }));
    expect(
      r.body.every((o: { status: string }) =>
        ['picked', 'invoiced', 'shipped', 'delivered', 'closed'].includes(o.status),
      ),
    ).toBe(true);
    const o = await submittedOrder(admin, assistant2);
    expect((await driver.get(`/orders/${o.id}`)).status).toBe(404);
    expect((await driver.get(`/orders/${o.id}/history`)).status).toBe(404);
    expect((await csm.get(`/orders/${o.id}/history`)).body.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'submit',
    ]);
  });

  it('customers: code proposed as max + 1, a duplicate refused with a clear message (6.3.3)', async () => {
    const { code } = (await assistant2.get('/customers/next-code')).body;
    const a = await assistant2.post('/customers', {
      code,
      name: '新客户甲',
      tier: 'smb',
      phone: '0755-1',
      address: '深圳',
    });
    expect(a.status).toBe(201);
    expect((await assistant2.get('/customers/next-code')).body.code).toBe(String(Number(code) + 1).padStart(6, '0'));
    const dup = await assistant2.post('/customers', {
      code,
      name: '新客户乙',
      tier: 'smb',
      phone: '0755-2',
      address: '深圳',
    });
    expect(dup.status).toBe(422);
    expect(dup.body.rule).toBe('6.3.3');
    expect(dup.body.errors.code).toContain(code);
    // an assistant cannot grant credit terms (5.5.1 / 5.11.2)
    const credit = await assistant2.post('/customers', {
      code: String(Number(code) + 1),
      name: '新客户丙',
      tier: 'keyAccount',
      settlement: 'credit',
      creditLimit: 9999,
      phone: '1',
      address: '深圳',
    });
    expect(credit.status).toBe(403);
  });

  it('logout invalidates the token', async () => {
    const c = await loginAs(srv.url, 'teamlead');
    expect((await c.get('/auth/me')).body.role).toBe('teamLead');
    expect((await c.post('/auth/logout')).status).toBe(200);
    expect((await c.get('/auth/me')).status).toBe(401);
  });

  it("an admin's change to a user holds at that user's next request: deactivated → 401, a new role at once", async () => {
    const created = await admin.post('/users', {
      username: 'temp1',
      fullName: '临时助理',
      role: 'assistant',
      group: 'smb',
      password: 'longenough1',
    });
    expect(created.status).toBe(201);
    const temp = await loginAs(srv.url, 'temp1', 'longenough1');
    expect((await temp.get('/auth/me')).body.role).toBe('assistant');
    const promoted = await admin.put(`/users/${created.body.id}`, { ...created.body, role: 'teamLead' });
    expect(promoted.status).toBe(200);
    expect((await temp.get('/auth/me')).body.role).toBe('teamLead');
    expect((await admin.put(`/users/${created.body.id}`, { ...promoted.body, active: false })).status).toBe(200);
    expect((await temp.get('/auth/me')).status).toBe(401);
    expect((await temp.get('/orders')).status).toBe(401);
  });

  it('wrong passwords are refused; users are admin-managed', async () => {
    expect((await client(srv.url).post('/auth/login', { username: 'csmanager', password: 'nope' })).status).toBe(401);
    expect(
      (await assistant.post('/users', { username: 'x1', fullName: 'X', role: 'admin', password: 'longenough' })).status,
    ).toBe(403);
  });
});

describe('printing is recorded', () => {
  it('keeps who printed which form when, and audits it', async () => {
    const list = await csm.get('/orders' + q({ filter: { status: 'approved' }, range: [0, 0] }));
    const o = list.body[0];
    const r = await orderdesk.post(`/orders/${o.id}/printed`, { form: 'deliveryNote' });
    expect(r.status).toBe(200);
    expect(r.body.prints.at(-1)).toMatchObject({
      form: 'deliveryNote',
      byName: expect.any(String),
      at: '2026-11-27T06:30:00.000Z',
    });
    expect((await orderdesk.post(`/orders/${o.id}/printed`, { form: '<script>' })).status).toBe(400);
    const history = await csm.get(`/orders/${o.id}/history`);
    expect(history.body.at(-1)).toMatchObject({ action: 'print', changes: { form: 'deliveryNote' } });
    // a full-record PUT echoing `prints` back is not refused as an unknown field, and cannot forge them
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 100);
    const draft = (await assistant2.post('/orders', phoneOrder(cust.id, [{ productId: p.id, qty: 1, unitPrice: 100 }])))
      .body;
    // no delivery note for a draft (official only once approved), nor by an assistant (6.2.4)
    expect((await orderdesk.post(`/orders/${draft.id}/printed`, { form: 'deliveryNote' })).status).toBe(409);
    expect((await assistant2.post(`/orders/${o.id}/printed`, { form: 'deliveryNote' })).status).toBe(403);
    const echoed = await assistant2.put(`/orders/${draft.id}`, {
      ...draft,
      prints: [{ form: 'deliveryNote', by: 1, byName: '伪造', at: draft.createdAt }],
      note: '回写整条记录',
    });
    expect(echoed.status).toBe(200);
    expect(echoed.body.note).toBe('回写整条记录');
    expect(echoed.body.prints ?? []).toHaveLength(0); // server-controlled: not written by the echo
  });
});
