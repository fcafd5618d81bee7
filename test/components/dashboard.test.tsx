// @vitest-environment jsdom
import { WORK_ORDER_STATUSES } from '../../src/domain/documents/orders';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dayBounds } from '../../reports/source';
import { BUILT_IN_CALENDAR, shanghaiDate } from '../../src/domain/calendar';
import type { DocRecord } from '../../src/domain/definition';
import { call, endTest, listPath, loginAs, renderApp, startMockApi, tokenOf } from './helpers';

/**
 * Issue 5 dashboards over the REAL API core (msw): the morning meeting page (6.1.1), the menu and
 * route guard, the CSV export, the queues on the home page.
 */

// react-admin's downloadCSV is replaced by a recorder; everything else is the real react-admin
const downloads = vi.hoisted(() => [] as { csv: string; filename: string }[]);
vi.mock('react-admin', async (importOriginal) => {
  const ra = await importOriginal<typeof import('react-admin')>();
  return { ...ra, downloadCSV: vi.fn((csv: string, filename = 'export') => void downloads.push({ csv, filename })) };
});

type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;
let lead: string;
let yesterday: string;

const WAIT = { timeout: 15000 };

beforeAll(async () => {
  mock = await startMockApi();
  // the page's default date comes from the browser's clock: the same instant as the API's
  vi.setSystemTime(mock.clock.now);
  lead = await tokenOf(mock.api, 'teamlead');
  yesterday = BUILT_IN_CALENDAR.previousWorkingDay(shanghaiDate(mock.clock.now));
});

afterEach(() => endTest(mock));
afterAll(() => {
  vi.useRealTimers();
  mock.server.close();
});

const q = (filter: Record<string, unknown>) =>
  `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,999]')}`;
const list = async (resource: string, filter: Record<string, unknown>) =>
  (await call(mock.api, 'GET', `/${resource}?${q(filter)}`, lead)) as unknown as DocRecord[];

async function morningTable() {
  return screen.findByRole('table', { name: `${yesterday} 客户助理业绩` }, WAIT);
}

/** the report's lazy charts have arrived (waited for, so their loading is inside the testing library's act) */
const chartsLoaded = () =>
  waitFor(() => expect(document.querySelector('.recharts-responsive-container')).not.toBeNull(), WAIT);

function rowOf(table: HTMLElement, name: string) {
  const row = within(table).getByText(name).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row as HTMLElement;
}

const cell = (row: HTMLElement, col: string) => {
  const td = row.querySelector(`[data-col="${col}"]`);
  if (!td) throw new Error(`no ${col} cell`);
  return td as HTMLElement;
};

describe('morning meeting (6.1.1)', () => {
  it('as teamlead: opens on the previous working day with every active assistant, numbers matching the lists', async () => {
    expect(yesterday).toBe('2026-11-26'); // Friday 27 Nov 2026 → Thursday
    await loginAs('teamlead');
    renderApp('/reports/morning');
    const table = await morningTable();
    expect(screen.getByLabelText('日期')).toHaveValue(yesterday);
    expect(screen.getByRole('heading', { name: '晨会看板', level: 1 })).toBeInTheDocument();
    expect(screen.getByTestId('report-counts')).toHaveTextContent('不含草稿');

    const assistants = await list('users', { role: 'assistant', active: true });
    expect(assistants.length).toBeGreaterThanOrEqual(8);
    const body = table.querySelector('tbody') as HTMLElement;
    expect(within(body).getAllByRole('row')).toHaveLength(assistants.length);

    const { from, to } = dayBounds(yesterday);
    let orders = 0;
    let complaints = 0;
    for (const a of assistants) {
      const row = rowOf(table, String(a.fullName));
      // work, not drafts: submitted and later, not cancelled (issue 18)
      const ordersFilter = { assistantId: a.id, receivedAt_gte: from, receivedAt_lte: to, status: WORK_ORDER_STATUSES };
      const theirOrders = await list('orders', ordersFilter);
      const link = within(cell(row, 'ordersEntered')).getByRole('link');
      expect(link, String(a.fullName)).toHaveTextContent(String(theirOrders.length));
      // the link is the list of the view the report counted: the same set, whatever the order of its keys
      const href = link.getAttribute('href')!;
      expect(href.split('?')[0]).toBe('/orders');
      expect(JSON.parse(new URLSearchParams(href.split('?')[1]).get('filter')!)).toEqual({
        ...ordersFilter,
        status: [...WORK_ORDER_STATUSES],
      });
      const handled = await list('complaints', { assistantId: a.id, resolvedAt_gte: from, resolvedAt_lte: to });
      expect(cell(row, 'complaintsHandled'), String(a.fullName)).toHaveTextContent(String(handled.length));
      orders += theirOrders.length;
      complaints += handled.length;
    }
    expect(orders).toBeGreaterThan(0);
    expect(complaints).toBeGreaterThan(0);
    const totals = table.querySelector('tfoot tr') as HTMLElement;
    expect(cell(totals, 'ordersEntered')).toHaveTextContent(String(orders));
  });

  it("a number opens the list it counts: the top assistant's orders of that day", async () => {
    await loginAs('teamlead');
    renderApp('/reports/morning');
    const table = await morningTable();
    await chartsLoaded();
    const first = within(table.querySelector('tbody') as HTMLElement).getAllByRole('row')[0];
    expect(cell(first, 'rank')).toHaveTextContent('1');
    const link = within(cell(first, 'ordersEntered')).getByRole('link');
    const count = Number(link.textContent);
    expect(count).toBeGreaterThan(0);
    const filter = JSON.parse(new URLSearchParams(link.getAttribute('href')!.split('?')[1]).get('filter')!) as Record<
      string,
      unknown
    >;
    const expected = await list('orders', filter);
    expect(expected).toHaveLength(count);

    await userEvent.click(link);
    for (const o of expected) expect(await screen.findByText(String(o.code), {}, WAIT)).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('row').filter((r) => r.closest('tbody'))).toHaveLength(count));
  });

  it('the date picker switches the day; a date in the URL opens on that day', async () => {
    await loginAs('teamlead');
    renderApp('/reports/morning');
    await morningTable();
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2026-11-25' } });
    expect(await screen.findByRole('table', { name: '2026-11-25 客户助理业绩' }, WAIT)).toBeInTheDocument();
    expect(screen.getByLabelText('日期')).toHaveValue('2026-11-25');
    cleanup();
    renderApp('/reports/morning?date=2026-11-24');
    expect(await screen.findByRole('table', { name: '2026-11-24 客户助理业绩' }, WAIT)).toBeInTheDocument();
  });

  it('CSV export: one row per assistant, Chinese headers, named after the page and the day', async () => {
    downloads.length = 0;
    await loginAs('teamlead');
    renderApp('/reports/morning');
    const table = await morningTable();
    const names = within(table.querySelector('tbody') as HTMLElement)
      .getAllByRole('row')
      .map((r) => cell(r, 'name').querySelector('span')?.textContent ?? '');
    await userEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const { csv, filename } = downloads[0];
    expect(filename).toBe(`晨会看板-${yesterday}`);
    expect(csv.startsWith('\ufeff')).toBe(true); // Excel reads the Chinese as UTF-8
    const lines = csv.slice(1).trim().split(/\r?\n/);
    expect(lines[0].split(',')).toEqual([
      '排名',
      '客户助理',
      '组别',
      '录入订单',
      '订单金额',
      '网上订单10分钟内确认',
      '报价4工作小时内回复',
      '处理投诉',
      '按时回复',
      '按时解决',
      '退换货',
      '借样逾期',
      '每日目标',
      '是否达标',
    ]);
    expect(lines).toHaveLength(names.length + 1);
    lines.slice(1).forEach((line, i) => {
      const [rank, name] = line.split(',');
      expect(rank).toBe(String(i + 1));
      expect(name).toBe(names[i]);
    });
  });
});

describe('who sees the reports', () => {
  it('as assistant: no 报表 menu entries, and the route shows a not-allowed message', async () => {
    await loginAs('assistant');
    renderApp('/reports/morning');
    expect(await screen.findByText(/您的角色不能查看报表/, {}, WAIT)).toBeInTheDocument();
    // the menu has rendered (a resource entry), but no report entry
    expect(await screen.findByRole('menuitem', { name: /销售订单/ }, WAIT)).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /晨会看板/ })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('as teamlead: the menu has the four report pages; the home page shows the queues', async () => {
    await loginAs('teamlead');
    renderApp('/');
    for (const name of ['晨会看板', '订单趋势', '投诉趋势', '待办队列'])
      expect(await screen.findByRole('menuitem', { name: (n: string) => n.includes(name) }, WAIT)).toBeInTheDocument();
    const queues = (await call(mock.api, 'GET', '/reports/queues', lead)) as unknown as {
      webOrdersWaiting: number;
      pendingDocuments: number;
      pendingByRole: { count: number }[];
    };
    const card = await screen.findByTestId('home-queues', {}, WAIT);
    const waiting = await within(card).findByRole('link', { name: `待确认网上订单: ${queues.webOrdersWaiting}` }, WAIT);
    // 待处理单据合计 counts documents, each once — not role rows (an approved order waits on two roles)
    const total = within(card).getByText('待处理单据合计').parentElement as HTMLElement;
    expect(total).toHaveTextContent(String(queues.pendingDocuments));
    expect(queues.pendingByRole.reduce((s, p) => s + p.count, 0)).toBeGreaterThanOrEqual(queues.pendingDocuments);
    expect(waiting).toHaveAttribute('href', listPath('orders', { status: 'pendingConfirmation' }));
    const loans = within(card).getByRole('link', { name: /逾期未还借样/ });
    const filter = JSON.parse(new URLSearchParams(loans.getAttribute('href')!.split('?')[1]).get('filter')!) as Record<
      string,
      unknown
    >;
    // overdue strictly after the due moment (sampleLoans.views.overdue)
    expect(filter).toEqual({ status: 'out', dueAt_lt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  });
});

describe('the other report pages render their tables', () => {
  it('trends: a row per assistant with its order count over 30 days', async () => {
    await loginAs('teamlead');
    renderApp('/reports/trends');
    const table = await screen.findByRole('table', { name: '各客户助理每日订单数' }, WAIT);
    await chartsLoaded();
    // the page says what it counts: work, not drafts (issue 18)
    expect(screen.getByTestId('report-counts')).toHaveTextContent('已提交审核及以后的订单（不含草稿');
    const report = (await call(mock.api, 'GET', '/reports/order-trends?days=30', lead)) as unknown as {
      assistants: { assistantId: number; series: number[] }[];
    };
    const total = report.assistants.reduce((s, a) => s + a.series.reduce((x, y) => x + y, 0), 0);
    const shown = [...table.querySelectorAll('tbody [data-col="total"]')].reduce(
      (s, td) => s + Number(td.textContent),
      0,
    );
    expect(shown).toBe(total);
    expect(screen.getByRole('button', { name: '最近 90 天' })).toBeInTheDocument();
  });

  it('complaints: categories with SLA shares, the oldest open ones linking to their page', async () => {
    await loginAs('teamlead');
    renderApp('/reports/complaints');
    expect(await screen.findByRole('table', { name: '按类别 (6.10.5)' }, WAIT)).toBeInTheDocument();
    await chartsLoaded();
    expect(screen.getByTestId('report-counts')).toHaveTextContent('期间受理的全部投诉');
    const oldest = screen.getByRole('table', { name: '最早的未结投诉' });
    const first = within(oldest).getAllByRole('link')[0];
    expect(first.getAttribute('href')).toMatch(/^\/complaints\/\d+\/show$/);
  });

  it('queues: pending documents by role, each linking to its list filtered by status', async () => {
    await loginAs('csmanager');
    renderApp('/reports/queues');
    const table = await screen.findByRole('table', { name: '各角色待处理单据' }, WAIT);
    expect(screen.getByTestId('report-counts')).toHaveTextContent('合计只计一次');
    const row = within(table).getByText('客户服务中心经理').closest('tr') as HTMLElement;
    const links = within(row).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    expect(links[0].getAttribute('href')).toMatch(/^\/\w+\?filter=/);
  });
});

describe('the holiday arrangement of a year the built-in calendar lacks (settings → 节假日与调休)', () => {
  const GAP = /2027 年的调休安排尚未录入/;
  async function setCalendarDays(days: unknown[]) {
    const admin = await tokenOf(mock.api, 'admin');
    const [settings] = (await call(
      mock.api,
      'GET',
      `/settings?range=${encodeURIComponent('[0,0]')}`,
      admin,
    )) as unknown as DocRecord[];
    await call(mock.api, 'PUT', `/settings/${settings.id}`, admin, { ...settings, calendarDays: days });
  }
  afterEach(() => setCalendarDays([]));

  it('the home page warns the admin (with the way to the settings) and the team lead, not the assistant, until 2027 is entered', async () => {
    // 27 Nov 2026: next year's arrangement is due, and chinese-days 1.5.7 ends with 2026
    await loginAs('admin');
    renderApp('/');
    const alert = (await screen.findByText(GAP, {}, WAIT)).closest('[role="alert"]') as HTMLElement;
    expect(within(alert).getByRole('link', { name: '打开系统设置' })).toHaveAttribute('href', '/settings');
    cleanup();
    await loginAs('teamlead');
    renderApp('/');
    expect(await screen.findByText(GAP, {}, WAIT)).toBeInTheDocument();
    cleanup();
    await loginAs('assistant');
    renderApp('/');
    await screen.findByText('等您处理的单据', {}, WAIT);
    expect(screen.queryByText(GAP)).toBeNull();
    cleanup();
    await setCalendarDays([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    const answered: string[] = [];
    const onEnd = ({ request }: { request: Request }) => void answered.push(new URL(request.url).pathname);
    mock.server.events.on('request:end', onEnd);
    try {
      await loginAs('admin');
      renderApp('/');
      await screen.findByText('等您处理的单据', {}, WAIT);
      await waitFor(() => expect(answered).toContain('/api/settings'), WAIT);
      // the page has rendered with the branch's entries (no fixed wait): only then is "no warning" an answer
      await waitFor(() => expect(screen.getByTestId('today')).toHaveAttribute('data-calendar', 'loaded'), WAIT);
      expect(screen.queryByText(GAP)).toBeNull();
    } finally {
      mock.server.events.removeListener('request:end', onEnd);
    }
  });

  it("the morning meeting opens on the working day before a holiday the branch declared for yesterday — the browser reads the branch's entries", async () => {
    await setCalendarDays([{ date: yesterday, kind: 'holiday', name: '临时放假' }]);
    const asked: string[] = [];
    const onStart = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/reports/assistant-performance')) asked.push(url.searchParams.get('date') ?? '');
    };
    mock.server.events.on('request:start', onStart);
    const before = BUILT_IN_CALENDAR.previousWorkingDay(yesterday);
    try {
      await loginAs('teamlead');
      renderApp('/reports/morning');
      expect(await screen.findByRole('table', { name: `${before} 客户助理业绩` }, WAIT)).toBeInTheDocument();
      expect(screen.getByLabelText('日期')).toHaveValue(before);
    } finally {
      mock.server.events.removeListener('request:start', onStart);
    }
    // the page asked for that day from the start: it did not first ask the API for the holiday
    expect(asked).toEqual([before]);
  });
});
