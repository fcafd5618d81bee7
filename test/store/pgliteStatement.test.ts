import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type SqlDriver } from '../../server/store/pg/driver';
import { PreparedStatements, runStatement, textParam } from '../../server/store/pg/pgliteStatement';

/**
 * The embedded driver sends a statement as one call into PGlite (bind, describe, execute, sync in
 * one buffer, to a statement prepared once by name) instead of PGlite's query(), which asks the
 * parameters' types first. The answers must be the same, values and errors alike.
 */

let db: PGlite;
let driver: SqlDriver;
const prepared = new PreparedStatements();
beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(`CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE, big bigint, amount numeric(12,2) CHECK (amount >= 0), ok boolean, at timestamptz, day date, data jsonb, tags text[]);
    INSERT INTO t VALUES (1, 'A-1', 9007199254740993, 12.50, true, '2026-11-27T01:02:03Z', '2026-11-27', '{"a":[1,2],"名":"客户"}', '{x,"y z"}'),
                         (2, 'B"2', 42, 0, false, NULL, NULL, NULL, '{}');`);
  driver = await openPglite(undefined);
  await driver.exec('CREATE TABLE u (id int PRIMARY KEY, n int CHECK (n >= 0))');
});
afterAll(async () => {
  await db.close();
  await driver.close();
});

const ASKS: [string, unknown[]][] = [
  ['SELECT * FROM t ORDER BY id', []],
  ['SELECT id, data FROM t WHERE id = ANY($1::int[])', [[1, 2]]],
  ['SELECT id FROM t WHERE code = ANY($1::text[])', [['B"2', 'A-1', 'no\\such']]],
  ['SELECT id FROM t WHERE ok = $1 AND amount >= $2 AND at < $3', [true, 12.5, new Date('2026-12-01T00:00:00Z')]],
  ['SELECT $1::jsonb AS j, $2::text AS s, $3::int AS n, $4::boolean AS b', [JSON.stringify({ k: '值' }), '中文 "quoted"', 7, false]],
  ['SELECT id FROM t WHERE day = $1::date OR $2::text IS NULL', ['2026-11-27', null]],
  ['SELECT count(*)::int AS n FROM t WHERE id > $1', [100]],
  ['SELECT $1::bytea AS b', [new Uint8Array([1, 2, 250])]],
];

describe('a statement in one call (runStatement)', () => {
  it.each(ASKS)('answers %s as PGlite’s query() does', async (sql, params) => {
    const theirs = await db.query(sql, params);
    const ours = await runStatement(db, prepared, sql, params, true);
    expect(ours.rows).toEqual(theirs.rows);
  });

  it('fails as query() does: the same error code and constraint, and the next statement works', async () => {
    const their = await db.query("INSERT INTO t (id, code) VALUES (3, 'A-1')").catch((e: unknown) => e);
    const ours = await runStatement(db, prepared, "INSERT INTO t (id, code) VALUES ($1, $2)", [3, 'A-1'], true).catch((e: unknown) => e);
    expect(ours).toMatchObject({ code: '23505', constraint: 't_code_key' });
    expect((ours as { code: string }).code).toBe((their as { code: string }).code);
    await expect(runStatement(db, prepared, 'SELECT nosuchcolumn FROM t', [], true)).rejects.toMatchObject({ code: '42703' });
    expect((await runStatement(db, prepared, 'SELECT count(*)::int AS n FROM t', [], true)).rows).toEqual([{ n: 2 }]);
  });

  it('answers a second time from the statement prepared the first time, with other values', async () => {
    const sql = 'SELECT id, code FROM t WHERE id = $1';
    expect((await runStatement(db, prepared, sql, [1], true)).rows).toEqual([{ id: 1, code: 'A-1' }]);
    expect((await runStatement(db, prepared, sql, [2], true)).rows).toEqual([{ id: 2, code: 'B"2' }]);
    const held = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1 AND NOT from_sql', [sql]);
    expect(held.rows).toEqual([{ n: 1 }]);
  });

  it('remembers only statements PostgreSQL accepted: a rejected one fails the same way every time', async () => {
    const own = new PreparedStatements();
    for (let i = 0; i < 2; i++) await expect(runStatement(db, own, 'SELECT nosuch FROM t WHERE id = $1', [1], true)).rejects.toMatchObject({ code: '42703' });
    expect(own.size).toBe(0);
    // accepted, then failing when run (a duplicate): kept, and the next run with other values works
    const insert = 'INSERT INTO t (id, code) VALUES ($1, $2)';
    await expect(runStatement(db, own, insert, [4, 'A-1'], true)).rejects.toMatchObject({ code: '23505' });
    expect(own.size).toBe(1);
    await runStatement(db, own, insert, [4, 'D-4'], true);
    expect((await runStatement(db, own, 'SELECT code FROM t WHERE id = $1', [4], true)).rows).toEqual([{ code: 'D-4' }]);
    await runStatement(db, own, 'DELETE FROM t WHERE id = $1', [4], true);
  });

  it('closes the least recently used statement past its limit', async () => {
    const small = new PreparedStatements(2);
    const texts = ['SELECT 1 AS a WHERE $1::int > 0', 'SELECT 2 AS b WHERE $1::int > 0', 'SELECT 3 AS c WHERE $1::int > 0'];
    await runStatement(db, small, texts[0], [1], true);
    await runStatement(db, small, texts[1], [1], true);
    await runStatement(db, small, texts[0], [1], true); // texts[1] is now the least recently used
    await runStatement(db, small, texts[2], [1], true);
    expect(small.nameOf(texts[1])).toBeUndefined();
    // the close goes with the next statement
    expect((await runStatement(db, small, texts[0], [1], true)).rows).toEqual([{ a: 1 }]);
    const held = await db.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements WHERE statement = ANY($1) AND NOT from_sql ORDER BY statement', [texts]);
    expect(held.rows.map((r) => r.statement)).toEqual([texts[0], texts[2]]);
  });

  it('sends parameters as PostgreSQL’s text input', () => {
    expect(textParam(null)).toBeNull();
    expect(textParam(undefined)).toBeNull();
    expect(textParam(12.5)).toBe('12.5');
    expect(textParam(true)).toBe('t');
    expect(textParam(new Date('2026-11-27T00:00:00Z'))).toBe('2026-11-27T00:00:00.000Z');
    expect(textParam([1, 2, null])).toBe('{"1","2",null}');
    expect(textParam(['a"b', 'c\\d'])).toBe('{"a\\"b","c\\\\d"}');
    expect(textParam({ a: 1 })).toBe('{"a":1}');
    expect(textParam(new Uint8Array([0, 255]))).toBe('\\x00ff');
  });
});

describe('the embedded driver', () => {
  it('rolls a failed transaction back whole, and goes on serving', async () => {
    await expect(
      driver.transaction(async (tx) => {
        await tx.query('INSERT INTO u VALUES ($1, $2)', [1, 5]);
        await tx.query('INSERT INTO u VALUES ($1, $2)', [2, -1]); // check constraint
      }),
    ).rejects.toMatchObject({ code: '23514' });
    expect((await driver.query('SELECT count(*)::int AS n FROM u')).rows).toEqual([{ n: 0 }]);
    await driver.transaction(async (tx) => {
      await tx.query('INSERT INTO u VALUES ($1, $2)', [1, 5]);
    });
    expect((await driver.query<{ n: number }>('SELECT n FROM u WHERE id = $1', [1])).rows).toEqual([{ n: 5 }]);
  });

  it('keeps a statement prepared in a transaction that rolled back', async () => {
    const sql = 'SELECT n FROM u WHERE id = $1 AND n >= $2';
    await expect(
      driver.transaction(async (tx) => {
        await tx.query(sql, [1, 0]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await driver.query(sql, [1, 0])).rows).toEqual([{ n: 5 }]);
  });

  it('plans a statement with parameters for each run’s values, one without them once', async () => {
    // a rare value after runs of a common one: PostgreSQL's generic plan (its default after five
    // runs) would read the rare rows through the index on the sort column, to its end
    await driver.exec(`CREATE TABLE skew (id int PRIMARY KEY, status text, priority int);
      INSERT INTO skew SELECT i, CASE WHEN i % 1000 = 0 THEN 'rare' ELSE 'common' END, i FROM generate_series(1, 20000) i;
      CREATE INDEX skew_status ON skew (status); CREATE INDEX skew_priority ON skew (priority); ANALYZE skew`);
    const byStatus = 'SELECT id FROM skew WHERE status = $1 ORDER BY priority DESC LIMIT 5';
    for (let i = 0; i < 8; i++) await driver.query(byStatus, ['common']);
    expect((await driver.query(byStatus, ['rare'])).rows).toEqual([20000, 19000, 18000, 17000, 16000].map((id) => ({ id })));
    const fixed = 'SELECT count(*)::int AS n FROM skew WHERE priority > 19990';
    for (let i = 0; i < 3; i++) expect((await driver.query(fixed)).rows).toEqual([{ n: 10 }]);
    const plans = await driver.query<{ statement: string; generic_plans: number; custom_plans: number }>(
      'SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE statement = ANY($1::text[]) AND NOT from_sql ORDER BY statement',
      [[byStatus, fixed]],
    );
    expect(plans.rows).toEqual([
      { statement: fixed, generic_plans: 3, custom_plans: 0 },
      { statement: byStatus, generic_plans: 0, custom_plans: 9 },
    ]);
  });

  it('prepares again after DDL, so a statement answers with the table as it is now', async () => {
    await driver.exec('CREATE TABLE w (id int PRIMARY KEY)');
    await driver.query('INSERT INTO w VALUES ($1)', [1]);
    const all = 'SELECT * FROM w WHERE id = $1';
    expect((await driver.query(all, [1])).rows).toEqual([{ id: 1 }]);
    await driver.exec('ALTER TABLE w ADD COLUMN label text');
    expect((await driver.query(all, [1])).rows).toEqual([{ id: 1, label: null }]);
    // DDL asked as a statement (the migrations ask theirs so, in a transaction) too
    await driver.transaction((tx) => tx.query('ALTER TABLE w ADD COLUMN n int'));
    expect((await driver.query(all, [1])).rows).toEqual([{ id: 1, label: null, n: null }]);
    // and the statements closed meanwhile are gone from the connection, not left behind
    const held = await driver.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1 AND NOT from_sql', [all]);
    expect(held.rows).toEqual([{ n: 1 }]);
  });

  it('keeps a statement outside a transaction from running inside one', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let changed!: () => void;
    const updated = new Promise<void>((r) => (changed = r));
    const tx = driver.transaction(async (c) => {
      await c.query('UPDATE u SET n = $1 WHERE id = $2', [100, 1]);
      changed();
      await held;
      throw new Error('roll back');
    });
    await updated;
    // asked while the transaction holds its uncommitted change: answered after it, so never sees it
    const outside = driver.query<{ n: number }>('SELECT n FROM u WHERE id = $1', [1]);
    await new Promise((r) => setTimeout(r, 20));
    release();
    await expect(tx).rejects.toThrow('roll back');
    expect((await outside).rows).toEqual([{ n: 5 }]);
  });
});
