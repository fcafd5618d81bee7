import type { DocRecord } from '../../../src/domain/definition';
import type {
  AggregateQuery,
  AggregateRow,
  AuditEntry,
  AuthStore,
  ExportedState,
  Filter,
  ListQuery,
  ListResult,
  Reader,
  SessionRow,
  Store,
  Tx,
} from '../types';
import type { SqlClient, SqlDriver } from './driver';
import { QueryBatch } from './batch';
import { BodyCache } from './bodyCache';
import { listStatement } from './listStatement';
import { orderDayStatsSql } from './rollups';
import { migrate } from './migrate';
import { SqlBuilder } from './sql';
import { DEFINITIONS } from '../../../src/domain/documents';
import { tableSpec, type TableSpec } from './tables';

/** The PostgreSQL store (the embedded server or DATABASE_URL's): typed columns + a JSONB body per record. */

function rowToRecord(row: { id: number; version: number; data: DocRecord }): DocRecord {
  return { ...row.data, id: row.id, version: row.version };
}

/** a `min` as the API gives it: instants as ISO strings (a driver's Date, or JSON text from a batch) */
function minValue(v: unknown, type: string | undefined): AggregateRow[string] {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' && type === 'timestamptz') return new Date(v).toISOString();
  return (v ?? null) as AggregateRow[string];
}

function columnValue(value: unknown, type: string): unknown {
  if (value === undefined || value === '') return null;
  if (type === 'jsonb') return JSON.stringify(value);
  return value;
}

export function searchText(spec: TableSpec, record: DocRecord): string {
  return spec.searchFields
    .map((f) => record[f])
    .filter((v) => v != null && v !== '')
    .join(' ')
    .toLowerCase();
}

/** column list and values for an INSERT/UPDATE of `record` */
export function rowValues(spec: TableSpec, record: DocRecord) {
  const { id: _id, version: _v, ...data } = record;
  const cols: string[] = ['data', 'search'];
  const vals: unknown[] = [JSON.stringify(data), searchText(spec, record)];
  for (const c of spec.columns.values()) {
    if (c.field === 'id' || c.field === 'version') continue;
    cols.push(`"${c.column}"`);
    vals.push(columnValue(record[c.field], c.type));
  }
  return { cols, vals };
}

class PgReader implements Reader {
  /**
   * `batch`: reads asked in the same tick (pages, records, sums, aggregations) go as one statement;
   * `bodies`: for committed reads only (the store, never a transaction) — see BodyCache
   */
  constructor(
    protected readonly db: SqlClient,
    private readonly batch?: QueryBatch,
    private readonly bodies?: BodyCache,
  ) {}

  /**
   * `SELECT id, version${extra} FROM …` — the records of the rows it finds, their bodies from the
   * cache where it has them and in one more statement where not. Without a cache (a transaction)
   * or `cached` false, one statement with the bodies.
   */
  private async records<H extends { id: number; version: number }>(
    table: string,
    select: (cols: string) => string,
    params: unknown[],
    cached: boolean,
  ): Promise<{ head: H[]; rows: DocRecord[] }> {
    if (!this.bodies || !cached) {
      const head = (await this.ask(select('id, version, data'), params)) as (H & { data: DocRecord })[];
      return { head, rows: head.map(rowToRecord) };
    }
    const cache = this.bodies;
    const head = (await this.ask(select('id, version'), params)) as H[];
    const rows: (DocRecord | undefined)[] = head.map((h) => {
      const body = cache.get(table, h.id, h.version);
      return body && rowToRecord({ id: h.id, version: h.version, data: body });
    });
    const missing = head.filter((_, i) => !rows[i]).map((h) => h.id);
    if (missing.length > 0) {
      // a row changed since the first statement comes as it is now; one deleted since is left out
      const byId = new Map((await this.readToCache(cache, table, missing)).map((r) => [r.id, r]));
      head.forEach((h, i) => (rows[i] ??= byId.get(h.id)));
    }
    return { head, rows: rows.filter((r): r is DocRecord => r !== undefined) };
  }

  /** whole records by id as they are now, their bodies kept in the cache (a row deleted since is absent) */
  private async readToCache(cache: BodyCache, table: string, ids: number[]): Promise<DocRecord[]> {
    const rows = (await this.ask(`SELECT id, version, data FROM ${table} WHERE id = ANY($1::int[])`, [ids])) as {
      id: number;
      version: number;
      data: DocRecord;
    }[];
    return rows.map((r) =>
      rowToRecord({ id: r.id, version: r.version, data: cache.keep(table, r.id, r.version, r.data) }),
    );
  }

  private ask(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return this.batch
      ? this.batch.query(sql, params)
      : this.db.query<Record<string, unknown>>(sql, params).then((r) => r.rows);
  }

  async list(resource: string, query: ListQuery): Promise<ListResult> {
    const st = listStatement(resource, query);
    // pages asked together (the inbox asks every document family at once) travel as one statement
    const { head: page, rows } = await this.records<{ id: number; version: number; list_total__?: number }>(
      st.table,
      st.select,
      st.params,
      // pages asked by criteria (lists on screen, the inbox) come back to the same rows all day; a
      // whole unpaged list (a record's history, the seed's walks) or given ids (react-admin's
      // getMany) is read in one statement, not two when the bodies are new
      query.range !== null && !Object.hasOwn(query.filter, 'id'),
    );
    if (!st.range || !st.count) return { rows, total: rows.length };
    // an empty page past the end carries no total: ask for it alone
    const total =
      page.length > 0
        ? Number(page[0].list_total__)
        : st.range[0] === 0
          ? 0
          : ((await this.db.query<{ n: number }>(`SELECT ${st.count} AS n`, st.countParams)).rows[0]?.n ?? 0);
    return !st.filtered || total < st.cap ? { rows, total } : { rows, total, exact: false };
  }

  async get(resource: string, id: number): Promise<DocRecord | undefined> {
    return (await this.byIds(tableSpec(resource).table, [id]))[0];
  }

  async getMany(resource: string, ids: number[]): Promise<DocRecord[]> {
    return ids.length === 0 ? [] : this.byIds(tableSpec(resource).table, ids);
  }

  /**
   * Records by id in one statement. With the body cache, the statement is told the version the
   * cache holds of each and sends the body only where that is not the row's version (a record
   * on screen was usually just on a list page, and turning a body into text is the dear part).
   */
  private async byIds(table: string, ids: number[]): Promise<DocRecord[]> {
    const cache = this.bodies;
    if (!cache) {
      const sql =
        ids.length === 1
          ? `SELECT id, version, data FROM ${table} WHERE id = $1`
          : `SELECT id, version, data FROM ${table} WHERE id = ANY($1::int[])`;
      return (
        (await this.ask(sql, [ids.length === 1 ? ids[0] : ids])) as { id: number; version: number; data: DocRecord }[]
      ).map(rowToRecord);
    }
    type Row = { id: number; version: number; data: DocRecord | null };
    const held = ids.map((id) => cache.versionOf(table, id) ?? 0); // versions start at 1
    const rows = (
      ids.length === 1
        ? await this.ask(
            `SELECT id, version, CASE WHEN version = $2 THEN NULL ELSE data END AS data FROM ${table} WHERE id = $1`,
            [ids[0], held[0]],
          )
        : await this.ask(
            `SELECT id, version, CASE WHEN version = ($2::int[])[array_position($1::int[], id)] THEN NULL ELSE data END AS data FROM ${table} WHERE id = ANY($1::int[])`,
            [ids, held],
          )
    ) as Row[];
    const out: DocRecord[] = [];
    const lost: number[] = [];
    for (const r of rows) {
      const body = r.data ? cache.keep(table, r.id, r.version, r.data) : cache.get(table, r.id, r.version);
      if (body) out.push(rowToRecord({ id: r.id, version: r.version, data: body }));
      else lost.push(r.id); // let go by the cache since it was asked: read it whole
    }
    if (lost.length > 0) out.push(...(await this.readToCache(cache, table, lost)));
    return out;
  }

  async aggregate(resource: string, query: AggregateQuery): Promise<AggregateRow[]> {
    // the question answered from the rollup the database keeps ready, when it can be (migration 010)
    const ready = orderDayStatsSql(resource, query);
    const { sql, params } = ready ?? this.aggregateSql(resource, query);
    const rows = await this.ask(sql, params);
    const spec = tableSpec(resource);
    const names = Object.keys(query.measures);
    return rows.map((row) => {
      const out: AggregateRow = {};
      query.groupBy.forEach((g, i) => (out[g.field] = (row[`g${i}`] ?? null) as AggregateRow[string]));
      names.forEach((n, i) => {
        const v = row[`m${i}`];
        const m = query.measures[n];
        out[n] = m.op === 'sum' ? Number(v) : m.op === 'min' ? minValue(v, spec.columns.get(m.field)?.type) : Number(v);
      });
      return out;
    });
  }

  /** the aggregation computed from the table itself */
  private aggregateSql(resource: string, query: AggregateQuery): { sql: string; params: unknown[] } {
    const spec = tableSpec(resource);
    const col = (field: string) => {
      const c = spec.columns.get(field);
      if (!c) throw new Error(`cannot aggregate on ${resource}.${field}: not a column`);
      return `"${c.column}"`;
    };
    const b = new SqlBuilder(spec);
    const where = b.where(query.filter);
    const groups = query.groupBy.map((g) =>
      g.day ? `to_char((${col(g.field)} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')` : col(g.field),
    );
    const select = [
      ...groups.map((expr, i) => `${expr} AS g${i}`),
      ...Object.values(query.measures).map((m, i) => {
        const name = `m${i}`;
        switch (m.op) {
          case 'count':
            return `count(*)::int AS ${name}`;
          case 'sum':
            return `coalesce(sum(${col(m.field)}), 0)::text AS ${name}`;
          case 'countTrue':
            return `count(*) FILTER (WHERE ${col(m.field)})::int AS ${name}`;
          case 'countLe':
            return `count(*) FILTER (WHERE ${col(m.field)} <= ${col(m.than)})::int AS ${name}`;
          case 'min':
            return `min(${col(m.field)}) AS ${name}`;
        }
      }),
    ];
    const sql = `SELECT ${select.join(', ')} FROM ${spec.table} ${where}${groups.length ? ` GROUP BY ${groups.map((_, i) => i + 1).join(', ')}` : ''}`;
    return { sql, params: b.params };
  }

  async sum(resource: string, field: string, filter: Filter): Promise<number> {
    const spec = tableSpec(resource);
    const col = spec.columns.get(field);
    if (!col) throw new Error(`cannot sum ${field}`);
    const b = new SqlBuilder(spec);
    const where = b.where(filter);
    const rows = await this.ask(`SELECT sum("${col.column}")::text AS s FROM ${spec.table} ${where}`, b.params);
    return Number(rows[0]?.s ?? 0);
  }

  async max(resource: string, field: string): Promise<string | number | null> {
    const spec = tableSpec(resource);
    const col = spec.columns.get(field);
    if (!col) throw new Error(`cannot max ${field}`);
    const r = await this.db.query<{ m: string | number | null }>(`SELECT max("${col.column}") AS m FROM ${spec.table}`);
    return r.rows[0]?.m ?? null;
  }
}

class PgTx extends PgReader implements Tx {
  /** reads asked in one tick travel as one statement here too; any other statement first sends them, so order is kept */
  constructor(client: SqlClient) {
    const batch = new QueryBatch(client);
    super({ query: (sql, params) => (batch.drain(), client.query(sql, params)) }, batch);
  }

  async lock(resource: string, id: number): Promise<DocRecord | undefined> {
    const spec = tableSpec(resource);
    const r = await this.db.query<{ id: number; version: number; data: DocRecord }>(
      `SELECT id, version, data FROM ${spec.table} WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return r.rows[0] ? rowToRecord(r.rows[0]) : undefined;
  }

  async serialize(key: string): Promise<void> {
    // a transaction-level advisory lock, in a key space of its own (migrate.ts uses the one-number form)
    await this.db.query('SELECT pg_advisory_xact_lock(20261128, hashtext($1))', [key]);
  }

  async insert(resource: string, record: DocRecord): Promise<DocRecord> {
    const spec = tableSpec(resource);
    const { cols, vals } = rowValues(spec, record);
    cols.push('version');
    vals.push(record.version ?? 1);
    if (typeof record.id === 'number') {
      // an import keeps its ids (references depend on them); see resetSequences
      cols.push('id');
      vals.push(record.id);
    }
    const placeholders = vals.map((_, i) => `$${i + 1}`);
    const r = await this.db.query<{ id: number }>(
      `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING id`,
      vals,
    );
    return { ...record, id: r.rows[0].id, version: record.version ?? 1 };
  }

  async update(resource: string, record: DocRecord & { id: number }, expectedVersion: number): Promise<boolean> {
    const spec = tableSpec(resource);
    const { cols, vals } = rowValues(spec, record);
    const sets = cols.map((c, i) => `${c} = $${i + 1}`);
    vals.push(record.version, record.id, expectedVersion);
    const n = vals.length;
    const r = await this.db.query(
      `UPDATE ${spec.table} SET ${sets.join(', ')}, version = $${n - 2} WHERE id = $${n - 1} AND version = $${n} RETURNING id`,
      vals,
    );
    return r.rows.length === 1;
  }

  async nextNumber(key: string): Promise<number> {
    const r = await this.db.query<{ value: number }>(
      'INSERT INTO counters (key, value) VALUES ($1, 1) ON CONFLICT (key) DO UPDATE SET value = counters.value + 1 RETURNING value',
      [key],
    );
    return r.rows[0].value;
  }

  async audit(e: AuditEntry): Promise<void> {
    const spec = tableSpec('auditLog');
    await this.db.query(
      `INSERT INTO ${spec.table} (data, search, at, user_id, resource, record_id, action) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        JSON.stringify(e),
        `${e.userName} ${e.code ?? ''}`.toLowerCase(),
        e.at,
        e.userId,
        e.resource,
        e.recordId,
        e.action,
      ],
    );
  }

  async setPasswordHash(userId: number, hash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $1 WHERE id = $2', [hash, userId]);
  }

  async revokeSessionsOf(userId: number, at: string): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, at]);
  }
}

interface StoreOptions {
  /** how many bodies the body cache keeps (BodyCache's default when not given) */
  bodyCacheSize?: number;
}

export class PgStore extends PgReader implements Store, AuthStore {
  readonly kind: 'embedded' | 'postgres';
  constructor(
    private readonly driver: SqlDriver,
    opts: StoreOptions = {},
  ) {
    super(driver, new QueryBatch(driver), new BodyCache(opts.bodyCacheSize));
    this.kind = driver.kind;
  }

  static async open(driver: SqlDriver, opts: StoreOptions = {}): Promise<PgStore> {
    await migrate(driver);
    return new PgStore(driver, opts);
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.driver.transaction((client) => fn(new PgTx(client)));
  }

  async exportState(): Promise<ExportedState> {
    return this.driver.transaction(async (c) => {
      await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const out: ExportedState = {
        _meta: { counters: {}, passwordHashes: {}, exportedAt: new Date().toISOString(), from: this.kind },
      };
      for (const resource of Object.keys(DEFINITIONS)) {
        const spec = tableSpec(resource);
        const r = await c.query<{ id: number; version: number; data: DocRecord }>(
          `SELECT id, version, data FROM ${spec.table} ORDER BY id`,
        );
        out[resource] = r.rows.map(rowToRecord);
      }
      for (const row of (await c.query<{ key: string; value: number }>('SELECT key, value FROM counters')).rows)
        out._meta.counters[row.key] = row.value;
      for (const row of (
        await c.query<{ id: number; password_hash: string | null }>('SELECT id, password_hash FROM users')
      ).rows) {
        if (row.password_hash) out._meta.passwordHashes[String(row.id)] = row.password_hash;
      }
      return out;
    });
  }

  async isEmpty(): Promise<boolean> {
    const r = await this.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    return r.rows[0].n === 0;
  }

  /** after a bulk load: autovacuum would get there, but the first plans should be made for the data just loaded */
  async settle(): Promise<void> {
    await this.driver.exec('VACUUM (ANALYZE)');
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** after rows were inserted with their own ids (import), continue the id sequences after them */
  async resetSequences(): Promise<void> {
    for (const resource of Object.keys(DEFINITIONS)) {
      const t = tableSpec(resource).table;
      await this.driver.query(
        `SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT max(id) FROM ${t}), 1))`,
      );
    }
  }

  async setCounter(key: string, value: number): Promise<void> {
    await this.driver.query(
      'INSERT INTO counters (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = GREATEST(counters.value, $2)',
      [key, value],
    );
  }

  /** raw SQL for tests, import and the bench's data */
  get sql(): SqlClient {
    return this.driver;
  }

  async findUserForLogin(username: string) {
    const r = await this.driver.query<{ id: number; version: number; data: DocRecord; password_hash: string | null }>(
      'SELECT id, version, data, password_hash FROM users WHERE username = $1',
      [username],
    );
    const row = r.rows[0];
    return row ? { user: rowToRecord(row), passwordHash: row.password_hash } : undefined;
  }

  async createSession(s: SessionRow): Promise<void> {
    await this.driver.query('INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)', [
      s.id,
      s.userId,
      s.expiresAt,
    ]);
  }

  async getSessionUser(id: string): Promise<{ session: SessionRow; user: DocRecord | undefined } | undefined> {
    const r = await this.driver.query<{
      id: string;
      user_id: number;
      expires_at: Date;
      revoked_at: Date | null;
      u_version: number | null;
      u_data: DocRecord | null;
    }>(
      `SELECT s.id, s.user_id, s.expires_at, s.revoked_at, u.version AS u_version, u.data AS u_data
         FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      [id],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    return {
      session: {
        id: row.id,
        userId: row.user_id,
        expiresAt: new Date(row.expires_at).toISOString(),
        revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
      },
      user: row.u_data ? rowToRecord({ id: row.user_id, version: row.u_version ?? 1, data: row.u_data }) : undefined,
    };
  }

  async revokeSession(id: string, at: string): Promise<void> {
    await this.driver.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
  }

  async beginLoginAttempt(username: string, ip: string, at: string, since: string) {
    // two statements, not one: the count's snapshot must follow this attempt's commit, so of
    // attempts at once each counts every one committed before it (one statement's snapshot would not)
    const ins = await this.driver.query<{ id: number }>(
      'INSERT INTO login_attempts (username, ip, at, ok) VALUES ($1, $2, $3, false) RETURNING id',
      [username, ip, at],
    );
    const r = await this.driver.query<{ by_user: number; by_ip: number }>(
      `SELECT (SELECT count(*)::int FROM login_attempts WHERE username = $1 AND at >= $3 AND NOT ok) AS by_user,
              (SELECT count(*)::int FROM login_attempts WHERE ip = $2 AND at >= $3 AND NOT ok) AS by_ip`,
      [username, ip, since],
    );
    return { id: ins.rows[0].id, byUser: r.rows[0].by_user, byIp: r.rows[0].by_ip };
  }

  async loginSucceeded(id: number): Promise<void> {
    await this.driver.query('UPDATE login_attempts SET ok = true WHERE id = $1', [id]);
  }
}
