// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
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
    const [settings] = (await call(mock.api, 'GET', `/settings?range=${encodeURIComponent('[0,0]')}`, admin)) as unknown as { id: number }[];
    await loginAs('admin');
    renderApp(`/settings/${settings.id}`);
    const box = (label: RegExp | ((content: string) => boolean)) => screen.findByLabelText(label, { selector: 'input' }, { timeout: 8000 }).then((i) => i.closest('.MuiInputBase-root') as HTMLElement);
    expect(within(await box(/^报价毛利区间下限（%）/)).getByText('%')).toBeInTheDocument();
    const money = Object.entries(getDefinition('settings')!.fields).find(([, f]) => f.type === 'money' && !f.unit && !f.computed && !f.readOnly);
    expect(money, 'a money field in the settings').toBeDefined();
    const moneyBox = await box(escaped(money![1].label.zh));
    expect(within(moneyBox).queryByText('%')).toBeNull();
    expect(within(moneyBox).queryByText('km')).toBeNull();
  });

  it('the customer form says km beside the distance', async () => {
    await loginAs('admin');
    renderApp('/customers/create');
    const input = await screen.findByLabelText(escaped(getDefinition('customers')!.fields.distanceKm.label.zh), { selector: 'input' }, { timeout: 8000 });
    expect(within(input.closest('.MuiInputBase-root') as HTMLElement).getByText('km')).toBeInTheDocument();
  });
});
