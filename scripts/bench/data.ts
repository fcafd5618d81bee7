import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocRecord } from '../../src/domain/definition';
import { hashPassword } from '../../server/auth/password';
import { seedDemoBranch } from '../../server/seed';
import { writeDurably } from '../../server/store/json/jsonFileStore';
import { MemoryStore, type JsonState } from '../../server/store/json/memoryStore';
import { openStore } from '../../server/store/open';
import { PgStore } from '../../server/store/pg/pgStore';
import type { Store, Tx } from '../../server/store/types';

/**
 * Bench data: one deterministic demo branch written twice from the same seed and clock —
 * into the embedded PostgreSQL (what our server opens) and as a json-server db.json (what
 * stock json-server 0.17 opens). A fingerprint of both proves they hold the same orders.
 */

export interface BranchSpec {
  label: string;
  customers: number;
  days: number;
  perWorkingDay: number;
  seed: number;
  now: Date;
}

export interface Branch {
  spec: BranchSpec;
  /** DATA_DIR for our server (the embedded PostgreSQL under postgres/) */
  pgDataDir: string;
  /** db.json for stock json-server */
  jsonFile: string;
  counts: Record<string, number>;
  jsonBytes: number;
  seconds: { pg: number; json: number };
  fingerprint: string;
  /** copied from this kept folder (`--reuse`), not generated in this run */
  reusedFrom?: string;
}

type Progress = (msg: string) => void;

/**
 * A MemoryStore for one-off bulk seeding: transactions run directly on the state (no copy per
 * transaction, which would make a 120k-order seed quadratic) through the store's own Tx.
 * Nothing is rolled back on failure — the bench aborts then anyway.
 */
class BulkMemoryStore extends MemoryStore {
  private txClass?: new (state: JsonState) => Tx;

  static async create(): Promise<BulkMemoryStore> {
    const s = new BulkMemoryStore();
    // borrow the (unexported) transaction class from one ordinary, empty transaction
    await MemoryStore.prototype.transaction.call(s, async (tx: Tx) => {
      s.txClass = tx.constructor as new (state: JsonState) => Tx;
    });
    return s;
  }

  override transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (!this.txClass) return super.transaction(fn);
    return fn(new this.txClass(this.state));
  }

  snapshot(): JsonState {
    return this.state;
  }
}

/** Wraps a store to report progress every few seconds (the seed writes orders in chunks of 500, then the other documents). */
function withProgress<S extends Store>(store: S, label: string, expectedTx: number, progress: Progress): S {
  let n = 0;
  const t0 = Date.now();
  let last = 0;
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'transaction') {
        return <T>(fn: (tx: Tx) => Promise<T>) =>
          target.transaction(fn).then((out) => {
            n++;
            if (Date.now() - last > 5000) {
              last = Date.now();
              const secs = ((Date.now() - t0) / 1000).toFixed(0);
              // the orders come in ~expectedTx chunks; then a year of the other documents, a transaction or a few each
              progress(
                n <= expectedTx
                  ? `  ${label}: orders, ${n} of ~${expectedTx} transactions (~${Math.round((n / expectedTx) * 100)}%), ${secs} s`
                  : `  ${label}: the other documents, ${n} transactions so far, ${secs} s`,
              );
            }
            return out;
          });
      }
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/**
 * The real (scrypt) hashPassword, computed once per user: the second seed gets the same hashes in
 * the same order, so both stores hold identical users and the 23 slow hashes are not paid twice.
 */
function replayingHasher() {
  const made: Promise<string>[] = [];
  let replaying = false;
  let i = 0;
  return {
    hash: (pw: string): Promise<string> => {
      if (replaying) return made[i++ % made.length];
      const h = hashPassword(pw);
      made.push(h);
      return h;
    },
    replay: () => {
      replaying = true;
      i = 0;
    },
  };
}

/** ~orders a spec produces: working days ≈ 5/7 of calendar days */
export const expectedOrders = (s: BranchSpec) => Math.round(((s.days * 5) / 7) * s.perWorkingDay);

function fingerprintOf(
  rows: Iterable<{ id: unknown; code: unknown; status: unknown; total: unknown; customerId: unknown }>,
): string {
  const h = createHash('sha256');
  for (const r of rows) h.update(`${r.id}|${r.code}|${r.status}|${Number(r.total).toFixed(2)}|${r.customerId}\n`);
  return h.digest('hex').slice(0, 16);
}

export async function generateBranch(root: string, spec: BranchSpec, progress: Progress): Promise<Branch> {
  const pgDataDir = join(root, 'pg');
  const jsonDir = join(root, 'json');
  mkdirSync(jsonDir, { recursive: true });
  const jsonFile = join(jsonDir, 'db.json');
  const hasher = replayingHasher();
  const opts = {
    now: spec.now,
    customers: spec.customers,
    days: spec.days,
    perWorkingDay: spec.perWorkingDay,
    seed: spec.seed,
    hashPassword: hasher.hash,
    volume: 'branch' as const,
  };
  const expectedTx = Math.ceil(expectedOrders(spec) / 500) + Math.ceil(spec.customers / 500) + 3;

  // 1. db.json for stock json-server: seeded in memory, written once
  let t0 = Date.now();
  const mem = await BulkMemoryStore.create();
  const memCounts = await seedDemoBranch(withProgress(mem, `${spec.label} db.json`, expectedTx, progress), opts);
  const state = mem.snapshot();
  const jsonFingerprint = fingerprintOf(state.orders as DocRecord[] as never[]);
  let text: string | undefined = JSON.stringify(state);
  const jsonBytes = Buffer.byteLength(text);
  writeDurably(jsonFile, text);
  text = undefined;
  const jsonSeconds = (Date.now() - t0) / 1000;
  progress(
    `  ${spec.label} db.json: ${memCounts.orders} orders, ${(jsonBytes / 1e6).toFixed(1)} MB in ${jsonSeconds.toFixed(1)} s`,
  );

  // 2. the embedded PostgreSQL our server opens (durable, as the server runs it)
  hasher.replay();
  t0 = Date.now();
  const store = await openStore({ dataDir: pgDataDir });
  if (!(store instanceof PgStore)) throw new Error('expected the embedded PostgreSQL store');
  const counts = await seedDemoBranch(withProgress(store, `${spec.label} PostgreSQL`, expectedTx, progress), opts);
  // as the server leaves a seeded branch (main.ts) and autovacuum keeps it: the seed walks every
  // document through its workflow, and a year of dead row versions nobody has vacuumed would be a
  // database no branch has
  await store.settle();
  const pgRows = await store.sql.query<{
    id: number;
    code: string;
    status: string;
    total: string;
    customer_id: number;
  }>('SELECT id, code, status, total::text AS total, customer_id FROM orders ORDER BY id');
  const pgFingerprint = fingerprintOf(
    pgRows.rows.map((r) => ({ id: r.id, code: r.code, status: r.status, total: r.total, customerId: r.customer_id })),
  );
  await store.close();
  const pgSeconds = (Date.now() - t0) / 1000;
  progress(`  ${spec.label} PostgreSQL: ${counts.orders} orders in ${pgSeconds.toFixed(1)} s`);

  if (JSON.stringify(counts) !== JSON.stringify(memCounts) || pgFingerprint !== jsonFingerprint) {
    throw new Error(
      `${spec.label}: PostgreSQL and db.json differ: ${JSON.stringify(counts)} ${pgFingerprint} vs ${JSON.stringify(memCounts)} ${jsonFingerprint}`,
    );
  }
  const branch: Branch = {
    spec,
    pgDataDir,
    jsonFile,
    counts,
    jsonBytes,
    seconds: { pg: pgSeconds, json: jsonSeconds },
    fingerprint: pgFingerprint,
  };
  writeFileSync(
    join(root, BRANCH_FILE),
    JSON.stringify({ ...branch, spec: { ...spec, now: spec.now.toISOString() } }, null, 2),
  );
  return branch;
}

/** what generateBranch leaves next to the data: its spec, counts and fingerprint */
const BRANCH_FILE = 'branch.json';

/**
 * `--reuse label=DIR`: copy the data of a kept run (DIR = its `baoyi-bench-<label>-…` folder)
 * instead of generating it again — only when that data was made from the same spec (size, seed
 * and clock). For quick comparisons while working: that run's servers wrote to it ((g) created
 * orders, (h) approved some), so it is the generated branch plus those writes; a table to quote
 * comes from a run that generates its data. A copy, so the kept folder is not changed further.
 */
export function reuseBranch(from: string, root: string, spec: BranchSpec, progress: Progress): Branch {
  const file = join(from, BRANCH_FILE);
  if (!existsSync(file)) throw new Error(`--reuse ${spec.label}: no ${file} (not a folder kept by --keep)`);
  const kept = JSON.parse(readFileSync(file, 'utf8')) as Omit<Branch, 'spec'> & {
    spec: Omit<BranchSpec, 'now'> & { now: string };
  };
  const want = { ...spec, now: spec.now.toISOString() };
  for (const k of Object.keys(want) as (keyof typeof want)[]) {
    if (kept.spec[k] !== want[k])
      throw new Error(
        `--reuse ${spec.label}: ${from} was generated with ${k}=${kept.spec[k]}, this run needs ${want[k]} (set BENCH_NOW=${kept.spec.now} to reuse it)`,
      );
  }
  const t0 = Date.now();
  // cp -a: the cluster keeps its owner (as root, the PostgreSQL user) and its modes
  mkdirSync(join(root, 'pg'), { recursive: true });
  execFileSync('cp', ['-a', join(from, 'pg', 'postgres'), join(root, 'pg', 'postgres')]);
  rmSync(join(root, 'pg', 'postgres', 'postmaster.pid'), { force: true });
  cpSync(join(from, 'json'), join(root, 'json'), { recursive: true });
  progress(
    `  ${spec.label}: reused the data of the kept run ${from}, with that run's writes (copied in ${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
  return { ...kept, spec, pgDataDir: join(root, 'pg'), jsonFile: join(root, 'json', 'db.json'), reusedFrom: from };
}
