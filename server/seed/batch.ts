import type { DocRecord } from '../../src/domain/definition';
import type { AggregateQuery, AuditEntry, Filter, ListQuery, ListResult, Store, Tx } from '../store/types';

/**
 * Seeding many documents through the real services without paying a commit per step: the
 * documents of a batch are created and walked inside ONE store transaction. A `BatchStore` is a
 * Store whose `transaction(fn)` runs `fn` on the batch's open transaction, so createDoc / actOnDoc
 * (which open a transaction per step) run unchanged — same rules, routing, effects and audit
 * entries — but commit together.
 *
 * Reads the services repeat on every step are answered from a write-through cache: the settings
 * row and the users (nothing in the seed changes them), products and customers (changed only by
 * step effects, i.e. through this same transaction's `update`, which refreshes the cache), and the
 * documents written in the current batch (their own `lock` before each step); sums of orders by
 * customer (the facts of credit and trade) from an index of the orders' few summed columns, when
 * the seed gives one. Everything else — lists, other sums — goes to the transaction, which sees the
 * batch's own writes.
 *
 * Updates are written behind: each document's last version once per batch (or before its table is
 * listed or summed within the batch), with the version check the store makes; every step's audit
 * entry is written as it happens.
 *
 * A refusal aborts the whole seed (as in the per-step seeds): nothing here catches it.
 */

/**
 * The orders' few columns the facts sum over (credit in use 5.10.4, trade of the last 3 full months
 * 5.11.1), by customer: a year holds ~120,000 orders, and the json store sums by scanning them all.
 */
export interface OrderRow {
  id: number;
  customerId: number;
  paymentMethod: string;
  status: string;
  total: number;
  receivedAt: string;
}

const orderRow = (r: DocRecord): OrderRow => ({
  id: Number(r.id),
  customerId: Number(r.customerId),
  paymentMethod: String(r.paymentMethod),
  status: String(r.status),
  total: Number(r.total),
  receivedAt: String(r.receivedAt),
});

/** the filters an order sum can be answered from the rows with (the store's semantics: eq as strings, ranges as strings) */
const ORDER_FILTER = /^(customerId|paymentMethod|status|id_neq|receivedAt_gte|receivedAt_lte)$/;

function rowMatches(row: OrderRow, filter: Filter): boolean {
  const eq = (a: unknown, b: unknown) => (a == null ? b === null : b !== null && (a === b || String(a) === String(b)));
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'id_neq') {
      if (eq(row.id, value)) return false;
    } else if (key === 'receivedAt_gte') {
      if (row.receivedAt < String(value)) return false;
    } else if (key === 'receivedAt_lte') {
      if (row.receivedAt > String(value)) return false;
    } else {
      const v = row[key as 'customerId' | 'paymentMethod' | 'status'];
      if (Array.isArray(value) ? !value.some((x) => eq(v, x)) : !eq(v, value)) return false;
    }
  }
  return true;
}

/** resources cached for the whole seed (changed only through the cache) */
const MASTER = new Set(['users', 'products', 'customers', 'settings']);

const clone = <T>(v: T): T => structuredClone(v);

export class SeedCache {
  /** master rows by resource and id, kept across batches */
  readonly master = new Map<string, Map<number, DocRecord>>();
  /** the settings list answer (the one row) */
  settings?: ListResult;
  /** rows written in the current batch (documents being walked) */
  batch = new Map<string, Map<number, DocRecord>>();
  /**
   * Updates not written yet (write-behind): a document walked through six steps in a batch is
   * written once, with its last version, when the batch ends — or before anything reads its table
   * other than by id. `dbVersion` is the version the store holds.
   */
  readonly pending = new Map<string, Map<number, { record: DocRecord; dbVersion: number }>>();
  /** every order's summed columns by customer, when given (`indexOrders`) */
  private orders?: Map<number, Map<number, OrderRow>>;
  /** the print entries of the audit log by document, oldest first, when given (`indexPrints`) */
  private prints?: Map<string, DocRecord[]>;

  /**
   * answer "the prints of this document" (server/core/documents.ts printsOf, read with every step
   * of a printed form's document, 6.2.4) from these entries (all the store's print entries), kept
   * up to date by the batches' audit entries: the json store answers it by reading the whole audit
   * log, a year's ~300,000 entries for every step of every order
   */
  indexPrints(entries: Iterable<DocRecord>): void {
    this.prints = new Map();
    for (const e of entries) this.keepPrint(e);
  }

  keepPrint(e: DocRecord): void {
    if (!this.prints || e.action !== 'print') return;
    const key = `${String(e.resource)}:${String(e.recordId)}`;
    const list = this.prints.get(key);
    if (list) list.push(e);
    else this.prints.set(key, [e]);
  }

  /** the entries from the index, or undefined when it cannot answer this query */
  printsOf(q: ListQuery): DocRecord[] | undefined {
    const f = q.filter;
    const keys = Object.keys(f);
    if (
      !this.prints ||
      q.range !== null ||
      q.sort.field !== 'id' ||
      q.sort.order !== 'ASC' ||
      keys.length !== 3 ||
      f.action !== 'print' ||
      typeof f.resource !== 'string' ||
      typeof f.recordId !== 'number'
    )
      return undefined;
    return (this.prints.get(`${f.resource}:${f.recordId}`) ?? []).map(clone);
  }

  /** answer order sums by customer from these rows (all the store's orders), kept up to date by the batches' writes */
  indexOrders(rows: Iterable<OrderRow>): void {
    this.orders = new Map();
    for (const r of rows) this.keepOrder(r);
  }

  keepOrder(r: OrderRow): void {
    if (!this.orders) return;
    let m = this.orders.get(r.customerId);
    if (!m) this.orders.set(r.customerId, (m = new Map()));
    m.set(r.id, r);
  }

  /** the sum from the index, or undefined when it cannot answer this filter */
  sumOrders(field: string, filter: Filter): number | undefined {
    if (
      !this.orders ||
      field !== 'total' ||
      typeof filter.customerId !== 'number' ||
      !Object.keys(filter).every((k) => ORDER_FILTER.test(k))
    )
      return undefined;
    let fen = 0;
    for (const r of this.orders.get(filter.customerId)?.values() ?? [])
      if (rowMatches(r, filter)) fen += Math.round(r.total * 100);
    return fen / 100;
  }

  table(resource: string): Map<number, DocRecord> | undefined {
    if (MASTER.has(resource)) {
      let t = this.master.get(resource);
      if (!t) this.master.set(resource, (t = new Map()));
      return t;
    }
    return this.batch.get(resource);
  }

  remember(resource: string, rec: DocRecord | undefined): void {
    if (!rec || typeof rec.id !== 'number') return;
    let t = this.table(resource);
    if (!t) this.batch.set(resource, (t = new Map()));
    t.set(rec.id, clone(rec));
  }
}

/** The batch's transaction seen through the cache. */
class CachedTx implements Tx {
  constructor(
    private readonly tx: Tx,
    private readonly cache: SeedCache,
  ) {}

  /**
   * Writes the pending updates of `resource` (all resources when not given) — but not row `except`,
   * which the query about to run leaves out (`id_neq`: a fact about a document's OTHER rows, e.g.
   * the other returns of its order), so the document being walked stays pending.
   */
  async flush(resource?: string, except?: number): Promise<void> {
    for (const [r, rows] of this.cache.pending) {
      if (resource !== undefined && r !== resource) continue;
      for (const [id, { record, dbVersion }] of rows) {
        if (id === except) continue;
        // claimed before the write: facts are loaded together, and a flush alongside must not write it twice
        rows.delete(id);
        if (!(await this.tx.update(r, record as DocRecord & { id: number }, dbVersion)))
          throw new Error(`seed batch: ${r} #${String(record.id)} changed behind the batch`);
      }
    }
  }

  private flushFor(resource: string, filter: Filter): Promise<void> {
    return this.flush(resource, typeof filter.id_neq === 'number' ? filter.id_neq : undefined);
  }

  async list(resource: string, q: ListQuery): Promise<ListResult> {
    if (resource === 'settings' && Object.keys(q.filter).length === 0) {
      this.cache.settings ??= await this.tx.list(resource, q);
      return clone(this.cache.settings);
    }
    const prints = resource === 'auditLog' ? this.cache.printsOf(q) : undefined;
    if (prints) return { rows: prints, total: prints.length };
    await this.flushFor(resource, q.filter);
    return this.tx.list(resource, q);
  }

  async get(resource: string, id: number): Promise<DocRecord | undefined> {
    const hit = this.cache.table(resource)?.get(id);
    if (hit) return clone(hit);
    const rec = await this.tx.get(resource, id);
    this.cache.remember(resource, rec);
    return rec;
  }

  lock(resource: string, id: number): Promise<DocRecord | undefined> {
    return this.get(resource, id);
  }

  async getMany(resource: string, ids: number[]): Promise<DocRecord[]> {
    const t = this.cache.table(resource);
    const missing = t ? ids.filter((id) => !t.has(id)) : ids;
    if (missing.length) for (const rec of await this.tx.getMany(resource, missing)) this.cache.remember(resource, rec);
    const after = this.cache.table(resource);
    // the store's order (by id) for the rows that exist
    return [...new Set(ids)]
      .sort((a, b) => a - b)
      .map((id) => after?.get(id))
      .filter((r): r is DocRecord => r !== undefined)
      .map(clone);
  }

  async sum(resource: string, field: string, filter: Filter) {
    const indexed = resource === 'orders' ? this.cache.sumOrders(field, filter) : undefined;
    if (indexed !== undefined) return indexed;
    await this.flushFor(resource, filter);
    return this.tx.sum(resource, field, filter);
  }

  async aggregate(resource: string, q: AggregateQuery) {
    await this.flush(resource);
    return this.tx.aggregate(resource, q);
  }

  async max(resource: string, field: string) {
    await this.flush(resource);
    return this.tx.max(resource, field);
  }

  async insert(resource: string, record: DocRecord): Promise<DocRecord> {
    const saved = await this.tx.insert(resource, record);
    if (resource !== 'auditLog') this.cache.remember(resource, saved);
    if (resource === 'orders') this.cache.keepOrder(orderRow(saved));
    return saved;
  }

  async update(resource: string, record: DocRecord & { id: number }, expectedVersion: number): Promise<boolean> {
    const current = this.cache.table(resource)?.get(record.id);
    if (!current) {
      // not read through the cache (no step does this): written at once
      const ok = await this.tx.update(resource, record, expectedVersion);
      if (ok) this.cache.remember(resource, record);
      if (ok && resource === 'orders') this.cache.keepOrder(orderRow(record));
      return ok;
    }
    if (current.version !== expectedVersion) return false;
    let rows = this.cache.pending.get(resource);
    if (!rows) this.cache.pending.set(resource, (rows = new Map()));
    rows.set(record.id, { record: clone(record), dbVersion: rows.get(record.id)?.dbVersion ?? expectedVersion });
    this.cache.remember(resource, record);
    if (resource === 'orders') this.cache.keepOrder(orderRow(record));
    return true;
  }

  nextNumber(key: string) {
    return this.tx.nextNumber(key);
  }

  async audit(e: AuditEntry) {
    await this.tx.audit(e);
    this.cache.keepPrint({ ...e, createdAt: e.at, updatedAt: e.at });
  }

  setPasswordHash(userId: number, hash: string) {
    return this.tx.setPasswordHash(userId, hash);
  }

  revokeSessionsOf(userId: number, at: string) {
    return this.tx.revokeSessionsOf(userId, at);
  }
}

/**
 * A Store bound to one open transaction: `transaction(fn)` joins it, reads go through it (and the
 * cache). Only what the document services and the seeders use; the rest is refused loudly.
 */
function boundStore(base: Store, tx: CachedTx): Store {
  const bound: Partial<Store> = {
    kind: base.kind,
    transaction: <T>(fn: (t: Tx) => Promise<T>) => fn(tx),
    list: (r, q) => tx.list(r, q),
    get: (r, id) => tx.get(r, id),
    getMany: (r, ids) => tx.getMany(r, ids),
    sum: (r, f, filter) => tx.sum(r, f, filter),
    aggregate: (r, q) => tx.aggregate(r, q),
    max: (r, f) => tx.max(r, f),
  };
  return new Proxy(bound as Store, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof Store];
      if (prop === 'then') return undefined;
      throw new Error(`seed batch: Store.${String(prop)} is not available inside a batch`);
    },
  });
}

/**
 * Runs `jobs` in order, `perBatch` of them per transaction; each job gets a Store that joins the
 * batch's transaction. The records the batch's jobs will read (`reads`: resource → ids, e.g. the
 * orders their returns are for) are read with one query per resource first. The cache lives as long
 * as this call.
 */
export async function runBatched<J>(
  store: Store,
  jobs: readonly J[],
  perBatch: number,
  run: (s: Store, job: J) => Promise<void>,
  cache = new SeedCache(),
  reads: (job: J) => [resource: string, id: number][] = () => [],
): Promise<void> {
  for (let i = 0; i < jobs.length; i += perBatch) {
    const chunk = jobs.slice(i, i + perBatch);
    cache.batch = new Map();
    await store.transaction(async (tx) => {
      const cached = new CachedTx(tx, cache);
      const wanted = new Map<string, number[]>();
      for (const job of chunk) for (const [r, id] of reads(job)) wanted.set(r, [...(wanted.get(r) ?? []), id]);
      for (const [r, ids] of wanted) await cached.getMany(r, ids);
      const s = boundStore(store, cached);
      for (const job of chunk) await run(s, job);
      await cached.flush();
    });
  }
  cache.batch = new Map();
}
