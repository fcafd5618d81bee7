// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocRecord } from '../../src/domain/definition';
import { call, endTest, listPath, loginAs, makeFixtures, renderApp, startMockApi, tokenOf } from './helpers';

/** Issue 3: the "my work" inbox is approvable from there; SLA deadlines show as countdowns in lists. */
type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;
let submitted: DocRecord & { id: number };

beforeAll(async () => {
  mock = await startMockApi();
  const { product, customer } = await makeFixtures(mock.api, { catalogPrice: 120, stock: 50 });
  const assistant = await tokenOf(mock.api, 'assistant2');
  const order = await call(mock.api, 'POST', '/orders', assistant, {
    customerId: customer.id,
    channel: 'phone',
    paymentMethod: 'cash',
    linesConfirmed: true,
    lines: [{ productId: product.id, qty: 1, unitPrice: 120 }],
  });
  submitted = await call(mock.api, 'POST', `/orders/${order.id}/actions/submit`, assistant, {});
  expect(submitted.status).toBe('submitted');
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

describe('my work inbox', () => {
  it('lists what waits on the csManager and approves it from there', async () => {
    await loginAs('csmanager');
    renderApp('/');
    const link = await screen.findByRole('link', { name: String(submitted.code) }, { timeout: 10_000 });
    const row = link.closest('tr') as HTMLElement;
    await userEvent.click(
      await within(row).findByRole('button', { name: `审核通过 ${submitted.code}` }, { timeout: 5000 }),
    );
    await waitFor(async () => expect((await mock.store.get('orders', submitted.id))?.status).toBe('approved'), {
      timeout: 5000,
    });
  }, 30_000);
});

describe('SLA countdowns in lists', () => {
  it('shows a countdown on open complaints and none on closed ones', async () => {
    const token = await tokenOf(mock.api, 'teamlead');
    const open = (await call(
      mock.api,
      'GET',
      `/complaints?filter=${encodeURIComponent(JSON.stringify({ status: 'received' }))}&range=${encodeURIComponent('[0,0]')}`,
      token,
    )) as unknown as DocRecord[];
    const closed = (await call(
      mock.api,
      'GET',
      `/complaints?filter=${encodeURIComponent(JSON.stringify({ status: 'closed' }))}&range=${encodeURIComponent('[0,0]')}`,
      token,
    )) as unknown as DocRecord[];
    expect(open.length).toBe(1);
    await loginAs('teamlead');
    renderApp(listPath('complaints', { id: [open[0].id, ...(closed[0] ? [closed[0].id] : [])] }));
    const openRow = (await screen.findByText(String(open[0].code), {}, { timeout: 10_000 })).closest(
      'tr',
    ) as HTMLElement;
    expect(within(openRow).getByTestId('deadline-countdown').textContent).toMatch(
      /^(剩余|超时) \d+ (工作日|天|小时|分)/,
    );
    if (closed[0]) {
      const closedRow = (await screen.findByText(String(closed[0].code))).closest('tr') as HTMLElement;
      expect(within(closedRow).queryByTestId('deadline-countdown')).toBeNull();
    }
  }, 30_000);
});
