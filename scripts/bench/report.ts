import type { Stats } from './measure';

/** Budgets (issue 7: the first bar; issue 8: the bar for the product) and the one summary table. */

export const BUDGETS = {
  issue8: { p95: 10, ratio: 100 },
  issue7: { p95: 50, ratio: 10 },
  writeP95: 20,
  growth: 2,
  /** ours ÷ the floor app (a bare react-admin app, scripts/bench/floor/): at most */
  floor: { initialJs: 1.2, firstRender: 1.3 },
} as const;

export interface Row {
  scenario: string;
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
    out.checks.push({ name: `≤${f.max}× floor`, pass: known ? ratio <= f.max : false, detail: known ? `${ratio.toFixed(2)}×` : 'not measured', shown: true });
  }
  const o = row.ours;
  if (row.kind === 'info' || !o) return out;
  if (o.n === 0 || o.errors > 0) out.checks.push({ name: 'errors', pass: false, detail: `${o.errors} errors, ${o.n} timed` });
  if (row.stock && row.stock.n > 0) out.ratio = speedRatio(o, row.stock);
  if (row.stock && row.stock.n > 0 && row.replay && row.replay.n > 0) out.ceiling = speedRatio(row.replay, row.stock);
  if (row.kind === 'read') {
    for (const [name, b] of [['#8', BUDGETS.issue8], ['#7', BUDGETS.issue7]] as const) {
      const latencyOk = o.p95 <= b.p95;
      const ratioOk = out.ratio === undefined || row.small ? null : out.ratio >= b.ratio;
      const pass = latencyOk && ratioOk !== false;
      const why: string[] = [];
      if (!latencyOk) why.push(`p95>${b.p95}`);
      if (ratioOk === false) why.push(`${fmtRatio(out.ratio!)}<${b.ratio}×${out.ceiling !== undefined && out.ceiling < b.ratio ? `; no server can: no-work ${fmtRatio(out.ceiling)}` : ''}`);
      if (out.ratio === undefined) why.push('no stock eq.');
      else if (row.small) why.push('ratio n/a on small data');
      out.checks.push({ name, pass, detail: why.join(', ') });
    }
  } else {
    out.checks.push({ name: `≤${BUDGETS.writeP95}ms`, pass: o.p95 <= BUDGETS.writeP95, detail: '' });
  }
  if (row.baseline) {
    out.growth = { median: o.median / row.baseline.median, p95: o.p95 / row.baseline.p95 };
    out.checks.push({ name: 'growth', pass: out.growth.p95 <= BUDGETS.growth, detail: `${fmtRatio(out.growth.p95)} p95` });
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
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

const pad = (s: string, w: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, w - displayWidth(s)));
  return right ? fill + s : s + fill;
};

export function verdictText(j: Judged): string {
  const checks = j.checks.map((c) => `${c.name} ${c.pass === null ? 'n/a' : c.pass ? 'PASS' : 'FAIL'}${c.detail && (c.pass !== true || c.shown) ? ` (${c.detail})` : ''}`);
  return [...checks, ...(j.note ? [j.note] : [])].join(' · ');
}

export function table(rows: Judged[]): string {
  const head = ['scenario', 'data', 'ours med', 'ours p95', 'p95 1 cl.', 'stock med', 'stock p95', 'n ours/stock', 'stock/ours', 'no-work p95', 'stock/no-work', 'growth', 'budgets'];
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
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], right[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
