// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocRecord } from '../../src/domain/definition';
import { call, endTest, loginAs, makeFixtures, renderApp, startMockApi, tokenOf } from './helpers';

/**
 * Issue 19: the branch GM approving a credit order over the customer's remaining credit sees what
 * the rule used (5.10.4) — limit, used, remaining and overrun — and why it waits on the GM, on the
 * order's page and again in the approval dialog; on the real API core through MSW.
 */

type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;
let order: DocRecord & { id: number };

beforeAll(async () => {
  mock = await startMockApi();
  const { product, customer } = await makeFixtures(
    mock.api,
    { catalogPrice: 100, stock: 50 },
    { tier: 'keyAccount', settlement: 'credit', creditLimit: 1000 },
  );
  const assistant = await tokenOf(mock.api, 'assistant2');
  const csm = await tokenOf(mock.api, 'csmanager');
  const credit = (qty: number) => ({
    customerId: customer.id,
    channel: 'phone',
    paymentMethod: 'credit',
    linesConfirmed: true,
    lines: [{ productId: product.id, qty, unitPrice: 100 }],
  });
  // 400 of the 1000 in use by an approved credit order
  const first = await call(mock.api, 'POST', '/orders', assistant, credit(4));
  await call(mock.api, 'POST', `/orders/${first.id}/actions/submit`, assistant, {});
  await call(mock.api, 'POST', `/orders/${first.id}/actions/approve`, csm, {});
  // this one: 800 against 600 remaining → the csManager's approval sends it on to the GM
  order = await call(mock.api, 'POST', '/orders', assistant, credit(8));
  await call(mock.api, 'POST', `/orders/${order.id}/actions/submit`, assistant, {});
  expect((await call(mock.api, 'POST', `/orders/${order.id}/actions/approve`, csm, {})).status).toBe('gmApproval');
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

/** The value cell of a fact row (data-testid fact-<key>). */
const factValue = (scope: HTMLElement, key: string) =>
  within(scope).getByTestId(`fact-${key}`).querySelectorAll('td')[1]?.textContent;

describe("the GM's page of an over-limit credit order (5.10.4)", () => {
  it('shows limit, used, remaining and overrun, and why it waits on the GM; the approval dialog shows them again', async () => {
    await loginAs('gm');
    renderApp(`/orders/${order.id}/show`);
    const facts = await screen.findByTestId('approval-facts', {}, { timeout: 10_000 });
    await waitFor(() => expect(within(facts).getByTestId('fact-creditOverrun')).toBeInTheDocument(), {
      timeout: 10_000,
    });
    expect(within(facts).getByTestId('fact-creditLimit')).toHaveTextContent('信用额度');
    expect(factValue(facts, 'creditLimit')).toBe('¥1,000.00');
    expect(factValue(facts, 'creditUsed')).toBe('¥400.00');
    expect(factValue(facts, 'creditRemaining')).toBe('¥600.00');
    expect(factValue(facts, 'orderTotal')).toBe('¥800.00');
    expect(factValue(facts, 'creditOverrun')).toBe('¥200.00');
    expect(within(facts).getByTestId('fact-creditOverrun')).toHaveTextContent('5.10.4');
    const why = within(facts).getByTestId('waiting-reason');
    expect(why).toHaveTextContent('分公司总经理');
    expect(why).toHaveTextContent('超出 ¥200.00');
    expect(why).toHaveTextContent('(5.10.4)');

    // the approval dialog: the same facts before the GM decides
    const user = userEvent.setup();
    const toolbar = await screen.findByTestId('workflow-buttons', {}, { timeout: 10_000 });
    await user.click(within(toolbar).getByRole('button', { name: '审核通过' }));
    const dialog = await screen.findByTestId('step-dialog');
    await waitFor(() => expect(within(dialog).getByTestId('fact-creditOverrun')).toBeInTheDocument(), {
      timeout: 10_000,
    });
    expect(factValue(dialog, 'creditRemaining')).toBe('¥600.00');
    expect(factValue(dialog, 'creditOverrun')).toBe('¥200.00');
    // asked before the click: nothing but the testing library's waits runs while the dialog closes (no act() warning)
    const gm = await tokenOf(mock.api, 'gm');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(
      async () => expect((await call(mock.api, 'GET', `/orders/${order.id}`, gm)).status).toBe('approved'),
      { timeout: 10_000 },
    );
  }, 40_000);
});
