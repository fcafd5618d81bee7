import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_CALENDAR, shanghaiDate } from '../../src/domain/calendar';
import { dayBounds, rangeBounds } from '../../reports/source';
import { WORK_ORDER_STATUSES } from '../../src/domain/documents/orders';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../helpers/server';

/** The reports' numbers match counts taken from the raw lists (the SQL aggregations agree). */
let srv: TestServer;
let lead: Awaited<ReturnType<typeof loginAs>>;
beforeAll(async () => {
  srv = await startTestServer({ customers: 30, days: 6 });
  lead = await loginAs(srv.url, 'teamlead');
});
afterAll(() => srv?.close());

const total = (r: { headers: Headers }) => Number(r.headers.get('content-range')!.split('/')[1]);

describe(`reports on the ${STORE_KIND} store`, () => {
  it('assistant performance defaults to the previous working day and matches the order lists per assistant', async () => {
    const r = await lead.get('/reports/assistant-performance');
    expect(r.status).toBe(200);
    const yesterday = BUILT_IN_CALENDAR.previousWorkingDay(shanghaiDate(TEST_NOW));
    expect(r.body.date).toBe(yesterday);
    const assistants = (await lead.get('/users' + q({ filter: { role: 'assistant', active: true }, range: [0, 99] })))
      .body;
    expect(r.body.rows.map((x: { assistantId: number }) => x.assistantId).sort()).toEqual(
      assistants.map((a: { id: number }) => a.id).sort(),
    );
    const { from, to } = dayBounds(yesterday);
    let seen = 0;
    for (const row of r.body.rows) {
      // work, not drafts: submitted and later, not cancelled (issue 18)
      const list = await lead.get(
        '/orders' +
          q({
            filter: {
              assistantId: row.assistantId,
              receivedAt_gte: from,
              receivedAt_lte: to,
              status: WORK_ORDER_STATUSES,
            },
            range: [0, 999],
          }),
      );
      expect(row.ordersEntered, row.name).toBe(total(list));
      const value = list.body.reduce((s: number, o: { total: number }) => s + Math.round(o.total * 100), 0) / 100;
      expect(row.orderValue).toBeCloseTo(value, 2);
      const web = await lead.get(
        '/orders' +
          q({
            filter: { assistantId: row.assistantId, channel: 'web', confirmedAt_gte: from, confirmedAt_lte: to },
            range: [0, 999],
          }),
      );
      expect(row.webConfirmed).toBe(total(web));
      expect(row.webConfirmedInTime).toBe(
        web.body.filter((o: { confirmedAt: string; confirmDeadline: string }) => o.confirmedAt <= o.confirmDeadline)
          .length,
      );
      seen += row.ordersEntered;
    }
    expect(seen).toBeGreaterThan(0);
    expect(r.body.totals.ordersEntered).toBe(seen);
  });

  it('complaint trends match the complaint list', async () => {
    const from = shanghaiDate(new Date(TEST_NOW.getTime() - 40 * 86_400_000));
    const to = shanghaiDate(TEST_NOW);
    const r = await lead.get(`/reports/complaint-trends?from=${from}&to=${to}`);
    expect(r.status).toBe(200);
    const b = rangeBounds(from, to);
    const list = await lead.get(
      '/complaints' + q({ filter: { receivedAt_gte: b.from, receivedAt_lte: b.to }, range: [0, 999] }),
    );
    const received = r.body.days.reduce((s: number, d: { received: number }) => s + d.received, 0);
    expect(received).toBe(total(list));
    expect(r.body.days.reduce((s: number, d: { repliedOnTime: number }) => s + d.repliedOnTime, 0)).toBe(
      list.body.filter((c: { repliedOnTime?: boolean }) => c.repliedOnTime === true).length,
    );
    const open = await lead.get(
      '/complaints' +
        q({
          filter: { status: ['received', 'managerReview', 'onsiteCheck', 'escalated', 'followUp', 'filing'] },
          range: [0, 0],
        }),
    );
    expect(r.body.open).toBe(total(open));
  });

  it('order trends add up to the order list of the window', async () => {
    const r = await lead.get(`/reports/order-trends?to=${shanghaiDate(TEST_NOW)}&days=7`);
    expect(r.body.days).toHaveLength(7);
    const b = rangeBounds(r.body.from, r.body.to);
    const list = await lead.get(
      '/orders' +
        q({ filter: { receivedAt_gte: b.from, receivedAt_lte: b.to, status: WORK_ORDER_STATUSES }, range: [0, 0] }),
    );
    expect(r.body.days.reduce((s: number, d: { web: number; phone: number }) => s + d.web + d.phone, 0)).toBe(
      total(list),
    );
  });

  it('refuses roles without business in reports, and bad dates', async () => {
    const assistant = await loginAs(srv.url, 'assistant');
    expect((await assistant.get('/reports/assistant-performance')).status).toBe(403);
    expect((await lead.get('/reports/assistant-performance?date=2026-13-45')).status).toBe(400);
    expect((await lead.get('/reports/complaint-trends?from=2026-11-27&to=2026-11-01')).status).toBe(400);
    expect((await lead.get('/reports/nope')).status).toBe(404);
  });

  it("the branch's calendar entries in the settings move the morning meeting's default day, and bad entries are refused", async () => {
    const admin = await loginAs(srv.url, 'admin');
    const [settings] = (await admin.get('/settings' + q({ range: [0, 0] }))).body;
    const yesterday = BUILT_IN_CALENDAR.previousWorkingDay(shanghaiDate(TEST_NOW));
    const dayBefore = BUILT_IN_CALENDAR.previousWorkingDay(yesterday); // before the entry exists
    const refused = await admin.put(`/settings/${settings.id}`, {
      ...settings,
      calendarDays: [{ date: yesterday, kind: 'vacation' }],
    });
    expect(refused.status).toBe(400);
    const twice = await admin.put(`/settings/${settings.id}`, {
      ...settings,
      calendarDays: [
        { date: yesterday, kind: 'holiday' },
        { date: yesterday, kind: 'workday' },
      ],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.message).toContain('(6.1)');
    expect(Object.keys(twice.body.errors ?? {})).toEqual(['calendarDays.1.date']);
    const put = await admin.put(`/settings/${settings.id}`, {
      ...settings,
      calendarDays: [{ date: yesterday, kind: 'holiday', name: '临时放假' }],
    });
    expect(put.status).toBe(200);
    try {
      // a declared holiday is not the previous working day: the meeting looks at the one before it
      expect((await lead.get('/reports/assistant-performance')).body.date).toBe(dayBefore);
    } finally {
      const back = await admin.put(`/settings/${settings.id}`, { ...put.body, calendarDays: [] });
      expect(back.status).toBe(200);
    }
    expect((await lead.get('/reports/assistant-performance')).body.date).toBe(yesterday);
  });

  it('reports count work, not drafts: an unsubmitted draft of any size ranks nobody, submitting it counts it (issue 18)', async () => {
    const admin = await loginAs(srv.url, 'admin');
    const assistant = await loginAs(srv.url, 'assistant2');
    const today = shanghaiDate(TEST_NOW);
    const customer = (await admin.get('/customers' + q({ filter: { tier: 'smb', active: true }, range: [0, 0] })))
      .body[0];
    const product = (
      await admin.get(
        '/products' +
          q({ filter: { catalog: true, active: true, stock_gte: 5 }, sort: ['catalogPrice', 'DESC'], range: [0, 0] }),
      )
    ).body[0];
    const rowOf = async () =>
      (await lead.get(`/reports/assistant-performance?date=${today}`)).body.rows.find(
        (r: { name: string }) => r.name === '林佳怡',
      );
    const trend = async () => (await lead.get(`/reports/order-trends?to=${today}&days=1`)).body.days[0];
    const before = await rowOf();
    const trendBefore = await trend();
    const draft = await assistant.post('/orders', {
      customerId: customer.id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId: product.id, qty: 5, unitPrice: product.catalogPrice }],
    });
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    expect(await rowOf()).toMatchObject({ ordersEntered: before.ordersEntered, orderValue: before.orderValue });
    expect(await trend()).toMatchObject({ phone: trendBefore.phone, phoneValue: trendBefore.phoneValue });
    expect((await assistant.post(`/orders/${draft.body.id}/actions/submit`, {})).status).toBe(200);
    const after = await rowOf();
    expect(after.ordersEntered).toBe(before.ordersEntered + 1);
    expect(after.orderValue).toBeCloseTo(before.orderValue + draft.body.total, 2);
    const trendAfter = await trend();
    expect(trendAfter.phone).toBe(trendBefore.phone + 1);
    expect(trendAfter.phoneValue).toBeCloseTo(trendBefore.phoneValue + draft.body.total, 2);
  });

  it('the queues count documents once: an approved order waits on the order desk and the warehouse, and is one document', async () => {
    const r = (await lead.get('/reports/queues')).body as {
      pendingByRole: { resource: string; status: string; count: number }[];
      pendingDocuments: number;
    };
    const byStatus = new Map(r.pendingByRole.map((p) => [`${p.resource}/${p.status}`, p.count]));
    const documents = [...byStatus.values()].reduce((s, n) => s + n, 0);
    expect(r.pendingDocuments).toBe(documents);
    const approvedOrders = r.pendingByRole.filter((p) => p.resource === 'orders' && p.status === 'approved');
    expect(approvedOrders.map((p) => p.count).every((n) => n === approvedOrders[0].count)).toBe(true);
    if (approvedOrders.length > 1 && approvedOrders[0].count > 0)
      expect(r.pendingByRole.reduce((s, p) => s + p.count, 0)).toBeGreaterThan(r.pendingDocuments);
    const approved = await lead.get('/orders' + q({ filter: { status: 'approved' }, range: [0, 0] }));
    expect(byStatus.get('orders/approved') ?? 0).toBe(total(approved));
  });
});
