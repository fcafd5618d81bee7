import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { shanghaiDate } from '../../src/domain/calendar';
import { login, q, Recorder, type Sample } from './http';
import { loginFlood } from './flood';
import { Ledger } from './ledger';
import { parseOptions, splitUsers } from './options';
import { byKind, printSummary } from './report';
import { startLoadServer, type LoadServer } from './server';
import { clerk, manager, reader, READER_USERNAMES, type Session, type World } from './users';
import { trimmed, verify, type VerifyResult } from './verify';

/**
 * `npm run load` — simulated users against a freshly seeded server on 127.0.0.1, then every
 * acknowledged write read back. Exit 1 on any 5xx, transport failure, or lost / duplicated /
 * unacknowledged write; the raw figures go to bench-results/load-<timestamp>.json.
 * See scripts/load/README.md.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CLERK_ACCOUNTS = [
  'assistant',
  'assistant2',
  'assistant3',
  'assistant4',
  'assistant5',
  'assistant6',
  'assistant7',
  'assistant8',
];

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  if (o.loginFlood) return loginFlood(o);
  const split = splitUsers(o.users);
  const loadBefore = loadavg();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  console.log(
    `load: ${o.users} users (${split.clerks} clerks, ${split.managers} managers, ${split.readers} readers) for ${o.seconds} s (ramp-up ${o.rampS} s), store ${o.store}, think ≈${o.thinkMs} ms; machine: ${cpus().length} cpus, load ${loadavg()[0].toFixed(1)}`,
  );
  console.log(`seeding a fresh server (${o.customers} customers, ${o.days} days, ${o.perDay} orders a working day)…`);
  let server: LoadServer | null = null;
  const watchdog = setTimeout(
    () => {
      console.error(`load: still running ${o.seconds + 600} s after the start — giving up`);
      process.exit(3); // the exit handler kills the server child
    },
    (o.seconds + 600 + 300) * 1000,
  );
  watchdog.unref();
  try {
    server = await startLoadServer(o);
    const srv = server;
    console.log(
      `server pid ${srv.pid} on ${srv.url}, ready in ${(srv.startMs / 1000).toFixed(1)} s (data: ${srv.dataDir})`,
    );

    // the data the users pick from: SMB cash customers (catalog prices, 6.2.2) and catalog products
    const { api: admin } = await login(srv.url, null, 'admin');
    const cust = await admin.get(
      'setup',
      '/customers' + q({ filter: { tier: 'smb', settlement: 'cash', active: true }, range: [0, 199] }),
    );
    const prod = await admin.get(
      'setup',
      '/products' + q({ filter: { active: true, catalog: true }, range: [0, 199] }),
    );
    if (cust.status !== 200 || prod.status !== 200)
      throw new Error(`setup: customers ${cust.status}, products ${prod.status}`);
    const customers = (cust.body as { id: number; name: string }[]).map((c) => ({
      id: Number(c.id),
      name: String(c.name ?? ''),
    }));
    const products = (prod.body as { id: number; catalogPrice: unknown }[])
      .filter((p) => typeof p.catalogPrice === 'number' && p.catalogPrice > 0)
      .map((p) => ({ id: Number(p.id), catalogPrice: p.catalogPrice as number }));
    if (customers.length === 0 || products.length === 0)
      throw new Error(`setup: ${customers.length} SMB cash customers, ${products.length} catalog products in the seed`);

    // sign everyone in (each simulated user once, its own session)
    const rec = new Recorder();
    const ledger = new Ledger();
    const plan: { kind: 'clerk' | 'manager' | 'reader'; username: string }[] = [
      ...Array.from({ length: split.clerks }, (_, i) => ({
        kind: 'clerk' as const,
        username: CLERK_ACCOUNTS[i % CLERK_ACCOUNTS.length],
      })),
      ...Array.from({ length: split.managers }, () => ({ kind: 'manager' as const, username: 'csmanager' })),
      ...Array.from({ length: split.readers }, (_, i) => ({
        kind: 'reader' as const,
        username: READER_USERNAMES[i % READER_USERNAMES.length],
      })),
    ];
    // one after another, as people arrive at their desks: logins at the same instant count against
    // the throttle while their passwords are checked (at most five per account, twenty per address:
    // server/core/auth.ts), and 50 users behind one address at once would be refused as a flood
    const sessions: Session[] = [];
    for (const p of plan) sessions.push(await login(srv.url, rec, p.username));

    // the run window; orders already stamped at/after its start (none expected) are set aside
    const runStartIso = new Date().toISOString();
    const before = await admin.get('setup', '/orders' + q({ filter: { createdAt_gte: runStartIso }, range: [0, 999] }));
    const preexisting = new Set<number>(
      (Array.isArray(before.body) ? before.body : []).map((r: { id: number }) => Number(r.id)),
    );
    if (preexisting.size)
      console.log(`note: ${preexisting.size} seeded orders are stamped after the run start; set aside`);
    const windowStart = performance.now();
    const world: World = {
      base: srv.url,
      rec,
      ledger,
      deadline: windowStart + o.seconds * 1000,
      thinkMs: o.thinkMs,
      rampMs: o.rampS * 1000,
      customers,
      products,
      today: shanghaiDate(new Date()),
    };
    let peakRss = 0;
    let lastReport = 0;
    const ticker = setInterval(() => {
      const m = srv.memory();
      if (m) peakRss = Math.max(peakRss, m.rssMiB);
      const elapsed = (performance.now() - windowStart) / 1000;
      if (elapsed - lastReport >= 10) {
        lastReport = elapsed;
        const n = rec.samples.length;
        const e5 = rec.samples.filter((s) => s.status >= 500).length;
        const e0 = rec.samples.filter((s) => s.status === 0).length;
        console.log(
          `  ${elapsed.toFixed(0).padStart(4)} s: ${n} requests, ${ledger.createdCodes.length} orders, ${e5} 5xx, ${e0} transport errors, server RSS ${m?.rssMiB ?? '?'} MiB${srv.dead() ? ` — ${srv.dead()}` : ''}`,
        );
      }
    }, 1000);
    console.log(`running ${sessions.length} users until ${new Date(Date.now() + o.seconds * 1000).toISOString()}…`);
    await Promise.all(
      plan.map((p, i) => {
        const s = sessions[i];
        const seed = o.seed * 1000 + i;
        const label = `${p.username}#${i}`;
        const run =
          p.kind === 'clerk'
            ? clerk(world, s, seed, label)
            : p.kind === 'manager'
              ? manager(world, s, seed, label)
              : reader(world, s, seed);
        return run.catch((e) => {
          throw new Error(`user ${label} crashed: ${e instanceof Error ? e.stack : e}`);
        });
      }),
    );
    clearInterval(ticker);
    const windowEnd = performance.now();
    const windowS = (windowEnd - windowStart) / 1000;
    const memory = srv.memory();
    if (memory) peakRss = Math.max(peakRss, memory.rssMiB);

    // read everything back
    let v: VerifyResult | null = null;
    let verifyError: string | null = null;
    const dead = srv.dead();
    if (dead) verifyError = dead;
    else {
      try {
        v = await verify(srv.url, ledger, runStartIso, preexisting);
      } catch (e) {
        verifyError = e instanceof Error ? e.message : String(e);
      }
    }

    const inWindow = (s: Sample) => s.t + rec.origin >= windowStart;
    const { rows, all, statuses, buckets } = byKind(rec, windowS, inWindow);
    const failures: string[] = [];
    const n5 = rec.samples.filter((s) => s.status >= 500).length;
    const n0 = rec.samples.filter((s) => s.status === 0).length;
    if (n5) failures.push(`${n5} responses with status 5xx`);
    if (n0) failures.push(`${n0} requests failed in transport (outcome unknown)`);
    if (ledger.createdCodes.length === 0) failures.push('no order was acknowledged: the run proves nothing');
    if (verifyError) failures.push(`verification could not run: ${verifyError}`);
    if (v && !v.ok)
      failures.push(
        `verification: ${v.lost.length} lost, ${v.duplicated.length} duplicated, ${v.unacknowledged.length} unacknowledged, ${v.mismatched.length} mismatched`,
      );
    if (dead) failures.push(dead);

    const title =
      `Load: ${sessions.length} users (${split.clerks} clerks · ${split.managers} managers · ${split.readers} readers), ${windowS.toFixed(1)} s, store ${o.store}, ` +
      `${all.count} requests = ${all.rps} req/s, server RSS peak ${peakRss || '?'} MiB, ${(srv.startMs / 1000).toFixed(1)} s to seed+start, ` +
      `machine load ${loadBefore[0].toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${cpus().length} cpus`;
    printSummary({ title, rows, all, statuses, buckets, notes: rec.notes, verify: v, verifyError, failures });
    if (failures.length && n5) {
      const tail = srv
        .output()
        .trim()
        .split('\n')
        .filter((l) => /fail|error/i.test(l))
        .slice(-15);
      if (tail.length)
        console.log(`server log (errors, last ${tail.length}):\n${tail.map((l) => `  ${l.slice(0, 300)}`).join('\n')}`);
    }

    // raw numbers
    const kinds = [...new Set(rec.samples.map((s) => s.kind))];
    const out = {
      kind: 'load',
      at: new Date().toISOString(),
      // the database URL only for a postgres run, and never its password
      options: {
        ...o,
        databaseUrl: o.store === 'postgres' ? o.databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@') : undefined,
      },
      users: { ...split, plan: plan.map((p) => `${p.kind}:${p.username}`) },
      server: {
        store: o.store,
        pid: srv.pid,
        startMs: srv.startMs,
        peakRssMiB: peakRss || null,
        seed: { customers: o.customers, days: o.days, perDay: o.perDay },
      },
      machine: { node: process.version, cpus: cpus().length, loadavgBefore: loadBefore, loadavgAfter: loadavg() },
      window: { start: runStartIso, seconds: Math.round(windowS * 1000) / 1000 },
      setup: { smbCashCustomers: customers.length, catalogProducts: products.length, preexisting: preexisting.size },
      byKind: rows,
      all,
      statuses,
      overTime: buckets,
      unexpected: rec.notes,
      verification: v ? trimmed(v) : { error: verifyError },
      failures,
      pass: failures.length === 0,
      samplesFormat: '[kind index, sent at (ms since the recorder started), latency ms, status, 1 = expected 409]',
      kinds,
      samples: rec.samples.map((s) => [
        kinds.indexOf(s.kind),
        Math.round(s.t * 10) / 10,
        Math.round(s.ms * 100) / 100,
        s.status,
        s.expected409 ? 1 : 0,
      ]),
    };
    const dir = resolve(ROOT, 'bench-results');
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, `load-${stamp}.json`);
    writeFileSync(file, JSON.stringify(out) + '\n');
    console.log(`\nraw numbers: ${file}`);
    return failures.length ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    if (server) await server.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`load: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
    process.exit(2); // the exit handler kills the server child
  },
);
