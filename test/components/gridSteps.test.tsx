// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { call, endTest, listPath, loginAs, makeFixtures, renderApp, startMockApi, tokenOf } from './helpers';

/**
 * Issue 18, every step from the grid: a step that takes params asks for them from its row too,
 * and the home inbox is a work queue grouped by type — a returned order says why.
 */
type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;

beforeAll(async () => {
  mock = await startMockApi();
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

describe('steps from list rows', () => {
  it('purchasing enters the supplier PO from the requisitions list (StepDialog), and the row follows', async () => {
    const purchasing = await tokenOf(mock.api, 'purchasing');
    const [requisition] = (await call(
      mock.api,
      'GET',
      `/requisitions?filter=${encodeURIComponent(JSON.stringify({ status: 'submitted' }))}&range=${encodeURIComponent('[0,0]')}`,
      purchasing,
    )) as unknown as { id: number; code: string }[];
    await loginAs('purchasing');
    renderApp(listPath('requisitions', { id: [requisition.id] }));
    const button = await screen.findByRole('button', { name: `已下采购订单 ${requisition.code}` }, { timeout: 10_000 });
    await userEvent.click(button);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/供应商|采购单号|PO/), 'PO-2026-901');
    await userEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(
      async () => {
        const r = await call(mock.api, 'GET', `/requisitions/${requisition.id}`, purchasing);
        expect([r.status, r.supplierPo]).toEqual(['ordered', 'PO-2026-901']);
      },
      { timeout: 10_000 },
    );
    // the next step (received, the warehouse's or purchasing's) is on the same row now
    await screen.findByRole('button', { name: `到货入库 ${requisition.code}` }, { timeout: 10_000 });
  }, 30_000);
});

describe('the home inbox as a work queue', () => {
  it('groups by type with its own columns; a returned order shows why it came back', async () => {
    const { product, customer } = await makeFixtures(mock.api, { catalogPrice: 88, stock: 50 });
    const clerk = await tokenOf(mock.api, 'assistant2');
    const csm = await tokenOf(mock.api, 'csmanager');
    const o = await call(mock.api, 'POST', '/orders', clerk, {
      customerId: customer.id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId: product.id, qty: 2, unitPrice: 88 }],
    });
    await call(mock.api, 'POST', `/orders/${o.id}/actions/submit`, clerk, {});
    await call(mock.api, 'POST', `/orders/${o.id}/actions/reject`, csm, { comment: '数量与客户确认的不一致' });

    await loginAs('assistant2');
    renderApp('/');
    const queue = await screen.findByTestId('work-queue', {}, { timeout: 10_000 });
    const orders = queue.querySelector('[data-resource="orders"]') as HTMLElement;
    expect(within(orders).getByRole('heading', { name: '销售订单' })).toBeInTheDocument();
    const headers = within(orders)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['订单号', '状态', '客户名称', '合计', '承诺送达', '退回原因']));
    const row = within(orders)
      .getByRole('link', { name: String(o.code) })
      .closest('tr') as HTMLElement;
    expect(within(row).getByText('数量与客户确认的不一致')).toBeInTheDocument();
    expect(within(row).getByText('已退回')).toBeInTheDocument();
    // no deadline runs on a returned document
    expect(within(row).queryByTestId('deadline-countdown')).toBeNull();
  }, 30_000);
});
