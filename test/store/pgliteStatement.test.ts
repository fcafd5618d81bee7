import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type SqlDriver } from '../../server/store/pg/driver';
import { runStatement, textParam } from '../../server/store/pg/pgliteStatement';

/**
 * The embedded driver sends a statement as one call into PGlite (parse, bind, describe, execute,
 * sync in one buffer) instead of PGlite's query(), which asks the parameters' types first. The
 * answers must be the same, values and errors alike.
 */

let db: PGlite;
let driver: SqlDriver;
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
    const ours = await runStatement(db, sql, params, true);
    expect(ours.rows).toEqual(theirs.rows);
  });

  it('fails as query() does: the same error code and constraint, and the next statement works', async () => {
    const their = await db.query("INSERT INTO t (id, code) VALUES (3, 'A-1')").catch((e: unknown) => e);
    const ours = await runStatement(db, "INSERT INTO t (id, code) VALUES ($1, $2)", [3, 'A-1'], true).catch((e: unknown) => e);
    expect(ours).toMatchObject({ code: '23505', constraint: 't_code_key' });
    expect((ours as { code: string }).code).toBe((their as { code: string }).code);
    await expect(runStatement(db, 'SELECT nosuchcolumn FROM t', [], true)).rejects.toMatchObject({ code: '42703' });
    expect((await runStatement(db, 'SELECT count(*)::int AS n FROM t', [], true)).rows).toEqual([{ n: 2 }]);
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
