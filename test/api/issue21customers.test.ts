import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueCreditReviews, retierCustomers } from '../../server/jobs/customerJobs';
import { makeCustomer, makeProduct } from '../helpers/fixtures';
import { readyToShip } from './service/helpers';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../helpers/server';

/** Issue 21 on the customer and credit side: 5.6.2 tiers, 5.11.2 credit lines, 5.11.4 reviews, 5.5.2 hand-offs. */

type C = Awaited<ReturnType<typeof loginAs>>;
type Item = { resource: string; id: number; values: Record<string, unknown> };
let srv: TestServer;
let admin: C, assistant2: C, csm: C, orderdesk: C, driver: C, rep: C, sup: C, smgr: C, finance: C, gm: C;

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
}, 120_000);
afterAll(() => srv?.close());

/** a delivered cash order received on 2026-10-15 (inside the last 3 full months of TEST_NOW) */
async function deliveredInOctober(customerId: number, productId: number, price: number, qty: number) {
  srv.clock.now = new Date('2026-10-15T02:00:00Z');
  try {
    const o = await assistant2.post('/orders', {
      customerId,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId, qty, unitPrice: price }],
    });
    expect(o.status, JSON.stringify(o.body)).toBe(201);
    await assistant2.post(`/orders/${o.body.id}/actions/submit`, {});
    await csm.post(`/orders/${o.body.id}/actions/approve`, {});
    await orderdesk.post(`/orders/${o.body.id}/actions/pick`, {});
    // the order desk prints the delivery list (6.2.4), finance invoices the cash order (5.4.2)
    await readyToShip({ orderdesk, finance }, o.body.id);
    await driver.post(`/orders/${o.body.id}/actions/ship`, {});
    expect((await driver.post(`/orders/${o.body.id}/actions/deliver`, {})).body.status).toBe('delivered');
  } finally {
    srv.clock.now = TEST_NOW;
  }
}

const inbox = async (c: C) => (await c.get('/myWork')).body as Item[];

describe(`5.6.2 tiers follow the delivered volume on the ${STORE_KIND} store`, () => {
  it('a new customer with no orders is SMB; nobody sets the tier by hand — not the admin, not the CS manager (403 naming 5.6.2)', async () => {
    const { code } = (await admin.get('/customers/next-code')).body;
    const asKey = await admin.post('/customers', {
      code,
      name: '新客户甲',
      tier: 'keyAccount',
      phone: '1',
      address: '深圳',
    });
    expect([asKey.status, asKey.body.rule]).toEqual([403, '5.6.2']);
    const created = await assistant2.post('/customers', { code, name: '新客户甲', phone: '1', address: '深圳' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ tier: 'smb', tierBasis: 'volume' });
    for (const c of [admin, csm]) {
      const r = await c.put(`/customers/${created.body.id}`, { tier: 'keyAccount' });
      expect([r.status, r.body.rule]).toEqual([403, '5.6.2']);
      expect(r.body.message).toContain('5.6.2');
    }
    expect((await admin.get(`/customers/${created.body.id}`)).body.tier).toBe('smb');
  });

  it('the daily job re-tiers from the average of the last 3 full months: over 5000 a month → key account, 5000.00 exactly stays SMB, none → SMB; audited naming 5.6.2', async () => {
    const pOver = await makeProduct(admin, 5000.03, 100);
    const pAt = await makeProduct(admin, 5000, 100);
    const over = await makeCustomer(admin);
    const at = await makeCustomer(admin);
    const fallen = await makeCustomer(admin, { tier: 'keyAccount' }); // a key account by volume once; no orders in the months now
    await deliveredInOctober(over.id, pOver.id, 5000.03, 3); // 15000.09 → 5000.03 a month
    await deliveredInOctober(at.id, pAt.id, 5000, 3); // 15000 → 5000.00 a month: not "over"
    expect((await admin.get(`/customers/${over.id}`)).body.tier).toBe('smb'); // until the job runs

    expect(await retierCustomers(srv.store, TEST_NOW)).toBeGreaterThanOrEqual(2);
    expect((await admin.get(`/customers/${over.id}`)).body).toMatchObject({
      tier: 'keyAccount',
      tierBasis: 'volume',
      volumeTier: 'keyAccount',
      monthlyVolume: 5000.03,
    });
    expect((await admin.get(`/customers/${at.id}`)).body).toMatchObject({ tier: 'smb', monthlyVolume: 5000 });
    expect((await admin.get(`/customers/${fallen.id}`)).body).toMatchObject({
      tier: 'smb',
      volumeTier: 'smb',
      monthlyVolume: 0,
    });
    const history = (await csm.get(`/customers/${over.id}/history`)).body as {
      action: string;
      userId: number | null;
      changes: Record<string, unknown>;
    }[];
    const retier = history.find((h) => h.action === 'retier');
    expect(retier).toMatchObject({ userId: null, changes: { rule: '5.6.2', months: 3, tier: ['smb', 'keyAccount'] } });
    // a second run changes nothing
    const again = await retierCustomers(srv.store, TEST_NOW);
    expect(
      (await csm.get(`/customers/${over.id}/history`)).body.filter((h: { action: string }) => h.action === 'retier'),
    ).toHaveLength(1);
    expect(again).toBe(0);
  });

  it('an override only by the CS manager and with a reason, shown on the customer and in the list; it outlasts the job; cleared, the volume decides again', async () => {
    const cust = await makeCustomer(admin);
    const path = `/customers/${cust.id}`;
    for (const c of [admin, assistant2, gm]) {
      const r = await c.put(path, { tierOverride: 'keyAccount', tierOverrideReason: '集团统一采购' });
      expect([r.status, r.body.rule]).toEqual([403, '5.6.2']);
    }
    const noReason = await csm.put(path, { tierOverride: 'keyAccount' });
    expect([noReason.status, noReason.body.rule]).toEqual([422, '5.6.2']);
    expect(Object.keys(noReason.body.errors)).toContain('tierOverrideReason');
    const ok = await csm.put(path, {
      tierOverride: 'keyAccount',
      tierOverrideReason: '集团总部统一采购，分公司订货额不代表规模',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({
      tier: 'keyAccount',
      tierBasis: 'override',
      tierOverride: 'keyAccount',
      tierOverrideReason: '集团总部统一采购，分公司订货额不代表规模',
    });
    const listed = (await csm.get('/customers' + q({ filter: { tierBasis: 'override', id: cust.id } }))).body;
    expect(listed).toMatchObject([{ id: cust.id, tier: 'keyAccount', tierBasis: 'override' }]);
    await retierCustomers(srv.store, TEST_NOW);
    expect((await admin.get(path)).body).toMatchObject({ tier: 'keyAccount', tierBasis: 'override' });
    const cleared = await csm.put(path, { tierOverride: null });
    expect(cleared.body).toMatchObject({
      tier: 'smb',
      tierBasis: 'volume',
      tierOverride: null,
      tierOverrideReason: null,
    });
  });
});

describe(`5.11.2 credit lines only through the application chain on the ${STORE_KIND} store`, () => {
  it('no role sets settlement or the credit limit on the customer — admin, finance, GM, CS manager: 403 naming 5.11.2, nothing changed; nor creates a credit customer', async () => {
    const cust = await makeCustomer(admin, { tier: 'keyAccount' });
    for (const c of [admin, finance, gm, csm, rep]) {
      for (const body of [
        { settlement: 'credit', creditLimit: 50000 },
        { creditLimit: 1000 },
        { settlement: 'credit' },
      ]) {
        const r = await c.put(`/customers/${cust.id}`, body);
        expect([r.status, r.body.rule], JSON.stringify(body)).toEqual([403, '5.11.2']);
        expect(r.body.message).toContain('5.11.2');
      }
    }
    expect((await admin.get(`/customers/${cust.id}`)).body).toMatchObject({ settlement: 'cash', creditLimit: 0 });
    const { code } = (await admin.get('/customers/next-code')).body;
    const created = await admin.post('/customers', {
      code,
      name: '赊销新客户',
      phone: '1',
      address: '深圳',
      settlement: 'credit',
      creditLimit: 20000,
    });
    expect([created.status, created.body.rule]).toEqual([403, '5.11.2']);
    // the rest of the customer stays editable
    expect((await finance.put(`/customers/${cust.id}`, { overdue: true })).status).toBe(200);
  });

  it('a revocation goes through the same chain; the GM’s approval takes the line away (cash, limit 0, no review date) and the tier follows the volume again', async () => {
    const cust = await makeCustomer(admin, { tier: 'smb', settlement: 'credit', creditLimit: 30000 });
    expect(cust).toMatchObject({ tier: 'keyAccount', tierBasis: 'creditLine' });
    const cash = await makeCustomer(admin);
    const body = (customerId: number) => ({
      customerId,
      revoke: true,
      requestedLimit: 0,
      legalRepresentative: '王建华',
      businessLicenseNo: '91440300MA5G12345X',
      bankName: '招商银行',
      bankAccount: '755912345678901',
      businessCondition: '订货额下降',
      paymentHistory: '近两月付款延迟',
      evaluation: '不再符合赊销条件，建议撤销额度',
    });
    const wrong = await rep.post('/creditApplications', body(cash.id));
    expect([wrong.status, wrong.body.rule]).toEqual([422, '5.11.2']);
    const app = await rep.post('/creditApplications', body(cust.id));
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    expect(app.body).toMatchObject({ kind: 'revocation', requestedLimit: 0, eligible: false });
    expect((await rep.post(`/creditApplications/${app.body.id}/actions/submit`, {})).body.status).toBe(
      'supervisorReview',
    ); // no eligibility needed to give a line up
    expect((await sup.post(`/creditApplications/${app.body.id}/actions/approve`, {})).body.status).toBe(
      'salesManagerReview',
    );
    expect((await smgr.post(`/creditApplications/${app.body.id}/actions/approve`, {})).body.status).toBe(
      'financeReview',
    );
    expect((await finance.post(`/creditApplications/${app.body.id}/actions/approve`, {})).body.status).toBe(
      'gmApproval',
    );
    expect((await admin.get(`/customers/${cust.id}`)).body.settlement).toBe('credit'); // nothing before the GM
    const done = await gm.post(`/creditApplications/${app.body.id}/actions/approve`, {});
    expect(done.body).toMatchObject({ status: 'approved', approvedLimit: null, reviewDueAt: null });
    expect((await admin.get(`/customers/${cust.id}`)).body).toMatchObject({
      settlement: 'cash',
      creditLimit: 0,
      creditReviewDue: null,
      tier: 'smb',
      tierBasis: 'volume',
    });
  });
});

describe(`5.11.4 half-yearly credit reviews on the ${STORE_KIND} store`, () => {
  it('every seeded credit customer has a review date; due ones are a list filter and counted in the queues', async () => {
    const credit = (await csm.get('/customers' + q({ filter: { settlement: 'credit' }, range: [0, 199] }))).body as {
      creditReviewDue: string | null;
    }[];
    expect(credit.length).toBeGreaterThan(0);
    expect(credit.every((c) => typeof c.creditReviewDue === 'string')).toBe(true);
    const due = await makeCustomer(admin, { settlement: 'credit', creditLimit: 20000, creditReviewDue: '2026-11-20' });
    const later = await makeCustomer(admin, {
      settlement: 'credit',
      creditLimit: 20000,
      creditReviewDue: '2027-04-01',
    });
    const listed = (
      (await csm.get('/customers' + q({ filter: { creditReviewDue_lte: '2026-11-27' }, range: [0, 199] }))).body as {
        id: number;
      }[]
    ).map((c) => c.id);
    expect(listed).toContain(due.id);
    expect(listed).not.toContain(later.id);
    const queues = (await csm.get('/reports/queues')).body;
    expect(queues.creditReviewsDue).toBeGreaterThanOrEqual(1);
  });

  it('a credit line without a review date (kept before review dates were) gets one — today, due — and is queued (5.11.4)', async () => {
    const old = await makeCustomer(admin, { settlement: 'credit', creditLimit: 10000, creditReviewDue: null });
    expect(old.creditReviewDue).toBeNull();
    await queueCreditReviews(srv.store, TEST_NOW);
    expect((await admin.get(`/customers/${old.id}`)).body.creditReviewDue).toBe('2026-11-27');
    const history = (await csm.get(`/customers/${old.id}/history`)).body as {
      action: string;
      changes: Record<string, unknown>;
    }[];
    expect(history.find((h) => h.action === 'backfill')?.changes).toMatchObject({
      rule: '5.11.4',
      creditReviewDue: [null, '2026-11-27'],
    });
    expect(
      (await rep.get('/creditFollowUps' + q({ filter: { customerId: old.id, kind: 'creditReview' } }))).body,
    ).toMatchObject([{ status: 'open', dueOn: '2026-11-27' }]);
  });

  it('a due review is queued for the sales rep once; handling it is refused (5.11.4) until a credit application moved the review on, and needs the outcome', async () => {
    const cust = await makeCustomer(admin, { settlement: 'credit', creditLimit: 20000, creditReviewDue: '2026-11-25' });
    await queueCreditReviews(srv.store, TEST_NOW);
    await queueCreditReviews(srv.store, TEST_NOW); // once
    const mine = (await inbox(rep)).filter(
      (i) => i.resource === 'creditFollowUps' && i.values.customerName === cust.name,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0].values).toMatchObject({ kind: 'creditReview', dueOn: '2026-11-25' });
    const id = mine[0].id;
    expect(
      ((await csm.get('/reports/queues')).body.pendingByRole as { role: string; resource: string }[]).some(
        (p) => p.role === 'salesRep' && p.resource === 'creditFollowUps',
      ),
    ).toBe(true);
    const actions = (await rep.get(`/creditFollowUps/${id}/actions`)).body as { action: string; params: string[] }[];
    expect(actions.map((a) => a.action)).toEqual(['handle']);
    expect((await assistant2.post(`/creditFollowUps/${id}/actions/handle`, {})).status).toBe(403);
    const early = await rep.post(`/creditFollowUps/${id}/actions/handle`, { outcome: '已约客户面谈' });
    expect([early.status, early.body.rule]).toEqual([422, '5.11.4']);
    // the review: the line is revoked through the chain (a renewal would move the date six months on)
    const app = (
      await rep.post('/creditApplications', {
        customerId: cust.id,
        revoke: true,
        requestedLimit: 0,
        legalRepresentative: '李',
        businessLicenseNo: '9144',
        bankName: '中行',
        bankAccount: '1',
        businessCondition: '下降',
        paymentHistory: '拖欠',
        evaluation: '撤销',
      })
    ).body;
    await rep.post(`/creditApplications/${app.id}/actions/submit`, {});
    for (const c of [sup, smgr, finance, gm]) await c.post(`/creditApplications/${app.id}/actions/approve`, {});
    const noOutcome = await rep.post(`/creditFollowUps/${id}/actions/handle`, {});
    expect([noOutcome.status, noOutcome.body.rule]).toEqual([422, '5.11.4']);
    const done = await rep.post(`/creditFollowUps/${id}/actions/handle`, { outcome: '复评：撤销额度，改为现金结算' });
    expect(done.body).toMatchObject({ status: 'handled', outcome: '复评：撤销额度，改为现金结算' });
    expect((await inbox(rep)).some((i) => i.resource === 'creditFollowUps' && i.id === id)).toBe(false);
  });
});

describe(`5.5.2 a first order asking for credit is handed to the sales rep on the ${STORE_KIND} store`, () => {
  it('refused as credit (422 naming 5.5.2, no order saved), the hand-off recorded once: customer, amount, rep — in the rep’s inbox, handled with the outcome', async () => {
    const p = await makeProduct(admin, 120, 100);
    const cust = await makeCustomer(admin, { firstTradeAt: null });
    const repId = (await rep.get('/auth/me')).body.id;
    await csm.put(`/customers/${cust.id}`, {
      tierOverride: 'keyAccount',
      tierOverrideReason: '上市公司，首单即要求月结',
    }); // the assistant judged it a key account
    const order = {
      customerId: cust.id,
      channel: 'phone',
      paymentMethod: 'credit',
      linesConfirmed: true,
      lines: [{ productId: p.id, qty: 5, unitPrice: 120 }],
    };
    const r = await assistant2.post('/orders', order);
    expect([r.status, r.body.rule]).toEqual([422, '5.5.2']);
    expect(r.body.message).toMatch(/5\.5\.2.*CFU-20261127-\d{4}/);
    expect((await csm.get('/orders' + q({ filter: { customerId: cust.id } }))).body).toHaveLength(0);
    const again = await assistant2.post('/orders', order);
    expect(again.status).toBe(422);
    const handoffs = (await rep.get('/creditFollowUps' + q({ filter: { customerId: cust.id } }))).body as Record<
      string,
      unknown
    >[];
    expect(handoffs).toHaveLength(1);
    const assistantId = (await assistant2.get('/auth/me')).body.id;
    expect(handoffs[0]).toMatchObject({
      kind: 'firstCreditOrder',
      status: 'open',
      customerName: cust.name,
      orderTotal: 600,
      handedBy: assistantId,
    });
    expect(handoffs[0].salesRepId === null || handoffs[0].salesRepId === repId).toBe(true);
    const item = (await inbox(rep)).find((i) => i.resource === 'creditFollowUps' && i.id === handoffs[0].id);
    expect(item?.values).toMatchObject({ customerName: cust.name, kind: 'firstCreditOrder', orderTotal: 600 });
    // the order itself goes on as cash: allowed, and no second hand-off
    expect((await assistant2.post('/orders', { ...order, paymentMethod: 'cash' })).status).toBe(201);
    expect((await rep.get('/creditFollowUps' + q({ filter: { customerId: cust.id } }))).body).toHaveLength(1);
    const id = Number(handoffs[0].id);
    expect((await csm.post(`/creditFollowUps/${id}/actions/handle`, {})).status).toBe(403);
    const blank = await rep.post(`/creditFollowUps/${id}/actions/handle`, { outcome: '  ' });
    expect([blank.status, blank.body.rule]).toEqual([422, '5.5.2']);
    const done = await rep.post(`/creditFollowUps/${id}/actions/handle`, {
      outcome: '已拜访：先现金合作三个月，再申请赊销信用',
    });
    expect(done.body).toMatchObject({ status: 'handled', handledBy: repId });
    expect((await inbox(rep)).some((i) => i.resource === 'creditFollowUps' && i.id === id)).toBe(false);
    // nobody types a hand-off in
    expect((await assistant2.post('/creditFollowUps', { customerId: cust.id })).status).toBe(403);
  });

  it('a saved draft switched to credit is refused too, and the hand-off names that order; a trading customer’s refusal hands nothing over', async () => {
    const p = await makeProduct(admin, 80, 100);
    const cust = await makeCustomer(admin, { firstTradeAt: null });
    const draft = (
      await assistant2.post('/orders', {
        customerId: cust.id,
        channel: 'phone',
        paymentMethod: 'cash',
        linesConfirmed: true,
        lines: [{ productId: p.id, qty: 2, unitPrice: 80 }],
      })
    ).body;
    const r = await assistant2.put(`/orders/${draft.id}`, { paymentMethod: 'credit' });
    expect([r.status, r.body.rule]).toEqual([422, '5.5.2']);
    expect((await assistant2.get(`/orders/${draft.id}`)).body.paymentMethod).toBe('cash');
    expect((await rep.get('/creditFollowUps' + q({ filter: { customerId: cust.id } }))).body).toMatchObject([
      { orderId: draft.id, orderTotal: 160 },
    ]);

    const trading = await makeCustomer(admin); // SMB, trading a year: 6.2.3, not a first order
    const refused = await assistant2.post('/orders', {
      customerId: trading.id,
      channel: 'phone',
      paymentMethod: 'credit',
      linesConfirmed: true,
      lines: [{ productId: p.id, qty: 2, unitPrice: 80 }],
    });
    expect([refused.status, refused.body.rule]).toEqual([422, '6.2.3']);
    expect((await rep.get('/creditFollowUps' + q({ filter: { customerId: trading.id } }))).body).toHaveLength(0);
  });
});
