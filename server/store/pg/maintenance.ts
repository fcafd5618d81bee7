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
 * - every night at 03:00 Shanghai time, when no branch is working, VACUUM (ANALYZE);
 * - and when the machine was off at 03:00 (a branch PC shut down at night): once the last
 *   VACUUM is more than a day old, at the first IDLE_BEFORE_CATCH_UP without a single query.
 * Each runs on the one PGlite connection, queued between requests, never inside one. The time of
 * the last VACUUM is kept in the database (`housekeeping`, migration 013), so it survives restarts.
 */

export const ANALYZE_EVERY = 5000;
const NIGHTLY_AT_MINUTE = 3 * 60;
/** a VACUUM older than this is caught up … */
export const VACUUM_STALE_AFTER_MS = 26 * 3_600_000;
/** … once the database has been this long without a query */
export const IDLE_BEFORE_CATCH_UP_MS = 10 * 60_000;
const CHECK_EVERY_MS = 60_000;

export interface Maintenance {
  /** a write transaction committed */
  wrote(): void;
  /** a query is being asked (a request is being served) */
  busy(): void;
  stop(): void;
}

const VACUUM = 'VACUUM (ANALYZE)';
export const RECORD_VACUUM = "INSERT INTO housekeeping (task, done_at) VALUES ('vacuum', now()) ON CONFLICT (task) DO UPDATE SET done_at = excluded.done_at";

export function startMaintenance(db: SqlDriver, log: (msg: string) => void = () => undefined, clock: () => number = Date.now): Maintenance {
  let writes = 0;
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastQuery = clock();
  /** when the last VACUUM ran (ms), as far as we know; null: not known yet */
  let lastVacuum: number | null = null;

  const run = (what: string, sql: string) => {
    if (running || stopped) return;
    const t0 = clock();
    running = db
      .exec(sql)
      .then(async () => {
        if (sql === VACUUM) {
          lastVacuum = clock();
          await db.query(RECORD_VACUUM);
        }
        log(`maintenance: ${what} in ${clock() - t0} ms`);
      })
      .catch((e: unknown) => log(`maintenance: ${what} failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        running = null;
      });
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      run('nightly VACUUM (ANALYZE)', VACUUM);
      schedule();
    }, msUntilNight(new Date(clock())));
    timer.unref();
  };

  void db
    .query<{ at: string | Date | null }>("SELECT done_at AS at FROM housekeeping WHERE task = 'vacuum'")
    .then((r) => {
      const at = r.rows[0]?.at;
      lastVacuum = at ? new Date(at).getTime() : 0;
    })
    .catch(() => undefined);
  const catchUp = setInterval(() => {
    if (lastVacuum === null || clock() - lastVacuum < VACUUM_STALE_AFTER_MS || clock() - lastQuery < IDLE_BEFORE_CATCH_UP_MS) return;
    run(`VACUUM (ANALYZE) missed at night (last ${lastVacuum ? new Date(lastVacuum).toISOString() : 'never'}), caught up while idle`, VACUUM);
  }, CHECK_EVERY_MS);
  catchUp.unref();

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
    busy() {
      lastQuery = clock();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(catchUp);
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
