import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryBatch, renumberParams } from '../../server/store/pg/batch';
import type { SqlClient, SqlDriver } from '../../server/store/pg/driver';
import { freshDriver } from '../helpers/db';
import { recording } from '../helpers/sqlLog';

/** Questions asked in the same tick travel as one statement, and each gets exactly its own answer. */

let db: SqlDriver;
beforeAll(async () => {
  db = await freshDriver();
  await db.exec(`CREATE TABLE t (id int PRIMARY KEY, kind text, n int, at timestamptz);
    INSERT INTO t SELECT i, CASE WHEN i % 3 = 0 THEN 'a' ELSE 'b' END, i, '2026-11-27T00:00:00Z'::timestamptz + i * interval '1 hour' FROM generate_series(1, 30) AS i;`);
});
afterAll(() => db.close());

function counting(client: SqlClient) {
  const sent: string[] = [];
  return { sent, client: recording(client, sent) };
}

const ASKS: [string, unknown[]][] = [
  ['SELECT kind AS g0, count(*)::int AS m0 FROM t WHERE n >= $1 GROUP BY 1 ORDER BY 1', [10]],
  ['SELECT sum(n)::text AS m0 FROM t WHERE kind = $1 AND n <= $2', ['a', 20]],
  ['SELECT min(at) AS m0 FROM t WHERE kind = $1', ['b']],
  ['SELECT id FROM t WHERE n > $1', [1000]], // no rows
];

describe('QueryBatch', () => {
  it('sends the questions of one tick as one statement; each gets the rows it would get alone', async () => {
    const alone = await Promise.all(
      ASKS.map(([sql, p]) => db.query<Record<string, unknown>>(sql, p).then((r) => r.rows)),
    );
    const { sent, client } = counting(db);
    const batch = new QueryBatch(client);
    const together = await Promise.all(ASKS.map(([sql, p]) => batch.query(sql, p)));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('UNION ALL');
    // row_to_json gives instants as text: the same instant
    expect(new Date(together[2][0].m0 as string).toISOString()).toBe((alone[2][0].m0 as Date).toISOString());
    expect(together.map((rows, i) => (i === 2 ? rows.length : rows))).toEqual(
      alone.map((rows, i) => (i === 2 ? rows.length : rows)),
    );
    expect(together[0]).toEqual([
      { g0: 'a', m0: 7 },
      { g0: 'b', m0: 14 },
    ]);
    expect(together[3]).toEqual([]);
  });

  it('a question alone goes as it is; questions of later ticks make their own statement', async () => {
    const { sent, client } = counting(db);
    const batch = new QueryBatch(client);
    expect(await batch.query(ASKS[1][0], ASKS[1][1])).toEqual([{ m0: String(3 + 6 + 9 + 12 + 15 + 18) }]);
    expect(sent).toEqual([ASKS[1][0]]);
    await Promise.all([batch.query(ASKS[0][0], ASKS[0][1]), batch.query(ASKS[1][0], ASKS[1][1])]);
    expect(sent).toHaveLength(2);
  });

  it('a failing statement fails every question in it (none gets a wrong answer)', async () => {
    const batch = new QueryBatch(db);
    const results = await Promise.allSettled([
      batch.query(ASKS[0][0], ASKS[0][1]),
      batch.query('SELECT nope FROM t WHERE n = $1', [1]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('renumbers parameters past the ones before it', () => {
    expect(renumberParams('a = $1 AND b = ANY($2::int[]) AND c <= $10', 3)).toBe(
      'a = $4 AND b = ANY($5::int[]) AND c <= $13',
    );
    expect(renumberParams('x = $1', 0)).toBe('x = $1');
  });
});
