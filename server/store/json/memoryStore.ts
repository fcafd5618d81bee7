import type { DocRecord } from '../../../src/domain/definition';
import { shanghaiDate } from '../../../src/domain/calendar';
import { DEFINITIONS } from '../../../src/domain/documents';
import { fenToYuan, sumFen, yuanToFen } from '../../../src/domain/money';
import { compareValues, whereTest } from '../../../src/domain/where';
import type {
  AggregateQuery,
  AggregateRow,
  AuditEntry,
  Filter,
  ListQuery,
  ListResult,
  SessionRow,
  Store,
  Tx,
} from '../types';

/**
 * The in-memory store, and the state of the json file store (json-server's db.json format:
 * one array per resource). Used by the json mock/demo server and by MSW in component tests.
 * Transactions run one at a time; a failed one changes nothing.
 */

export interface JsonState {
  [resource: string]: unknown;
  _meta: {
    counters: Record<string, number>;
    nextId: Record<string, number>;
    passwordHashes: Record<string, string>;
    sessions: Record<string, SessionRow>;
    loginAttempts: { id?: number; username: string; ip: string; at: string; ok: boolean }[];
  };
}

export function emptyState(): JsonState {
  const s: JsonState = { _meta: { counters: {}, nextId: {}, passwordHashes: {}, sessions: {}, loginAttempts: [] } };
  for (const r of Object.keys(DEFINITIONS)) s[r] = [];
  return s;
}

const cmp = compareValues;

/** the fields `q` looks in, per resource (worked out once: a list tests every row of a table) */
const SEARCH_FIELDS = new Map<string, string[]>();
function searchFields(resource: string): string[] {
  let fields = SEARCH_FIELDS.get(resource);
  if (!fields) {
    const def = DEFINITIONS[resource];
    fields = def
      ? Object.entries(def.fields)
          .filter(([, f]) => f.search)
          .map(([k]) => k)
      : [];
    SEARCH_FIELDS.set(resource, fields);
  }
  return fields;
}

export class MemoryStore implements Store {
  readonly kind: 'json' | 'memory' = 'memory';
  protected state: JsonState;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(state?: JsonState) {
    this.state = state ?? emptyState();
  }

  protected rows(resource: string, state = this.state): DocRecord[] {
    const r = state[resource];
    if (!Array.isArray(r)) throw new Error(`no table for resource ${resource}`);
    return r as DocRecord[];
  }

  /** called after a transaction's changes are applied; the json store writes the file here */
  protected async persist(_state: JsonState): Promise<void> {}

  async list(resource: string, q: ListQuery): Promise<ListResult> {
    const test = whereTest(q.filter, searchFields(resource));
    const all = this.rows(resource).filter(test);
    const dir = q.sort.order === 'ASC' ? 1 : -1;
    all.sort((a, b) => cmp(a[q.sort.field], b[q.sort.field]) * dir || (Number(a.id) - Number(b.id)) * dir);
    const rows = q.range ? all.slice(q.range[0], q.range[1] + 1) : all;
    return { rows: rows.map((r) => structuredClone(r)), total: all.length };
  }

  async get(resource: string, id: number) {
    const r = this.rows(resource).find((x) => x.id === id);
    return r ? structuredClone(r) : undefined;
  }

  async getMany(resource: string, ids: number[]) {
    const set = new Set(ids);
    return this.rows(resource)
      .filter((x) => set.has(Number(x.id)))
      .map((r) => structuredClone(r));
  }

  async aggregate(resource: string, q: AggregateQuery): Promise<AggregateRow[]> {
    const groups = new Map<string, { key: AggregateRow; rows: DocRecord[] }>();
    const test = whereTest(q.filter, searchFields(resource));
    for (const r of this.rows(resource)) {
      if (!test(r)) continue;
      const key: AggregateRow = {};
      for (const g of q.groupBy) {
        const v = r[g.field];
        key[g.field] = g.day
          ? typeof v === 'string' && v
            ? shanghaiDate(new Date(v))
            : null
          : ((v ?? null) as AggregateRow[string]);
      }
      const k = JSON.stringify(key);
      const entry = groups.get(k) ?? { key, rows: [] };
      entry.rows.push(r);
      groups.set(k, entry);
    }
    if (q.groupBy.length === 0 && groups.size === 0) groups.set('{}', { key: {}, rows: [] });
    return [...groups.values()].map(({ key, rows }) => {
      const out: AggregateRow = { ...key };
      for (const [name, m] of Object.entries(q.measures)) {
        if (m.op === 'count') out[name] = rows.length;
        else if (m.op === 'sum') out[name] = fenToYuan(sumFen(rows.map((r) => yuanToFen(Number(r[m.field]) || 0))));
        else if (m.op === 'countTrue') out[name] = rows.filter((r) => r[m.field] === true).length;
        else if (m.op === 'countLe')
          out[name] = rows.filter(
            (r) => r[m.field] != null && r[m.than] != null && cmp(r[m.field], r[m.than]) <= 0,
          ).length;
        else {
          const vals = rows.map((r) => r[m.field]).filter((v) => v != null);
          out[name] = vals.length ? (vals.reduce((a, b) => (cmp(a, b) <= 0 ? a : b)) as AggregateRow[string]) : null;
        }
      }
      return out;
    });
  }

  async sum(resource: string, field: string, filter: Filter) {
    return this.rows(resource)
      .filter(whereTest(filter, searchFields(resource)))
      .reduce((s, r) => s + (Number(r[field]) || 0), 0);
  }

  async max(resource: string, field: string) {
    let m: string | number | null = null;
    for (const r of this.rows(resource)) {
      const v = r[field] as string | number | null | undefined;
      if (v != null && (m == null || cmp(v, m) > 0)) m = v;
    }
    return m;
  }

  /**
   * Serialise transactions; work on a copy (copy-on-write per table: a table's array is copied
   * on its first write, records are replaced, never mutated), swap it in and persist only when
   * everything succeeded.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const run = async () => {
      const draft: JsonState = { ...this.state, _meta: structuredClone(this.state._meta) };
      const tx = new MemoryTx(draft);
      const out = await fn(tx);
      await this.persist(draft); // throws → the in-memory state stays as it was (what is on disk)
      this.state = draft;
      return out;
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  async exportState() {
    await this.queue; // after the transactions already queued
    const s = structuredClone(this.state);
    const { counters, passwordHashes } = s._meta;
    return { ...s, _meta: { counters, passwordHashes, exportedAt: new Date().toISOString(), from: this.kind } };
  }

  async isEmpty() {
    return this.rows('users').length === 0;
  }

  async close() {
    await this.queue;
  }

  async findUserForLogin(username: string) {
    const user = this.rows('users').find((u) => u.username === username);
    return user
      ? { user: structuredClone(user), passwordHash: this.state._meta.passwordHashes[String(user.id)] ?? null }
      : undefined;
  }

  private meta(fn: (m: JsonState['_meta']) => void): Promise<void> {
    return this.transaction(async (tx) => fn((tx as MemoryTx).state._meta));
  }

  createSession(s: SessionRow) {
    return this.meta((m) => void (m.sessions[s.id] = s));
  }

  async getSessionUser(id: string) {
    const s = this.state._meta.sessions[id];
    return s ? { session: { ...s }, user: await this.get('users', s.userId) } : undefined;
  }

  revokeSession(id: string, at: string) {
    return this.meta((m) => {
      if (m.sessions[id] && !m.sessions[id].revokedAt) m.sessions[id].revokedAt = at;
    });
  }

  async beginLoginAttempt(username: string, ip: string, at: string, since: string) {
    let id = 0;
    let counts = { byUser: 0, byIp: 0 };
    // recorded and counted in one transaction: transactions run one at a time
    await this.meta((m) => {
      id = (m.loginAttempts.at(-1)?.id ?? 0) + 1;
      m.loginAttempts.push({ id, username, ip, ok: false, at });
      if (m.loginAttempts.length > 5000) m.loginAttempts.splice(0, m.loginAttempts.length - 5000);
      const recent = m.loginAttempts.filter((a) => !a.ok && a.at >= since);
      counts = {
        byUser: recent.filter((a) => a.username === username).length,
        byIp: recent.filter((a) => a.ip === ip).length,
      };
    });
    return { id, ...counts };
  }

  loginSucceeded(id: number) {
    return this.meta((m) => {
      const a = m.loginAttempts.find((x) => x.id === id);
      if (a) a.ok = true;
    });
  }
}

class MemoryTx implements Tx {
  private copied = new Set<string>();
  constructor(readonly state: JsonState) {}
  private reader = () => new MemoryStore(this.state);
  /** the table, copied on the first write of this transaction */
  private rows(resource: string): DocRecord[] {
    const r = this.state[resource];
    if (!Array.isArray(r)) throw new Error(`no table for resource ${resource}`);
    if (!this.copied.has(resource)) {
      this.copied.add(resource);
      this.state[resource] = r.slice();
    }
    return this.state[resource] as DocRecord[];
  }
  list(resource: string, q: ListQuery) {
    return this.reader().list(resource, q);
  }
  get(resource: string, id: number) {
    return this.reader().get(resource, id);
  }
  lock(resource: string, id: number) {
    return this.reader().get(resource, id);
  }
  getMany(resource: string, ids: number[]) {
    return this.reader().getMany(resource, ids);
  }
  sum(resource: string, field: string, filter: Filter) {
    return this.reader().sum(resource, field, filter);
  }
  aggregate(resource: string, q: AggregateQuery) {
    return this.reader().aggregate(resource, q);
  }
  max(resource: string, field: string) {
    return this.reader().max(resource, field);
  }
  async insert(resource: string, record: DocRecord) {
    const ids = this.state._meta.nextId;
    const rows = this.rows(resource);
    const id = ids[resource] ?? rows.reduce((m, r) => Math.max(m, Number(r.id) || 0), 0) + 1;
    ids[resource] = id + 1;
    const { password: _p, ...rest } = record;
    const stored = { ...structuredClone(rest), id, version: record.version ?? 1 };
    rows.push(stored);
    return structuredClone(stored);
  }
  async update(resource: string, record: DocRecord & { id: number }, expectedVersion: number) {
    const rows = this.rows(resource);
    const i = rows.findIndex((r) => r.id === record.id);
    if (i < 0 || rows[i].version !== expectedVersion) return false;
    rows[i] = structuredClone(record);
    return true;
  }
  async nextNumber(key: string) {
    const c = this.state._meta.counters;
    c[key] = (c[key] ?? 0) + 1;
    return c[key];
  }
  async audit(e: AuditEntry) {
    await this.insert('auditLog', { ...e, createdAt: e.at, updatedAt: e.at });
  }
  async setPasswordHash(userId: number, hash: string) {
    this.state._meta.passwordHashes[String(userId)] = hash;
  }
  async revokeSessionsOf(userId: number, at: string) {
    for (const s of Object.values(this.state._meta.sessions)) if (s.userId === userId && !s.revokedAt) s.revokedAt = at;
  }
}
