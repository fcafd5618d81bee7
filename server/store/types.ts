import type { DocRecord } from '../../src/domain/definition';
import type { AggregateQuery, AggregateRow, ListQuery, ListResult } from '../../src/domain/query';
import type { Where } from '../../src/domain/where';

/**
 * The store boundary: the only way the API core reaches storage. Two implementations run the
 * same core and the same API tests: PostgreSQL (the embedded server, or DATABASE_URL's) and the json file
 * store (mock/demo, json-server's db.json format).
 */

export type { Scalar } from '../../src/domain/where';

/**
 * A list filter in the ra-data-simple-rest dialect, already validated against the definition —
 * the domain's `Where` (src/domain/where.ts): exact, any of, `_gte` / `_lte` / `_gt` / `_lt`,
 * `_neq`, `q`. A view's set is one.
 */
export type Filter = Where;

export type { AggregateQuery, AggregateRow, ListQuery, ListResult, Measure } from '../../src/domain/query';

/** how many rows past the requested page a filtered count reads before it stops (PostgreSQL store) */
export const COUNT_BEYOND_PAGE = 500;

export interface AuditEntry {
  at: string;
  userId: number | null;
  userName: string;
  resource: string;
  recordId: number | null;
  code?: string | null;
  action: string;
  /** field → [before, after] for updates; the created record's fields for creates */
  changes: Record<string, unknown>;
}

export interface SessionRow {
  id: string;
  userId: number;
  expiresAt: string;
  revokedAt: string | null;
}

export interface Reader {
  /** reports: aggregations computed by the store (SQL in PostgreSQL) */
  aggregate(resource: string, query: AggregateQuery): Promise<AggregateRow[]>;
  list(resource: string, query: ListQuery): Promise<ListResult>;
  get(resource: string, id: number): Promise<DocRecord | undefined>;
  getMany(resource: string, ids: number[]): Promise<DocRecord[]>;
  /** sum of a money/int column over rows matching the filter (facts such as creditUsed) */
  sum(resource: string, field: string, filter: Filter): Promise<number>;
  /** the greatest value of a column (e.g. the max customer code, 6.3.3) */
  max(resource: string, field: string): Promise<string | number | null>;
}

export interface Tx extends Reader {
  /** read a row for update: it is locked until the transaction ends (workflow actions, PUT) */
  lock(resource: string, id: number): Promise<DocRecord | undefined>;
  insert(resource: string, record: DocRecord): Promise<DocRecord>;
  /** write `record` if the stored version is still `expectedVersion`; false if it changed meanwhile */
  update(resource: string, record: DocRecord & { id: number }, expectedVersion: number): Promise<boolean>;
  /**
   * Wait until no other transaction holds `key`, then hold it until this one ends: for a decision
   * no single row stands for (a new customer's code, max + 1; a unique field's value). Stores
   * whose transactions already run one at a time (json, memory) need not have it.
   */
  serialize?(key: string): Promise<void>;
  /** next number of a daily counter, e.g. nextNumber('SO-20261127') → 42 */
  nextNumber(key: string): Promise<number>;
  audit(entry: AuditEntry): Promise<void>;
  /** users' password hashes live beside the user record, never in it */
  setPasswordHash(userId: number, hash: string): Promise<void>;
  /** revoke every session of a user (deactivated: their tokens never work again, reactivated or not) */
  revokeSessionsOf(userId: number, at: string): Promise<void>;
}

export interface AuthStore {
  findUserForLogin(username: string): Promise<{ user: DocRecord; passwordHash: string | null } | undefined>;
  createSession(row: SessionRow): Promise<void>;
  /** a session and its user, read together (one query per request in the PostgreSQL store) */
  getSessionUser(id: string): Promise<{ session: SessionRow; user: DocRecord | undefined } | undefined>;
  revokeSession(id: string, at: string): Promise<void>;
  /**
   * Record a login attempt as failed — before its password is checked — then count the failures
   * since `since` for this username and this address, this one and every attempt recorded before
   * the count included (attempts at once each see the others recorded before them).
   */
  beginLoginAttempt(
    username: string,
    ip: string,
    at: string,
    since: string,
  ): Promise<{ id: number; byUser: number; byIp: number }>;
  /** the attempt's password was right: it no longer counts as a failure */
  loginSucceeded(id: number): Promise<void>;
}

export interface Store extends Reader, AuthStore {
  readonly kind: 'embedded' | 'postgres' | 'json' | 'memory';
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * A consistent snapshot of everything (one repeatable-read transaction), in the json store's
   * db.json format: one array per resource plus `_meta` (counters, password hashes).
   */
  exportState(): Promise<ExportedState>;
  /** true when the store holds no users yet (first start → seed the demo branch) */
  isEmpty(): Promise<boolean>;
  /**
   * After a bulk load (the seed, an import): leave the store as its housekeeping would — for
   * PostgreSQL VACUUM (ANALYZE), so the first plans are made for the data just loaded and its
   * dead row versions are gone. Nothing to do for the json stores.
   */
  settle?(): Promise<void>;
  close(): Promise<void>;
}

export interface ExportedState {
  [resource: string]: unknown;
  _meta: { counters: Record<string, number>; passwordHashes: Record<string, string>; exportedAt: string; from: string };
}
