import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q } from '../helpers/server';
import { pageAs, shotOnFailure, startE2E, type E2E } from './browser';
import {
  addDays,
  clickWorkflow,
  createdId,
  expectStatus,
  openShow,
  pickAutocomplete,
  pickSelect,
  record,
  save,
  today,
  workflowButton,
  type Api,
} from './steps';

/** Journeys 2 and 3 of issue 6: approvals that climb past the csManager. */

let e2e: E2E;
let admin: Api;
beforeAll(async () => {
  e2e = await startE2E();
  admin = await loginAs(e2e.server.url, 'admin');
});
afterAll(() => e2e?.close());

const MONTH = 31 * 86_400_000;

/**
 * A credit key account the phone clerk may sell to on account (5.5.1, 6.2.3: trading for more than
 * 3 months, an approved line, not overdue). Its line comes from the seeded branch: settlement and
 * limit change only through a credit application (5.11.2), so the order is made larger than the
 * line instead (5.10.4) — the one with the smallest line.
 */
async function creditKeyAccount(api: Api) {
  const credit = (
    await api.get(
      '/customers' +
        q({
          filter: { settlement: 'credit', overdue: false, active: true },
          sort: ['creditLimit', 'ASC'],
          range: [0, 99],
        }),
    )
  ).body as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const old = (c: Record<string, unknown>) =>
    typeof c.firstTradeAt === 'string' && Date.parse(c.firstTradeAt) < Date.now() - 4 * MONTH;
  const ready = credit.find(old);
  expect(ready, 'a seeded credit key account trading for months').toBeTruthy();
  expect(ready).toMatchObject({ tier: 'keyAccount', settlement: 'credit', overdue: false });
  return ready as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('journey 2: phone order over the remaining credit → csManager (grid) → still waits for the branchGM → branchGM', () => {
  it('is entered, submitted and approved in the browser', async () => {
    const customer = await creditKeyAccount(admin);
    const product = (
      await admin.get(
        '/products' +
          q({
            filter: { catalog: true, active: true, stock_gte: 10, catalogPrice_gte: 60 },
            sort: ['catalogPrice', 'DESC'],
            range: [0, 0],
          }),
      )
    ).body[0];
    expect(product, 'a catalog product in stock').toBeTruthy();
    const qty = Math.floor(customer.creditLimit / product.catalogPrice) + 1; // more than the whole line

    // 1. the phone clerk enters the order: customer by autocomplete, on account, one line, lines confirmed
    const assistant = await pageAs(e2e, 'assistant');
    const orderId = await shotOnFailure(assistant, 'j2-entry', async () => {
      await assistant.goto(`${e2e.server.url}/#/orders/create`);
      await pickAutocomplete(assistant, 'customerId', customer.name, customer.code);
      await pickSelect(assistant, 'paymentMethod', '付款帐期');
      await pickAutocomplete(assistant, 'lines.0.productId', product.sku, product.sku);
      // picking the product fills in the catalog price (6.2.2)
      await expect
        .poll(() => assistant.locator('input[name="lines.0.unitPrice"]').inputValue(), { timeout: 10_000 })
        .toBe(String(product.catalogPrice));
      await assistant.locator('input[name="lines.0.qty"]').fill(String(qty));
      await assistant.locator('input[name="linesConfirmed"]').check();
      // the live summary already says the branchGM will have to approve too (5.10.4)
      await assistant.getByTestId('needs-gm').waitFor({ timeout: 15_000 });
      await save(assistant);
      return createdId(assistant, 'orders');
    });
    const draft = await record(admin, 'orders', orderId);
    expect(draft).toMatchObject({
      status: 'draft',
      channel: 'phone',
      paymentMethod: 'credit',
      customerId: customer.id,
      linesConfirmed: true,
      needsGmApproval: true,
    });
    expect(draft.lines).toMatchObject([{ productId: product.id, qty, unitPrice: product.catalogPrice }]);
    expect(draft.total).toBeGreaterThan(customer.creditLimit);

    await shotOnFailure(assistant, 'j2-submit', async () => {
      await workflowButton(assistant, '提交审核').waitFor({ timeout: 20_000 });
      await clickWorkflow(assistant, '提交审核');
      await expectStatus(admin, 'orders', orderId, 'submitted');
    });

    // 2. the csManager approves in the grid, without opening the order …
    const csm = await pageAs(e2e, 'csmanager');
    await shotOnFailure(csm, 'j2-csmanager', async () => {
      await csm.goto(
        `${e2e.server.url}/#/orders?filter=${encodeURIComponent(JSON.stringify({ status: 'submitted' }))}`,
      );
      await csm.getByRole('button', { name: `审核通过 ${draft.code}` }).click();
      // … and it still waits for the branchGM (5.10.4)
      const waiting = await expectStatus(admin, 'orders', orderId, 'gmApproval');
      expect(waiting.approvals).toEqual(
        expect.arrayContaining([expect.objectContaining({ role: 'csManager', decision: 'approve' })]),
      );
      // the grid no longer offers the csManager an approval of it
      await csm.getByRole('button', { name: `审核通过 ${draft.code}` }).waitFor({ state: 'detached', timeout: 15_000 });
    });

    // 3. the branch GM approves it
    const gm = await pageAs(e2e, 'gm');
    await shotOnFailure(gm, 'j2-gm', async () => {
      await openShow(gm, e2e, 'orders', orderId, draft.code);
      await gm.getByText('待总经理审批').first().waitFor();
      await clickWorkflow(gm, '审核通过');
      const approved = await expectStatus(admin, 'orders', orderId, 'approved');
      expect(
        approved.approvals
          .filter((a: { decision: string }) => a.decision === 'approve')
          .map((a: { role: string }) => a.role),
      ).toEqual(['csManager', 'branchGM']);
    });
  });
});

describe('journey 3: a 600-yuan gift in a festival window → csManager → branchGM → financeDirector', () => {
  it('is applied for and approved step by step in the browser', async () => {
    // a festival window around today (6.12.1): the admin edits the branch settings
    const settings = await record(admin, 'settings', 1);
    const festival = { name: 'E2E 节日', from: addDays(today(), -2), to: addDays(today(), 2) };
    const put = await admin.put('/settings/1', {
      ...settings,
      giftWindows: [...(settings.giftWindows ?? []), festival],
      version: settings.version,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    const customer = (
      await admin.get('/customers' + q({ filter: { active: true }, sort: ['id', 'ASC'], range: [0, 0] }))
    ).body[0];

    // the assistant applies for the gift in the browser: the assessment, one item of 600 yuan
    const assistant = await pageAs(e2e, 'assistant');
    const giftId = await shotOnFailure(assistant, 'j3-apply', async () => {
      await assistant.goto(`${e2e.server.url}/#/gifts/create`);
      await pickAutocomplete(assistant, 'customerId', customer.name, customer.code);
      await assistant.locator('input[name="monthlySales"]').fill('月均约 8000 元');
      await assistant.locator('input[name="marginAssessment"]').fill('毛利约 15%');
      await assistant.locator('input[name="creditStanding"]').fill('良好');
      await assistant.locator('input[name="paymentRecord"]').fill('按时回款');
      await assistant.locator('input[name="potential"]').fill('明年办公扩张，潜力大');
      await assistant.locator('textarea[name="reason"]').fill('节日答谢重点客户');
      await assistant.locator('.ra-input-items .button-add').click();
      await assistant.locator('input[name="items.0.name"]').fill('节日礼盒');
      await assistant.locator('input[name="items.0.qty"]').fill('1');
      await assistant.locator('input[name="items.0.unitPrice"]').fill('600');
      await save(assistant);
      return createdId(assistant, 'gifts');
    });
    const gift = await record(admin, 'gifts', giftId);
    expect(gift).toMatchObject({
      status: 'draft',
      total: 600,
      needsFinanceDirector: true,
      festival: festival.name,
      customerId: customer.id,
    });

    await shotOnFailure(assistant, 'j3-submit', async () => {
      await clickWorkflow(assistant, '提交审核');
      await expectStatus(admin, 'gifts', giftId, 'csReview');
    });

    // each approval in the browser, on the gift's page
    const approve = /^审[核批]通过$/;
    const steps: [user: string, before: string, after: string][] = [
      ['csmanager', '待客服中心经理审核', 'gmApproval'],
      ['gm', '待总经理审批', 'fdApproval'], // above 500 yuan the GM does not release it (6.12.2)
      ['findirector', '待集团财务总监审批', 'approved'],
    ];
    for (const [user, before, after] of steps) {
      const page = await pageAs(e2e, user);
      await shotOnFailure(page, `j3-${user}`, async () => {
        await openShow(page, e2e, 'gifts', giftId, gift.code);
        await page.getByText(before).first().waitFor();
        await clickWorkflow(page, approve);
        await expectStatus(admin, 'gifts', giftId, after);
      });
      await page.context().close();
    }
    const approved = await record(admin, 'gifts', giftId);
    expect(
      approved.approvals
        .filter((a: { decision: string }) => a.decision === 'approve')
        .map((a: { role: string }) => a.role),
    ).toEqual(['csManager', 'branchGM', 'financeDirector']);
    expect(approved.approvedAt).toBeTruthy();
  });
});
