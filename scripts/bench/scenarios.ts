import { mulberry32 } from '../../server/seed/random';
import { addDays, BUILT_IN_CALENDAR, shanghaiDate } from '../../src/domain/calendar';
import { expectStatus, loginAs, q, stockApi, type Api, type Reply } from './http';
import { recordPage, type ReplayPages } from './replay';
import { measure, type Plan, type Stats } from './measure';

/**
 * What the bench asks, on our API (as the SPA asks it) and on stock json-server 0.17 (the
 * same question in its dialect). Each scenario checks its answer, so a fast error never
 * counts as a fast read.
 */

export const SEARCH = '科技';

export type ReportId = 'f1' | 'f2' | 'f3' | 'f4' | 'f5';
export type ScenarioId = 'a' | 'b' | 'c' | 'd' | 'e' | ReportId | 'g' | 'h';

export const SCENARIOS: Record<ScenarioId, { title: string; kind: 'read' | 'write' }> = {
  a: { title: '(a) orders list, default view', kind: 'read' },
  b: { title: '(b) filtered+sorted page', kind: 'read' },
  c: { title: `(c) full-text q="${SEARCH}"`, kind: 'read' },
  d: { title: '(d) show page (5 requests)', kind: 'read' },
  e: { title: '(e) my-work inbox', kind: 'read' },
  f1: { title: '(f1) report assistant-perf', kind: 'read' },
  f2: { title: '(f2) report order-trends 30 d', kind: 'read' },
  f3: { title: '(f3) report order-trends 90 d', kind: 'read' },
  f4: { title: '(f4) report complaint-trends', kind: 'read' },
  f5: { title: '(f5) report queues', kind: 'read' },
  g: { title: '(g) create order', kind: 'write' },
  h: { title: '(h) approve action', kind: 'write' },
};

/** who asks (e) and (f): the inbox is the CS manager's home page; the reports are the team lead's meeting pages (PAGES.reports) */
export const INBOX_USER = 'csmanager';
export const REPORTS_USER = 'teamlead';

/**
 * The reports as the dashboard pages ask them (src/dashboard/pages/*, useReport → /api/reports/…),
 * on the data's day (the seed clock): the morning meeting the previous working day, the trends
 * page 30 and 90 days (it leaves `to` to the server's clock: named here only when the seed day
 * is not the server's today, e.g. BENCH_NOW), complaint trends its default 30 days, queues bare.
 */
export function reportPaths(seedNow: Date, realNow = new Date()): Record<ReportId, string> {
  const today = shanghaiDate(seedNow);
  const to = today === shanghaiDate(realNow) ? '' : `&to=${today}`;
  return {
    f1: `/reports/assistant-performance?date=${BUILT_IN_CALENDAR.previousWorkingDay(today)}`,
    f2: `/reports/order-trends?days=30${to}`,
    f3: `/reports/order-trends?days=90${to}`,
    f4: `/reports/complaint-trends?from=${addDays(today, -29)}&to=${today}`,
    f5: '/reports/queues',
  };
}

/** what each report must answer (a 200 with the wrong shape is an error, not a fast read); a short description of it */
const REPORT_CHECKS: Record<ReportId, (body: Record<string, unknown>, path: string) => string> = {
  f1: (b, path) => {
    const rows = b.rows as unknown[];
    if (!Array.isArray(rows) || !rows.length) throw new Error('no assistant rows');
    if (!path.endsWith(`date=${b.date}`)) throw new Error(`answered date ${b.date}`);
    return `${rows.length} assistants`;
  },
  f2: (b, path) => trendDays(b, path),
  f3: (b, path) => trendDays(b, path),
  f4: (b) => {
    if (!Array.isArray(b.days) || !Array.isArray(b.byCategory)) throw new Error('no days / byCategory');
    return `${b.days.length} day×category rows, ${b.open} open`;
  },
  f5: (b) => {
    if (!Array.isArray(b.pendingByRole)) throw new Error('no pendingByRole');
    return `${b.pendingByRole.length} queues`;
  },
};

function trendDays(b: Record<string, unknown>, path: string): string {
  const want = Number(/days=(\d+)/.exec(path)?.[1]);
  const days = b.days as { web: number; phone: number }[];
  if (!Array.isArray(days) || days.length !== want)
    throw new Error(`${Array.isArray(days) ? days.length : 'no'} days, asked ${want}`);
  return `${days.reduce((s, d) => s + d.web + d.phone, 0)} orders in ${want} days`;
}

export interface Measured {
  stats: Stats;
  /** the same scenario from one client alone: the service time without queueing */
  single?: Stats;
  /** rows the question matches (Content-Range / X-Total-Count), to compare ours and stock */
  total?: number;
  /** what was asked (the reports' path with its parameters) */
  path?: string;
  note?: string;
  error?: string;
}

export interface Plans {
  read: Plan;
  read1: Plan;
  write: Plan;
  write1: Plan;
  stockRead: Plan;
  stockWrite: Plan;
}

const totalOf = (r: Reply): number | undefined => {
  const cr = r.headers['content-range'];
  if (typeof cr === 'string') return Number(cr.split('/')[1]);
  const xt = r.headers['x-total-count'];
  return typeof xt === 'string' ? Number(xt) : undefined;
};

function listCheck(r: Reply, what: string, minRows = 0): Reply {
  expectStatus(r, [200], what);
  const body = r.json();
  if (!Array.isArray(body)) throw new Error(`${what}: not a list`);
  if (body.length < minRows) throw new Error(`${what}: ${body.length} rows, expected at least ${minRows}`);
  return r;
}

/** a small deterministic generator for picking records: the seed's mulberry32 */
const rng = mulberry32;

export const OUR_READS = {
  a: () => q({ sort: ['priority', 'DESC'], range: [0, 24], filter: {} }),
  b: () => q({ sort: ['receivedAt', 'DESC'], range: [50, 74], filter: { status: 'delivered', channel: 'web' } }),
  c: () => q({ sort: ['priority', 'DESC'], range: [0, 24], filter: { q: SEARCH } }),
};

export const STOCK_READS = {
  a: () => '/orders?_sort=priority&_order=desc&_start=0&_end=25',
  b: () => '/orders?status=delivered&channel=web&_sort=receivedAt&_order=desc&_start=50&_end=75',
  c: () => `/orders?q=${encodeURIComponent(SEARCH)}&_sort=priority&_order=desc&_start=0&_end=25`,
};

export interface OursResult {
  results: Partial<Record<ScenarioId, Measured>>;
  /** an order as our server stores it: the body stock json-server gets for (g) */
  orderTemplate: Record<string, unknown>;
  /** our answers to (a)–(c), for the no-work server (replay.ts) */
  pages: ReplayPages;
}

type Log = (s: string) => void;

function line(who: string, id: ScenarioId, m: Measured): string {
  const st = m.stats;
  return (
    `    ${who} ${SCENARIOS[id].title.padEnd(38 - who.length)} median ${st.median.toFixed(1)} ms, p95 ${st.p95.toFixed(1)} ms (n=${st.n})` +
    (m.single ? ` (1 client: p95 ${m.single.p95.toFixed(1)} ms)` : '') +
    (st.errors ? `, ${st.errors} errors: ${st.firstError}` : '') +
    (st.stoppedBecause ? ` — stopped: ${st.stoppedBecause}` : '') +
    (m.note ? ` — ${m.note}` : '')
  );
}

/** run one scenario; a failure is recorded and the bench goes on with the next one */
async function scenario(
  who: string,
  id: ScenarioId,
  into: Partial<Record<ScenarioId, Measured>>,
  log: Log,
  fn: () => Promise<Measured | null>,
) {
  try {
    const m = await fn();
    if (m) {
      into[id] = m;
      log(line(who, id, m));
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    into[id] = { stats: emptyStats(msg), error: msg };
    log(`    ${who} ${SCENARIOS[id].title}: FAILED — ${msg}`);
  }
}

function emptyStats(why: string): Stats {
  return {
    n: 0,
    errors: 1,
    firstError: why,
    median: NaN,
    p95: NaN,
    p99: NaN,
    mean: NaN,
    min: NaN,
    max: NaN,
    perRun: [],
    concurrency: 0,
    throughput: 0,
    truncated: true,
    stoppedBecause: why,
  };
}

export async function benchOurs(
  base: string,
  plans: Plans,
  reports: Record<ReportId, string>,
  dead: () => string | null,
  log: Log,
): Promise<OursResult> {
  const csm = await loginAs(base, 'csmanager');
  const inboxUser = INBOX_USER === 'csmanager' ? csm : await loginAs(base, INBOX_USER);
  const lead = await loginAs(base, REPORTS_USER);
  const assistant2 = await loginAs(base, 'assistant2');
  const results: OursResult['results'] = {};
  const pages: ReplayPages = {};
  const m = (op: (i: number) => Promise<unknown>, plan: Plan) => measure(op, plan, dead);

  // reads (a)(b)(c): one GET each, as csmanager (no read scope)
  for (const id of ['a', 'b', 'c'] as const) {
    await scenario('ours', id, results, log, async () => {
      const path = '/orders' + OUR_READS[id]();
      const first = listCheck(await csm.get(path), `ours ${id}`);
      pages[id] = recordPage(`/api${path}`, first);
      const op = async () => listCheck(await csm.get(path), `ours ${id}`);
      return { stats: await m(op, plans.read), single: await m(op, plans.read1), total: totalOf(first) };
    });
  }

  // (d) show page: the order, then (as react-admin does, in parallel) its customer, its
  // products (getMany), the actions the caller may take and the history
  await scenario('ours', 'd', results, log, async () => {
    const maxId = (await csm.get('/orders' + q({ sort: ['id', 'DESC'], range: [0, 0] }))).json()[0].id as number;
    const pick = rng(42);
    const showIds = Array.from({ length: 2000 }, () => 1 + Math.floor(pick() * maxId));
    const show = async (i: number) => {
      const id = showIds[i % showIds.length];
      const o = expectStatus(await csm.get(`/orders/${id}`), [200], 'ours d: order').json();
      const productIds = [...new Set((o.lines as { productId: number }[]).map((l) => l.productId))];
      const [c, p, a, h] = await Promise.all([
        csm.get(`/customers/${o.customerId}`),
        csm.get('/products' + q({ filter: { id: productIds } })),
        csm.get(`/orders/${id}/actions`),
        csm.get(`/orders/${id}/history`),
      ]);
      expectStatus(c, [200], 'ours d: customer');
      if (listCheck(p, 'ours d: products').json().length !== productIds.length)
        throw new Error('ours d: getMany products incomplete');
      expectStatus(a, [200], 'ours d: actions');
      expectStatus(h, [200], 'ours d: history');
    };
    return { stats: await m(show, plans.read), single: await m(show, plans.read1) };
  });

  // (e) the my-work inbox: GET /api/myWork, what the home page's dashboard asks (dataProvider.myWork)
  await scenario('ours', 'e', results, log, async () => {
    const check = (r: Reply) => {
      expectStatus(r, [200], 'ours e: myWork');
      if (!Array.isArray(r.json())) throw new Error('ours e: myWork is not a list');
      return r;
    };
    const first = check(await inboxUser.get('/myWork'));
    const items = first.json() as { resource: string }[];
    const perResource = [
      ...items.reduce((m, i) => m.set(i.resource, (m.get(i.resource) ?? 0) + 1), new Map<string, number>()),
    ]
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    log(
      `    ours (e) GET /api/myWork as ${INBOX_USER}: ${items.length} items${perResource ? ` (${perResource})` : ''}`,
    );
    const op = async () => check(await inboxUser.get('/myWork'));
    return {
      stats: await m(op, plans.read),
      single: await m(op, plans.read1),
      total: items.length,
      note: `${items.length} items, ${(Buffer.byteLength(first.text) / 1024).toFixed(0)} kB`,
    };
  });

  // (f1)–(f5) the reports, as the dashboard pages ask them, as the team lead
  for (const id of Object.keys(reports) as ReportId[]) {
    await scenario('ours', id, results, log, async () => {
      const path = reports[id];
      const check = (r: Reply) => {
        expectStatus(r, [200], `ours ${id}: ${path}`);
        try {
          return REPORT_CHECKS[id](r.json(), path);
        } catch (e) {
          throw new Error(`ours ${id}: ${path}: ${e instanceof Error ? e.message : String(e)}`);
        }
      };
      const first = await lead.get(path);
      const what = check(first);
      const op = async () => check(await lead.get(path));
      log(`    ours (${id}) GET /api${path} as ${REPORTS_USER}: ${what}`);
      return {
        stats: await m(op, plans.read),
        single: await m(op, plans.read1),
        path,
        note: `${what}, ${(Buffer.byteLength(first.text) / 1024).toFixed(0)} kB`,
      };
    });
  }

  // (g) create: assistant2 (SMB group), an SMB cash customer, catalog prices (6.2.2)
  const customers = (
    listCheck(
      await assistant2.get(
        '/customers' + q({ sort: ['id', 'ASC'], range: [0, 199], filter: { tier: 'smb', settlement: 'cash' } }),
      ),
      'customers',
      1,
    ).json() as Record<string, unknown>[]
  ).filter((c) => c.active !== false);
  const products = (
    listCheck(
      await assistant2.get('/products' + q({ sort: ['id', 'ASC'], range: [0, 499], filter: {} })),
      'products',
      1,
    ).json() as Record<string, unknown>[]
  ).filter((p) => p.active !== false && p.catalog !== false && typeof p.catalogPrice === 'number');
  if (!customers.length || !products.length) throw new Error('no SMB cash customer or catalog product to order');
  const pickW = rng(7);
  const orderBody = () => {
    const lines = Array.from({ length: 1 + Math.floor(pickW() * 3) }, () => {
      const p = products[Math.floor(pickW() * products.length)];
      return { productId: p.id, qty: 1 + Math.floor(pickW() * 5), unitPrice: p.catalogPrice };
    });
    const uniq = [...new Map(lines.map((l) => [l.productId, l])).values()];
    return {
      customerId: customers[Math.floor(pickW() * customers.length)].id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      note: '压测订单 bench',
      lines: uniq,
    };
  };
  let template: Record<string, unknown> | undefined;
  const create = async () => {
    const r = expectStatus(await assistant2.post('/orders', orderBody()), [201], 'ours g: create');
    template ??= r.json();
    return r;
  };
  await scenario('ours', 'g', results, log, async () => ({
    stats: await m(create, plans.write),
    single: await m(create, plans.write1),
  }));

  // (h) approve: orders created and submitted beforehand; only the approve is timed
  await scenario('ours', 'h', results, log, async () => {
    const need =
      plans.write.warmup +
      plans.write.runs * plans.write.perRun +
      plans.write1.warmup +
      plans.write1.runs * plans.write1.perRun;
    log(`    preparing ${need} submitted orders for (h)…`);
    const ready: number[] = [];
    const prepare = async () => {
      const o = expectStatus(await assistant2.post('/orders', orderBody()), [201], 'prepare h: create').json();
      expectStatus(await assistant2.post(`/orders/${o.id}/actions/submit`, {}), [200], 'prepare h: submit');
      ready.push(o.id as number);
    };
    await m(prepare, { warmup: 0, runs: 1, perRun: need, concurrency: 4, maxSeconds: 600 });
    if (ready.length < need) throw new Error(`prepared only ${ready.length} of ${need} orders for (h)`);
    let offset = 0;
    const approve = async (i: number) => {
      const r = expectStatus(
        await csm.post(`/orders/${ready[offset + i]}/actions/approve`, {}),
        [200],
        'ours h: approve',
      );
      if (r.json().status !== 'approved') throw new Error(`ours h: status ${r.json().status}`);
    };
    const stats = await m(approve, plans.write);
    offset = plans.write.warmup + plans.write.runs * plans.write.perRun;
    return { stats, single: await m(approve, plans.write1) };
  });

  return { results, orderTemplate: template ?? {}, pages };
}

/**
 * Stock json-server gets fewer requests when one takes seconds (a year of orders): a probe
 * request picks the plan, so the bench ends in reasonable time and says how many it timed.
 */
export function stockPlan(base: Plan, probeMs: number): Plan {
  if (probeMs > 5000) return { ...base, warmup: 0, runs: 1, perRun: 8 };
  if (probeMs > 1000) return { ...base, warmup: 1, runs: 2, perRun: 8 };
  return base;
}

export async function benchStock(
  base: string,
  plans: Plans,
  template: Record<string, unknown>,
  dead: () => string | null,
  log: Log,
) {
  const api: Api = stockApi(base);
  const results: Partial<Record<ScenarioId, Measured>> = {};
  for (const id of ['a', 'b', 'c'] as const) {
    await scenario('stock', id, results, log, async () => {
      const path = STOCK_READS[id]();
      const t = performance.now();
      const first = listCheck(await api.get(path), `stock ${id}`);
      const plan = stockPlan(plans.stockRead, performance.now() - t);
      const stats = await measure(async () => listCheck(await api.get(path), `stock ${id}`), plan, dead);
      return { stats, total: totalOf(first) };
    });
  }
  const { id: _id, ...body } = template;
  await scenario('stock', 'g', results, log, async () => {
    const t = performance.now();
    expectStatus(await api.post('/orders', body), [201], 'stock g: POST /orders');
    const plan = stockPlan(plans.stockWrite, performance.now() - t);
    const stats = await measure(
      async () => expectStatus(await api.post('/orders', body), [201], 'stock g: POST /orders'),
      plan,
      dead,
    );
    return { stats, note: `body: an order as our server stores it (${Buffer.byteLength(JSON.stringify(body))} bytes)` };
  });
  return results;
}
