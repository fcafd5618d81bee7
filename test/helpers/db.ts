import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { DEFINITIONS } from '../../src/domain/documents';
import { hashPassword } from '../../server/auth/password';
import { seedDemoBranch, type SeedOptions } from '../../server/seed';
import { openPostgres, type SqlDriver } from '../../server/store/pg/driver';
import { PgStore } from '../../server/store/pg/pgStore';

/**
 * Fresh databases on the test run's PostgreSQL (test/helpers/cluster.ts): each a copy
 * (`CREATE DATABASE … TEMPLATE`) of a template made once per run — migrated, and seeded with the
 * options asked (a few hundred ms for the copy instead of seconds of migrating and seeding).
 */

export type TemplateSeed = Omit<SeedOptions, 'hashPassword'> | null;

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

const made = new Set<string>();

function urlOf(database: string): string {
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** the template for `seed` (null: migrated, empty), made by whichever test file asks first */
async function template(seed: TemplateSeed): Promise<string> {
  // the registry is part of the key: a test that registers a document type (registerDocument) gets a template with its table and documents
  const key = createHash('sha256')
    .update(
      JSON.stringify({ seed, types: Object.keys(DEFINITIONS).sort() }, (_, v: unknown) =>
        v instanceof Date ? v.toISOString() : v,
      ),
    )
    .digest('hex')
    .slice(0, 10);
  const name = `baoyi_tpl_${inject('testRun')}_${seed ? '' : 'empty_'}${key}`;
  if (made.has(name)) return name;
  await admin(async (c) => {
    // one builder per template across the run's worker processes
    await c.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      if ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) return;
      const building = `${name}_b`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      const store = await PgStore.open(await openPostgres(urlOf(building)));
      try {
        if (seed) await seedDemoBranch(store, { hashPassword, ...seed });
        await store.sql.query('ANALYZE');
      } finally {
        await store.close();
      }
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      // no autovacuum or anything else in it: a connected template cannot be copied
      await c.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
  made.add(name);
  return name;
}

export async function freshDatabase(seed: TemplateSeed = null): Promise<FreshDatabase> {
  const tpl = await template(seed);
  const name = `baoyi_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${tpl}`));
  return {
    url: urlOf(name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** a fresh migrated (and maybe seeded) PostgreSQL store; closing it drops its database */
export async function freshPgStore(seed: TemplateSeed = null): Promise<PgStore> {
  const db = await freshDatabase(seed);
  return PgStore.open(
    await openPostgres(db.url, process.env.TEST_STORE === 'postgres' ? 'postgres' : 'embedded', db.drop),
  );
}

/** a driver to a fresh migrated database (empty: `seed` null); closing it drops the database */
export async function freshDriver(seed: TemplateSeed = null): Promise<SqlDriver> {
  const db = await freshDatabase(seed);
  return openPostgres(db.url, process.env.TEST_STORE === 'postgres' ? 'postgres' : 'embedded', db.drop);
}
