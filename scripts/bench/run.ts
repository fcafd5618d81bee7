/**
 * npm run bench              the full bench: a 10k-order branch and a year (~120k orders)
 * npm run bench -- --small   (or BENCH_SMALL=1) a short form on ~2k orders for CI (< 90 s)
 *
 * Options: --keep (keep the generated data folders, e.g. for EXPLAIN ANALYZE),
 * --dist DIR / BENCH_DIST (size and serve this built SPA instead of building the current source),
 * --strict (exit 1 when a budget fails),
 * BENCH_NOW=ISO (the seed clock; default today 14:30 Shanghai, or yesterday's before then).
 *
 * Builds our SPA and the floor app (a bare react-admin app, scripts/bench/floor/) with Vite into a
 * temp folder while it generates the same deterministic demo branch into the embedded PostgreSQL (our server) and
 * a db.json (stock json-server 0.17), starts both servers as child processes on 127.0.0.1,
 * measures from this process with a warm-up, several runs and a few concurrent clients, times
 * the first rendered orders list of both SPAs in headless Chromium, prints one summary table
 * with the budgets and writes the raw figures to bench-results/<timestamp>.json.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { shanghaiDate } from '../../src/domain/calendar';
import { benchFirstRender, type BrowserResult } from './browser';
import { buildInChild, type Built } from './build';
import { initialJsSize, type BundleSize } from './bundle';
import { explainReads, planSummary, type Plan as QueryPlan } from './explain';
import { expectedOrders, generateBranch, reuseBranch, type Branch, type BranchSpec } from './data';
import type { Plan, Stats } from './measure';
import { BUDGETS, judge, table, type Judged, type Row } from './report';
import {
  benchOurs,
  benchStock,
  INBOX_USER,
  REPORTS_USER,
  reportPaths,
  SCENARIOS,
  type Measured,
  type Plans,
  type ScenarioId,
} from './scenarios';
import { benchReplay, type ReplayId } from './replay';
import { memoryOf, startOurs, startReplay, startStock, type RunningServer } from './servers';

const argv = process.argv.slice(2);
const SMALL = argv.includes('--small') || process.env.BENCH_SMALL === '1';
const KEEP = argv.includes('--keep');
const STRICT = argv.includes('--strict');
const distArg = argv.indexOf('--dist');
/** a built SPA to size and serve instead of building the current source */
const DIST_OVERRIDE =
  distArg >= 0 ? resolve(argv[distArg + 1]) : process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : undefined;
/** `--reuse label=DIR` (repeatable): copy a kept run's generated data for that size instead of generating it */
const REUSE = new Map(
  argv
    .flatMap((a, i) => (argv[i - 1] === '--reuse' ? [a.split('=') as [string, string]] : []))
    .map(([label, dir]) => [label, resolve(dir)]),
);
const SEED = 20_260_101;

const t0 = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);

/** the seed clock: today 14:30 in Shanghai if that has passed, else the day before — same data all day */
function benchNow(): Date {
  if (process.env.BENCH_NOW) return new Date(process.env.BENCH_NOW);
  const real = new Date();
  const at = (d: string) => new Date(`${d}T14:30:00+08:00`);
  const today = at(shanghaiDate(real));
  return today.getTime() <= real.getTime() ? today : new Date(today.getTime() - 86_400_000);
}

const plan = (warmup: number, runs: number, perRun: number, concurrency: number, maxSeconds: number): Plan => ({
  warmup,
  runs,
  perRun,
  concurrency,
  maxSeconds,
});

const PLANS: Plans = SMALL
  ? {
      read: plan(3, 3, 16, 4, 20),
      read1: plan(1, 1, 10, 1, 10),
      write: plan(2, 2, 10, 4, 20),
      write1: plan(1, 1, 8, 1, 10),
      stockRead: plan(1, 2, 8, 4, 20),
      stockWrite: plan(1, 2, 5, 4, 20),
    }
  : {
      read: plan(10, 5, 40, 4, 120),
      read1: plan(3, 1, 40, 1, 60),
      write: plan(5, 3, 30, 4, 120),
      write1: plan(2, 1, 30, 1, 60),
      stockRead: plan(2, 3, 12, 4, 300),
      stockWrite: plan(1, 3, 8, 4, 300),
    };
const STARTS = SMALL ? 1 : 3;
/** the first-render measurement in Chromium: cold runs of each app (alternating) after a warm-up of each */
const BROWSER = SMALL ? { warmup: 1, runs: 3 } : { warmup: 1, runs: 7 };
const BROWSER_USER = 'csmanager';

const now = benchNow();
const REPORTS = reportPaths(now);
const SPECS: BranchSpec[] = SMALL
  ? [{ label: '2k', customers: 200, days: 7, perWorkingDay: 400, seed: SEED, now }]
  : [
      { label: '10k', customers: 800, days: 30, perWorkingDay: 480, seed: SEED, now },
      { label: 'year', customers: 800, days: 365, perWorkingDay: 480, seed: SEED, now },
    ];

interface ServerFacts {
  startsMs: number[];
  startMedianMs: number;
  idle: ReturnType<typeof memoryOf>;
  afterRun: ReturnType<typeof memoryOf>;
  /** the server died during the run, or the phase failed: why */
  failure?: string;
}

const emptyFacts = (failure: string): ServerFacts => ({
  startsMs: [],
  startMedianMs: NaN,
  idle: null,
  afterRun: null,
  failure,
});

/**
 * start a server (several times, for the start-up time), bench it, read its memory, run `after`
 * (not in the memory figure), stop it; a failure is recorded
 */
async function phase<T, A = never>(
  start: () => Promise<RunningServer>,
  what: string,
  bench: (s: RunningServer) => Promise<T>,
  after?: (s: RunningServer) => Promise<A>,
): Promise<{ facts: ServerFacts; result?: T; afterResult?: A }> {
  let started: { server: RunningServer; starts: number[] };
  try {
    started = await startRepeatedly(start, what);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    log(`  ${what}: FAILED to start — ${msg.slice(0, 500)}`);
    return { facts: emptyFacts(`did not start: ${msg.slice(0, 1000)}`) };
  }
  const { server, starts } = started;
  const idle = memoryOf(server.pid);
  let result: T | undefined;
  let failure: string | undefined;
  try {
    result = await bench(server);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
    log(`  ${what}: FAILED — ${failure.slice(0, 500)}`);
  }
  const afterRun = memoryOf(server.pid);
  await sleep(300); // let a crash's exit event arrive before asking
  const died = server.dead();
  if (died) log(`  ${what}: ${died}`);
  let afterResult: A | undefined;
  if (after && !died) afterResult = await after(server);
  await server.stop();
  return {
    facts: { startsMs: starts, startMedianMs: median(starts), idle, afterRun, failure: died ?? failure },
    result,
    afterResult,
  };
}

interface SizeResult {
  branch: Omit<Branch, 'spec'> & { spec: Omit<BranchSpec, 'now'> & { now: string } };
  ours: Partial<Record<ScenarioId, Measured>>;
  stock: Partial<Record<ScenarioId, Measured>>;
  /** (a)–(c) from the no-work server: the round trip alone (replay.ts) */
  replay: Partial<Record<ReplayId, Measured>>;
  server: { ours: ServerFacts; stock: ServerFacts };
  /** first rendered orders list in Chromium, ours and the floor app (the size the browser runs on) */
  browser?: BrowserResult;
  /** EXPLAIN ANALYZE of the list queries on this data, after the bench (full mode) */
  plans?: QueryPlan[];
  seconds: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** start a server several times (start-up time), keep the last one running */
async function startRepeatedly(
  start: () => Promise<RunningServer>,
  what: string,
): Promise<{ server: RunningServer; starts: number[] }> {
  const starts: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const s = await start();
    starts.push(s.startMs);
    log(`  ${what} started in ${s.startMs.toFixed(0)} ms (pid ${s.pid})`);
    if (i < STARTS - 1) await s.stop();
    else return { server: s, starts };
  }
  throw new Error('unreachable');
}

/** the built apps: ours (built now, or --dist) and the floor app, and one folder serving both (ours at /, the floor at /floor/) */
interface Site {
  ours: { dir: string; built?: Built; size: BundleSize | null };
  floor: { dir: string; built: Built; size: BundleSize | null };
  /** STATIC_DIR for our server, or undefined when a build failed */
  served?: string;
  failure?: string;
}

async function buildSite(root: string): Promise<Site> {
  const oursDir = DIST_OVERRIDE ?? join(root, 'ours');
  const floorDir = join(root, 'floor');
  log(
    `building ${DIST_OVERRIDE ? '' : `our SPA (vite build → ${oursDir}) and `}the floor app (scripts/bench/floor → ${floorDir}) in child processes…`,
  );
  const [oursBuilt, floorBuilt] = await Promise.all([
    DIST_OVERRIDE ? Promise.resolve(undefined) : buildInChild('ours', oursDir),
    buildInChild('floor', floorDir),
  ]);
  for (const b of [oursBuilt, floorBuilt])
    if (b) log(`  ${b.app}: ${b.failure ? `BUILD FAILED — ${b.failure}` : `built in ${b.seconds.toFixed(0)} s`}`);
  const oursOk = !oursBuilt?.failure && existsSync(join(oursDir, 'index.html'));
  const floorOk = !floorBuilt.failure && existsSync(join(floorDir, 'index.html'));
  const site: Site = {
    ours: { dir: oursDir, built: oursBuilt, size: null },
    floor: { dir: floorDir, built: floorBuilt, size: null },
  };
  try {
    if (oursOk) site.ours.size = initialJsSize(oursDir);
    if (floorOk) site.floor.size = initialJsSize(floorDir);
    if (oursOk && floorOk) {
      const served = join(root, 'site');
      cpSync(oursDir, served, { recursive: true });
      cpSync(floorDir, join(served, 'floor'), { recursive: true });
      site.served = served;
    } else {
      site.failure = [
        !oursOk && (oursBuilt?.failure ?? `no ${oursDir}/index.html`),
        !floorOk && (floorBuilt.failure ?? `no ${floorDir}/index.html`),
      ]
        .filter(Boolean)
        .join('; ');
    }
  } catch (e) {
    site.served = undefined;
    site.failure = `preparing the served folder: ${e instanceof Error ? e.message : String(e)}`;
  }
  return site;
}

async function benchSize(spec: BranchSpec, siteReady: Promise<Site>, browse: boolean): Promise<SizeResult> {
  const ts = Date.now();
  const root = mkdtempSync(join(tmpdir(), `baoyi-bench-${spec.label}-`));
  chmodSync(root, 0o755); // as root, the embedded PostgreSQL runs as the user postgres, who must reach root/pg
  try {
    const reuse = REUSE.get(spec.label);
    if (!reuse)
      log(
        `${spec.label}: generating ~${expectedOrders(spec).toLocaleString('en')} orders, ${spec.customers} customers, ${spec.days} days (seed ${spec.seed}, now ${now.toISOString()}) in ${root}`,
      );
    const branch = reuse ? reuseBranch(reuse, root, spec, log) : await generateBranch(root, spec, log);
    log(
      `${spec.label}: ${JSON.stringify(branch.counts)}; PostgreSQL and db.json match (fingerprint ${branch.fingerprint})`,
    );

    // the builds run alongside the data generation, never alongside a measurement
    const site = await siteReady;
    const staticDir = browse ? site.served : undefined;
    const firstRender = async (srv: RunningServer): Promise<BrowserResult> => {
      log(
        `${spec.label}: first rendered orders list in Chromium, ours (/) and the floor app (/floor/), ${BROWSER.runs} cold runs each after ${BROWSER.warmup} warm-up…`,
      );
      try {
        return await benchFirstRender(srv.base, { user: BROWSER_USER, ...BROWSER, siteDir: staticDir }, log);
      } catch (e) {
        const failure = e instanceof Error ? e.message : String(e);
        log(`  browser: FAILED — ${failure.slice(0, 500)}`);
        return { chromium: '', user: BROWSER_USER, ...BROWSER, failure };
      }
    };
    const oursPhase = await phase(
      () => startOurs(branch.pgDataDir, staticDir),
      `${spec.label}: our server`,
      (srv) => benchOurs(srv.base, PLANS, REPORTS, srv.dead, log),
      staticDir ? firstRender : undefined,
    );
    const ours = oursPhase.result ?? { results: {}, orderTemplate: {}, pages: {} };
    const pagesFile = join(root, 'replay-pages.json');
    writeFileSync(pagesFile, JSON.stringify(ours.pages));
    const replay = Object.keys(ours.pages).length
      ? ((
          await phase(
            () => startReplay(pagesFile),
            `${spec.label}: no-work server (our answers replayed)`,
            (srv) => benchReplay(srv.base, PLANS, ours.pages, srv.dead, log),
          )
        ).result ?? {})
      : {};
    const browser: BrowserResult | undefined = !browse
      ? undefined
      : (oursPhase.afterResult ?? {
          chromium: '',
          user: BROWSER_USER,
          ...BROWSER,
          failure: site.failure
            ? `not built: ${site.failure}`
            : `our server: ${oursPhase.facts.failure ?? 'did not run'}`,
        });
    const stockPhase = Object.keys(ours.orderTemplate).length
      ? await phase(
          () => startStock(branch.jsonFile),
          `${spec.label}: stock json-server 0.17`,
          (srv) => benchStock(srv.base, PLANS, ours.orderTemplate, srv.dead, log),
        )
      : { facts: emptyFacts('skipped: no order body from our server'), result: undefined };
    const stock = stockPhase.result ?? {};
    for (const id of ['a', 'b'] as const) {
      if (ours.results[id]?.total !== stock[id]?.total)
        log(`  note: (${id}) matches ${ours.results[id]?.total} rows on ours, ${stock[id]?.total} on stock`);
    }
    let plans: QueryPlan[] | undefined;
    if (!SMALL) {
      log(`${spec.label}: EXPLAIN ANALYZE of the list queries (servers stopped)…`);
      plans = await explainReads(branch.pgDataDir);
    }
    return {
      branch: { ...branch, spec: { ...spec, now: spec.now.toISOString() } },
      ours: ours.results,
      stock,
      replay,
      browser,
      plans,
      server: { ours: oursPhase.facts, stock: stockPhase.facts },
      seconds: (Date.now() - ts) / 1000,
    };
  } finally {
    if (KEEP) log(`  kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function rowsFor(sizes: SizeResult[], site: Site): Row[] {
  const rows: Row[] = [];
  const base = sizes.length > 1 ? sizes[0] : undefined;
  for (const id of Object.keys(SCENARIOS) as ScenarioId[]) {
    for (const s of sizes) {
      const label = s.branch.spec.label;
      const m = s.ours[id];
      if (!m) continue;
      const baseline: Stats | undefined = base && s !== base ? base.ours[id]?.stats : undefined;
      const stockDied =
        s.stock[id] && s.server.stock.failure && s.stock[id]!.stats.errors > 0
          ? `stock: ${s.server.stock.failure.slice(0, 120)}`
          : undefined;
      rows.push({
        scenario: SCENARIOS[id].title,
        id,
        data: label,
        kind: SCENARIOS[id].kind,
        ours: m.stats,
        single: m.single,
        stock: s.stock[id]?.stats,
        replay: s.replay[id as ReplayId]?.stats,
        baseline,
        small: SMALL,
        note: stockDied ?? m.note,
      });
    }
  }
  for (const s of sizes) {
    const o = s.server.ours;
    const k = s.server.stock;
    const failed = [o.failure && `ours: ${o.failure.slice(0, 80)}`, k.failure && `stock: ${k.failure.slice(0, 80)}`]
      .filter(Boolean)
      .join('; ');
    rows.push({
      scenario: '(i) start (spawn → ready)',
      data: s.branch.spec.label,
      kind: 'info',
      values: { ours: o.startMedianMs, stock: k.startMedianMs, unit: 'ms' },
      note: `median of ${o.startsMs.length}/${k.startsMs.length}`,
    });
    rows.push({
      scenario: '(i) RSS after the run',
      data: s.branch.spec.label,
      kind: 'info',
      values: { ours: o.afterRun?.rssMB, stock: k.afterRun?.rssMB, unit: 'MB' },
      note: `peak ${o.afterRun?.peakMB.toFixed(0) ?? '—'} / ${k.afterRun?.peakMB.toFixed(0) ?? '—'} MB${failed ? ` — ${failed}` : ''}`,
    });
  }
  for (const s of sizes) {
    const b = s.browser;
    if (!b) continue;
    const label = s.branch.spec.label;
    const title = '(j) first orders list, Chromium';
    if (!b.ours || !b.floor) {
      rows.push({ scenario: title, data: label, kind: 'info', note: `n/a (${b.failure ?? 'not measured'})` });
      continue;
    }
    const measured = (r: NonNullable<BrowserResult['ours']>) => r.stats.n > 0 && Number.isFinite(r.stats.median);
    const errs = (r: NonNullable<BrowserResult['ours']>) =>
      r.errors.length ? `${r.errors.length} failed: ${r.errors[0].slice(0, 100)}…` : '';
    const js = (r: NonNullable<BrowserResult['ours']>) =>
      r.jsBeforeRow
        ? `JS loaded by then: ${r.jsBeforeRow.files} files, ${(r.jsBeforeRow.gzip / 1024).toFixed(0)} kB gzip`
        : '';
    rows.push({
      scenario: title,
      data: label,
      kind: 'info',
      ours: b.ours.stats,
      ...(measured(b.floor)
        ? {
            floor: {
              ours: measured(b.ours) ? b.ours.stats.median : NaN,
              floor: b.floor.stats.median,
              max: BUDGETS.floor.firstRender,
            },
          }
        : {}),
      note: [js(b.ours), errs(b.ours), measured(b.floor) ? '' : `floor not measured: ${errs(b.floor)}`]
        .filter(Boolean)
        .join(' · '),
    });
    rows.push({
      scenario: '(j) floor app: same',
      data: label,
      kind: 'info',
      ours: b.floor.stats,
      note: [js(b.floor), errs(b.floor)].filter(Boolean).join(' · '),
    });
  }
  const jsNote = (x: BundleSize) =>
    `${x.files.length} files, ${(x.bytes / 1024).toFixed(0)} kB raw, ${(x.gzip9 / 1024).toFixed(1)} kB at gzip -9`;
  const o = site.ours.size;
  const f = site.floor.size;
  rows.push({
    scenario: 'SPA initial JS (gzip)',
    data: '',
    kind: 'info',
    ...(o ? { values: { ours: o.gzip / 1024, unit: 'kB' } } : {}),
    ...(o && f ? { floor: { ours: o.gzip, floor: f.gzip, max: BUDGETS.floor.initialJs } } : {}),
    note: o
      ? `${jsNote(o)}${DIST_OVERRIDE ? ` (--dist ${DIST_OVERRIDE})` : ''}`
      : `n/a (${site.ours.built?.failure ?? `no ${site.ours.dir}/index.html`})`,
  });
  rows.push({
    scenario: 'floor app initial JS (gzip)',
    data: '',
    kind: 'info',
    ...(f ? { values: { ours: f.gzip / 1024, unit: 'kB' } } : {}),
    note: f
      ? `${jsNote(f)}; bare react-admin: Admin + ra-data-simple-rest + ListGuesser`
      : `n/a (${site.floor.built.failure ?? 'not built'})`,
  });
  return rows;
}

async function main() {
  const cpuCount = cpus().length;
  const load0 = loadavg();
  const loads: number[] = [load0[0]];
  const sampler = setInterval(() => loads.push(loadavg()[0]), 5000);
  sampler.unref();
  log(
    `bench (${SMALL ? 'small' : 'full'}): ${cpuCount} cores, load ${load0.map((x) => x.toFixed(2)).join(' ')}; ${PLANS.read.concurrency} concurrent clients, keep-alive over 127.0.0.1`,
  );
  const webRoot = mkdtempSync(join(tmpdir(), 'baoyi-bench-web-'));
  const siteReady = buildSite(webRoot);
  const sizes: SizeResult[] = [];
  let site: Site;
  try {
    for (const spec of SPECS) sizes.push(await benchSize(spec, siteReady, spec === SPECS.at(-1)));
    site = await siteReady;
  } finally {
    await siteReady.catch(() => undefined);
    if (KEEP) log(`  kept ${webRoot}`);
    else rmSync(webRoot, { recursive: true, force: true });
  }
  // 5. the load run (full bench only: CI runs a short one of its own)
  const loadRow = SMALL ? null : await runLoad();
  const judged: Judged[] = [...rowsFor(sizes, site), ...(loadRow ? [loadRow] : [])].map(judge);

  clearInterval(sampler);
  const totalSeconds = (Date.now() - t0) / 1000;
  const sortedLoads = [...loads].sort((a, b) => a - b);
  const loadText = `1-min load during the run: min ${sortedLoads[0].toFixed(1)}, median ${median(loads).toFixed(1)}, max ${sortedLoads.at(-1)!.toFixed(1)} (other processes share the ${cpuCount} cores)`;
  const fails = judged.flatMap((j) =>
    j.checks.filter((c) => c.pass === false).map((c) => `${j.scenario} [${j.data}] ${c.name}`),
  );
  const header = [
    `Baoyi Service Desk bench (${SMALL ? 'small' : 'full'}) — ${new Date().toISOString()}, ${cpuCount} cores, ${totalSeconds.toFixed(0)} s`,
    `  ${loadText}`,
    ...sizes.map(
      (s) =>
        `  ${s.branch.spec.label}: ${s.branch.counts.orders.toLocaleString('en')} orders, ${s.branch.counts.customers} customers, ${s.branch.counts.products} products; db.json ${(s.branch.jsonBytes / 1e6).toFixed(0)} MB; generated in ${(s.branch.seconds.pg + s.branch.seconds.json).toFixed(0)} s (PostgreSQL ${s.branch.seconds.pg.toFixed(0)} s, json ${s.branch.seconds.json.toFixed(0)} s)${s.branch.reusedFrom ? ` — reused (copied) from ${s.branch.reusedFrom}` : ''}`,
    ),
    `  ms; ours: ${PLANS.read.concurrency} clients, reads ${PLANS.read.runs}×${PLANS.read.perRun} after ${PLANS.read.warmup} warm-up, writes ${PLANS.write.runs}×${PLANS.write.perRun}; "p95 1 cl." = one client alone; stock: ${PLANS.stockRead.concurrency} clients, ${PLANS.stockRead.runs}×${PLANS.stockRead.perRun} reads, ${PLANS.stockWrite.runs}×${PLANS.stockWrite.perRun} writes`,
  ];
  const chromiumVersion = sizes.find((s) => s.browser?.version)?.browser?.version;
  const legend = [
    `budgets (our server on the embedded PostgreSQL, fsync on): 1. one client alone: reads p95 ≤ ${BUDGETS.readP95} ms, writes p95 ≤ ${BUDGETS.writeP95} ms · 2. ${PLANS.read.concurrency} clients: p95 of (a)–(c) ≤ ${BUDGETS.capacity}× the no-work server's · 3. stock/ours ≥ ${BUDGETS.ceilingShare}× stock/no-work on (a)–(c), ≥ ${BUDGETS.ratio}× on ${BUDGETS.ratioRows.map((r) => `(${r})`).join(', ')} · 4. growth (p95 ${SPECS.length > 1 ? `${SPECS[0].label} → ${SPECS.at(-1)!.label}` : 'first → last size; n/a on one size'}) ≤ ${BUDGETS.growth}× · 5. (k) npm run load, 50 users × 60 s: zero 5xx, nothing lost, p95 ≤ ${BUDGETS.loadP95} ms · vs the floor app: initial JS ≤ ${BUDGETS.floor.initialJs}×, first orders list (median) ≤ ${BUDGETS.floor.firstRender}×`,
    `stock/ours = the smaller of the median and the p95 ratio. n* = cut short (time cap, errors or a dead server: see the log and the JSON).`,
    `no-work = a server that does nothing but send our recorded answer to (a)–(c) (scripts/bench/replay.ts), timed by the same clients: the round trip alone; stock/no-work = the largest stock/ours any server could show on this machine by this measure.`,
    `(e) GET /api/myWork as ${INBOX_USER} (the home page's inbox). (f1)–(f5) as ${REPORTS_USER}, as the dashboard pages ask: ${Object.values(REPORTS).join(' ')}`,
    `(j) headless Chromium${chromiumVersion ? ` ${chromiumVersion}` : ''}, logged in as ${BROWSER_USER} (token in localStorage), cold (new context, empty cache): navigation start → the frame that paints the first row of /#/orders; ${BROWSER.runs} runs each, alternating, after ${BROWSER.warmup} warm-up; "ours p95" = the slowest at this n.`,
    `floor app = scripts/bench/floor/ (bare react-admin: Admin + ra-data-simple-rest + ListGuesser for orders), built by the same Vite, served at /floor/ by the same server, same API and data.`,
    SMALL ? 'small data: speed ratios and growth are not judged.' : '',
    fails.length ? `FAIL: ${fails.length} — ${fails.join('; ')}` : 'all budgets PASS',
  ].filter(Boolean);
  const explained = sizes.filter((s) => s.plans?.length);
  const where = explained.flatMap((s) => [
    `where the time goes in PostgreSQL (${s.branch.spec.label}, EXPLAIN ANALYZE, one query alone):`,
    ...s.plans!.map((p) => '  ' + planSummary(p)),
  ]);
  const text = [...header, '', table(judged), '', ...legend, ...(where.length ? ['', ...where] : [])].join('\n');
  console.log('\n' + text);

  mkdirSync('bench-results', { recursive: true });
  const file = join('bench-results', `${new Date().toISOString().replace(/[:.]/g, '-')}${SMALL ? '-small' : ''}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        mode: SMALL ? 'small' : 'full',
        at: new Date().toISOString(),
        node: process.version,
        cpus: cpuCount,
        loadavg: { start: load0, end: loadavg(), samples1min: loads },
        seconds: totalSeconds,
        budgets: BUDGETS,
        plans: PLANS,
        starts: STARTS,
        reports: REPORTS,
        browserPlan: BROWSER,
        sizes,
        bundle: site.ours.size,
        floorBundle: site.floor.size,
        builds: { ours: site.ours.built ?? { dist: DIST_OVERRIDE }, floor: site.floor.built },
        rows: judged,
        fails,
        table: text,
      },
      null,
      2,
    ),
  );
  console.log(`\nraw figures: ${file}`);
  if (STRICT && fails.length) process.exitCode = 1;
}

/** budget 5: `npm run load` with 50 users for 60 s on a fresh server (scripts/load), its JSON read back */
async function runLoad(): Promise<Row> {
  const title = '(k) npm run load, 50 users × 60 s';
  log('load: npm run load -- --users 50 --seconds 60 …');
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/load/run.ts', '--users', '50', '--seconds', '60'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (b: Buffer) => void (out = (out + b.toString()).slice(-20_000)));
  child.stderr!.on('data', (b: Buffer) => void (out = (out + b.toString()).slice(-20_000)));
  await new Promise<void>((r) => child.once('exit', () => r()));
  const file = /raw numbers: (\S+\.json)/.exec(out)?.[1];
  if (!file || !existsSync(file))
    return {
      scenario: title,
      data: '',
      kind: 'info',
      note: `n/a (the load run failed: ${out.trim().split('\n').slice(-3).join(' / ').slice(0, 300)})`,
    };
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    all: { count: number; p95: number; server5xx: number; transport: number };
    verification: { lost?: string[]; duplicated?: string[] };
    pass: boolean;
    machine: { loadavgBefore: number[] };
  };
  log(
    `  load: ${r.all.count} requests, p95 ${r.all.p95} ms, ${r.all.server5xx} 5xx, ${r.pass ? 'PASS' : 'FAIL'} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  return {
    scenario: title,
    data: 'load',
    kind: 'info',
    values: { ours: r.all.p95, unit: 'ms p95' },
    load: {
      requests: r.all.count,
      p95: r.all.p95,
      server5xx: r.all.server5xx,
      transport: r.all.transport,
      lost: (r.verification.lost?.length ?? 0) + (r.verification.duplicated?.length ?? 0),
      pass: r.pass,
    },
    note: `machine load ${r.machine.loadavgBefore[0].toFixed(1)} at its start; ${file}`,
  };
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
