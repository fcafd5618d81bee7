import { shanghaiDate } from '../../../src/domain/calendar';
import type { SqlDriver } from './driver';

/**
 * Housekeeping for the embedded database. A PostgreSQL server runs autovacuum; PGlite runs in our
 * process with no background workers, so nothing would ever refresh the planner's statistics or
 * reclaim the dead row versions every UPDATE leaves — a branch's database would slowly bloat and
 * its query plans would be made for the day it started. So, for PGlite only:
 * - at start, ANALYZE the tables without statistics (a fresh, restored or imported branch; an
 *   empty table costs nothing);
 * - after every ANALYZE_EVERY committed write transactions, ANALYZE (a fraction of a second);
 * - every night at 03:00 Shanghai time, when no branch is working, VACUUM (ANALYZE).
 * Each runs on the one PGlite connection, queued between requests, never inside one.
 */

export const ANALYZE_EVERY = 5000;
const NIGHTLY_AT_MINUTE = 3 * 60;

export interface Maintenance {
  /** a write transaction committed */
  wrote(): void;
  stop(): void;
}

export function startMaintenance(db: SqlDriver, log: (msg: string) => void = () => undefined): Maintenance {
  let writes = 0;
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const run = (what: string, sql: string) => {
    if (running || stopped) return;
    const t0 = Date.now();
    running = db
      .exec(sql)
      .then(() => log(`maintenance: ${what} in ${Date.now() - t0} ms`))
      .catch((e: unknown) => log(`maintenance: ${what} failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        running = null;
      });
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      run('nightly VACUUM (ANALYZE)', 'VACUUM (ANALYZE)');
      schedule();
    }, msUntilNight(new Date()));
    timer.unref();
  };

  void db
    .query<{ tbl: string }>(
      `SELECT c.relname AS tbl FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = current_schema()
          AND NOT EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname)`,
    )
    .then((r) => {
      if (r.rows.length) run(`ANALYZE of ${r.rows.length} tables without statistics`, `ANALYZE ${r.rows.map((x) => `"${x.tbl}"`).join(', ')}`);
    })
    .catch(() => undefined);
  schedule();

  return {
    wrote() {
      if (++writes % ANALYZE_EVERY === 0) run(`ANALYZE after ${ANALYZE_EVERY} writes`, 'ANALYZE');
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** milliseconds from `now` to the next 03:00 in Shanghai (UTC+8, no daylight saving) */
export function msUntilNight(now: Date): number {
  const today = shanghaiDate(now);
  let next = Date.parse(`${today}T00:00:00+08:00`) + NIGHTLY_AT_MINUTE * 60_000;
  if (next <= now.getTime()) next += 86_400_000;
  return next - now.getTime();
}
