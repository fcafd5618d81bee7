// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays, shanghaiDate } from '../../src/domain/calendar';
import type { DocRecord } from '../../src/domain/definition';
import { call, endTest, loginAs, renderApp, startMockApi, tokenOf } from './helpers';

/** 5.8.4 a member on the follow-up list: in the assistant's inbox, recorded from the row (the call, the outcome, the next date). */
type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;
let followUp: DocRecord & { id: number; code: string };

beforeAll(async () => {
  mock = await startMockApi();
  const admin = await tokenOf(mock.api, 'admin');
  const [me] = (await call(
    mock.api,
    'GET',
    `/users?filter=${encodeURIComponent(JSON.stringify({ username: 'assistant' }))}`,
    admin,
  )) as unknown as { id: number }[];
  const { code } = (await call(mock.api, 'GET', '/customers/next-code', admin)) as unknown as { code: string };
  const member = await call(mock.api, 'POST', '/customers', admin, {
    code,
    name: '回访测试会员',
    tier: 'smb',
    member: true,
    phone: '0755-88886666',
    address: '深圳市福田区测试路2号',
    assistantId: me.id,
  });
  // the list as the server keeps it: opened by the system user (admin)
  followUp = (await call(mock.api, 'POST', '/memberFollowUps', admin, {
    customerId: member.id,
  })) as unknown as typeof followUp;
  expect(followUp.status).toBe('due');
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

describe('5.8.4 member follow-up in the assistant inbox', () => {
  it('shows the member under 会员回访 and records the call from the row', async () => {
    await loginAs('assistant');
    renderApp('/');
    const link = await screen.findByRole('link', { name: followUp.code }, { timeout: 10_000 });
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('回访测试会员')).toBeInTheDocument();
    expect(link.closest('section')).toHaveAttribute('data-resource', 'memberFollowUps');
    const user = userEvent.setup();
    await user.click(await within(row).findByRole('button', { name: `记录回访 ${followUp.code}` }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^回访情况/), '行政部李小姐，下月集中采购');
    await user.click(within(dialog).getByRole('combobox', { name: /^回访结果/ }));
    await user.click(await screen.findByRole('option', { name: '有意向，待跟进' }));
    const next = addDays(shanghaiDate(mock.clock.now), 21);
    await user.type(within(dialog).getByLabelText(/^下次回访日期/), next);
    await user.click(within(dialog).getByRole('button', { name: /提交|确定/ }));
    await waitFor(
      async () => {
        const r = await mock.store.get('memberFollowUps', followUp.id);
        expect(r).toMatchObject({
          status: 'done',
          outcome: 'interested',
          nextDate: next,
          call: '行政部李小姐，下月集中采购',
        });
      },
      { timeout: 10_000 },
    );
  }, 40_000);
});
