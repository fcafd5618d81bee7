import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password';
import { seedDemoBranch } from '../../server/seed';
import { openStore } from '../../server/store/open';
import { migrate } from '../../server/store/pg/migrate';
import { openPglite } from '../../server/store/pg/movePglite';
import { PgStore } from '../../server/store/pg/pgStore';
import { TEST_NOW } from '../helpers/server';

/**
 * A DATA_DIR of an earlier version (the embedded database was PGlite, under pglite/) is never
 * started empty: its contents move once into the embedded PostgreSQL, and the old folder is kept
 * beside it, renamed.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('an old PGlite DATA_DIR', () => {
  it('moves into the embedded PostgreSQL at the first start: same records, ids, counters and password hashes; pglite/ kept as pglite-moved-…', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baoyi-move-'));
    dirs.push(dataDir);
    // what an earlier version left: a seeded PGlite folder
    const old = await openPglite(join(dataDir, 'pglite'));
    await migrate(old);
    const oldStore = new PgStore(old);
    await seedDemoBranch(oldStore, { hashPassword, now: TEST_NOW, customers: 12, days: 2, perWorkingDay: 6, seed: 3 });
    const before = await oldStore.exportState();
    await old.close();

    const logged: string[] = [];
    const store = await openStore({ dataDir }, (m) => logged.push(m));
    try {
      expect(store.kind).toBe('embedded');
      const after = await store.exportState();
      for (const r of Object.keys(before).filter((k) => k !== '_meta')) expect(after[r], r).toEqual(before[r]);
      expect(after._meta.counters).toEqual(before._meta.counters);
      expect(after._meta.passwordHashes).toEqual(before._meta.passwordHashes);
      // new records continue after the moved ones
      const next = await store.transaction((tx) =>
        tx.insert('settings', { createdAt: TEST_NOW.toISOString(), updatedAt: TEST_NOW.toISOString() }),
      );
      expect(Number(next.id)).toBeGreaterThan(Math.max(...(before.settings as { id: number }[]).map((s) => s.id)));
    } finally {
      await store.close();
    }
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('pglite-moved-'))).toHaveLength(1);
    expect(logged.join('\n')).toMatch(/moved in \d+ ms: .*orders/);

    // the next start does not move anything again
    const again = await openStore({ dataDir });
    await again.close();
    expect(readdirSync(dataDir).filter((f) => f.startsWith('pglite-moved-'))).toHaveLength(1);
  }, 180_000);
});
