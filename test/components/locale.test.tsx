// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { endTest, loginAs, renderApp, startMockApi } from './helpers';

type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;
/** [path, Accept-Language] of every API request */
const sent: [string, string][] = [];

beforeAll(async () => {
  mock = await startMockApi();
  mock.server.events.on('request:start', ({ request }) => {
    sent.push([new URL(request.url).pathname, request.headers.get('accept-language') ?? '']);
  });
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

describe('language switch', () => {
  it('starts in Chinese and switches to English from the app bar; the API is then asked in English', async () => {
    await loginAs('csmanager');
    renderApp('/customers');

    // Chinese by default: menu entry and column header generated from the definitions
    expect(
      await screen.findByText('销售订单', { selector: '[role="menuitem"] *' }, { timeout: 8000 }),
    ).toBeInTheDocument();
    expect(await screen.findByText('客户编号', { selector: 'th *, th' }, { timeout: 8000 })).toBeInTheDocument();
    await waitFor(() => expect(sent.some(([p, l]) => p === '/api/customers' && l === 'zh')).toBe(true));
    expect(document.documentElement.lang).toBe('zh-CN');

    const user = userEvent.setup();
    await user.click(screen.getByText('中文', { selector: 'button' }));
    await user.click(await screen.findByText('English', { selector: '[role="menuitem"]' }));

    // English messages and the resources in English load on demand (a lazy chunk): allow a busy machine its time
    expect(
      await screen.findByText('Sales orders', { selector: '[role="menuitem"] *' }, { timeout: 8000 }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Customer code', { selector: 'th *, th' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByText('销售订单', { selector: '[role="menuitem"] *' })).toBeNull();
    expect(document.documentElement.lang).toBe('en');

    sent.length = 0;
    await user.click(screen.getByText('Products', { selector: '[role="menuitem"] *' }));
    expect(await screen.findByText('Catalog price', { selector: 'th *, th' }, { timeout: 8000 })).toBeInTheDocument();
    const productCalls = sent.filter(([p]) => p === '/api/products');
    expect(productCalls.length).toBeGreaterThan(0);
    expect(productCalls.every(([, l]) => l === 'en')).toBe(true);
  }, 60_000); // three lazy screens and the English chunk, on a shared 2-core machine

  it('signs in on a page that says which desk it is, in the language chosen there before signing in', async () => {
    renderApp('/login');
    expect(await screen.findByRole('heading', { name: '寶億客服台' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText('客户服务中心 · 订单受理与客户服务')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByText('中文', { selector: 'button' }));
    await user.click(await screen.findByText('English', { selector: '[role="menuitem"]' }));
    expect(await screen.findByRole('heading', { name: 'Baoyi Service Desk' }, { timeout: 8000 })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');

    await user.type(screen.getByLabelText(/Username/), 'csmanager');
    await user.type(screen.getByLabelText(/Password/), 'baoyi2026');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // signed in, still in English
    expect(
      await screen.findByText('Sales orders', { selector: '[role="menuitem"] *' }, { timeout: 15000 }),
    ).toBeInTheDocument();
  }, 60_000);
});
