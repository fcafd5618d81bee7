/**
 * npm run bench              the full bench: a 10k-order branch and a year (~120k orders)
 * npm run bench -- --small   (or BENCH_SMALL=1) a short form on ~2k orders for CI (< 60 s)
 *
 * Options: --keep (keep the generated data folders, e.g. for EXPLAIN ANALYZE),
 * --dist DIR / BENCH_DIST (the built SPA, default dist/), --strict (exit 1 when a budget fails),
 * BENCH_NOW=ISO (the seed clock; default today 14:30 Shanghai, or yesterday's before then).
 *
 * Generates the same deterministic demo branch into PGlite (our server) and a db.json (stock
 * json-server 0.17), starts both as child processes on 127.0.0.1, measures from this process
 * with a warm-up, several runs and a few concurrent clients, prints one summary table with the
 * budgets and writes the raw figures to bench-results/<timestamp>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { shanghaiDate } from '../../src/domain/calendar';
import { initialJsSize } from './bundle';
import { explainReads, planSummary, type Plan as QueryPlan } from './explain';
import { expectedOrders, generateBranch, type Branch, type BranchSpec } from './data';
import type { Plan, Stats } from './measure';
import { BUDGETS, judge, table, type Judged, type Row } from './report';
import { benchOurs, benchStock, SCENARIOS, type Measured, type Plans, type ScenarioId } from './scenarios';
import { memoryOf, startOurs, startStock, type RunningServer } from './servers';

const argv = process.argv.slice(2);
const SMALL = argv.includes('--small') || process.env.BENCH_SMALL === '1';
const KEEP = argv.includes('--keep');
const STRICT = argv.includes('--strict');
const distArg = argv.indexOf('--dist');
const DIST = resolve(distArg >= 0 ? argv[distArg + 1] : process.env.BENCH_DIST || 'dist');
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

const plan = (warmup: number, runs: number, perRun: number, concurrency: number, maxSeconds: number): Plan => ({ warmup, runs, perRun, concurrency, maxSeconds });

const PLANS: Plans = SMALL
  ? { read: plan(3, 3, 16, 4, 20), read1: plan(1, 1, 10, 1, 10), write: plan(2, 2, 10, 4, 20), write1: plan(1, 1, 8, 1, 10), stockRead: plan(1, 2, 8, 4, 20), stockWrite: plan(1, 2, 5, 4, 20) }
  : { read: plan(10, 5, 40, 4, 120), read1: plan(3, 1, 40, 1, 60), write: plan(5, 3, 30, 4, 120), write1: plan(2, 1, 30, 1, 60), stockRead: plan(2, 3, 12, 4, 300), stockWrite: plan(1, 3, 8, 4, 300) };
const STARTS = SMALL ? 1 : 3;

const now = benchNow();
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

const emptyFacts = (failure: string): ServerFacts => ({ startsMs: [], startMedianMs: NaN, idle: null, afterRun: null, failure });

/** start a server (several times, for the start-up time), bench it, read its memory, stop it; a failure is recorded */
async function phase<T>(start: () => Promise<RunningServer>, what: string, bench: (s: RunningServer) => Promise<T>): Promise<{ facts: ServerFacts; result?: T }> {
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
  await server.stop();
  return { facts: { startsMs: starts, startMedianMs: median(starts), idle, afterRun, failure: died ?? failure }, result };
}

interface SizeResult {
  branch: Omit<Branch, 'spec'> & { spec: Omit<BranchSpec, 'now'> & { now: string } };
  ours: Partial<Record<ScenarioId, Measured>>;
  stock: Partial<Record<ScenarioId, Measured>>;
  reportStatus: number;
  server: { ours: ServerFacts; stock: ServerFacts };
  /** EXPLAIN ANALYZE of the list queries on this data, after the bench (full mode) */
  plans?: QueryPlan[];
  seconds: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** start a server several times (start-up time), keep the last one running */
async function startRepeatedly(start: () => Promise<RunningServer>, what: string): Promise<{ server: RunningServer; starts: number[] }> {
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

async function benchSize(spec: BranchSpec): Promise<SizeResult> {
  const ts = Date.now();
  const root = mkdtempSync(join(tmpdir(), `baoyi-bench-${spec.label}-`));
  try {
    log(`${spec.label}: generating ~${expectedOrders(spec).toLocaleString('en')} orders, ${spec.customers} customers, ${spec.days} days (seed ${spec.seed}, now ${now.toISOString()}) in ${root}`);
    const branch = await generateBranch(root, spec, log);
    log(`${spec.label}: ${JSON.stringify(branch.counts)}; PGlite and db.json match (fingerprint ${branch.fingerprint})`);

    const oursPhase = await phase(() => startOurs(branch.pgDataDir), `${spec.label}: our server`, (srv) => benchOurs(srv.base, PLANS, shanghaiDate(now), srv.dead, log));
    const ours = oursPhase.result ?? { results: {}, orderTemplate: {}, reportStatus: 0 };
    const stockPhase = Object.keys(ours.orderTemplate).length
      ? await phase(() => startStock(branch.jsonFile), `${spec.label}: stock json-server 0.17`, (srv) => benchStock(srv.base, PLANS, ours.orderTemplate, srv.dead, log))
      : { facts: emptyFacts('skipped: no order body from our server'), result: undefined };
    const stock = stockPhase.result ?? {};
    for (const id of ['a', 'b'] as const) {
      if (ours.results[id]?.total !== stock[id]?.total) log(`  note: (${id}) matches ${ours.results[id]?.total} rows on ours, ${stock[id]?.total} on stock`);
    }
    let plans: QueryPlan[] | undefined;
    if (!SMALL) {
      log(`${spec.label}: EXPLAIN ANALYZE of the list queries (servers stopped)…`);
      plans = await explainReads(join(branch.pgDataDir, 'pglite'));
    }
    return {
      branch: { ...branch, spec: { ...spec, now: spec.now.toISOString() } },
      ours: ours.results,
      stock,
      reportStatus: ours.reportStatus,
      plans,
      server: { ours: oursPhase.facts, stock: stockPhase.facts },
      seconds: (Date.now() - ts) / 1000,
    };
  } finally {
    if (KEEP) log(`  kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function rowsFor(sizes: SizeResult[]): Row[] {
  const rows: Row[] = [];
  const base = sizes.length > 1 ? sizes[0] : undefined;
  for (const id of Object.keys(SCENARIOS) as ScenarioId[]) {
    for (const s of sizes) {
      const label = s.branch.spec.label;
      const m = s.ours[id];
      if (id === 'f' && !m) {
        rows.push({ scenario: SCENARIOS.f.title, data: label, kind: 'info', note: `n/a (not built: HTTP ${s.reportStatus})` });
        continue;
      }
      if (!m) continue;
      const baseline: Stats | undefined = base && s !== base ? base.ours[id]?.stats : undefined;
      const stockDied = s.stock[id] && s.server.stock.failure && s.stock[id]!.stats.errors > 0 ? `stock: ${s.server.stock.failure.slice(0, 120)}` : undefined;
      rows.push({
        scenario: SCENARIOS[id].title + (id === 'e' ? ' †' : ''),
        data: label,
        kind: SCENARIOS[id].kind,
        ours: m.stats,
        single: m.single,
        stock: s.stock[id]?.stats,
        baseline,
        small: SMALL,
        note: stockDied,
      });
    }
  }
  for (const s of sizes) {
    const o = s.server.ours;
    const k = s.server.stock;
    const failed = [o.failure && `ours: ${o.failure.slice(0, 80)}`, k.failure && `stock: ${k.failure.slice(0, 80)}`].filter(Boolean).join('; ');
    rows.push({ scenario: '(i) start (spawn → ready)', data: s.branch.spec.label, kind: 'info', values: { ours: o.startMedianMs, stock: k.startMedianMs, unit: 'ms' }, note: `median of ${o.startsMs.length}/${k.startsMs.length}` });
    rows.push({
      scenario: '(i) RSS after the run',
      data: s.branch.spec.label,
      kind: 'info',
      values: { ours: o.afterRun?.rssMB, stock: k.afterRun?.rssMB, unit: 'MB' },
      note: `peak ${o.afterRun?.peakMB.toFixed(0) ?? '—'} / ${k.afterRun?.peakMB.toFixed(0) ?? '—'} MB${failed ? ` — ${failed}` : ''}`,
    });
  }
  return rows;
}

async function main() {
  const cpuCount = cpus().length;
  const load0 = loadavg();
  const loads: number[] = [load0[0]];
  const sampler = setInterval(() => loads.push(loadavg()[0]), 5000);
  sampler.unref();
  log(`bench (${SMALL ? 'small' : 'full'}): ${cpuCount} cores, load ${load0.map((x) => x.toFixed(2)).join(' ')}; ${PLANS.read.concurrency} concurrent clients, keep-alive over 127.0.0.1`);
  const sizes: SizeResult[] = [];
  for (const spec of SPECS) sizes.push(await benchSize(spec));

  const bundle = initialJsSize(DIST);
  const judged: Judged[] = rowsFor(sizes).map(judge);
  judged.push(
    judge({
      scenario: 'SPA initial JS (gzip)',
      data: '',
      kind: 'info',
      ...(bundle ? { values: { ours: bundle.gzip / 1024, unit: 'kB' }, note: `${bundle.files.length} files, ${(bundle.bytes / 1024).toFixed(0)} kB raw, ${(bundle.gzip9 / 1024).toFixed(1)} kB at gzip -9` } : { note: `n/a (no ${DIST}/index.html: run npx vite build)` }),
    }),
  );

  clearInterval(sampler);
  const totalSeconds = (Date.now() - t0) / 1000;
  const sortedLoads = [...loads].sort((a, b) => a - b);
  const loadText = `1-min load during the run: min ${sortedLoads[0].toFixed(1)}, median ${median(loads).toFixed(1)}, max ${sortedLoads.at(-1)!.toFixed(1)} (other processes share the ${cpuCount} cores)`;
  const fails = judged.flatMap((j) => j.checks.filter((c) => c.pass === false).map((c) => `${j.scenario} [${j.data}] ${c.name}`));
  const header = [
    `Baoyi Service Desk bench (${SMALL ? 'small' : 'full'}) — ${new Date().toISOString()}, ${cpuCount} cores, ${totalSeconds.toFixed(0)} s`,
    `  ${loadText}`,
    ...sizes.map((s) => `  ${s.branch.spec.label}: ${s.branch.counts.orders.toLocaleString('en')} orders, ${s.branch.counts.customers} customers, ${s.branch.counts.products} products; db.json ${(s.branch.jsonBytes / 1e6).toFixed(0)} MB; generated in ${(s.branch.seconds.pg + s.branch.seconds.json).toFixed(0)} s (PGlite ${s.branch.seconds.pg.toFixed(0)} s, json ${s.branch.seconds.json.toFixed(0)} s)`),
    `  ms; ours: ${PLANS.read.concurrency} clients, reads ${PLANS.read.runs}×${PLANS.read.perRun} after ${PLANS.read.warmup} warm-up, writes ${PLANS.write.runs}×${PLANS.write.perRun}; "p95 1 cl." = one client alone; stock: ${PLANS.stockRead.concurrency} clients, ${PLANS.stockRead.runs}×${PLANS.stockRead.perRun} reads, ${PLANS.stockWrite.runs}×${PLANS.stockWrite.perRun} writes`,
  ];
  const legend = [
    `budgets: reads #8 p95 ≤ ${BUDGETS.issue8.p95} ms and ≥ ${BUDGETS.issue8.ratio}× stock · #7 p95 ≤ ${BUDGETS.issue7.p95} ms and ≥ ${BUDGETS.issue7.ratio}× stock · writes p95 ≤ ${BUDGETS.writeP95} ms · growth (p95 ${SPECS.length > 1 ? `${SPECS[0].label} → ${SPECS.at(-1)!.label}` : 'first → last size; n/a on one size'}) ≤ ${BUDGETS.growth}×`,
    `stock/ours = the smaller of the median and the p95 ratio. n* = cut short (time cap, errors or a dead server: see the log and the JSON).`,
    `† (e) is the orders list filtered status=submitted as csmanager — the real inbox endpoint comes later.`,
    SMALL ? 'small data: speed ratios and growth are not judged.' : '',
    fails.length ? `FAIL: ${fails.length} — ${fails.join('; ')}` : 'all budgets PASS',
  ].filter(Boolean);
  const explained = sizes.filter((s) => s.plans?.length);
  const where = explained.flatMap((s) => [`where the time goes in PostgreSQL (${s.branch.spec.label}, EXPLAIN ANALYZE, one query alone):`, ...s.plans!.map((p) => '  ' + planSummary(p))]);
  const text = [...header, '', table(judged), '', ...legend, ...(where.length ? ['', ...where] : [])].join('\n');
  console.log('\n' + text);

  mkdirSync('bench-results', { recursive: true });
  const file = join('bench-results', `${new Date().toISOString().replace(/[:.]/g, '-')}${SMALL ? '-small' : ''}.json`);
  writeFileSync(
    file,
    JSON.stringify({ mode: SMALL ? 'small' : 'full', at: new Date().toISOString(), node: process.version, cpus: cpuCount, loadavg: { start: load0, end: loadavg(), samples1min: loads }, seconds: totalSeconds, budgets: BUDGETS, plans: PLANS, starts: STARTS, sizes, bundle, rows: judged, fails, table: text }, null, 2),
  );
  console.log(`\nraw figures: ${file}`);
  if (STRICT && fails.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
