import pg from 'pg';

/**
 * The one SQL path: node-postgres to a PostgreSQL server — the embedded one the app runs under
 * DATA_DIR (embedded/cluster.ts) or a server named by DATABASE_URL. The same code and SQL for both.
 */
export interface SqlClient {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface SqlDriver extends SqlClient {
  readonly kind: 'embedded' | 'postgres';
  transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL's codes for "run it again": a serialization failure or a deadlock */
const RETRYABLE = new Set(['40001', '40P01']);
/** how many times a transaction that lost such a race runs again before its caller hears of it */
export const TX_ATTEMPTS = 4;

export async function openPostgres(
  url: string,
  kind: SqlDriver['kind'] = 'postgres',
  onClose?: () => Promise<void>,
): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined); // an idle client lost its server; the next query reconnects
  const once = async <T>(fn: (client: SqlClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn({ query: (sql, params) => client.query(sql, params as unknown[]) as never });
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  };
  return {
    kind,
    query: (sql, params) => pool.query(sql, params as unknown[]) as never,
    // a transaction that deadlocked with another (each locked a row the other wants next) is
    // rolled back by PostgreSQL; it runs again from the start, with what the other committed
    transaction: async (fn) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(fn);
        } catch (e) {
          if (attempt >= TX_ATTEMPTS || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
          await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
        }
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: async () => {
      try {
        await pool.end();
      } finally {
        await onClose?.();
      }
    },
  };
}
