// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { call, endTest, loginAs, renderApp, startMockApi, tokenOf } from './helpers';

type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;

beforeAll(async () => {
  mock = await startMockApi();
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

/** the user form's role and active inputs */
const inputs = async () => {
  const active = (await screen.findByLabelText(/^启用/, { selector: 'input' }, { timeout: 8000 })) as HTMLInputElement;
  const role = (await screen.findByRole('combobox', { name: /^角色/ }, { timeout: 8000 })) as HTMLElement;
  return { active, role };
};

describe('the last active admin (users.lastAdmin)', () => {
  it('is not offered to be deactivated or given another role', async () => {
    const admin = await tokenOf(mock.api, 'admin');
    const users = (await call(mock.api, 'GET', `/users?range=${encodeURIComponent('[0,99]')}`, admin)) as unknown as {
      id: number;
      username: string;
    }[];
    const self = users.find((u) => u.username === 'admin')!;
    await loginAs('admin');
    renderApp(`/users/${self.id}`);
    // both inputs say why
    expect(
      await screen.findAllByText(/唯一启用的系统管理员不能改为其他角色或停用/, undefined, { timeout: 8000 }),
    ).toHaveLength(2);
    const locked = await inputs();
    expect(locked.active).toBeDisabled();
    expect(locked.role).toHaveAttribute('aria-disabled', 'true');
  });

  it('a driver (not an admin) keeps both inputs', async () => {
    const admin = await tokenOf(mock.api, 'admin');
    const users = (await call(mock.api, 'GET', `/users?range=${encodeURIComponent('[0,99]')}`, admin)) as unknown as {
      id: number;
      username: string;
    }[];
    const other = users.find((u) => u.username === 'driver')!;
    await loginAs('admin');
    renderApp(`/users/${other.id}`);
    const open = await inputs();
    expect(open.active).not.toBeDisabled();
    expect(open.role).not.toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByText(/唯一启用的系统管理员/)).toBeNull();
  });
});
