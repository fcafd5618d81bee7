// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { call, endTest, loginAs, renderApp, startMockApi, tokenOf } from './helpers';

type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;

beforeAll(async () => {
  mock = await startMockApi();
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

import { getDefinition } from '../../src/domain/documents';

/** a label that starts with this text (react-admin appends ' *' to required ones) */
const escaped = (label: string) => (content: string) => content.startsWith(label);

describe('units beside figures that are not yuan', () => {
  it('the settings form says % beside a percentage, and nothing beside money', async () => {
    const admin = await tokenOf(mock.api, 'admin');
    const [settings] = (await call(
      mock.api,
      'GET',
      `/settings?range=${encodeURIComponent('[0,0]')}`,
      admin,
    )) as unknown as { id: number }[];
    await loginAs('admin');
    renderApp(`/settings/${settings.id}`);
    const box = (label: RegExp | ((content: string) => boolean)) =>
      screen
        .findByLabelText(label, { selector: 'input' }, { timeout: 8000 })
        .then((i) => i.closest('.MuiInputBase-root') as HTMLElement);
    expect(within(await box(/^报价毛利区间下限（%）/)).getByText('%')).toBeInTheDocument();
    const money = Object.entries(getDefinition('settings')!.fields).find(
      ([, f]) => f.type === 'money' && !f.unit && !f.computed && !f.readOnly,
    );
    expect(money, 'a money field in the settings').toBeDefined();
    const moneyBox = await box(escaped(money![1].label.zh));
    expect(within(moneyBox).queryByText('%')).toBeNull();
    expect(within(moneyBox).queryByText('km')).toBeNull();
  });

  it('the customer form says km beside the distance', async () => {
    await loginAs('admin');
    renderApp('/customers/create');
    const input = await screen.findByLabelText(
      escaped(getDefinition('customers')!.fields.distanceKm.label.zh),
      { selector: 'input' },
      { timeout: 8000 },
    );
    expect(within(input.closest('.MuiInputBase-root') as HTMLElement).getByText('km')).toBeInTheDocument();
  });
});

describe("5.7.3 / 6.10.5 a year's 调休 pasted in one go in the settings (working time, 6.1)", () => {
  it('the admin pastes 2027 days off and make-up working days; the lines fill in and are saved', async () => {
    const admin = await tokenOf(mock.api, 'admin');
    const [settings] = (await call(
      mock.api,
      'GET',
      `/settings?range=${encodeURIComponent('[0,0]')}`,
      admin,
    )) as unknown as { id: number; calendarDays?: unknown[] }[];
    try {
      await loginAs('admin');
      renderApp(`/settings/${settings.id}`);
      const paste = await screen.findByTestId('calendar-paste', {}, { timeout: 8000 });
      const user = userEvent.setup();
      const year = within(paste).getByLabelText('年份');
      await user.clear(year);
      await user.type(year, '2027');
      expect(within(paste).getByTestId('calendar-year-state')).toHaveTextContent('2027 年调休：尚未录入');
      // the law's holidays are shown, computed: 春节 starts on 除夕 2027-02-05
      expect(within(paste).getByText(/春节 02-05/)).toBeInTheDocument();
      await user.type(within(paste).getByLabelText(/^放假日期/), '2月5日（周五）至11日（周四）');
      await user.type(within(paste).getByLabelText(/^调休上班日期/), '2027-02-14、2027-02-20');
      await user.click(within(paste).getByRole('button', { name: '填入该年' }));
      expect(within(paste).getByTestId('calendar-paste-result')).toHaveTextContent(
        '已填入 2027 年：放假 7 天，调休上班 2 天',
      );
      expect(within(paste).getByTestId('calendar-year-state')).toHaveTextContent('2027 年调休：已录入');
      await user.click(screen.getByRole('button', { name: /保存/ }));
      await waitFor(
        async () => {
          const [saved] = (await call(
            mock.api,
            'GET',
            `/settings?range=${encodeURIComponent('[0,0]')}`,
            admin,
          )) as unknown as { calendarDays: { date: string; kind: string }[] }[];
          expect(saved.calendarDays.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
            '2027-02-14',
            '2027-02-20',
          ]);
          expect(saved.calendarDays.filter((d) => d.kind === 'holiday')).toHaveLength(7);
        },
        { timeout: 8000 },
      );
    } finally {
      const [now] = (await call(
        mock.api,
        'GET',
        `/settings?range=${encodeURIComponent('[0,0]')}`,
        admin,
      )) as unknown as Record<string, unknown>[];
      await call(mock.api, 'PUT', `/settings/${settings.id}`, admin, {
        ...now,
        calendarDays: settings.calendarDays ?? [],
      });
    }
  });
});
