import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../../helpers/server';
import { makeCustomer, makeProduct } from '../../helpers/fixtures';
import { readyToShip } from '../service/helpers';

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C, assistant2: C, csm: C, orderdesk: C, driver: C, rep: C, sup: C, smgr: C, finance: C, gm: C;
let p5000: { id: number }, p4999: { id: number };

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  [admin, assistant2, csm, orderdesk, driver, rep, sup, smgr, finance, gm] = await Promise.all(
    [
      'admin',
      'assistant2',
      'csmanager',
      'orderdesk',
      'driver',
      'salesrep',
      'supervisor',
      'salesmgr',
      'finance',
      'gm',
    ].map((u) => loginAs(srv.url, u)),
  );
  p5000 = await makeProduct(admin, 5000, 1000);
  p4999 = await makeProduct(admin, 4999.99, 1000);
}, 120_000);
afterAll(() => srv?.close());

/** a delivered cash order of the customer received on 2026-10-15 (inside the last 3 full months of 2026-11-27) */
async function tradedInOctober(customerId: number, productId: number, qty: number) {
  srv.clock.now = new Date('2026-10-15T02:00:00Z');
  try {
    const o = await assistant2.post('/orders', {
      customerId,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId, qty, unitPrice: productId === p5000.id ? 5000 : 4999.99 }],
    });
    expect(o.status, JSON.stringify(o.body)).toBe(201);
    await assistant2.post(`/orders/${o.body.id}/actions/submit`, {});
    await csm.post(`/orders/${o.body.id}/actions/approve`, {});
    await orderdesk.post(`/orders/${o.body.id}/actions/pick`, {});
    await readyToShip({ orderdesk, finance }, o.body.id); // 6.2.4 printed, 5.4.2 invoiced
    await driver.post(`/orders/${o.body.id}/actions/ship`, {});
    expect((await driver.post(`/orders/${o.body.id}/actions/deliver`, {})).body.status).toBe('delivered');
  } finally {
    srv.clock.now = TEST_NOW;
  }
}

/** a key account trading since `firstTrade` whose October orders total `qty` × the product's price */
async function applicant(firstTrade: string, product = p5000, qty = 3) {
  const cust = await makeCustomer(admin, { tier: 'keyAccount', firstTradeAt: firstTrade });
  await tradedInOctober(cust.id, product.id, qty);
  return cust;
}

const application = (customerId: number, requestedLimit = 30000) => ({
  customerId,
  legalRepresentative: '王建华',
  businessLicenseNo: '91440300MA5G12345X',
  bankName: '招商银行深圳分行',
  bankAccount: '755912345678901',
  businessCondition: '经营稳定，员工约200人，办公用品需求持续',
  paymentHistory: '合作以来均按时付款',
  evaluation: '资信良好，建议给予信用额度',
  requestedLimit,
});

// TEST_NOW 2026-11-27: trading since 2026-08-27 is 3 months exactly
const THREE_MONTHS = '2026-08-27T02:00:00.000Z';

async function throughReviews(id: number) {
  expect((await rep.post(`/creditApplications/${id}/actions/submit`, {})).body.status).toBe('supervisorReview');
  expect((await sup.post(`/creditApplications/${id}/actions/approve`, {})).body.status).toBe('salesManagerReview');
  expect((await smgr.post(`/creditApplications/${id}/actions/approve`, {})).body.status).toBe('financeReview');
  expect((await finance.post(`/creditApplications/${id}/actions/approve`, {})).body.status).toBe('gmApproval');
}

describe(`credit applications API (5.11) on the ${STORE_KIND} store`, () => {
  it('5.11.1 eligibility from the customer’s history: 3 months exactly and 5000.00 a month pass; 4999.99 a month or a day short do not', async () => {
    const ok = await applicant(THREE_MONTHS);
    const low = await applicant(THREE_MONTHS, p4999); // 3 × 4999.99 = 14999.97 → 4999.99 a month
    const young = await applicant('2026-08-28T02:00:00.000Z');
    const a = await rep.post('/creditApplications', application(ok.id));
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({
      status: 'draft',
      kind: 'new',
      eligible: true,
      monthsTrading: 3,
      ordersLast3Months: 15000,
      avgMonthlyOrders: 5000,
      overdue: false,
      firstTradeAt: THREE_MONTHS,
      customerName: ok.name,
    });
    expect(a.body.code).toMatch(/^CRA-20261127-\d{4}$/);
    expect((await rep.post(`/creditApplications/${a.body.id}/actions/submit`, {})).body.status).toBe(
      'supervisorReview',
    );

    const b = (await rep.post('/creditApplications', application(low.id))).body;
    expect(b).toMatchObject({
      status: 'draft',
      eligible: false,
      ordersLast3Months: 14999.97,
      avgMonthlyOrders: 4999.99,
    });
    const bs = await rep.post(`/creditApplications/${b.id}/actions/submit`, {});
    expect([bs.status, bs.body.rule]).toEqual([422, '5.11.1']);
    expect(bs.body.message).toContain('5000');

    const c = (await rep.post('/creditApplications', application(young.id))).body;
    expect(c).toMatchObject({ eligible: false, monthsTrading: 2, avgMonthlyOrders: 5000 });
    const cs = await rep.post(`/creditApplications/${c.id}/actions/submit`, {});
    expect([cs.status, cs.body.rule]).toEqual([422, '5.11.1']);
    expect((await rep.get(`/creditApplications/${c.id}`)).body.status).toBe('draft');
  });

  it('5.11.2 reviewed by the office supervisor, sales manager and finance in turn, approved by the branchGM: the customer gets the line; a credit order is then allowed', async () => {
    const cust = await applicant(THREE_MONTHS);
    const creditOrder = {
      customerId: cust.id,
      channel: 'phone',
      paymentMethod: 'credit',
      linesConfirmed: true,
      lines: [{ productId: p5000.id, qty: 1, unitPrice: 5000 }],
    };
    const before = await assistant2.post('/orders', creditOrder);
    expect([before.status, before.body.rule]).toEqual([422, '5.5.1']);

    const app = (await rep.post('/creditApplications', application(cust.id, 40000))).body;
    expect((await sup.post(`/creditApplications/${app.id}/actions/approve`, {})).status).toBe(409); // a draft
    expect((await rep.post(`/creditApplications/${app.id}/actions/submit`, {})).body.status).toBe('supervisorReview');
    for (const c of [smgr, finance, gm, rep])
      expect((await c.post(`/creditApplications/${app.id}/actions/approve`, {})).status).toBe(403);
    expect((await sup.post(`/creditApplications/${app.id}/actions/approve`, {})).body.status).toBe(
      'salesManagerReview',
    );
    for (const c of [sup, finance, gm])
      expect((await c.post(`/creditApplications/${app.id}/actions/approve`, {})).status).toBe(403);
    expect((await smgr.post(`/creditApplications/${app.id}/actions/approve`, {})).body.status).toBe('financeReview');
    for (const c of [sup, smgr, gm])
      expect((await c.post(`/creditApplications/${app.id}/actions/approve`, {})).status).toBe(403);
    expect((await finance.post(`/creditApplications/${app.id}/actions/approve`, {})).body.status).toBe('gmApproval');
    expect(
      ((await gm.get('/myWork')).body as { resource: string; id: number }[]).some(
        (i) => i.resource === 'creditApplications' && i.id === app.id,
      ),
    ).toBe(true);
    for (const c of [sup, smgr, finance])
      expect((await c.post(`/creditApplications/${app.id}/actions/approve`, {})).status).toBe(403);
    // the customer is still cash until the branchGM approves: a partial chain grants nothing
    expect((await admin.get(`/customers/${cust.id}`)).body.settlement).toBe('cash');
    // the GM may grant less than requested, never more
    const more = await gm.post(`/creditApplications/${app.id}/actions/approve`, { approvedLimit: 45000 });
    expect([more.status, more.body.rule]).toEqual([422, '5.11.2']);
    const done = await gm.post(`/creditApplications/${app.id}/actions/approve`, { approvedLimit: 35000 });
    expect(done.body).toMatchObject({
      status: 'approved',
      requestedLimit: 40000,
      approvedLimit: 35000,
      reviewDueAt: '2027-05-27',
      approvedAt: '2026-11-27T06:30:00.000Z',
      eligible: true,
    });
    expect(done.body.approvals.map((a: { role: string }) => a.role)).toEqual([
      'salesRep',
      'officeSupervisor',
      'salesManager',
      'finance',
      'branchGM',
    ]);
    const updated = (await admin.get(`/customers/${cust.id}`)).body;
    expect(updated).toMatchObject({
      settlement: 'credit',
      creditLimit: 35000,
      tier: 'keyAccount',
      creditReviewDue: '2027-05-27',
      salesRepId: done.body.salesRepId,
    });

    const after = await assistant2.post('/orders', creditOrder);
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect(after.body.paymentMethod).toBe('credit');

    // 5.11.4 the half-yearly review list: approved lines by due date
    const due = await finance.get(
      '/creditApplications' +
        q({
          filter: { status: 'approved', reviewDueAt_lte: '2027-05-27' },
          sort: ['reviewDueAt', 'ASC'],
          range: [0, 99],
        }),
    );
    expect(due.body.map((x: { id: number }) => x.id)).toContain(app.id);
    const notYet = await finance.get(
      '/creditApplications' + q({ filter: { status: 'approved', reviewDueAt_lte: '2027-05-26' }, range: [0, 99] }),
    );
    expect(notYet.body.map((x: { id: number }) => x.id)).not.toContain(app.id);
  });

  it('5.11.4 a half-yearly review replaces the line: the new limit, and the old application leaves the due list', async () => {
    const cust = await applicant(THREE_MONTHS);
    const first = (await rep.post('/creditApplications', application(cust.id, 20000))).body;
    await throughReviews(first.id);
    expect((await gm.post(`/creditApplications/${first.id}/actions/approve`, {})).body.status).toBe('approved');
    const review = await rep.post('/creditApplications', application(cust.id, 60000));
    expect(review.body).toMatchObject({ kind: 'renewal', status: 'draft' });
    // one application under way per customer
    const dup = await rep.post('/creditApplications', application(cust.id, 50000));
    expect([dup.status, dup.body.rule]).toEqual([422, '5.11.2']);
    await throughReviews(review.body.id);
    expect((await gm.post(`/creditApplications/${review.body.id}/actions/approve`, {})).body.status).toBe('approved');
    expect((await admin.get(`/customers/${cust.id}`)).body.creditLimit).toBe(60000);
    const old = (await rep.get(`/creditApplications/${first.id}`)).body;
    expect(old).toMatchObject({ status: 'approved', renewedById: review.body.id });
    expect(old.reviewDueAt ?? null).toBeNull();
    const due = await finance.get(
      '/creditApplications' +
        q({ filter: { customerId: cust.id, status: 'approved', reviewDueAt_lte: '2099-12-31' }, range: [0, 99] }),
    );
    expect(due.body.map((x: { id: number }) => x.id)).toEqual([review.body.id]);
  });

  it('the branchGM cannot approve once the customer is overdue (5.11.1 / 5.11.3); rejects need a reason and return it to the rep', async () => {
    const cust = await applicant(THREE_MONTHS);
    const app = (await rep.post('/creditApplications', application(cust.id))).body;
    await throughReviews(app.id);
    expect((await finance.put(`/customers/${cust.id}`, { overdue: true })).status).toBe(200);
    const refused = await gm.post(`/creditApplications/${app.id}/actions/approve`, {});
    expect([refused.status, refused.body.rule]).toEqual([422, '5.11.1']);
    expect((await admin.get(`/customers/${cust.id}`)).body.settlement).toBe('cash');
    expect((await gm.post(`/creditApplications/${app.id}/actions/reject`, {})).status).toBe(422);
    expect(
      (await gm.post(`/creditApplications/${app.id}/actions/reject`, { comment: '客户有逾期货款' })).body.status,
    ).toBe('rejected');
    const edit = await rep.put(`/creditApplications/${app.id}`, { requestedLimit: 20000 });
    expect([edit.status, edit.body.requestedLimit, edit.body.overdue, edit.body.eligible]).toEqual([
      200,
      20000,
      true,
      false,
    ]);
    expect((await rep.post(`/creditApplications/${app.id}/actions/submit`, {})).status).toBe(422);
  });

  it('roles: only sales reps apply; assistants have no business with credit applications', async () => {
    const cust = await makeCustomer(admin, { tier: 'keyAccount' });
    expect((await assistant2.post('/creditApplications', application(cust.id))).status).toBe(403);
    expect((await assistant2.get('/creditApplications')).status).toBe(403);
    expect((await sup.post('/creditApplications', application(cust.id))).status).toBe(403);
    expect((await gm.post('/creditApplications', application(cust.id))).status).toBe(403);
    const app = (await rep.post('/creditApplications', application(cust.id))).body;
    expect((await sup.put(`/creditApplications/${app.id}`, { requestedLimit: 1 })).status).toBe(403);
    expect(
      (await rep.put(`/creditApplications/${app.id}`, { eligible: true, monthsTrading: 99 })).body.monthsTrading,
    ).not.toBe(99);
    expect(
      (await rep.post(`/creditApplications/${app.id}/actions/cancel`, { comment: '客户暂不需要' })).body.status,
    ).toBe('cancelled');
  });

  it('the seeded demo has credit applications in every state; the approved ones gave their customers the line', async () => {
    // the seed's applications are for the 20 seeded customers (the tests above made their own)
    const r = (
      (await admin.get('/creditApplications' + q({ range: [0, 999] }))).body as {
        status: string;
        customerId: number;
        approvedLimit: number;
        eligible: boolean;
      }[]
    ).filter((x) => x.customerId <= 20);
    const states = new Set(r.map((x) => x.status));
    for (const s of [
      'draft',
      'rejected',
      'supervisorReview',
      'salesManagerReview',
      'financeReview',
      'gmApproval',
      'approved',
      'cancelled',
    ])
      expect(states, s).toContain(s);
    for (const x of r.filter((y) => y.status === 'approved')) {
      const c = (await admin.get(`/customers/${x.customerId}`)).body;
      expect(c).toMatchObject({ settlement: 'credit', tier: 'keyAccount', creditLimit: x.approvedLimit });
      expect(x.eligible).toBe(true);
    }
    for (const x of r.filter((y) => !['draft', 'cancelled'].includes(y.status))) expect(x.eligible).toBe(true);
  });
});
