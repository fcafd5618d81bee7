/**
 * Where the time of the bench's reads goes in PostgreSQL: EXPLAIN (ANALYZE, BUFFERS) of the SQL
 * the store runs for each list scenario — the page with its total, one statement — built by the
 * store's own listStatement(), so it is the SQL the server sends.
 *
 *   npx tsx scripts/bench/explain.ts <DATA_DIR>
 *
 * Works on a copy of DATA_DIR's embedded PostgreSQL (never on a live database); the bench calls
 * explainReads() itself on its own throw-away data after the servers have stopped.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SqlClient } from '../../server/store/pg/driver';
import { clusterDirOf, openEmbedded } from '../../server/store/pg/embedded';
import { listStatement } from '../../server/store/pg/listStatement';
import { PgStore } from '../../server/store/pg/pgStore';
import type { ListQuery } from '../../server/store/types';
import { getDefinition } from '../../src/domain/documents';
import { FACTS } from '../../server/core/facts';
import type { Role } from '../../src/domain/roles';
import { SEARCH } from './scenarios';

export interface Plan {
  scenario: string;
  /** a list page with its total (one statement, as the server sends it), or a fact's query */
  query: 'page' | 'fact';
  sql: string;
  ms: number;
  /** the scan nodes, e.g. "Seq Scan on orders", "Index Scan using orders_status on orders" */
  scans: string[];
  sort: string | null;
  plan: string[];
}

const LISTS: Record<string, ListQuery> = {
  a: { filter: {}, sort: { field: 'priority', order: 'DESC' }, range: [0, 24] },
  b: { filter: { status: 'delivered', channel: 'web' }, sort: { field: 'receivedAt', order: 'DESC' }, range: [50, 74] },
  c: { filter: { q: SEARCH }, sort: { field: 'priority', order: 'DESC' }, range: [0, 24] },
  ...inboxOrders('csManager'),
};

/**
 * The orders part of (e) the my-work inbox: the query server/core/inbox.ts makes for a role with
 * no read scope (the CS manager) — the states waiting on the role, oldest deadline first, 200 rows.
 */
function inboxOrders(role: Role): Record<string, ListQuery> {
  const def = getDefinition('orders');
  const states = Object.entries(def?.workflow?.states ?? {})
    .filter(([, s]) => s.waitingOn?.includes(role))
    .map(([k]) => k);
  const byField = new Map<string, string[]>();
  for (const st of states) {
    const field = def?.stateDeadlines?.[st] ?? def?.deadlineField ?? 'createdAt';
    byField.set(field, [...(byField.get(field) ?? []), st]);
  }
  return Object.fromEntries(
    [...byField].map(([field, group], i) => [
      `e inbox${i ? i + 1 : ''}`,
      { filter: { status: group }, sort: { field, order: 'ASC' }, range: [0, 199] } as ListQuery,
    ]),
  );
}

async function explain(
  db: SqlClient,
  scenario: string,
  query: Plan['query'],
  sql: string,
  params: unknown[],
): Promise<Plan> {
  // warm up, then explain: a freshly opened copy needs tens of runs (the year's 科技 page: ~14 ms
  // under EXPLAIN ANALYZE after 3 runs, ~5 ms after 100, as the server sees it)
  for (let i = 0; i < 50; i++) await db.query(sql, params);
  const r = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const plan = r.rows.map((x) => x['QUERY PLAN']);
  const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
  const scans = plan
    .map(
      (l) =>
        /((?:Parallel )?(?:Seq|Index|Index Only|Bitmap Heap|Bitmap Index) Scan(?: using \S+)? on \S+|Bitmap Index Scan on \S+)/.exec(
          l,
        )?.[1],
    )
    .filter((x): x is string => !!x);
  const sort = plan.map((l) => /Sort Method: (.+?)\s+Memory/.exec(l)?.[1]).find(Boolean) ?? null;
  return { scenario, query, sql, ms, scans, sort, plan };
}

/** `dataDir`: a DATA_DIR whose embedded PostgreSQL no server runs (it is started here) */
export async function explainReads(dataDir: string): Promise<Plan[]> {
  const db = await openEmbedded(dataDir, { durable: false });
  try {
    const out: Plan[] = [];
    for (const [id, q] of Object.entries(LISTS)) {
      // the ids and versions of the page with its total, as PgStore.list asks a page (the bodies
      // come from its cache, or in one more statement the first time)
      const st = listStatement('orders', q);
      out.push(await explain(db, id, 'page', st.select('id, version').replace(/\s+/g, ' '), st.params));
    }
    // the creditUsed fact every order create / approve / actions call loads (5.10.4), for the
    // customer with the most credit orders: its statement as the fact itself asks it of the store
    const cust = await db.query<{ id: number }>(
      "SELECT customer_id AS id FROM orders WHERE payment_method = 'credit' GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1",
    );
    if (cust.rows[0]) {
      const asked: { sql: string; params: unknown[] }[] = [];
      // a store over the copy that only records
      const store = new PgStore({
        ...db,
        query: async (sql, params) => (asked.push({ sql, params: params ?? [] }), { rows: [] }),
      });
      await FACTS.creditUsed(store, { customerId: cust.rows[0].id, id: 1 }, new Date());
      for (const a of asked) out.push(await explain(db, 'g/h creditUsed', 'fact', a.sql, a.params));
    }
    return out;
  } finally {
    await db.close();
  }
}

export function planSummary(p: Plan): string {
  return `${p.scenario.padEnd(14)} ${p.query.padEnd(5)} ${p.ms.toFixed(1).padStart(7)} ms  ${p.scans.join(' + ') || '—'}${p.sort ? `, ${p.sort}` : ''}`;
}

// CLI: explain a copy of a data folder
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: npx tsx scripts/bench/explain.ts <DATA_DIR>  (works on a copy of its embedded PostgreSQL)');
    process.exit(2);
  }
  const copy = mkdtempSync(join(tmpdir(), 'baoyi-explain-'));
  chmodSync(copy, 0o755);
  // cp -a: the cluster keeps its owner (as root, the PostgreSQL user) and modes
  execFileSync('cp', ['-a', clusterDirOf(arg), clusterDirOf(copy)]);
  rmSync(join(clusterDirOf(copy), 'postmaster.pid'), { force: true });
  try {
    for (const p of await explainReads(copy)) {
      console.log(`\n== ${planSummary(p)}\n${p.sql}\n${p.plan.join('\n')}`);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
