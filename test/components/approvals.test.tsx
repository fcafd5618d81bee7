// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocRecord } from '../../src/domain/definition';
import { call, endTest, listPath, loginAs, makeFixtures, renderApp, startMockApi, tokenOf } from './helpers';

type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;
let customerId: number;
let draft: DocRecord & { id: number };
let submitted: DocRecord & { id: number };

beforeAll(async () => {
  mock = await startMockApi();
  const { product, customer } = await makeFixtures(mock.api, { catalogPrice: 99, stock: 50 });
  customerId = customer.id;
  const assistant = await tokenOf(mock.api, 'assistant2');
  const order = {
    customerId,
    channel: 'phone',
    paymentMethod: 'cash',
    linesConfirmed: true,
    lines: [{ productId: product.id, qty: 1, unitPrice: 99 }],
  };
  draft = await call(mock.api, 'POST', '/orders', assistant, order);
  const toSubmit = await call(mock.api, 'POST', '/orders', assistant, order);
  submitted = await call(mock.api, 'POST', `/orders/${toSubmit.id}/actions/submit`, assistant, {});
  expect(draft.status).toBe('draft');
  expect(submitted.status).toBe('submitted');
});

afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

/** The grid row showing an order code. */
async function rowOf(code: string) {
  const cell = await screen.findByText(code, {}, { timeout: 8000 });
  const row = cell.closest('tr');
  if (!row) throw new Error(`no row for ${code}`);
  return row as HTMLElement;
}

describe('in-grid approval (orders list)', () => {
  it('csmanager approves a submitted order from the list; a draft row has no approve button', async () => {
    await loginAs('csmanager');
    renderApp(listPath('orders', { customerId }));
    const submittedRow = await rowOf(String(submitted.code));
    const draftRow = await rowOf(String(draft.code));
    const approve = await within(submittedRow).findByRole(
      'button',
      { name: `审核通过 ${submitted.code}` },
      { timeout: 5000 },
    );
    expect(within(submittedRow).getByRole('button', { name: `退回 ${submitted.code}` })).toBeInTheDocument();
    expect(within(draftRow).queryByRole('button', { name: /审核通过/ })).toBeNull();
    await waitFor(() =>
      expect(draftRow.querySelector('[data-action="approve"]')?.getAttribute('data-access')).toBe('denied'),
    );
    expect(within(submittedRow).getByText('待审核')).toBeInTheDocument();

    await userEvent.click(approve);

    await waitFor(async () => expect((await mock.store.get('orders', submitted.id))?.status).toBe('approved'), {
      timeout: 5000,
    });
    const approved = await mock.store.get('orders', submitted.id);
    expect((approved?.approvals as { decision: string; byName: string }[]).at(-1)).toMatchObject({
      decision: 'approve',
      byName: '李建国',
    });
    // the row follows: new status chip, no more approve button
    await waitFor(
      async () => expect(within(await rowOf(String(submitted.code))).getByText('已审核')).toBeInTheDocument(),
      { timeout: 5000 },
    );
    expect(within(await rowOf(String(submitted.code))).queryByRole('button', { name: /审核通过/ })).toBeNull();
    expect(await screen.findByText('审核通过：已完成')).toBeInTheDocument();
  });

  it('an assistant sees no approve button on the same list', async () => {
    await loginAs('assistant2');
    renderApp(listPath('orders', { customerId }));
    const row = await rowOf(String(submitted.code));
    // the access checks have answered "denied" for this row (not merely "not yet known")
    await waitFor(() =>
      expect(row.querySelector('[data-action="approve"]')?.getAttribute('data-access')).toBe('denied'),
    );
    expect(row.querySelector('[data-action="reject"]')?.getAttribute('data-access')).toBe('denied');
    expect(screen.queryByRole('button', { name: /审核通过/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /退回/ })).toBeNull();
  });

  it('bulk approve: approves what the server allows and reports each refusal with its clause', async () => {
    const admin = await tokenOf(mock.api, 'admin');
    const assistant = await tokenOf(mock.api, 'assistant2');
    const { product, customer: keyAccount } = await makeFixtures(
      mock.api,
      { catalogPrice: 99, stock: 50 },
      { tier: 'keyAccount', settlement: 'credit', creditLimit: 100000 },
    );
    const lines = [{ productId: product.id, qty: 2, unitPrice: 99 }];
    const make = async (paymentMethod: string) => {
      const o = await call(mock.api, 'POST', '/orders', assistant, {
        customerId: keyAccount.id,
        channel: 'phone',
        paymentMethod,
        linesConfirmed: true,
        lines,
      });
      return call(mock.api, 'POST', `/orders/${o.id}/actions/submit`, assistant, {});
    };
    const cash = await make('cash');
    const credit = await make('credit');
    // the customer falls overdue after submitting: credit orders wait for payment (5.11.3)
    await call(mock.api, 'PUT', `/customers/${keyAccount.id}`, admin, { overdue: true });

    await loginAs('csmanager');
    renderApp(listPath('orders', { customerId: keyAccount.id }));
    const user = userEvent.setup();
    await user.click(within(await rowOf(String(cash.code))).getByRole('checkbox'));
    await user.click(within(await rowOf(String(credit.code))).getByRole('checkbox'));
    await user.click(await screen.findByRole('button', { name: '审核通过' }));
    // a confirmation first: how many, and their total (2 × ¥198.00)
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('bulk-summary')).toHaveTextContent('将对 2 张单据执行"审核通过"，合计 ¥396.00');
    expect(within(dialog).getByTestId('bulk-summary')).toHaveTextContent(String(cash.code));
    expect((await mock.store.get('orders', cash.id))?.status).toBe('submitted');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));

    await waitFor(async () => expect((await mock.store.get('orders', cash.id))?.status).toBe('approved'), {
      timeout: 5000,
    });
    expect((await mock.store.get('orders', credit.id))?.status).toBe('submitted');
    const report = await screen.findByText(/审核通过：1 张成功，1 张失败/, {}, { timeout: 5000 });
    expect(report).toHaveTextContent(`${credit.code}: `);
    expect(report).toHaveTextContent('(5.11.3)');
  });
});
