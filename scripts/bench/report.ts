import type { Stats } from './measure';

/**
 * The budgets (issue 20's restatement, on the embedded PostgreSQL, fsync on) and the one summary
 * table. Judged per row:
 *   1. per request, one client alone: every read p95 ≤ 10 ms, every write p95 ≤ 20 ms;
 *   2. capacity, 4 clients: p95 of (a)–(c) within 2.5× the no-work server's (the round trip alone);
 *   3. against stock json-server: stock/ours ≥ half the ceiling (stock ÷ no-work) on (a)–(c), and
 *      ≥ 100× on (c) and (g) (ratios are not judged on the small data);
 *   4. growth 10k → year ≤ 2× (p95) on every row;
 *   5. `npm run load`, 50 users for 60 s: zero 5xx, nothing lost, p95 ≤ 250 ms (the (k) row of the full run).
 */

export const BUDGETS = {
  /** 1: one client alone, p95 */
  readP95: 10,
  writeP95: 20,
  /** 2: p95 with 4 clients ≤ this × the no-work server's, on the rows it answers ((a)–(c)) */
  capacity: 2.5,
  /** 3: stock/ours ≥ this share of stock/no-work on (a)–(c) … */
  ceilingShare: 0.5,
  /** … and ≥ this on the rows named */
  ratio: 100,
  ratioRows: ['c', 'g'] as readonly string[],
  /** 4 */
  growth: 2,
  /** 5: npm run load, 50 users for 60 s */
  loadP95: 250,
  /** ours ÷ the floor app (a bare react-admin app, scripts/bench/floor/): at most */
  floor: { initialJs: 1.2, firstRender: 1.3 },
} as const;

export interface Row {
  scenario: string;
  /** the scenario's id (a, b, … g): which budgets apply */
  id?: string;
  data: string;
  kind: 'read' | 'write' | 'info';
  ours?: Stats;
  single?: Stats;
  stock?: Stats;
  /** the same request answered by a server that does no work (replay.ts): the round trip alone */
  replay?: Stats;
  /** value rows (start time, memory, bundle): [ours, stock] with a unit */
  values?: { ours?: number; stock?: number; unit: string };
  /** p95 of the same scenario on the 10k branch, for the growth factor */
  baseline?: Stats;
  /** ratio budgets are not judged on small data */
  small?: boolean;
  /** a budget against the floor app: ours and the floor's figure (same unit), ours ≤ max × floor */
  floor?: { ours: number; floor: number; max: number };
  /** budget 5: what `npm run load` (50 users, 60 s) found */
  load?: { requests: number; p95: number; server5xx: number; transport: number; lost: number; pass: boolean };
  note?: string;
}

export interface Judged extends Row {
  ratio?: number;
  /** stock ÷ the no-work server: the largest stock/ours any server could show here */
  ceiling?: number;
  growth?: { median: number; p95: number };
  /** `shown`: the detail is printed even when the check passes */
  checks: { name: string; pass: boolean | null; detail: string; shown?: boolean }[];
}

/** stock ÷ ours: the smaller of the median and the p95 ratio (the conservative one) */
export function speedRatio(ours: Stats, stock: Stats): number {
  return Math.min(stock.median / ours.median, stock.p95 / ours.p95);
}

export function judge(row: Row): Judged {
  const out: Judged = { ...row, checks: [] };
  if (row.floor) {
    const f = row.floor;
    const ratio = f.ours / f.floor;
    const known = Number.isFinite(ratio) && f.floor > 0;
    out.checks.push({
      name: `≤${f.max}× floor`,
      pass: known ? ratio <= f.max : false,
      detail: known ? `${ratio.toFixed(2)}×` : 'not measured',
      shown: true,
    });
  }
  if (row.load) {
    const l = row.load;
    const why = [
      l.server5xx ? `${l.server5xx} 5xx` : '',
      l.transport ? `${l.transport} transport errors` : '',
      l.lost ? `${l.lost} lost` : '',
      l.p95 > BUDGETS.loadP95 ? `p95 ${fmtMs(l.p95)} > ${BUDGETS.loadP95}` : '',
    ].filter(Boolean);
    out.checks.push({
      name: `5 load: 0 5xx, 0 lost, p95 ≤${BUDGETS.loadP95}ms`,
      pass: why.length === 0 && l.pass,
      detail: why.join(', ') || `p95 ${fmtMs(l.p95)}, ${l.requests} requests`,
      shown: true,
    });
  }
  const o = row.ours;
  if (row.kind === 'info' || !o) return out;
  if (o.n === 0 || o.errors > 0)
    out.checks.push({ name: 'errors', pass: false, detail: `${o.errors} errors, ${o.n} timed` });
  if (row.stock && row.stock.n > 0) out.ratio = speedRatio(o, row.stock);
  if (row.stock && row.stock.n > 0 && row.replay && row.replay.n > 0) out.ceiling = speedRatio(row.replay, row.stock);
  // 1. one client alone
  const limit = row.kind === 'read' ? BUDGETS.readP95 : BUDGETS.writeP95;
  out.checks.push(
    row.single && row.single.n > 0
      ? { name: `1 ≤${limit}ms`, pass: row.single.p95 <= limit, detail: `${fmtMs(row.single.p95)} p95` }
      : { name: `1 ≤${limit}ms`, pass: null, detail: 'no one-client run' },
  );
  // 2. capacity against the no-work server
  if (row.replay && row.replay.n > 0) {
    const x = o.p95 / row.replay.p95;
    out.checks.push({
      name: `2 ≤${BUDGETS.capacity}× no-work`,
      pass: x <= BUDGETS.capacity,
      detail: `${fmtRatio(x)}`,
      shown: true,
    });
  }
  // 3. against stock json-server
  if (out.ceiling !== undefined && out.ratio !== undefined) {
    const need = BUDGETS.ceilingShare * out.ceiling;
    out.checks.push(
      row.small
        ? { name: '3 ≥½ ceiling', pass: null, detail: 'ratio n/a on small data' }
        : {
            name: '3 ≥½ ceiling',
            pass: out.ratio >= need,
            detail: `${fmtRatio(out.ratio)} of ≥${fmtRatio(need)}`,
            shown: true,
          },
    );
  }
  if (row.id && BUDGETS.ratioRows.includes(row.id)) {
    out.checks.push(
      out.ratio === undefined
        ? { name: `3 ≥${BUDGETS.ratio}×`, pass: false, detail: 'no stock figure' }
        : row.small
          ? { name: `3 ≥${BUDGETS.ratio}×`, pass: null, detail: 'ratio n/a on small data' }
          : {
              name: `3 ≥${BUDGETS.ratio}×`,
              pass: out.ratio >= BUDGETS.ratio,
              detail: `${fmtRatio(out.ratio)}${out.ceiling !== undefined && out.ceiling < BUDGETS.ratio ? `; no server can: no-work ${fmtRatio(out.ceiling)}` : ''}`,
              shown: true,
            },
    );
  }
  // 4. growth
  if (row.baseline) {
    out.growth = { median: o.median / row.baseline.median, p95: o.p95 / row.baseline.p95 };
    out.checks.push({
      name: `4 growth ≤${BUDGETS.growth}×`,
      pass: out.growth.p95 <= BUDGETS.growth,
      detail: `${fmtRatio(out.growth.p95)} p95`,
    });
  }
  return out;
}

export function fmtMs(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  return v >= 1000 ? v.toFixed(0) : v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

export function fmtRatio(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  return v >= 10 ? `${v.toFixed(0)}×` : `${v.toFixed(1)}×`;
}

/** terminal width of a string: CJK and full-width characters take two columns */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const pad = (s: string, w: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, w - displayWidth(s)));
  return right ? fill + s : s + fill;
};

export function verdictText(j: Judged): string {
  const checks = j.checks.map(
    (c) =>
      `${c.name} ${c.pass === null ? 'n/a' : c.pass ? 'PASS' : 'FAIL'}${c.detail && (c.pass !== true || c.shown) ? ` (${c.detail})` : ''}`,
  );
  return [...checks, ...(j.note ? [j.note] : [])].join(' · ');
}

export function table(rows: Judged[]): string {
  const head = [
    'scenario',
    'data',
    'ours med',
    'ours p95',
    'p95 1 cl.',
    'stock med',
    'stock p95',
    'n ours/stock',
    'stock/ours',
    'no-work p95',
    'stock/no-work',
    'growth',
    'budgets',
  ];
  const right = [false, false, true, true, true, true, true, true, true, true, true, true, false];
  const n = (st: Stats | undefined) => (st ? `${st.n}${st.truncated ? '*' : ''}` : '—');
  const body = rows.map((j) => {
    if (j.values) {
      const v = j.values;
      const ok = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);
      const f = (x: number | undefined) => (!ok(x) ? '—' : `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ${v.unit}`);
      const ratio = ok(v.ours) && ok(v.stock) ? `${(v.stock / v.ours).toFixed(1)}×` : '—';
      return [j.scenario, j.data, f(v.ours), '', '', f(v.stock), '', '', ratio, '', '', '', verdictText(j)];
    }
    if (!j.ours) return [j.scenario, j.data, 'n/a', '', '', '', '', '', '', '', '', '', j.note ?? ''];
    return [
      j.scenario,
      j.data,
      fmtMs(j.ours.median),
      fmtMs(j.ours.p95),
      fmtMs(j.single?.p95),
      fmtMs(j.stock?.median),
      fmtMs(j.stock?.p95),
      `${n(j.ours)}/${n(j.stock)}`,
      fmtRatio(j.ratio),
      j.replay ? fmtMs(j.replay.p95) : '',
      j.ceiling !== undefined ? fmtRatio(j.ceiling) : '',
      j.growth ? fmtRatio(j.growth.p95) : '',
      verdictText(j),
    ];
  });
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], right[i]))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
