import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q } from '../helpers/server';
import { pageAs, shotOnFailure, startE2E, type E2E } from './browser';
import {
  addDays,
  clickWorkflow,
  confirmComment,
  createdId,
  expectStatus,
  openShow,
  pickAutocomplete,
  pickSelect,
  record,
  save,
  today,
  type Api,
} from './steps';

/** Journeys 4 and 5 of issue 6: a return back into stock, a complaint counted on the dashboard. */

let e2e: E2E;
let admin: Api;
beforeAll(async () => {
  e2e = await startE2E();
  admin = await loginAs(e2e.server.url, 'admin');
});
afterAll(() => e2e?.close());

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An order delivered in the last week, with a catalog line nothing has been returned from yet. */
async function deliveredOrder(api: Api): Promise<{ order: Rec; productId: number }> {
  const delivered = await api.get(
    '/orders' + q({ filter: { status: 'delivered' }, sort: ['id', 'DESC'], range: [0, 49] }),
  );
  expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
  const weekAgo = Date.now() - 7 * 86_400_000;
  for (const order of delivered.body as Rec[]) {
    const at = typeof order.deliveredAt === 'string' ? Date.parse(order.deliveredAt) : NaN;
    if (!(at >= weekAgo && at <= Date.now())) continue;
    const returns = (await api.get('/returns' + q({ filter: { orderId: order.id }, range: [0, 0] }))).body as Rec[];
    if (returns.length > 0) continue;
    for (const line of order.lines as Rec[]) {
      const product = await record(api, 'products', line.productId);
      if (product.catalog === true && product.special !== true && line.special !== true)
        return { order, productId: product.id };
    }
  }
  return walkedToDelivery(api);
}

/** None in the seed: one delivered through the API (entered, approved, picked, shipped, delivered). */
async function walkedToDelivery(api: Api): Promise<{ order: Rec; productId: number }> {
  const customer = (await api.get('/customers' + q({ filter: { tier: 'smb', active: true }, range: [0, 0] }))).body[0];
  const product = (
    await api.get('/products' + q({ filter: { catalog: true, active: true, stock_gte: 10 }, range: [0, 0] }))
  ).body[0];
  const clerk = await loginAs(e2e.server.url, 'assistant');
  const created = await clerk.post('/orders', {
    customerId: customer.id,
    channel: 'phone',
    paymentMethod: 'cash',
    linesConfirmed: true,
    lines: [{ productId: product.id, qty: 3, unitPrice: product.catalogPrice }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id;
  // before the van (ship): the order desk's printed list (6.2.4), finance's invoice of a cash order (5.4.2)
  const steps: [string, string, Record<string, unknown>?][] = [
    ['assistant', 'submit'],
    ['csmanager', 'approve'],
    ['orderdesk', 'pick'],
    ['orderdesk', 'print'],
    ['finance', 'invoice', { invoiceNo: `FP-E2E-${id}` }],
    ['driver', 'ship'],
    ['driver', 'deliver'],
  ];
  for (const [user, action, body] of steps) {
    const who = await loginAs(e2e.server.url, user);
    const r =
      action === 'print'
        ? await who.post(`/orders/${id}/printed`, { form: 'deliveryNote' })
        : await who.post(`/orders/${id}/actions/${action}`, body ?? {});
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return { order: await record(api, 'orders', id), productId: product.id };
}

describe('journey 4: return draft → merchPlanning → driver inspection → warehouse → formal return note, stock back up', () => {
  it('goes through every role in the browser and puts the goods back into stock', async () => {
    const { order, productId } = await deliveredOrder(admin);
    const product = await record(admin, 'products', productId);
    const stockBefore = product.stock as number;
    const qty = 1;

    // the assistant drafts the return against the delivery note (the order), with the reason (6.9.1)
    const assistant = await pageAs(e2e, 'assistant');
    const returnId = await shotOnFailure(assistant, 'j4-draft', async () => {
      await assistant.goto(`${e2e.server.url}/#/returns/create`);
      await pickAutocomplete(assistant, 'orderId', order.code, order.code);
      await pickSelect(assistant, 'reasonType', '错发/错订');
      await assistant.locator('textarea[name="reason"]').fill('客户订错型号，要求退货');
      await assistant.locator('.ra-input-lines .button-add').click();
      // the line's product is one of the delivery note's lines (6.9.1), with what is still returnable
      await assistant.locator('.ra-input-lines [role="combobox"]').first().click();
      await assistant
        .getByRole('option')
        .filter({ hasText: String(product.sku) })
        .first()
        .click();
      await assistant.locator('input[name="lines.0.qty"]').fill(String(qty));
      await save(assistant);
      return createdId(assistant, 'returns');
    });
    const draft = await record(admin, 'returns', returnId);
    expect(draft).toMatchObject({
      status: 'draft',
      orderId: order.id,
      orderCode: order.code,
      kind: 'return',
      reasonType: 'wrongGoods',
      special: false,
    });
    expect(draft.lines).toMatchObject([{ productId, qty }]);

    await shotOnFailure(assistant, 'j4-submit', async () => {
      await clickWorkflow(assistant, '提交审核');
      await expectStatus(admin, 'returns', returnId, 'submitted');
    });

    const steps: [user: string, button: string, after: string][] = [
      ['merch', '同意退货', 'approved'], // 6.9.2 merchandise planning agrees
      ['orderdesk', '打印草稿退货单', 'printed'], // the order desk prints the draft for logistics
      ['driver', '初检合格，客户已签名', 'collected'], // 6.9.3 first inspection, customer signs
      ['warehouse', '仓库验收合格', 'inspected'], // second inspection at the warehouse
      ['orderdesk', '制正式销售退货单', 'closed'], // the formal sales return note
    ];
    for (const [user, button, after] of steps) {
      const page = await pageAs(e2e, user);
      await shotOnFailure(page, `j4-${after}`, async () => {
        await openShow(page, e2e, 'returns', returnId, draft.code);
        await clickWorkflow(page, button);
        const now = await expectStatus(admin, 'returns', returnId, after);
        if (after === 'collected') expect(now.customerSigned).toBe(true);
        // the goods go back into stock only with the formal note
        const stock = (await record(admin, 'products', productId)).stock;
        expect(stock).toBe(after === 'closed' ? stockBefore + qty : stockBefore);
      });
      await page.context().close();
    }
    const closed = await record(admin, 'returns', returnId);
    for (const at of ['submittedAt', 'approvedAt', 'printedAt', 'collectedAt', 'inspectedAt', 'closedAt'])
      expect(closed[at], at).toBeTruthy();
  });
});

interface Trends {
  days: { date: string; category: string; received: number; repliedOnTime: number; resolvedOnTime: number }[];
  resolvedPerDay: { date: string; resolved: number }[];
  open: number;
}

async function trends(api: Api, from: string, to: string): Promise<Trends> {
  const r = await api.get(`/reports/complaint-trends?from=${from}&to=${to}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const receivedOn = (t: Trends, category: string, date?: string) =>
  t.days.filter((d) => d.category === category && (!date || d.date === date)).reduce((s, d) => s + d.received, 0);
const resolvedOn = (t: Trends, date: string) => t.resolvedPerDay.find((d) => d.date === date)?.resolved ?? 0;

/** The dashboard's "received" number for a category (投诉趋势, last 30 days), or 0 when it has no row. */
async function dashboardReceived(page: Page, e2e: E2E, categoryLabel: string): Promise<number> {
  const url = `${e2e.server.url}/#/reports/complaints`;
  if (page.url() === url)
    await page.reload(); // a fresh report, not react-query's cached one
  else await page.goto(url);
  const table = page.getByTestId('complaints-by-category');
  await table.waitFor({ timeout: 20_000 });
  const row = table.locator('tbody tr', { hasText: categoryLabel });
  if ((await row.count()) === 0) return 0;
  return Number((await row.locator('td[data-col="received"]').innerText()).trim());
}

describe('journey 5: complaint received → replied → resolved, and the complaint report counts it', () => {
  it('is handled in the browser and counted on the dashboard', async () => {
    const day = today();
    const from30 = addDays(day, -29);
    const customer = (
      await admin.get('/customers' + q({ filter: { tier: 'smb', active: true }, sort: ['id', 'ASC'], range: [0, 0] }))
    ).body[0];
    const before = await trends(admin, day, day);
    const before30 = await trends(admin, from30, day);

    // the dashboard before (the csManager's view of the last 30 days)
    const csm = await pageAs(e2e, 'csmanager');
    const shownBefore = await shotOnFailure(csm, 'j5-dashboard-before', () => dashboardReceived(csm, e2e, '送货服务'));
    expect(shownBefore).toBe(receivedOn(before30, 'delivery'));

    // the assistant takes the complaint (6.10.1)
    const assistant = await pageAs(e2e, 'assistant');
    const complaintId = await shotOnFailure(assistant, 'j5-receive', async () => {
      await assistant.goto(`${e2e.server.url}/#/complaints/create`);
      await pickAutocomplete(assistant, 'customerId', customer.name, customer.code);
      await pickSelect(assistant, 'category', '送货服务');
      await assistant.locator('input[name="contact"]').fill('王先生');
      await assistant.locator('input[name="phone"]').fill('0755-12345678');
      await assistant.locator('textarea[name="description"]').fill('送货比承诺时间晚了两个小时');
      await save(assistant);
      return createdId(assistant, 'complaints');
    });
    const received = await record(admin, 'complaints', complaintId);
    expect(received).toMatchObject({
      status: 'received',
      category: 'delivery',
      customerId: customer.id,
      keyAccount: false,
    });

    // first reply (6.10.5: within 4 working hours), then the result fed back and recorded (6.10.3, 6.10.4)
    await shotOnFailure(assistant, 'j5-reply', async () => {
      await clickWorkflow(assistant, '已回复客户');
      const replied = await expectStatus(admin, 'complaints', complaintId, 'followUp');
      expect(replied.firstReplyAt).toBeTruthy();
      expect(replied.repliedOnTime).toBe(true);
    });
    await shotOnFailure(assistant, 'j5-resolve', async () => {
      await openShow(assistant, e2e, 'complaints', complaintId, received.code);
      await clickWorkflow(assistant, '结果已反馈客户');
      await confirmComment(assistant, '已与物流协调，向客户致歉并承诺下次按时送达，客户表示满意');
      const closed = await expectStatus(admin, 'complaints', complaintId, 'closed');
      expect(closed.resolvedAt).toBeTruthy();
      expect(closed.resolvedOnTime).toBe(true);
    });

    // the report counts it: received today in its category, replied and resolved on time, resolved today
    const after = await trends(admin, day, day);
    expect(receivedOn(after, 'delivery', day)).toBe(receivedOn(before, 'delivery', day) + 1);
    const row = (t: Trends) =>
      t.days.find((d) => d.date === day && d.category === 'delivery') ?? { repliedOnTime: 0, resolvedOnTime: 0 };
    expect(row(after).repliedOnTime).toBe(row(before).repliedOnTime + 1);
    expect(row(after).resolvedOnTime).toBe(row(before).resolvedOnTime + 1);
    expect(resolvedOn(after, day)).toBe(resolvedOn(before, day) + 1);
    expect(after.open).toBe(before.open);

    // and so does the dashboard
    await shotOnFailure(csm, 'j5-dashboard-after', async () => {
      await expect.poll(() => dashboardReceived(csm, e2e, '送货服务'), { timeout: 20_000 }).toBe(shownBefore + 1);
    });
  });
});
