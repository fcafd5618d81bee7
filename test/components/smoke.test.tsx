// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { DEFINITIONS } from '../../src/domain/documents';
import { listColumns, type DocRecord } from '../../src/domain/definition';
import { endTest, loginAs, renderApp, startMockApi } from './helpers';

type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;
/** API answers of 400 and above during a test (a generated screen must not ask for what the server refuses) */
const failures: string[] = [];

beforeAll(async () => {
  mock = await startMockApi();
  mock.server.events.on('response:mocked', async ({ request, response }) => {
    if (response.status >= 400)
      failures.push(
        `${request.method} ${decodeURIComponent(request.url)} → ${response.status} ${await response.clone().text()}`,
      );
  });
});
beforeEach(() => {
  failures.length = 0;
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

const errors = () => screen.queryByText('出错了') ?? screen.queryByText('无权访问') ?? screen.queryByText('页面不存在');

/** A row of a type the seed left empty: its first workflow state, a customer, what every stored record has. */
async function oneRow(resource: string): Promise<DocRecord> {
  const def = DEFINITIONS[resource];
  const { rows: customers } = await mock.store.list('customers', {
    filter: {},
    sort: { field: 'id', order: 'ASC' },
    range: [0, 0],
  });
  const at = mock.clock.now.toISOString();
  const status = def.workflow ? Object.keys(def.workflow.states)[0] : undefined;
  const customer = customers[0];
  return mock.store.transaction((tx) =>
    tx.insert(resource, {
      code: `${def.codePrefix ?? 'X'}-TEST-0001`,
      status,
      customerId: customer.id,
      customerName: customer.name,
      customerCode: customer.code,
      createdAt: at,
      updatedAt: at,
      createdBy: 1,
      approvals: [],
      prints: [],
      version: 1,
    }),
  );
}

/** Every generated screen renders for a role that may see it: columns from the definition, no error page. */
describe('generated screens render', () => {
  it.each(Object.values(DEFINITIONS).map((d) => d.resource))(
    '%s: list and a show page (admin) — every type, seeded or not',
    async (resource) => {
      const def = DEFINITIONS[resource];
      let { rows } = await mock.store.list(resource, {
        filter: {},
        sort: { field: 'id', order: 'ASC' },
        range: [0, 0],
      });
      await loginAs('admin');
      if (rows.length === 0) {
        // react-admin's empty page, named from the definition; then a row of the type, so its show page renders too
        const empty = renderApp(`/${resource}`);
        expect(
          await screen.findByText(`暂无${(def.menuLabel ?? def.label).zh}`, {}, { timeout: 8000 }),
        ).toBeInTheDocument();
        empty.unmount();
        rows = [await oneRow(resource)];
      }
      const view = renderApp(`/${resource}`);
      const first = listColumns(def)[0].field;
      const header = def.fields[first]?.label.zh ?? '更新时间';
      await screen.findByText(header, { selector: 'th *, th' }, { timeout: 8000 });
      expect(errors()).toBeNull();
      view.unmount();
      renderApp(`/${resource}/${rows[0].id}/show`);
      await screen.findAllByText(def.fields[first]?.label.zh ?? '更新时间', {}, { timeout: 8000 });
      await waitFor(() => expect(screen.queryByText('操作记录') ?? screen.queryByText('变更内容')).not.toBeNull());
      expect(errors()).toBeNull();
      expect(failures).toEqual([]);
    },
  );

  it('the dashboard lists what waits for the csManager', async () => {
    await loginAs('csmanager');
    renderApp('/');
    expect(await screen.findByText('李建国，您好', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText('角色：客户服务中心经理')).toBeInTheDocument();
    const { total } = await mock.store.list('orders', {
      filter: { status: ['submitted'] },
      sort: { field: 'id', order: 'ASC' },
      range: [0, 0],
    });
    if (total > 0) expect((await screen.findAllByText('待审核', {}, { timeout: 5000 })).length).toBeGreaterThan(0);
  });
});
