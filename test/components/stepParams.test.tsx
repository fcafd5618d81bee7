// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { call, endTest, loginAs, renderApp, startMockApi, tokenOf } from './helpers';

/** A workflow step that takes fields with it: the dialog asks for them and the server records them. */
type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;
let requisition: { id: number; code: string; status: string };

beforeAll(async () => {
  mock = await startMockApi();
  const purchasing = await tokenOf(mock.api, 'purchasing');
  const submitted = await call(
    mock.api,
    'GET',
    `/requisitions?filter=${encodeURIComponent(JSON.stringify({ status: 'submitted' }))}&range=${encodeURIComponent('[0,0]')}`,
    purchasing,
  );
  requisition = (submitted as unknown as (typeof requisition)[])[0];
  expect(requisition?.status).toBe('submitted');
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

describe('step params (requisition: purchasing enters the supplier PO with "ordered")', () => {
  it('asks for the supplier PO in a dialog and sends it with the step', async () => {
    await loginAs('purchasing');
    renderApp(`/requisitions/${requisition.id}/show`);
    const toolbar = await screen.findByTestId('workflow-buttons', {}, { timeout: 10_000 });
    await userEvent.click(within(toolbar).getByRole('button', { name: '已下采购订单' }));
    const dialog = await screen.findByRole('dialog');
    const po = within(dialog).getByLabelText(/供应商|采购单号|PO/);
    await userEvent.type(po, 'PO-2026-778');
    // asked before the click: nothing but the testing library's waits runs while the dialog closes (no act() warning)
    const token = await tokenOf(mock.api, 'purchasing');
    await userEvent.click(within(dialog).getByRole('button', { name: /提交|确定/ }));
    await waitFor(
      async () => {
        const r = await call(mock.api, 'GET', `/requisitions/${requisition.id}`, token);
        expect(r.status).toBe('ordered');
        expect(r.supplierPo).toBe('PO-2026-778');
      },
      { timeout: 10_000 },
    );
  }, 30_000);
});
