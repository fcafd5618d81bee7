import { lockDataDir } from './dataDirLock';
import { PreparedStatements, runStatement } from './pgliteStatement';

/**
 * The two PostgreSQL drivers behind one small interface: PGlite (real PostgreSQL compiled to
 * WASM, in-process, a data directory — the embedded default) and node-postgres (a server via
 * DATABASE_URL). The SQL is the same for both.
 */
export interface SqlClient {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface SqlDriver extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPglite(dataDir: string | undefined): Promise<SqlDriver> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  // one process at a time on a data folder (dataDirLock.ts); none for an in-memory database
  const lock = dataDir ? lockDataDir(dataDir) : null;
  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create(dataDir ? { dataDir, extensions: { pg_trgm } } : { extensions: { pg_trgm } });
  } catch (e) {
    lock?.release();
    throw e;
  }
  try {
    // statements are prepared once (pgliteStatement.ts); one with parameters is planned for each
    // run's values, never with PostgreSQL's generic plan (see there why)
    await db.exec('SET plan_cache_mode = force_custom_plan');
  } catch (e) {
    await db.close().catch(() => undefined);
    lock?.release();
    throw e;
  }
  // Statements go as one call each (runStatement), under PGlite's own locks, as its query() does:
  // outside a transaction it waits for any transaction to end; inside, for the statement before.
  // Each text is prepared once on this, the one connection (pgliteStatement.ts).
  const prepared = new PreparedStatements();
  return {
    kind: 'pglite',
    query: async (sql, params) => {
      await db._checkReady();
      return db._runExclusiveTransaction(() => db._runExclusiveQuery(() => runStatement(db, prepared, sql, params, true)));
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async (sql, params) => {
            if (tx.closed) throw new Error('Transaction is closed');
            return db._runExclusiveQuery(() => runStatement(db, prepared, sql, params, false));
          },
        }),
      ),
    exec: async (sql) => {
      await db.exec(sql);
      // DDL may change what a prepared statement answers: each is prepared again when next asked
      prepared.closeAll();
    },
    close: async () => {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export async function openPostgres(url: string): Promise<SqlDriver> {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined); // an idle client lost its server; the next query reconnects
  return {
    kind: 'postgres',
    query: (sql, params) => pool.query(sql, params as unknown[]) as never,
    transaction: async (fn) => {
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
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
