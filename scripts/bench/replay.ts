import { measure } from './measure';
import { request, type Reply } from './http';
import type { Measured, Plans } from './scenarios';

/**
 * The round trip alone: (a)–(c) asked of a server that does no work (replayServer.ts answers each
 * path with the bytes ours gave), by the same client with the same plans as ours. Its times are
 * the least any server can show on this machine by this measure, so stock ÷ them is the largest
 * stock/ours ratio any server could reach here: the ceiling for the ≥ 100× budget.
 */

export type ReplayId = 'a' | 'b' | 'c';

/** what our server answered to a scenario's request (path with /api and the query) */
export interface ReplayPage {
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}
export type ReplayPages = Partial<Record<ReplayId, ReplayPage>>;

/** our answer as it was sent: every header but those of the connection (and the length, sent anew) */
export function recordPage(path: string, r: Reply): ReplayPage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string' && !PER_CONNECTION.has(k)) headers[k] = v;
  return { path, status: r.status, headers, body: r.text };
}
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export async function benchReplay(
  base: string,
  plans: Plans,
  pages: ReplayPages,
  dead: () => string | null,
  log: (s: string) => void,
): Promise<Partial<Record<ReplayId, Measured>>> {
  const out: Partial<Record<ReplayId, Measured>> = {};
  for (const [id, page] of Object.entries(pages) as [ReplayId, ReplayPage][]) {
    const op = async () => {
      const r = await request(base, 'GET', page.path);
      if (r.status !== page.status || r.text !== page.body)
        throw new Error(`no-work ${id}: answered ${r.status}, ${r.text.length} chars`);
      r.json(); // parsed, as ours and stock's answers are
      return r;
    };
    try {
      const m: Measured = { stats: await measure(op, plans.read, dead), single: await measure(op, plans.read1, dead) };
      out[id] = m;
      log(
        `    no-work (${id}): median ${m.stats.median.toFixed(1)} ms, p95 ${m.stats.p95.toFixed(1)} ms (1 client: p95 ${m.single!.p95.toFixed(1)} ms), ${(Buffer.byteLength(page.body) / 1024).toFixed(0)} kB`,
      );
    } catch (e) {
      log(`    no-work (${id}): FAILED — ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}
