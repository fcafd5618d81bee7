import type { SqlClient } from './driver';

/**
 * Questions asked in the same tick go to PostgreSQL as ONE statement. The queues report and the
 * inbox ask a dozen or more tables at once (Promise.all); on the embedded database every statement
 * pays its own planning and relation opening (~0.4 ms even for a count an index answers), and its
 * queries run one after the other anyway, so 17 status counts took ~7 ms asked apart and ~2 ms as
 * one UNION ALL. Each question keeps its own SQL and parameters (renumbered); its rows come back
 * as one JSON array (`json_agg`, in the order its query gives them), so questions of different
 * shapes travel together, and a question of many rows (a 90-day trend: 720 day × assistant rows)
 * crosses as one value, not one protocol message per row. One question alone is sent as it is.
 * If the statement fails, every question in it fails.
 */
export class QueryBatch {
  private pending: {
    sql: string;
    params: unknown[];
    resolve: (rows: Record<string, unknown>[]) => void;
    reject: (e: unknown) => void;
  }[] = [];

  constructor(private readonly db: SqlClient) {}

  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ sql, params, resolve, reject });
      if (this.pending.length === 1) queueMicrotask(() => void this.flush());
    });
  }

  /** send what is waiting now (before a statement that must come after it, e.g. a write in a transaction) */
  drain(): void {
    if (this.pending.length) void this.flush();
  }

  private async flush() {
    const asks = this.pending;
    if (asks.length === 0) return;
    this.pending = [];
    if (asks.length === 1) {
      const [a] = asks;
      this.db.query<Record<string, unknown>>(a.sql, a.params).then((r) => a.resolve(r.rows), a.reject);
      return;
    }
    const params: unknown[] = [];
    const parts = asks.map((a, k) => {
      const sql = renumberParams(a.sql, params.length);
      params.push(...a.params);
      return `(SELECT ${k} AS k, coalesce(json_agg(x), '[]')::text AS r FROM (${sql}) AS x)`;
    });
    try {
      const r = await this.db.query<{ k: number; r: string }>(parts.join(' UNION ALL '), params);
      const rows = asks.map((): Record<string, unknown>[] => []);
      for (const row of r.rows) rows[row.k] = JSON.parse(row.r) as Record<string, unknown>[];
      asks.forEach((a, i) => a.resolve(rows[i]));
    } catch (e) {
      for (const a of asks) a.reject(e);
    }
  }
}

/** `$1 … $n` → `$(1+offset) …`; our SQL has `$` only in parameters (values are always bound) */
export function renumberParams(sql: string, offset: number): string {
  return offset ? sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`) : sql;
}
