import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN, DEFINITIONS } from '../../src/domain/documents';
import type { SqlDriver } from '../../server/store/pg/driver';
import { freshDriver } from '../helpers/db';
import { migrate } from '../../server/store/pg/migrate';
import { tableOf, tableSpec } from '../../server/store/pg/tables';
import { definitionsDdl } from '../../server/store/pg/ddl';

/** The migrations create exactly the columns the definitions declare (definition → schema). */
let db: SqlDriver;
beforeAll(async () => {
  db = await freshDriver();
  await migrate(db);
});
afterAll(() => db.close());

const PG_TYPES: Record<string, string[]> = {
  text: ['text'],
  integer: ['integer'],
  numeric: ['numeric'],
  boolean: ['boolean'],
  timestamptz: ['timestamp with time zone'],
  date: ['date'],
  jsonb: ['jsonb'],
};

describe('schema', () => {
  for (const resource of Object.keys(DEFINITIONS)) {
    it(`${resource}: every column of the definition exists with its type`, async () => {
      const spec = tableSpec(resource);
      const r = await db.query<{ column_name: string; data_type: string }>(
        'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1',
        [spec.table],
      );
      const actual = new Map(r.rows.map((c) => [c.column_name, c.data_type]));
      for (const c of spec.columns.values()) {
        expect(actual.has(c.column), `${spec.table}.${c.column}`).toBe(true);
        expect(PG_TYPES[c.type], `${spec.table}.${c.column}`).toContain(actual.get(c.column));
      }
    });
  }

  it('migrations are idempotent (a second start applies nothing)', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it('the audit log is append-only', async () => {
    await db.query(`INSERT INTO audit_log (data, at, resource, action) VALUES ('{}', now(), 'orders', 'create')`);
    await expect(db.query('UPDATE audit_log SET action = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('money and stock have check constraints', async () => {
    await expect(
      db.query(
        `INSERT INTO products (data, sku, name, category, catalog_price, stock) VALUES ('{}', 'X', 'x', 'stationery', -1, 0)`,
      ),
    ).rejects.toThrow();
    await expect(
      db.query(
        `INSERT INTO products (data, sku, name, category, catalog_price, stock) VALUES ('{}', 'Y', 'y', 'stationery', 1, -5)`,
      ),
    ).rejects.toThrow();
  });
});

describe('row counts', () => {
  it('the trigger-kept count of every table equals count(*) after inserts', async () => {
    await db.query(`INSERT INTO settings (data) VALUES ('{}'), ('{}')`);
    const tables = (await db.query<{ tbl: string; n: string }>('SELECT tbl, n::text AS n FROM row_counts')).rows;
    expect(tables.length).toBeGreaterThanOrEqual(Object.keys(DEFINITIONS).length);
    for (const { tbl, n } of tables) {
      const real = (await db.query<{ c: string }>(`SELECT count(*)::text AS c FROM ${tbl}`)).rows[0].c;
      expect(n, tbl).toBe(real);
    }
    expect(tables.find((t) => t.tbl === 'settings')?.n).toBe('2');
  });
});

describe('foreign keys', () => {
  it('are all checked at commit, so a restore may insert tables in any order', async () => {
    const r = await db.query<{ conname: string }>(
      "SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT (condeferrable AND condeferred)",
    );
    expect(r.rows.map((x) => x.conname)).toEqual([]);
  });
});

/**
 * The DDL generator (server/store/pg/ddl.ts) against the reviewed migrations: the generator's DDL of
 * every built-in type, run in a schema of its own beside the migrated one, makes what the migrations
 * made — each column with its type (and NOT NULL where it says so), every reference a foreign key
 * to its table checked at commit, the search bigrams with a GIN index without a pending list, the
 * row count kept, and an index led by each column it indexes. A new type's migration is the
 * generator's output (scripts/ddl.ts).
 */
describe('the DDL generator reproduces the migrated tables', () => {
  // the audit log is the server's append-only journal, not a document type: its own migration (001), no foreign keys
  const resources = Object.keys(DEFINITIONS).filter((r) => r !== 'auditLog');
  beforeAll(async () => {
    await db.transaction(async (tx) => {
      await tx.query('CREATE SCHEMA gen');
      await tx.query('SET LOCAL search_path TO gen, public');
      for (const statement of definitionsDdl(resources.map((r) => DEFINITIONS[r]))) await tx.query(statement);
    });
  });

  it('every built-in type has its table from a committed migration (none generated at start)', async () => {
    const made = (await db.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map(
      (r) => r.version,
    );
    expect(made.filter((v) => !/^\d{3}_.+\.sql$/.test(v))).toEqual([]);
    expect([...BUILT_IN].sort()).toEqual(Object.keys(DEFINITIONS).sort());
  });

  const columns = async (schema: string, table: string) =>
    (
      await db.query<{
        column_name: string;
        data_type: string;
        is_nullable: string;
        generation_expression: string | null;
      }>(
        'SELECT column_name, data_type, is_nullable, generation_expression FROM information_schema.columns WHERE table_name = $1 AND table_schema = $2',
        [table, schema],
      )
    ).rows;
  const foreignKeys = async (schema: string, table: string) =>
    (
      await db.query<{ col: string; target: string; deferrable: boolean; deferred: boolean }>(
        `SELECT a.attname AS col, t.relname AS target, c.condeferrable AS deferrable, c.condeferred AS deferred
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         JOIN pg_class t ON t.oid = c.confrelid
        WHERE c.contype = 'f' AND c.conrelid = format('%I.%I', $1::text, $2::text)::regclass`,
        [schema, table],
      )
    ).rows;
  const indexes = async (schema: string, table: string) =>
    (
      await db.query<{ indexdef: string; reloptions: string[] | null }>(
        `SELECT i.indexdef, c.reloptions FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = $1::text::regnamespace
        WHERE i.tablename = $2 AND i.schemaname = $1`,
        [schema, table],
      )
    ).rows.map((i) => ({
      ...i,
      lead: /\("?(\w+)/.exec(i.indexdef.slice(i.indexdef.indexOf(' USING ')))?.[1],
      gin: / USING gin /.test(i.indexdef),
    }));

  for (const resource of resources) {
    const table = tableOf(resource);
    it(`${resource}: columns, foreign keys, search bigrams, row count and indexes as generated`, async () => {
      const migrated = new Map((await columns('public', table)).map((c) => [c.column_name, c]));
      const generated = await columns('gen', table);
      expect(generated.length).toBeGreaterThanOrEqual(7);
      for (const c of generated) {
        expect(migrated.get(c.column_name)?.data_type, `${table}.${c.column_name}`).toBe(c.data_type);
        if (c.is_nullable === 'NO')
          expect(migrated.get(c.column_name)?.is_nullable, `${table}.${c.column_name} NOT NULL`).toBe('NO');
      }
      expect(migrated.get('search_grams')?.generation_expression).toMatch(/search_bigrams\(search\)/);
      // foreign keys: each reference to its table, checked at commit
      const fks = await foreignKeys('public', table);
      const refs = [...tableSpec(resource).columns.values()].filter(
        (c) => c.field === 'createdBy' || DEFINITIONS[resource].fields[c.field]?.type === 'ref',
      );
      const genFks = await foreignKeys('gen', table);
      expect(genFks.map((f) => f.col).sort()).toEqual(refs.map((c) => c.column).sort());
      for (const f of genFks) {
        expect(f, `gen ${table}.${f.col}`).toMatchObject({ deferrable: true, deferred: true });
        expect(
          fks.find((m) => m.col === f.col),
          `${table}.${f.col} → ${f.target}`,
        ).toMatchObject({ target: f.target, deferrable: true, deferred: true });
      }
      // indexes: the bigrams' GIN without a pending list, and one led by each column the generator indexes
      const mine = await indexes('public', table);
      const gens = await indexes('gen', table);
      expect(
        gens.filter((i) => i.gin && i.lead === 'search_grams' && i.reloptions?.includes('fastupdate=off')),
      ).toHaveLength(1);
      for (const g of gens) {
        const found = mine.filter((i) => i.lead === g.lead && i.gin === g.gin);
        expect(found.length, `${table}: an index led by ${g.lead}`).toBeGreaterThan(0);
        if (g.gin) expect(found[0].reloptions, `${table}: ${found[0].indexdef}`).toContain('fastupdate=off');
      }
      // the row count, kept by a trigger on both
      for (const schema of ['public', 'gen']) {
        const trigger = await db.query(
          "SELECT 1 FROM pg_trigger WHERE tgrelid = format($3, $1::text, $2::text)::regclass AND tgname = $2 || '_row_count'",
          [schema, table, '%I.%I'],
        );
        expect(trigger.rows, `${schema}.${table} row count`).toHaveLength(1);
      }
    });
  }
});
