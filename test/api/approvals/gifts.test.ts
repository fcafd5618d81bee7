import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../../helpers/server';
import { makeCustomer, makeProduct } from '../../helpers/fixtures';

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C, assistant: C, assistant2: C, csm: C, gm: C, fd: C, warehouse: C, finance: C, driver: C;

// Tuesday 2026-09-15 10:00 Shanghai: inside the 2026 Mid-Autumn window of the settings (6.12.1)
const IN_WINDOW = new Date('2026-09-15T02:00:00Z');
const setClock = (d: Date) => (srv.clock.now = d);

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  [admin, assistant, assistant2, csm, gm, fd, warehouse, finance, driver] = await Promise.all(
    ['admin', 'assistant', 'assistant2', 'csmanager', 'gm', 'findirector', 'warehouse', 'finance', 'driver'].map((u) =>
      loginAs(srv.url, u),
    ),
  );
}, 120_000);
afterAll(() => srv?.close());

const justification = {
  monthlySales: '每月约8000元',
  marginAssessment: '毛利约15%',
  creditStanding: '良好',
  paymentRecord: '按时回款',
  potential: '明年采购量预计增加',
  reason: '中秋节维护重要客户关系',
};
const giftBody = (customerId: number, items: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  customerId,
  ...justification,
  items,
  ...extra,
});

/** a gift created (in the window) by `by` and walked to the csManager → branchGM steps */
async function giftAtGm(by: C, customerId: number, items: Record<string, unknown>[]) {
  setClock(IN_WINDOW);
  const g = await by.post('/gifts', giftBody(customerId, items));
  expect(g.status, JSON.stringify(g.body)).toBe(201);
  expect((await by.post(`/gifts/${g.body.id}/actions/submit`, {})).body.status).toBe('csReview');
  expect((await csm.post(`/gifts/${g.body.id}/actions/approve`, {})).body.status).toBe('gmApproval');
  return g.body;
}

describe(`gifts API (6.12) on the ${STORE_KIND} store`, () => {
  it('list / get / create / update per the contract; computed fields are the server’s', async () => {
    const cust = await makeCustomer(admin, { tier: 'keyAccount', districtOffice: '南山办事处' });
    setClock(IN_WINDOW);
    try {
      const r = await assistant2.post(
        '/gifts',
        giftBody(cust.id, [{ name: '月饼礼盒', qty: 2, unitPrice: 188 }], {
          total: 1,
          status: 'approved',
          approvals: [{ role: 'branchGM' }],
        }),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({
        status: 'draft',
        approvals: [],
        total: 376,
        needsFinanceDirector: false,
        festival: '2026 中秋节',
        districtOffice: '南山办事处',
        customerName: cust.name,
        version: 1,
      });
      expect(r.body.code).toMatch(/^GF-20260915-\d{4}$/);
      expect(r.body.assistantId).toBe(r.body.createdBy);
      const one = await csm.get(`/gifts/${r.body.id}`);
      expect(one.body.items).toEqual([{ name: '月饼礼盒', qty: 2, unitPrice: 188, amount: 376, productId: null }]);
      const list = await csm.get(
        '/gifts' + q({ filter: { customerId: cust.id }, sort: ['id', 'DESC'], range: [0, 9] }),
      );
      expect(list.headers.get('content-range')).toBe('gifts 0-0/1');
      expect(
        (await csm.get('/gifts' + q({ filter: { q: r.body.code } }))).body.map((x: { id: number }) => x.id),
      ).toEqual([r.body.id]);
      const upd = await assistant2.put(`/gifts/${r.body.id}`, {
        version: 1,
        items: [{ name: '月饼礼盒', qty: 3, unitPrice: 188 }],
        total: 5,
      });
      expect(upd.status).toBe(200);
      expect([upd.body.total, upd.body.version, upd.body.status]).toEqual([564, 2, 'draft']);
      expect((await assistant.put(`/gifts/${r.body.id}`, { note: '不是我的' })).status).toBe(403); // another assistant's draft
      expect((await csm.put(`/gifts/${r.body.id}`, { note: 'x' })).status).toBe(403); // reviewers do not edit
      expect((await driver.get('/gifts')).status).toBe(403); // no business with gifts
      expect((await admin.del(`/gifts/${r.body.id}`)).status).toBe(403);
    } finally {
      setClock(TEST_NOW);
    }
  });

  it('6.12.1: outside a festival window a gift application is refused (422) and nothing is saved; the edges are inclusive', async () => {
    const cust = await makeCustomer(admin);
    const count = async () => (await csm.get('/gifts' + q({ filter: { customerId: cust.id } }))).body.length;
    const body = giftBody(cust.id, [{ name: '台历', qty: 2, unitPrice: 35 }]);
    try {
      setClock(TEST_NOW); // 2026-11-27: no festival
      const r = await assistant2.post('/gifts', body);
      expect([r.status, r.body.rule]).toEqual([422, '6.12.1']);
      expect(r.body.message).toContain('6.12.1');
      for (const [iso, status] of [
        ['2026-09-09T15:59:00Z', 422], // 09-09 23:59 Shanghai
        ['2026-09-09T16:00:00Z', 201], // 09-10 00:00
        ['2026-09-27T15:59:00Z', 201], // 09-27 23:59
        ['2026-09-27T16:00:00Z', 422], // 09-28 00:00
      ] as const) {
        setClock(new Date(iso));
        expect((await assistant2.post('/gifts', body)).status, iso).toBe(status);
      }
      expect(await count()).toBe(2);
      // a draft made in the window cannot be submitted after it
      setClock(new Date('2026-09-27T03:00:00Z'));
      const late = (await assistant2.post('/gifts', body)).body;
      setClock(new Date('2026-09-28T01:00:00Z'));
      const s = await assistant2.post(`/gifts/${late.id}/actions/submit`, {});
      expect([s.status, s.body.rule]).toEqual([422, '6.12.1']);
      expect((await csm.get(`/gifts/${late.id}`)).body.status).toBe('draft');
    } finally {
      setClock(TEST_NOW);
    }
  });

  it('6.12.2 / 6.12.3: 500.00 — csManager reviews, the branchGM releases it, the warehouse issues it (stock −) and the customer signs', async () => {
    const cust = await makeCustomer(admin, { districtOffice: '福田办事处' });
    const p = await makeProduct(admin, 250, 10);
    try {
      const g = await giftAtGm(assistant2, cust.id, [{ productId: p.id, qty: 2 }]);
      expect(g.total).toBe(500);
      expect(g.needsFinanceDirector).toBe(false);
      const released = await gm.post(`/gifts/${g.id}/actions/approve`, {});
      expect(released.body.status).toBe('approved');
      expect((await fd.post(`/gifts/${g.id}/actions/approve`, {})).status).toBe(409); // nothing left for the financeDirector
      setClock(new Date('2026-11-26T02:00:00Z'));
      const issued = await warehouse.post(`/gifts/${g.id}/actions/issue`, {});
      expect(issued.status, JSON.stringify(issued.body)).toBe(200);
      expect(issued.body).toMatchObject({
        status: 'issued',
        outboundMarking: '赠送品',
        districtOffice: '福田办事处',
        outboundNoteNo: `CK-${g.code}`,
        issuedAt: '2026-11-26T02:00:00.000Z',
      });
      expect((await admin.get(`/products/${p.id}`)).body.stock).toBe(8);
      const signed = await warehouse.post(`/gifts/${g.id}/actions/sign`, { signedBy: '行政部 陈小姐' });
      expect(signed.body).toMatchObject({
        status: 'signed',
        signedBy: '行政部 陈小姐',
        signedAt: '2026-11-26T02:00:00.000Z',
      });
      expect(signed.body.approvals.map((a: { role: string; action: string }) => `${a.role}:${a.action}`)).toEqual([
        'assistant:submit',
        'csManager:approve',
        'branchGM:approve',
        'warehouse:issue',
        'warehouse:sign',
      ]);
      const moves = await admin.get(
        '/auditLog' + q({ filter: { resource: 'products', recordId: p.id }, sort: ['id', 'ASC'] }),
      );
      expect(moves.body.map((m: { action: string }) => m.action)).toContain('stock');
    } finally {
      setClock(TEST_NOW);
    }
  });

  it('6.12.2: a gift of 600 approved by the branchGM is STILL waiting on the financeDirector — nobody else can release it', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 300, 10);
    try {
      const g = await giftAtGm(assistant2, cust.id, [{ productId: p.id, qty: 2 }]);
      expect([g.total, g.needsFinanceDirector]).toEqual([600, true]);
      const afterGm = await gm.post(`/gifts/${g.id}/actions/approve`, {});
      expect(afterGm.status).toBe(200);
      expect(afterGm.body.status).toBe('fdApproval');
      expect(afterGm.body.approvedAt ?? null).toBeNull();
      // not released: the warehouse may not issue it, the GM and the csManager cannot approve it again
      expect((await warehouse.post(`/gifts/${g.id}/actions/issue`, {})).status).toBe(409);
      expect((await warehouse.get(`/gifts/${g.id}/actions`)).body).toEqual([]);
      expect((await gm.post(`/gifts/${g.id}/actions/approve`, {})).status).toBe(403);
      expect((await csm.post(`/gifts/${g.id}/actions/approve`, {})).status).toBe(403);
      expect((await admin.get(`/products/${p.id}`)).body.stock).toBe(10);
      const inbox = (await fd.get('/myWork')).body as { resource: string; id: number; status: string }[];
      expect(inbox).toContainEqual(expect.objectContaining({ resource: 'gifts', id: g.id, status: 'fdApproval' }));
      expect(
        ((await gm.get('/myWork')).body as { resource: string; id: number }[]).some(
          (i) => i.resource === 'gifts' && i.id === g.id,
        ),
      ).toBe(false);
      const fdOk = await fd.post(`/gifts/${g.id}/actions/approve`, { comment: '同意' });
      expect(fdOk.body.status).toBe('approved');
      expect(fdOk.body.approvals.map((a: { role: string; decision: string }) => `${a.role}:${a.decision}`)).toEqual([
        'assistant:other',
        'csManager:approve',
        'branchGM:approve',
        'financeDirector:approve',
      ]);
      expect((await warehouse.post(`/gifts/${g.id}/actions/issue`, {})).body.status).toBe('issued');
      expect((await admin.get(`/products/${p.id}`)).body.stock).toBe(8);
    } finally {
      setClock(TEST_NOW);
    }
  });

  it('6.12.2 boundary through the API: 500.01 goes on to the financeDirector', async () => {
    const cust = await makeCustomer(admin);
    try {
      const g = await giftAtGm(assistant2, cust.id, [{ name: '茶叶礼盒', qty: 1, unitPrice: 500.01 }]);
      expect((await gm.post(`/gifts/${g.id}/actions/approve`, {})).body.status).toBe('fdApproval');
      expect((await fd.post(`/gifts/${g.id}/actions/reject`, {})).status).toBe(422); // a reason is required
      const back = await fd.post(`/gifts/${g.id}/actions/reject`, { comment: '金额偏高，请调整' });
      expect(back.body.status).toBe('rejected');
      // returned to the assistant: editable again, and the chain starts over
      setClock(IN_WINDOW);
      const fixed = await assistant2.put(`/gifts/${g.id}`, { items: [{ name: '茶叶礼盒', qty: 1, unitPrice: 480 }] });
      expect([fixed.status, fixed.body.total, fixed.body.needsFinanceDirector]).toEqual([200, 480, false]);
      expect((await assistant2.post(`/gifts/${g.id}/actions/submit`, {})).body.status).toBe('csReview');
    } finally {
      setClock(TEST_NOW);
    }
  });

  it('roles: only the procedure’s role takes each step (403), a wrong status is 409', async () => {
    const cust = await makeCustomer(admin);
    try {
      setClock(IN_WINDOW);
      expect((await csm.post('/gifts', giftBody(cust.id, [{ name: '台历', qty: 1, unitPrice: 35 }]))).status).toBe(403);
      const g = (await assistant2.post('/gifts', giftBody(cust.id, [{ name: '台历', qty: 1, unitPrice: 35 }]))).body;
      expect((await assistant.post(`/gifts/${g.id}/actions/submit`, {})).status).toBe(403); // not the owner
      expect((await csm.post(`/gifts/${g.id}/actions/approve`, {})).status).toBe(409); // still a draft
      expect((await assistant2.post(`/gifts/${g.id}/actions/submit`, {})).status).toBe(200);
      expect((await assistant2.post(`/gifts/${g.id}/actions/submit`, {})).status).toBe(409);
      expect((await assistant2.post(`/gifts/${g.id}/actions/approve`, {})).status).toBe(403);
      expect((await gm.post(`/gifts/${g.id}/actions/approve`, {})).status).toBe(403); // csManager's step first
      expect((await fd.post(`/gifts/${g.id}/actions/approve`, {})).status).toBe(403);
      expect((await finance.post(`/gifts/${g.id}/actions/approve`, {})).status).toBe(403);
      expect((await warehouse.post(`/gifts/${g.id}/actions/issue`, {})).status).toBe(409);
      expect((await assistant2.put(`/gifts/${g.id}`, { note: '提交后修改' })).status).toBe(409);
      expect((await csm.post(`/gifts/${g.id}/actions/approve`, {})).body.status).toBe('gmApproval');
      expect((await csm.post(`/gifts/${g.id}/actions/approve`, {})).status).toBe(403);
      expect((await gm.post(`/gifts/${g.id}/actions/approve`, {})).body.status).toBe('approved');
      expect((await driver.post(`/gifts/${g.id}/actions/issue`, {})).status).toBe(403);
      expect((await assistant2.post(`/gifts/${g.id}/actions/cancel`, { comment: '不要了' })).status).toBe(409);
    } finally {
      setClock(TEST_NOW);
    }
  });

  it('duplicating an approved gift never copies its approvals or status (POST ignores them)', async () => {
    const cust = await makeCustomer(admin);
    try {
      const g = await giftAtGm(assistant2, cust.id, [{ name: '月饼礼盒', qty: 1, unitPrice: 188 }]);
      const approved = (await gm.post(`/gifts/${g.id}/actions/approve`, {})).body;
      expect(approved.status).toBe('approved');
      const copy = await assistant2.post('/gifts', approved);
      expect(copy.status, JSON.stringify(copy.body)).toBe(201);
      expect(copy.body).toMatchObject({ status: 'draft', approvals: [], version: 1, total: 188 });
      expect(copy.body.id).not.toBe(approved.id);
      expect(copy.body.code).not.toBe(approved.code);
      expect(copy.body.approvedAt ?? null).toBeNull();
      expect((await warehouse.post(`/gifts/${copy.body.id}/actions/issue`, {})).status).toBe(409);
    } finally {
      setClock(TEST_NOW);
    }
  });

  it('6.12.3: not enough stock at issue is refused (422) and changes nothing', async () => {
    const cust = await makeCustomer(admin);
    const p = await makeProduct(admin, 100, 3);
    try {
      const g = await giftAtGm(assistant2, cust.id, [{ productId: p.id, qty: 3 }]);
      await gm.post(`/gifts/${g.id}/actions/approve`, {});
      expect((await admin.put(`/products/${p.id}`, { stock: 2 })).status).toBe(200);
      const r = await warehouse.post(`/gifts/${g.id}/actions/issue`, {});
      expect([r.status, r.body.rule]).toEqual([422, '6.12.3']);
      expect((await csm.get(`/gifts/${g.id}`)).body.status).toBe('approved');
      expect((await admin.get(`/products/${p.id}`)).body.stock).toBe(2);
    } finally {
      setClock(TEST_NOW);
    }
  });

  it('the seeded demo has gifts in every state', async () => {
    const r = await admin.get('/gifts' + q({ range: [0, 999] }));
    const states = new Set(r.body.map((g: { status: string }) => g.status));
    for (const s of [
      'draft',
      'rejected',
      'csReview',
      'gmApproval',
      'fdApproval',
      'approved',
      'issued',
      'signed',
      'cancelled',
    ])
      expect(states, s).toContain(s);
    for (const g of r.body as { status: string; total: number }[]) {
      if (g.status === 'fdApproval') expect(g.total).toBeGreaterThan(500);
    }
  });
});
