// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import type { ApiHandler } from '../../server/core/api';
import { apiHandlers } from '../../mock-api/msw/handlers';
import { API_URL, endTest, loginAs, renderApp, startMockApi } from './helpers';

/**
 * A broad search on a big branch: the server counts only 500 rows past the page and says the total
 * is a lower bound (X-Total-Exact: false). The list shows "共 525+ 条" and still pages forward.
 */
type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;

beforeAll(async () => {
  mock = await startMockApi();
  // the real API, with the orders list's total turned into the lower bound a year of data would give
  const lowerBound: ApiHandler = async (req) => {
    const out = await mock.api(req);
    if (req.method === 'GET' && req.path === '/orders' && out.status === 200) {
      const range = String(out.headers?.['Content-Range']).split(' ')[1].split('/')[0];
      return { ...out, headers: { ...out.headers, 'Content-Range': `orders ${range}/525`, 'X-Total-Exact': 'false' } };
    }
    return out;
  };
  mock.server.use(...apiHandlers(lowerBound, API_URL));
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

describe('a list whose total is a lower bound', () => {
  it('says "525+" and lets the clerk page forward', async () => {
    await loginAs('csmanager');
    renderApp('/orders');
    const label = await screen.findByText(/共 525\+ 条/, {}, { timeout: 10000 });
    const toolbar = label.closest('.MuiTablePagination-root') as HTMLElement;
    expect(toolbar).not.toBeNull();
    expect(within(toolbar).getByRole('button', { name: /下一页|next/i })).toBeEnabled();
    expect(within(toolbar).getByRole('button', { name: /上一页|previous/i })).toBeDisabled();
  });
});

describe('an exact total', () => {
  it('shows the plain count, as before', async () => {
    await loginAs('csmanager');
    mock.server.resetHandlers();
    renderApp('/customers');
    const label = await screen.findByText(/^第 \d+-\d+ 条，共 \d+ 条$/, {}, { timeout: 10000 });
    expect(label.textContent).not.toContain('+');
  });
});
