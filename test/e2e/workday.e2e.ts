import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { formatYuan, sumFen, yuanToFen } from '../../src/domain/money';
import { loginAs, q } from '../helpers/server';
import { pageAs, SHOTS, shotOnFailure, startE2E, type E2E } from './browser';
import { expectStatus, type Api } from './steps';

/**
 * Issue 18 in the browser: every step from the grid — finance closes 20 delivered orders with one
 * bulk action after a confirmation naming 20 and their total; the order desk, the warehouse and
 * the driver take their steps from rows — and the exports, read back as Excel would get them.
 */

let e2e: E2E;
let admin: Api;
type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** a customer of this test's own, whose name Excel would run as a formula */
const FORMULA_NAME = '=HYPERLINK("http://x.invalid","点我")文具店';
let customer: Rec;
let product: Rec;

beforeAll(async () => {
  e2e = await startE2E();
  admin = await loginAs(e2e.server.url, 'admin');
  const { code } = (await admin.get('/customers/next-code')).body;
  const c = await admin.post('/customers', {
    code,
    name: FORMULA_NAME,
    tier: 'smb',
    phone: '0755-88886666',
    address: '深圳市南山区科技园1号',
    contact: '@王经理',
    route: 'A3',
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  customer = c.body;
  product = (
    await admin.get(
      '/products' + q({ filter: { catalog: true, active: true, stock_gte: 200 }, sort: ['id', 'ASC'], range: [0, 0] }),
    )
  ).body[0];
  expect(product, 'a catalog product with stock').toBeTruthy();
});
afterAll(() => e2e?.close());

/** Orders of the test's customer walked through the API up to `status` (approved, picked, shipped, delivered). */
async function ordersUpTo(status: 'approved' | 'picked' | 'delivered', n: number): Promise<Rec[]> {
  const clerk = await loginAs(e2e.server.url, 'assistant2');
  const csm = await loginAs(e2e.server.url, 'csmanager');
  const desk = await loginAs(e2e.server.url, 'orderdesk');
  const driver = await loginAs(e2e.server.url, 'driver');
  const finance = await loginAs(e2e.server.url, 'finance');
  const out: Rec[] = [];
  for (let i = 0; i < n; i++) {
    const o = await clerk.post('/orders', {
      customerId: customer.id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId: product.id, qty: 1 + (i % 4), unitPrice: product.catalogPrice }],
    });
    expect(o.status, JSON.stringify(o.body)).toBe(201);
    const steps: [Api, string][] = [
      [clerk, 'submit'],
      [csm, 'approve'],
    ];
    if (status !== 'approved') steps.push([desk, 'pick']);
    if (status === 'delivered')
      steps.push([desk, 'print'], [finance, 'invoice'], [driver, 'ship'], [driver, 'deliver']);
    let rec = o.body;
    for (const [who, action] of steps) {
      // before the van: the order desk's printed list (6.2.4), finance's invoice of a cash order (5.4.2)
      const r =
        action === 'print'
          ? await who.post(`/orders/${rec.id}/printed`, { form: 'deliveryNote' })
          : await who.post(
              `/orders/${rec.id}/actions/${action}`,
              action === 'invoice' ? { invoiceNo: `FP-E2E-${rec.id}` } : {},
            );
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
      rec = r.body;
    }
    expect(rec.status).toBe(status);
    out.push(rec);
  }
  return out;
}

const listUrl = (resource: string, filter: Record<string, unknown>) =>
  `${e2e.server.url}/#/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&page=1&perPage=25`;

async function rowOf(page: Page, code: string) {
  const row = page.locator('table tbody tr', { hasText: code });
  await row.first().waitFor({ timeout: 20_000 });
  return row.first();
}

describe('every step from the grid', () => {
  it('finance closes 20 delivered orders in one bulk action, after a confirmation naming 20 and their total', async () => {
    const delivered = await ordersUpTo('delivered', 20);
    const total = formatYuan(sumFen(delivered.map((o) => yuanToFen(o.total))));
    const finance = await pageAs(e2e, 'finance');
    await finance.setViewportSize({ width: 1280, height: 800 });
    await shotOnFailure(finance, 'workday-bulk-close', async () => {
      await finance.goto(listUrl('orders', { customerId: customer.id, status: 'delivered' }));
      for (const o of delivered) await rowOf(finance, o.code);
      // every row selected with the header's checkbox (the page holds exactly these 20)
      await finance.locator('table thead input[type="checkbox"]').check();
      await finance.locator('.RaBulkActionsToolbar-toolbar').getByRole('button', { name: '结案', exact: true }).click();
      const dialog = finance.getByRole('dialog');
      await dialog.waitFor();
      await expect
        .poll(() => dialog.getByTestId('bulk-summary').innerText(), { timeout: 10_000 })
        .toContain(`将对 20 张单据执行"结案"，合计 ${total}`);
      await expect.poll(() => dialog.locator('h2').innerText()).toBe('结案：共 20 张');
      mkdirSync(join(SHOTS, 'workday'), { recursive: true });
      await finance.screenshot({ path: join(SHOTS, 'workday', '1280-zh-finance-bulk-close-confirm.png') });
      // nothing is closed before the confirmation
      expect((await admin.get(`/orders/${delivered[0].id}`)).body.status).toBe('delivered');
      await dialog.getByRole('button', { name: '确定' }).click();
      await finance.getByText('结案：20 张成功').waitFor({ timeout: 30_000 });
      for (const o of delivered) await expectStatus(admin, 'orders', o.id, 'closed');
      await finance.screenshot({ path: join(SHOTS, 'workday', '1280-zh-finance-bulk-closed.png') });
    });
    await finance.context().close();
  });

  it('the order desk, the warehouse and the driver take their steps from rows', async () => {
    const [forDesk, forWarehouse] = await ordersUpTo('approved', 2);
    const filter = { customerId: customer.id, status: ['approved', 'picked', 'invoiced', 'shipped'] };

    const desk = await pageAs(e2e, 'orderdesk');
    await shotOnFailure(desk, 'workday-desk-pick', async () => {
      await desk.goto(listUrl('orders', filter));
      await (await rowOf(desk, forDesk.code)).getByRole('button', { name: `拣配完成 ${forDesk.code}` }).click();
      await expectStatus(admin, 'orders', forDesk.id, 'picked');
      // the row follows (已拣配): printing the delivery note is an icon; no 出车配送 yet — a cash order waits on finance's invoice (5.4.2)
      const row = await rowOf(desk, forDesk.code);
      await row.getByText('已拣配').waitFor({ timeout: 15_000 });
      await row.getByRole('button', { name: `打印 销售送货单 ${forDesk.code}` }).waitFor();
      expect(await row.getByRole('button', { name: `出车配送 ${forDesk.code}` }).count()).toBe(0);
    });
    await desk.context().close();

    const warehouse = await pageAs(e2e, 'warehouse');
    await shotOnFailure(warehouse, 'workday-warehouse-pick', async () => {
      await warehouse.goto(listUrl('orders', filter));
      await (
        await rowOf(warehouse, forWarehouse.code)
      )
        .getByRole('button', { name: `拣配完成 ${forWarehouse.code}` })
        .click();
      await expectStatus(admin, 'orders', forWarehouse.id, 'picked');
    });
    await warehouse.context().close();

    // before the van: the order desk's printed delivery lists (6.2.4), and finance invoices the cash orders from their rows (5.4.2)
    const deskApi = await loginAs(e2e.server.url, 'orderdesk');
    for (const o of [forDesk, forWarehouse])
      expect((await deskApi.post(`/orders/${o.id}/printed`, { form: 'deliveryNote' })).status).toBe(200);
    const fin = await pageAs(e2e, 'finance');
    await shotOnFailure(fin, 'workday-finance-invoice', async () => {
      await fin.goto(listUrl('orders', filter));
      for (const [i, o] of [forDesk, forWarehouse].entries()) {
        await (await rowOf(fin, o.code)).getByRole('button', { name: `开票 ${o.code}` }).click();
        const dialog = fin.getByRole('dialog');
        await dialog.getByLabel(/发票号码/).fill(`4403009900${i}`);
        await dialog.getByRole('button', { name: '确定' }).click();
        await expectStatus(admin, 'orders', o.id, 'invoiced');
      }
    });
    await fin.context().close();

    const driver = await pageAs(e2e, 'driver');
    await shotOnFailure(driver, 'workday-driver', async () => {
      await driver.goto(listUrl('orders', filter));
      for (const o of [forDesk, forWarehouse]) {
        await (await rowOf(driver, o.code)).getByRole('button', { name: `出车配送 ${o.code}` }).click();
        await expectStatus(admin, 'orders', o.id, 'shipped');
        await (await rowOf(driver, o.code)).getByRole('button', { name: `客户签收 ${o.code}` }).click();
        await expectStatus(admin, 'orders', o.id, 'delivered');
      }
      // the driver's inbox: where to, and on which route
      await driver.goto(`${e2e.server.url}/#/`);
      await driver.getByTestId('work-queue').or(driver.getByTestId('work-queue-empty')).waitFor({ timeout: 20_000 });
      const head = await driver
        .locator('[data-resource="orders"] thead')
        .innerText()
        .catch(() => '');
      if (head) expect(head).toMatch(/送货地址[\s\S]*线路/);
    });
    await driver.context().close();
  });
});

/** Clicks 导出 (and, for a type with lines, the one-row-per-document entry) and reads the saved file back. */
async function download(page: Page, menuItem?: string): Promise<{ bytes: Buffer; rows: string[][]; name: string }> {
  const saved = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByTestId('export-button').click();
  if (menuItem) await page.getByRole('menuitem', { name: menuItem }).click();
  const file = await saved;
  const path = join(SHOTS, 'workday', file.suggestedFilename());
  mkdirSync(join(SHOTS, 'workday'), { recursive: true });
  await file.saveAs(path);
  const bytes = readFileSync(path);
  return {
    bytes,
    rows: parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)),
    name: file.suggestedFilename(),
  };
}

const shanghai = (iso: string) => {
  const s = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
};

describe('exports for Excel, read back', () => {
  it('orders and customers: BOM, label headers, Chinese status labels, Shanghai times, one row per order, formula cells neutralised', async () => {
    const csm = await pageAs(e2e, 'csmanager');
    await shotOnFailure(csm, 'workday-export', async () => {
      await csm.goto(`${e2e.server.url}/#/orders`);
      await csm.locator('.bp-list-orders table tbody tr').first().waitFor({ timeout: 20_000 });
      const orders = await download(csm, '导出（每张单据一行）');
      expect([...orders.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(orders.name).toMatch(/^销售订单-\d{8}-\d{4}\.csv$/);
      const [header, ...rows] = orders.rows;
      expect(header.slice(0, 3)).toEqual(['订单号', '状态', '客户']);
      expect(header).toEqual(expect.arrayContaining(['客户名称', '合计', '接单时间', '承诺送达']));
      const all = await admin.get('/orders' + q({ sort: ['id', 'ASC'], range: [0, 999] }));
      expect(rows).toHaveLength(all.body.length); // every order, one row each
      expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(all.body.map((o: Rec) => o.code)));
      const col = (name: string) => header.indexOf(name);
      expect(rows.every((r) => /^[\u4e00-\u9fff（）]+$/.test(r[col('状态')]))).toBe(true);
      expect(rows.some((r) => r[col('状态')] === '已结案')).toBe(true);
      const byCode = new Map(all.body.map((o: Rec) => [o.code, o]));
      for (const r of rows.slice(0, 10))
        expect(r[col('接单时间')]).toBe(shanghai((byCode.get(r[0]) as Rec).receivedAt));
      const ours = rows.filter((r) => r[col('客户名称')].includes('HYPERLINK'));
      expect(ours.length).toBeGreaterThanOrEqual(20);
      for (const r of ours) expect(r[col('客户名称')]).toBe(`'${FORMULA_NAME}`);
      await csm.getByText(`已导出 ${rows.length} 行`).waitFor({ timeout: 10_000 });

      await csm.goto(`${e2e.server.url}/#/customers`);
      await csm.locator('.bp-list-customers table tbody tr').first().waitFor({ timeout: 20_000 });
      const customers = await download(csm);
      expect([...customers.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [ch, ...crows] = customers.rows;
      expect(ch.slice(0, 3)).toEqual(['客户编号', '客户名称', '客户类别']);
      const allCustomers = await admin.get('/customers' + q({ range: [0, 0] }));
      expect(crows).toHaveLength(Number(allCustomers.headers.get('content-range')!.split('/')[1]));
      const ourRow = crows.find((r) => r[0] === customer.code)!;
      expect(ourRow[ch.indexOf('客户名称')]).toBe(`'${FORMULA_NAME}`);
      expect(ourRow[ch.indexOf('联系人')]).toBe(`'@王经理`);
      expect(ourRow[ch.indexOf('客户类别')]).toBe('中小客户');
      expect(ourRow[ch.indexOf('结算方式')]).toBe('现金');
      expect(ourRow[ch.indexOf('创建时间')]).toBe(shanghai(customer.createdAt));
    });
    await csm.context().close();
  });
});
