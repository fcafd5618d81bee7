import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q } from '../helpers/server';
import { pageAs, SHOTS, shotOnFailure, startE2E, type E2E } from './browser';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

/** Text of a PDF page stream is compressed; pdftotext (poppler-utils) reads it back when present. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `note-${Date.now()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('journey 1: web order → confirmed → approved in the grid → picked and printed → invoiced → delivered', () => {
  it('runs through every role in the browser', async () => {
    const api = await loginAs(e2e.server.url, 'admin');
    const customer = (await api.get('/customers' + q({ filter: { tier: 'smb' }, range: [0, 0] }))).body[0];
    const product = (await api.get('/products' + q({ filter: { catalog: true, active: true }, range: [0, 0] })))
      .body[0];
    // the web order arrives (created through the API as the e-commerce assistant would receive it)
    const web = await loginAs(e2e.server.url, 'assistant');
    const created = await web.post('/orders', {
      customerId: customer.id,
      channel: 'web',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId: product.id, qty: 3, unitPrice: product.catalogPrice }],
    });
    expect(created.status).toBe(201);
    const order = created.body;
    expect(order.status).toBe('pendingConfirmation');

    // 1. the e-commerce assistant confirms it within the 10 minutes (5.1.1)
    const assistant = await pageAs(e2e, 'assistant');
    await shotOnFailure(assistant, 'j1-confirm', async () => {
      await assistant.goto(`${e2e.server.url}/#/orders/${order.id}/show`);
      await assistant.getByTestId('workflow-buttons').getByRole('button', { name: '确认网上订单' }).click();
      await expect
        .poll(async () => (await api.get(`/orders/${order.id}`)).body.status, { timeout: 15_000 })
        .toBe('submitted');
    });

    // 2. the csManager approves in the grid, without opening the order
    const csm = await pageAs(e2e, 'csmanager');
    await shotOnFailure(csm, 'j1-approve', async () => {
      await csm.goto(
        `${e2e.server.url}/#/orders?filter=${encodeURIComponent(JSON.stringify({ status: 'submitted' }))}`,
      );
      await csm.getByRole('button', { name: `审核通过 ${order.code}` }).click();
      await expect
        .poll(async () => (await api.get(`/orders/${order.id}`)).body.status, { timeout: 15_000 })
        .toBe('approved');
    });

    // 3. the order desk picks it and prints the delivery note
    const desk = await pageAs(e2e, 'orderdesk');
    await shotOnFailure(desk, 'j1-pick-print', async () => {
      await desk.goto(`${e2e.server.url}/#/orders/${order.id}/show`);
      await desk.getByTestId('workflow-buttons').getByRole('button', { name: '拣配完成' }).click();
      await expect
        .poll(async () => (await api.get(`/orders/${order.id}`)).body.status, { timeout: 15_000 })
        .toBe('picked');
      await desk.goto(`${e2e.server.url}/#/print/deliveryNote/${order.id}`);
      await desk.getByTestId('print-sheet').waitFor();
      await desk.emulateMedia({ media: 'print' });
      const text = await pdfText(await desk.pdf({ format: 'A4', printBackground: true }));
      expect(text).toContain(order.code);
      expect(text).toContain('销售送货单');
      expect(text).toContain('现金付款');
      expect(text).toContain(customer.name);
      expect(text).toContain('送货专用章');
      expect(text).toMatch(/[壹贰叁肆伍陆柒捌玖拾佰仟万]+元/);
      // printing from the view is recorded: the order shows who printed it when (6.2.4)
      await desk.emulateMedia({ media: 'screen' });
      await desk.getByRole('button', { name: /打印 销售送货单/ }).click();
      await expect
        .poll(async () => ((await api.get(`/orders/${order.id}`)).body.prints ?? []).length, { timeout: 15_000 })
        .toBe(1);
      await desk.goto(`${e2e.server.url}/#/orders/${order.id}/show`);
      await expect
        .poll(async () => desk.getByTestId('printed-by').textContent(), { timeout: 10_000 })
        .toContain('已打印');
    });

    // 3b. a cash order: finance invoices it from the grid, with the invoice number (5.4.2)
    const fin = await pageAs(e2e, 'finance');
    await shotOnFailure(fin, 'j1-invoice', async () => {
      await fin.goto(`${e2e.server.url}/#/orders?filter=${encodeURIComponent(JSON.stringify({ status: 'picked' }))}`);
      await fin.getByRole('button', { name: `开票 ${order.code}` }).click();
      const dialog = fin.getByRole('dialog');
      await dialog.getByLabel(/发票号码/).fill('44030012340001');
      await dialog.getByRole('button', { name: '确定' }).click();
      await expect
        .poll(async () => (await api.get(`/orders/${order.id}`)).body.status, { timeout: 15_000 })
        .toBe('invoiced');
    });

    // 4. the driver takes it out and marks it delivered
    const driver = await pageAs(e2e, 'driver');
    await shotOnFailure(driver, 'j1-deliver', async () => {
      await driver.goto(`${e2e.server.url}/#/orders/${order.id}/show`);
      await driver.getByTestId('workflow-buttons').getByRole('button', { name: '出车配送' }).click();
      await expect
        .poll(async () => (await api.get(`/orders/${order.id}`)).body.status, { timeout: 15_000 })
        .toBe('shipped');
      await driver.getByTestId('workflow-buttons').getByRole('button', { name: '客户签收' }).click();
      await expect
        .poll(async () => (await api.get(`/orders/${order.id}`)).body.status, { timeout: 15_000 })
        .toBe('delivered');
    });
  });
});
