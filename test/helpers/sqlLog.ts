import type { SqlClient, SqlDriver } from '../../server/store/pg/driver';

/** `client` as it is, but the SQL of every statement it sends goes into `sent` first */
export function recording(client: SqlClient, sent: string[]): SqlClient {
  return { query: (sql, params) => (sent.push(sql), client.query(sql, params)) };
}

/** `driver` as it is, its statements recorded in and out of transactions */
export function recordingDriver(driver: SqlDriver, sent: string[]): SqlDriver {
  return {
    ...driver,
    query: recording(driver, sent).query,
    transaction: (fn) => driver.transaction((c) => fn(recording(c, sent))),
  };
}
