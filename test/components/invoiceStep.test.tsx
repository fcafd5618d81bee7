// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { call, endTest, listPath, loginAs, makeFixtures, renderApp, startMockApi, tokenOf } from './helpers';

/**
 * 5.4.2 finance invoices a picked cash order before it leaves: the step (with its invoice number)
 * is a row button of the orders list and of finance's inbox, from the order's definition.
 */
type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;

beforeAll(async () => {
  mock = await startMockApi();
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

/** a cash order of a fresh customer, picked by the order desk */
async function pickedCashOrder(): Promise<{ id: number; code: string }> {
  const { product, customer } = await makeFixtures(mock.api, { catalogPrice: 66, stock: 50 });
  const clerk = await tokenOf(mock.api, 'assistant2');
  const o = await call(mock.api, 'POST', '/orders', clerk, {
    customerId: customer.id,
    channel: 'phone',
    paymentMethod: 'cash',
    linesConfirmed: true,
    lines: [{ productId: product.id, qty: 2, unitPrice: 66 }],
  });
  await call(mock.api, 'POST', `/orders/${o.id}/actions/submit`, clerk, {});
  await call(mock.api, 'POST', `/orders/${o.id}/actions/approve`, await tokenOf(mock.api, 'csmanager'), {});
  const picked = await call(mock.api, 'POST', `/orders/${o.id}/actions/pick`, await tokenOf(mock.api, 'orderdesk'), {});
  expect(picked.status).toBe('picked');
  return { id: Number(o.id), code: String(o.code) };
}

describe('5.4.2 finance invoices a picked cash order', () => {
  it('from a row of the orders list: the invoice number asked in the step dialog, then the order is invoiced', async () => {
    const o = await pickedCashOrder();
    const finance = await tokenOf(mock.api, 'finance');
    await loginAs('finance');
    renderApp(listPath('orders', { id: [o.id] }));
    await userEvent.click(await screen.findByRole('button', { name: `开票 ${o.code}` }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/发票号码/), '44030099887766');
    await userEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(
      async () => {
        const r = await call(mock.api, 'GET', `/orders/${o.id}`, finance);
        expect([r.status, r.invoiceNo]).toEqual(['invoiced', '44030099887766']);
      },
      { timeout: 10_000 },
    );
  }, 30_000);

  it("in finance's inbox, with its button", async () => {
    const o = await pickedCashOrder();
    await loginAs('finance');
    renderApp('/');
    const queue = await screen.findByTestId('work-queue', {}, { timeout: 10_000 });
    const orders = await waitFor(() => {
      const el = queue.querySelector('[data-resource="orders"]') as HTMLElement | null;
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    const row = (await within(orders).findByRole('link', { name: o.code }, { timeout: 10_000 })).closest(
      'tr',
    ) as HTMLElement;
    expect(within(row).getByText('已拣配')).toBeInTheDocument();
    expect(await within(row).findByRole('button', { name: `开票 ${o.code}` }, { timeout: 10_000 })).toBeInTheDocument();
  }, 30_000);

  it('the order desk is not offered 出车配送 on a cash order finance has not invoiced yet; once invoiced it is', async () => {
    const o = await pickedCashOrder();
    await loginAs('orderdesk');
    const first = renderApp(listPath('orders', { id: [o.id] }));
    const row = (await screen.findByText(o.code, {}, { timeout: 10_000 })).closest('tr') as HTMLElement;
    await waitFor(() => expect(row.querySelector('[data-action="ship"]')?.getAttribute('data-access')).toBe('denied'), {
      timeout: 10_000,
    });
    expect(within(row).queryByRole('button', { name: `出车配送 ${o.code}` })).toBeNull();
    first.unmount();
    await call(mock.api, 'POST', `/orders/${o.id}/actions/invoice`, await tokenOf(mock.api, 'finance'), {
      invoiceNo: '44030099887767',
    });
    renderApp(listPath('orders', { id: [o.id] }));
    expect(await screen.findByRole('button', { name: `出车配送 ${o.code}` }, { timeout: 10_000 })).toBeInTheDocument();
  }, 30_000);
});
