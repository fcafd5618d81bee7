import { describe, expect, it } from 'vitest';
import type { SqlDriver } from '../../server/store/pg/driver';
import { ANALYZE_EVERY, IDLE_BEFORE_CATCH_UP_MS, msUntilNight, startMaintenance, VACUUM_STALE_AFTER_MS } from '../../server/store/pg/maintenance';
import { openPglite } from '../../server/store/pg/driver';
import { PgStore } from '../../server/store/pg/pgStore';

/** The embedded database's housekeeping: PGlite has no autovacuum, so the store does it. */

const H = 3_600_000;

describe('nightly time', () => {
  it('is the next 03:00 in Shanghai', () => {
    expect(msUntilNight(new Date('2026-11-27T18:00:00Z'))).toBe(1 * H); // 02:00 Shanghai → 1 h
    expect(msUntilNight(new Date('2026-11-27T19:00:00Z'))).toBe(24 * H); // exactly 03:00 → tomorrow's
    expect(msUntilNight(new Date('2026-11-27T06:30:00Z'))).toBe(12.5 * H); // 14:30 → 03:00 next day
  });
});

function fakeDriver(tablesWithoutStats: string[]) {
  const execs: string[] = [];
  const driver = {
    kind: 'pglite',
    query: async () => ({ rows: tablesWithoutStats.map((tbl) => ({ tbl })) }),
    exec: async (sql: string) => void execs.push(sql),
    transaction: async () => undefined,
    close: async () => undefined,
  } as unknown as SqlDriver;
  return { driver, execs };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('maintenance', () => {
  it('analyzes at start the tables without statistics', async () => {
    const { driver, execs } = fakeDriver(['orders', 'quotes']);
    const m = startMaintenance(driver);
    await settle();
    m.stop();
    expect(execs).toEqual(['ANALYZE "orders", "quotes"']);
  });

  it(`analyzes again after every ${ANALYZE_EVERY} write transactions`, async () => {
    const { driver, execs } = fakeDriver([]);
    const m = startMaintenance(driver);
    await settle();
    for (let i = 0; i < ANALYZE_EVERY - 1; i++) m.wrote();
    await settle();
    expect(execs).toEqual([]);
    m.wrote();
    await settle();
    m.stop();
    expect(execs).toEqual(['ANALYZE']);
  });

  it('a real PGlite store with unanalyzed rows gets statistics shortly after it opens', async () => {
    const driver = await openPglite(undefined);
    const first = await PgStore.open(driver);
    await driver.exec("INSERT INTO counters (key, value) SELECT 'k' || i, i FROM generate_series(1, 500) AS i");
    // a second store on the same database is what a restart does
    const logs: string[] = [];
    const second = new PgStore(driver, { log: (m) => logs.push(m) });
    await expect.poll(() => logs.join('\n'), { timeout: 5000 }).toMatch(/ANALYZE of \d+ tables without statistics/);
    const stats = await driver.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'counters'");
    expect(stats.rows[0].n).toBeGreaterThan(0);
    void first;
    await second.close();
  });

  it('after a bulk load, settle() leaves the store vacuumed and analyzed (what the seed and an import call)', async () => {
    const driver = await openPglite(undefined);
    const store = await PgStore.open(driver);
    await driver.exec("INSERT INTO counters (key, value) SELECT 'k' || i, i FROM generate_series(1, 2000) AS i");
    await driver.exec('UPDATE counters SET value = value + 1'); // 2,000 dead row versions, as a seed walking workflows leaves
    const state = () =>
      driver.query<{ dead: number; vacuumed: boolean; stats: number }>(
        `SELECT n_dead_tup::int AS dead, last_vacuum IS NOT NULL AS vacuumed,
                (SELECT count(*)::int FROM pg_stats WHERE tablename = 'counters') AS stats
           FROM pg_stat_user_tables WHERE relname = 'counters'`,
      );
    await driver.query('SELECT pg_stat_force_next_flush()');
    expect((await state()).rows[0]).toMatchObject({ vacuumed: false });
    await store.settle();
    await driver.query('SELECT pg_stat_force_next_flush()');
    expect((await state()).rows[0]).toEqual({ dead: 0, vacuumed: true, stats: expect.any(Number) });
    expect((await state()).rows[0].stats).toBeGreaterThan(0);
    await store.close();
  });

  describe('a VACUUM missed at night (the machine was off at 03:00) is caught up while the database is idle', () => {
    const MIN = 60_000;
    function driverWithLastVacuum(at: Date | null) {
      const execs: string[] = [];
      const recorded: string[] = [];
      const driver = {
        kind: 'pglite',
        query: async (sql: string) => {
          if (sql.includes('FROM housekeeping')) return { rows: at ? [{ at }] : [] };
          if (sql.includes('INSERT INTO housekeeping')) recorded.push(sql);
          return { rows: [] };
        },
        exec: async (sql: string) => void execs.push(sql),
        transaction: async () => undefined,
        close: async () => undefined,
      } as unknown as SqlDriver;
      return { driver, execs, recorded };
    }
    afterEach(() => vi.useRealTimers());

    it('waits for a quiet spell: every query starts the wait again', async () => {
      vi.useFakeTimers({ now: new Date('2026-11-27T01:00:00Z') }); // 09:00 in Shanghai, a working morning
      const { driver, execs, recorded } = driverWithLastVacuum(new Date(Date.now() - 2 * VACUUM_STALE_AFTER_MS));
      const m = startMaintenance(driver, () => undefined, Date.now);
      await vi.advanceTimersByTimeAsync(IDLE_BEFORE_CATCH_UP_MS - 2 * MIN);
      m.busy(); // a request
      await vi.advanceTimersByTimeAsync(IDLE_BEFORE_CATCH_UP_MS - 2 * MIN);
      expect(execs).toEqual([]); // never idle long enough yet
      await vi.advanceTimersByTimeAsync(3 * MIN);
      expect(execs).toEqual(['VACUUM (ANALYZE)']);
      expect(recorded).toHaveLength(1); // its time kept in the database
      await vi.advanceTimersByTimeAsync(2 * IDLE_BEFORE_CATCH_UP_MS);
      expect(execs).toHaveLength(1); // done: not again until it is stale
      m.stop();
    });

    it('does nothing when the last VACUUM is recent, and catches up a database that was never vacuumed', async () => {
      vi.useFakeTimers({ now: new Date('2026-11-27T01:00:00Z') });
      const recent = driverWithLastVacuum(new Date(Date.now() - 3_600_000));
      const m1 = startMaintenance(recent.driver, () => undefined, Date.now);
      await vi.advanceTimersByTimeAsync(3 * IDLE_BEFORE_CATCH_UP_MS);
      expect(recent.execs).toEqual([]);
      m1.stop();
      const never = driverWithLastVacuum(null);
      const m2 = startMaintenance(never.driver, () => undefined, Date.now);
      await vi.advanceTimersByTimeAsync(IDLE_BEFORE_CATCH_UP_MS + 2 * MIN);
      expect(never.execs).toEqual(['VACUUM (ANALYZE)']);
      m2.stop();
    });
  });

  it('a real PGlite store: settle() and the housekeeping record the VACUUM in the database (migration 013)', async () => {
    const driver = await openPglite(undefined);
    const store = await PgStore.open(driver);
    expect((await driver.query('SELECT * FROM housekeeping')).rows).toEqual([]);
    await store.settle();
    const r = await driver.query<{ task: string; done_at: Date }>('SELECT task, done_at FROM housekeeping');
    expect(r.rows.map((x) => x.task)).toEqual(['vacuum']);
    expect(Date.now() - new Date(r.rows[0].done_at).getTime()).toBeLessThan(60_000);
    await store.close();
  });
});
