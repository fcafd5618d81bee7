// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '../../src/app/session';
import type { DocRecord } from '../../src/domain/definition';
import { call, endTest, loginAs, makeFixtures, renderApp, startMockApi, tokenOf } from './helpers';

type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;
let product: DocRecord & { id: number };
let customer: DocRecord & { id: number };

beforeAll(async () => {
  mock = await startMockApi();
  ({ product, customer } = await makeFixtures(mock.api, { catalogPrice: 120, stock: 10 }));
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

describe('customers (6.3.3)', () => {
  it('proposes the next code and shows the server’s duplicate-code refusal under the code field', async () => {
    const admin = await tokenOf(mock.api, 'admin');
    const { code: proposed } = (await call(mock.api, 'GET', '/customers/next-code', admin)) as unknown as {
      code: string;
    };
    await loginAs('assistant2');
    renderApp('/customers/create');

    const code = (await screen.findByLabelText(
      /^客户编号\s*\*?$/,
      { selector: 'input' },
      { timeout: 8000 },
    )) as HTMLInputElement;
    expect(code.value).toBe(proposed);

    const user = userEvent.setup();
    // an existing code: the server refuses it (422, 6.3.3)
    await user.clear(code);
    await user.type(code, String(customer.code));
    await user.type(screen.getByLabelText(/^客户名称\s*\*?$/, { selector: 'input' }), '重复编号测试公司');
    await user.type(screen.getByLabelText(/^电话\s*\*?$/, { selector: 'input' }), '0755-88888888');
    await user.type(screen.getByLabelText(/^地址\s*\*?$/, { selector: 'input' }), '深圳市南山区测试大道2号');
    await user.click(screen.getByRole('button', { name: '保存' }));

    const message = `客户编号 ${customer.code} 已存在 (6.3.3)`;
    const field = code.closest('.MuiFormControl-root') as HTMLElement;
    await waitFor(() => expect(within(field).getByText(message)).toBeInTheDocument(), { timeout: 5000 });
    const { total } = await mock.store.list('customers', {
      filter: { name: '重复编号测试公司' },
      sort: { field: 'id', order: 'ASC' },
      range: [0, 0],
    });
    expect(total).toBe(0);
  });
});

describe('order show page workflow buttons', () => {
  it('disables submit with the 6.2.1 refusal until lines are confirmed; csmanager rejects with a reason', async () => {
    const assistant = await tokenOf(mock.api, 'assistant2');
    const order = await call(mock.api, 'POST', '/orders', assistant, {
      customerId: customer.id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: false,
      lines: [{ productId: product.id, qty: 1, unitPrice: 120 }],
    });

    await loginAs('assistant2');
    const first = renderApp(`/orders/${order.id}/show`);
    const submit = await screen.findByRole('button', { name: '提交审核' }, { timeout: 8000 });
    expect(submit).toBeDisabled();
    // the refusal (with its clause) is the tooltip
    const user = userEvent.setup();
    await user.hover(submit.parentElement as HTMLElement);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('(6.2.1)');
    first.unmount();
    await mock.idle();
    session.clear();

    // confirmed and submitted through the API, the csManager rejects from the show page
    await call(mock.api, 'PUT', `/orders/${order.id}`, assistant, { linesConfirmed: true });
    await call(mock.api, 'POST', `/orders/${order.id}/actions/submit`, assistant, {});
    await loginAs('csmanager');
    renderApp(`/orders/${order.id}/show`);
    await user.click(await screen.findByRole('button', { name: '退回' }, { timeout: 8000 }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: '确定' });
    expect(confirm).toBeDisabled(); // a reason is required
    await user.type(within(dialog).getByLabelText('原因'), '单价与报价不符');
    await user.click(confirm);

    await waitFor(async () => expect((await mock.store.get('orders', order.id))?.status).toBe('rejected'), {
      timeout: 5000,
    });
    const approvals = (await mock.store.get('orders', order.id))?.approvals as { decision: string; comment?: string }[];
    expect(approvals.at(-1)).toMatchObject({ decision: 'reject', comment: '单价与报价不符' });
    // the approvals table shows it, as text
    expect(await screen.findByText('单价与报价不符', {}, { timeout: 5000 })).toBeInTheDocument();
    // the change history names statuses and yes / no as the screens do, never the stored codes
    const history = await screen.findByRole('list', { name: '操作记录' }, { timeout: 5000 });
    await waitFor(() => expect(history).toHaveTextContent('状态：待审核 → 已退回'), { timeout: 5000 });
    expect(history).toHaveTextContent('状态：草稿 → 待审核');
    expect(history).toHaveTextContent(/：否 → 是/); // linesConfirmed
    expect(history).toHaveTextContent('意见：单价与报价不符');
    expect(history.textContent).not.toMatch(/draft|submitted|rejected|false|true/);
  });
});

describe('access control from the domain rules', () => {
  it('shows the users menu to admin only', async () => {
    await loginAs('assistant2');
    const a = renderApp('/');
    expect(await screen.findByRole('menuitem', { name: /销售订单/ }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /用户管理/ })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: /操作日志/ })).toBeNull();
    a.unmount();
    await mock.idle();
    session.clear();

    await loginAs('admin');
    renderApp('/');
    expect(await screen.findByRole('menuitem', { name: /用户管理/ }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: /操作日志/ })).toBeInTheDocument();
  });
});
