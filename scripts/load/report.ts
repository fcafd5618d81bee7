import type { Recorder, Sample } from './http';
import type { VerifyResult } from './verify';

/** Figures per request kind and the printed summary. */

export interface KindStats {
  kind: string;
  count: number;
  ok: number;
  /** 409 from an expected race (stale version, already approved/submitted) */
  conflicts409: number;
  /** other 4xx */
  client4xx: number;
  server5xx: number;
  /** transport failures (refused, reset, timeout) */
  transport: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** requests per second over the run window */
  rps: number;
}

const pct = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const r1 = (n: number) => Math.round(n * 10) / 10;

export function statsOf(kind: string, samples: Sample[], windowS: number): KindStats {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    kind,
    count: samples.length,
    ok: samples.filter((s) => s.status >= 200 && s.status < 300).length,
    conflicts409: samples.filter((s) => s.expected409).length,
    client4xx: samples.filter((s) => s.status >= 400 && s.status < 500 && !s.expected409).length,
    server5xx: samples.filter((s) => s.status >= 500).length,
    transport: samples.filter((s) => s.status === 0).length,
    p50: r1(pct(ms, 50)),
    p95: r1(pct(ms, 95)),
    p99: r1(pct(ms, 99)),
    max: r1(ms[ms.length - 1] ?? 0),
    mean: r1(ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length)),
    rps: r1(samples.length / Math.max(0.001, windowS)),
  };
}

const KIND_ORDER = [
  'order.create',
  'order.update',
  'order.submit',
  'order.list.mine',
  'order.list.submitted',
  'order.show',
  'order.actions',
  'order.approve',
  'order.reject',
  'read.list.orders',
  'read.list.other',
  'read.getMany',
  'read.show',
  'read.report',
  'myWork',
  'auth.login',
];

export function byKind(rec: Recorder, windowS: number, inWindow: (s: Sample) => boolean) {
  const groups = new Map<string, Sample[]>();
  for (const s of rec.samples) {
    const g = groups.get(s.kind);
    if (g) g.push(s);
    else groups.set(s.kind, [s]);
  }
  const kinds = [...groups.keys()].sort(
    (a, b) => (KIND_ORDER.indexOf(a) + 1 || 99) - (KIND_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const rows = kinds.map((k) => statsOf(k, groups.get(k)!, windowS));
  const load = rec.samples.filter((s) => s.kind !== 'auth.login' && inWindow(s));
  const all = statsOf('all (run window, no logins)', load, windowS);
  const statuses: Record<string, number> = {};
  for (const s of rec.samples) {
    if (s.status >= 400 || s.status === 0) {
      const key = s.status === 0 ? 'transport' : s.expected409 ? '409 (expected race)' : String(s.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
  }
  // latency over the run, by 10 s of send time (a cold start shows in the first buckets)
  const t0 = load.reduce((m, s) => Math.min(m, s.t), load.length ? Infinity : 0);
  const buckets: { from: number; n: number; p50: number; p95: number }[] = [];
  for (const s of load) {
    const b = Math.floor((s.t - t0) / 10_000);
    while (buckets.length <= b) buckets.push({ from: buckets.length * 10, n: 0, p50: 0, p95: 0 });
  }
  const per = buckets.map(() => [] as number[]);
  for (const s of load) per[Math.floor((s.t - t0) / 10_000)].push(s.ms);
  per.forEach((xs, i) => {
    xs.sort((a, b) => a - b);
    Object.assign(buckets[i], { n: xs.length, p50: r1(pct(xs, 50)), p95: r1(pct(xs, 95)) });
  });
  return { rows, all, statuses, buckets };
}

function table(head: string[], rows: (string | number)[][], rightFrom = 1): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) =>
    r.map((c, i) => (i >= rightFrom ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

export function printSummary(p: {
  title: string;
  rows: KindStats[];
  all: KindStats;
  statuses: Record<string, number>;
  buckets: { from: number; n: number; p50: number; p95: number }[];
  notes: Recorder['notes'];
  verify: VerifyResult | null;
  verifyError: string | null;
  failures: string[];
}) {
  const head = [
    'kind',
    'n',
    '2xx',
    '409 race',
    'other 4xx',
    '5xx',
    'net err',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'req/s',
  ];
  const row = (s: KindStats) => [
    s.kind,
    s.count,
    s.ok,
    s.conflicts409,
    s.client4xx,
    s.server5xx,
    s.transport,
    s.p50,
    s.p95,
    s.p99,
    s.max,
    s.rps,
  ];
  console.log(`\n${p.title}\n`);
  console.log(table(head, [...p.rows.map(row), row(p.all)]));
  console.log(
    `\nover the run (by 10 s of send time): ${p.buckets.map((b) => `${b.from}s n=${b.n} p50 ${Math.round(b.p50)} p95 ${Math.round(b.p95)}`).join(' · ')}`,
  );
  const st = Object.entries(p.statuses).sort();
  console.log(`\nnon-2xx by status: ${st.length ? st.map(([k, n]) => `${k}: ${n}`).join(' · ') : 'none'}`);
  if (p.notes.length) {
    console.log('examples of unexpected answers:');
    for (const n of p.notes.slice(0, 12))
      console.log(`  ${n.kind} ${n.method} ${n.path} → ${n.status || 'transport'}: ${n.message.slice(0, 200)}`);
  }
  const v = p.verify;
  if (v) {
    const acts =
      Object.entries(v.acknowledgedActions)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'none';
    console.log(
      `\nverification (${v.ms} ms): ${v.acknowledgedCreates} orders acknowledged (201), ${v.foundSinceStart} created since the start; ` +
        `${v.ordersChecked} orders read back and compared; ${v.acknowledgedUpdates} acknowledged edits; actions: ${acts}`,
    );
    console.log(
      `  lost: ${v.lost.length} · duplicated: ${v.duplicated.length} · unacknowledged: ${v.unacknowledged.length} · mismatched: ${v.mismatched.length} → ${v.ok ? 'OK' : 'FAILED'}`,
    );
    for (const [label, xs] of [
      ['lost', v.lost],
      ['duplicated', v.duplicated],
      ['unacknowledged', v.unacknowledged],
      ['mismatched', v.mismatched],
    ] as const) {
      for (const x of xs.slice(0, 10)) console.log(`  ${label}: ${x}`);
    }
  } else console.log(`\nverification: not done${p.verifyError ? ` — ${p.verifyError}` : ''}`);
  console.log(
    p.failures.length
      ? `\nRESULT: FAIL\n${p.failures.map((f) => `  - ${f}`).join('\n')}`
      : '\nRESULT: PASS (zero 5xx, zero lost or duplicated writes)',
  );
}
