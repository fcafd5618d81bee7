import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../../src/domain/documents';
import type { SqlDriver } from '../../server/store/pg/driver';
import { freshDriver } from '../helpers/db';
import { migrate } from '../../server/store/pg/migrate';
import { tableSpec } from '../../server/store/pg/tables';

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
    await expect(db.query(`INSERT INTO products (data, sku, name, category, catalog_price, stock) VALUES ('{}', 'X', 'x', 'stationery', -1, 0)`)).rejects.toThrow();
    await expect(db.query(`INSERT INTO products (data, sku, name, category, catalog_price, stock) VALUES ('{}', 'Y', 'y', 'stationery', 1, -5)`)).rejects.toThrow();
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
