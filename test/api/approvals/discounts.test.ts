import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../../helpers/server';
import { makeCustomer, makeProduct } from '../../helpers/fixtures';

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C, assistant: C, assistant2: C, csm: C, gm: C, finance: C, fd: C;

const USERS = ['admin', 'assistant', 'assistant2', 'csmanager', 'gm', 'finance', 'findirector'] as const;
/** the server's clock; tokens are valid until their expiry, so logging in at the latest time used covers every earlier one */
async function at(iso: string) {
  srv.clock.now = new Date(iso);
}

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  srv.clock.now = new Date('2026-12-25T09:00:00Z');
  [admin, assistant, assistant2, csm, gm, finance, fd] = await Promise.all(USERS.map((u) => loginAs(srv.url, u)));
  srv.clock.now = TEST_NOW;
}, 120_000);
afterAll(() => srv?.close());

/** sales 1000.00 at catalog price, cost 800.00: the margin after a discount D is (200 − D)/(1000 − D) */
async function discountBody(discountAmount: number) {
  const cust = await makeCustomer(admin, { tier: 'keyAccount' });
  const p = await makeProduct(admin, 100, 50, { cost: 80 });
  return {
    customerId: cust.id,
    lines: [{ productId: p.id, qty: 10, unitPrice: 100 }],
    discountAmount,
    reason: '客户年度集中采购，竞争对手报价更低',
  };
}

describe(`special discounts API (6.14) on the ${STORE_KIND} store`, () => {
  it('6.14.1: the margin after the discount must stay ≥ 10 % — 111.11 passes, 111.12 is refused (422) and nothing is saved', async () => {
    const body = await discountBody(111.12);
    const refused = await assistant2.post('/discounts', body);
    expect([refused.status, refused.body.rule]).toEqual([422, '6.14.1']);
    expect(refused.body.errors.discountAmount).toBeTruthy();
    expect((await csm.get('/discounts' + q({ filter: { customerId: body.customerId } }))).body).toEqual([]);
    const ok = await assistant2.post('/discounts', { ...body, discountAmount: 111.11 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      status: 'draft',
      salesTotal: 1000,
      costTotal: 800,
      total: 111.11,
      discountRate: '11.11%',
      marginAfterDiscount: '10.00%',
      marginOk: true,
      payoutMethod: 'bankTransfer',
    });
    expect(ok.body.code).toMatch(/^DSC-20261127-\d{4}$/);
    // a PUT that would take the margin below the floor is refused too; payoutMethod is not the client's
    const worse = await assistant2.put(`/discounts/${ok.body.id}`, { discountAmount: 150 });
    expect([worse.status, worse.body.rule]).toEqual([422, '6.14.1']);
    expect((await assistant2.put(`/discounts/${ok.body.id}`, { payoutMethod: 'cash' })).body.payoutMethod).toBe(
      'bankTransfer',
    );
  });

  it('the whole flow by its roles: answered within 3 working days (6.14.2), paid in full (6.14.3), bank transfer (6.14.4)', async () => {
    try {
      await at('2026-11-27T06:30:00Z'); // Friday 14:30
      const d = (await assistant2.post('/discounts', await discountBody(100))).body;
      const sub = await assistant2.post(`/discounts/${d.id}/actions/submit`, {});
      expect(sub.body.status).toBe('csReview');
      // Fri 27 → Mon 30, Tue 1, Wed 2 at the same clock time
      expect(sub.body.answerDeadline).toBe('2026-12-02T06:30:00.000Z');
      expect((await gm.post(`/discounts/${d.id}/actions/approve`, {})).status).toBe(403); // the csManager reviews first
      expect((await csm.post(`/discounts/${d.id}/actions/approve`, {})).body.status).toBe('gmApproval');
      const gmWork = (await gm.get('/myWork')).body as { resource: string; id: number; deadline: string }[];
      expect(gmWork).toContainEqual(
        expect.objectContaining({ resource: 'discounts', id: d.id, deadline: '2026-12-02T06:30:00.000Z' }),
      );
      await at('2026-12-01T02:00:00Z');
      const approved = await gm.post(`/discounts/${d.id}/actions/approve`, {});
      expect(approved.body).toMatchObject({
        status: 'approved',
        answeredAt: '2026-12-01T02:00:00.000Z',
        answeredOnTime: true,
      });
      // 6.14.3 not before the customer has paid in full — even on a payout day
      await at('2026-12-07T02:00:00Z');
      const early = await assistant2.post(`/discounts/${d.id}/actions/requestPayout`, {});
      expect([early.status, early.body.rule]).toEqual([422, '6.14.3']);
      expect((await assistant2.post(`/discounts/${d.id}/actions/confirmPaidInFull`, {})).status).toBe(403);
      const paidIn = await finance.post(`/discounts/${d.id}/actions/confirmPaidInFull`, {});
      expect(paidIn.body).toMatchObject({ status: 'paidInFull', customerPaidInFull: true });
      expect((await csm.post(`/discounts/${d.id}/actions/requestPayout`, {})).status).toBe(403);
      expect((await assistant.post(`/discounts/${d.id}/actions/requestPayout`, {})).status).toBe(403); // not the owner
      const req = await assistant2.post(`/discounts/${d.id}/actions/requestPayout`, {});
      expect(req.body).toMatchObject({ status: 'payoutRequested', payoutRequestedAt: '2026-12-07T02:00:00.000Z' });
      expect((await finance.post(`/discounts/${d.id}/actions/pay`, { comment: 'X' })).status).toBe(409); // the CS Center approves the payout first
      expect((await csm.post(`/discounts/${d.id}/actions/approvePayout`, {})).body.status).toBe('payoutApproved');
      expect((await gm.post(`/discounts/${d.id}/actions/pay`, { comment: 'X' })).status).toBe(403);
      const noRef = await finance.post(`/discounts/${d.id}/actions/pay`, {});
      expect(noRef.status).toBe(422);
      expect(
        (await finance.post(`/discounts/${d.id}/actions/pay`, { comment: '已转账', payoutMethod: 'cash' })).status,
      ).toBe(400); // not a param of the step
      const paid = await finance.post(`/discounts/${d.id}/actions/pay`, {
        comment: '已通过招商银行转账',
        transferRef: 'CMB20261207-000123',
      });
      expect(paid.body).toMatchObject({
        status: 'paid',
        payoutMethod: 'bankTransfer',
        transferRef: 'CMB20261207-000123',
        paidAt: '2026-12-07T02:00:00.000Z',
      });
      expect(paid.body.approvals.at(-1)).toMatchObject({
        role: 'finance',
        action: 'pay',
        comment: '已通过招商银行转账',
      });
      expect(
        (await finance.get('/discounts' + q({ filter: { q: 'CMB20261207-000123' } }))).body.map(
          (x: { id: number }) => x.id,
        ),
      ).toEqual([d.id]);
      expect(paid.body.approvals.map((a: { role: string; action: string }) => `${a.role}:${a.action}`)).toEqual([
        'assistant:submit',
        'csManager:approve',
        'branchGM:approve',
        'finance:confirmPaidInFull',
        'assistant:requestPayout',
        'csManager:approvePayout',
        'finance:pay',
      ]);
      expect((await finance.post(`/discounts/${d.id}/actions/pay`, { comment: 'again' })).status).toBe(409);
    } finally {
      await at(TEST_NOW.toISOString());
    }
  });

  it('6.14.3: payout requests only on days 7–10 and 25–27 — the 6th and 11th are refused, the 7th, 10th and 25th taken', async () => {
    const ready = async () => {
      await at('2026-11-27T02:00:00Z');
      const d = (await assistant2.post('/discounts', await discountBody(50))).body;
      await assistant2.post(`/discounts/${d.id}/actions/submit`, {});
      await csm.post(`/discounts/${d.id}/actions/approve`, {});
      await gm.post(`/discounts/${d.id}/actions/approve`, {});
      expect((await finance.post(`/discounts/${d.id}/actions/confirmPaidInFull`, {})).body.status).toBe('paidInFull');
      return d;
    };
    try {
      const d = await ready();
      for (const [iso, status] of [
        ['2026-12-06T02:00:00Z', 422],
        ['2026-12-11T02:00:00Z', 422],
        ['2026-11-28T02:00:00Z', 422],
        ['2026-12-10T09:00:00Z', 200], // the 10th at 17:00
      ] as const) {
        await at(iso);
        const r = await assistant2.post(`/discounts/${d.id}/actions/requestPayout`, {});
        expect(r.status, iso).toBe(status);
        if (status === 422) expect(r.body.rule).toBe('6.14.3');
      }
      expect((await csm.get(`/discounts/${d.id}`)).body.status).toBe('payoutRequested');
      // the CS Center may send it back; the next request waits for the 25th
      await at('2026-12-11T02:00:00Z');
      expect(
        (await csm.post(`/discounts/${d.id}/actions/rejectPayout`, { comment: '请附客户回款凭证' })).body.status,
      ).toBe('paidInFull');
      expect((await assistant2.post(`/discounts/${d.id}/actions/requestPayout`, {})).status).toBe(422);
      await at('2026-12-25T01:00:00Z');
      expect((await assistant2.post(`/discounts/${d.id}/actions/requestPayout`, {})).body.status).toBe(
        'payoutRequested',
      );
      const d2 = await ready();
      await at('2026-12-07T00:30:00Z'); // the 7th, 08:30
      expect((await assistant2.post(`/discounts/${d2.id}/actions/requestPayout`, {})).body.status).toBe(
        'payoutRequested',
      );
    } finally {
      await at(TEST_NOW.toISOString());
    }
  });

  it('roles and statuses: reviewers cannot create, finance cannot review, a reject needs a reason; a wrong status is 409', async () => {
    const body = await discountBody(80);
    expect((await csm.post('/discounts', body)).status).toBe(403);
    expect((await fd.get('/discounts')).status).toBe(403); // the group finance director has no business here
    const d = (await assistant2.post('/discounts', body)).body;
    expect((await csm.post(`/discounts/${d.id}/actions/approve`, {})).status).toBe(409);
    await assistant2.post(`/discounts/${d.id}/actions/submit`, {});
    expect((await finance.post(`/discounts/${d.id}/actions/approve`, {})).status).toBe(403);
    expect((await assistant2.post(`/discounts/${d.id}/actions/approve`, {})).status).toBe(403);
    expect((await csm.post(`/discounts/${d.id}/actions/reject`, {})).status).toBe(422);
    const rej = await csm.post(`/discounts/${d.id}/actions/reject`, { comment: '毛利不足，请重新与客户协商' });
    expect(rej.body).toMatchObject({ status: 'rejected', answeredOnTime: true });
    expect((await assistant2.put(`/discounts/${d.id}`, { discountAmount: 60 })).body.total).toBe(60);
    expect((await assistant2.post(`/discounts/${d.id}/actions/submit`, {})).body.status).toBe('csReview');
    expect((await assistant2.post(`/discounts/${d.id}/actions/cancel`, { comment: 'x' })).status).toBe(409);
  });

  it('the seeded demo has discounts in every state, payouts requested on payout days only', async () => {
    const r = await admin.get('/discounts' + q({ range: [0, 999] }));
    const states = new Set(r.body.map((d: { status: string }) => d.status));
    for (const s of [
      'draft',
      'rejected',
      'csReview',
      'gmApproval',
      'approved',
      'paidInFull',
      'payoutRequested',
      'payoutApproved',
      'paid',
      'cancelled',
    ])
      expect(states, s).toContain(s);
    for (const d of r.body as { payoutRequestedAt?: string; marginOk: boolean }[]) {
      expect(d.marginOk).toBe(true);
      if (d.payoutRequestedAt) {
        const day = Number(new Date(new Date(d.payoutRequestedAt).getTime() + 8 * 3600_000).toISOString().slice(8, 10));
        expect((day >= 7 && day <= 10) || (day >= 25 && day <= 27), d.payoutRequestedAt).toBe(true);
      }
    }
  });
});
