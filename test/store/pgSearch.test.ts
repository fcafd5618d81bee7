import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocRecord } from '../../src/domain/definition';
import { MemoryStore } from '../../server/store/json/memoryStore';
import type { SqlDriver } from '../../server/store/pg/driver';
import { freshDriver } from '../helpers/db';
import { PgStore } from '../../server/store/pg/pgStore';
import { COUNT_BEYOND_PAGE, type ListQuery, type Store } from '../../server/store/types';

/**
 * Search in the PostgreSQL store (migration 009: character pairs + GIN, then LIKE) finds exactly
 * what the memory store's plain substring match finds; a broad filtered count stops
 * COUNT_BEYOND_PAGE rows past the page and says the total is a lower bound.
 */

const WORDS = ['科技', '贸易', '文具', '印刷', '电子', '物流'];
const customer = (i: number): DocRecord => ({
  code: `C${String(100000 + i)}`,
  name: `深圳${WORDS[i % WORDS.length]}${i % 7 === 0 ? '科技' : ''}有限公司${i}`,
  shortName: `客户${i}`,
  phone: `0755-${String(20000000 + i * 37)}`,
  tier: 'smb',
  address: '深圳市福田区',
  settlement: 'cash',
  active: true,
  createdAt: '2026-01-05T01:00:00.000Z',
  updatedAt: '2026-01-05T01:00:00.000Z',
  version: 1,
});

let pg: PgStore;
let driver: SqlDriver;
const mem = new MemoryStore();
const N = 700;

beforeAll(async () => {
  driver = await freshDriver();
  pg = await PgStore.open(driver);
  for (const store of [pg, mem] as Store[]) {
    await store.transaction(async (tx) => {
      for (let i = 0; i < N; i++) await tx.insert('customers', customer(i));
    });
  }
});
afterAll(() => pg.close());

const all = (filter: ListQuery['filter']): ListQuery => ({ filter, sort: { field: 'id', order: 'ASC' }, range: null });
const ids = async (store: Store, filter: ListQuery['filter']) =>
  (await store.list('customers', all(filter))).rows.map((r) => r.id);

describe('search in PostgreSQL (character pairs, then LIKE)', () => {
  for (const q of [
    '科技',
    '科',
    '技有',
    '科技有限',
    '深圳贸易',
    '0755-2000',
    'c1003',
    'C1003',
    '有限公司69',
    '%',
    '_',
    '科%技',
    '科%',
    '限公',
    'C1',
    '没有这个',
    'x',
  ]) {
    it(`q=${JSON.stringify(q)} matches what a substring search matches`, async () => {
      const expected = await ids(mem, { q });
      expect(await ids(pg, { q })).toEqual(expected);
    });
  }

  it('a two-character Chinese query is served by the pairs index, not by reading every row', async () => {
    // on 700 rows reading them all is cheaper, so the planner is told to avoid that: the point is that the index serves the query's expression
    const plan = await driver.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const r = await tx.query<{ 'QUERY PLAN': string }>(
        "EXPLAIN SELECT id FROM customers WHERE search_grams @> search_bigrams('物流') AND search LIKE '%物流%'",
      );
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('customers_search_grams');
  });
});

describe('GIN indexes keep no pending list (migration 011)', () => {
  it('entries go straight into every GIN index: after the inserts above there is nothing pending to clean', async () => {
    // fastupdate off: entries go straight in, so a search never scans a pending list (and autovacuum has none to merge)
    const r = await driver.query<{ idx: string; fastupdate: string | null; pending: number }>(
      `SELECT c.relname AS idx, (SELECT option_value FROM pg_options_to_table(c.reloptions) WHERE option_name = 'fastupdate') AS fastupdate,
              gin_clean_pending_list(c.oid::regclass)::int AS pending
         FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'gin' AND c.relkind = 'i'`,
    );
    expect(r.rows.length).toBeGreaterThan(10);
    expect(r.rows.filter((x) => x.fastupdate !== 'off' || x.pending !== 0)).toEqual([]);
  });
});

describe('filtered counts', () => {
  it('count exactly when the matches end within COUNT_BEYOND_PAGE of the page', async () => {
    const r = await pg.list('customers', {
      filter: { q: '物流' },
      sort: { field: 'id', order: 'ASC' },
      range: [0, 24],
    });
    expect(r.total).toBe(Math.ceil((N - 5) / WORDS.length));
    expect(r.exact).toBeUndefined();
  });

  it('stop COUNT_BEYOND_PAGE past the page on a broad filter and say the total is a lower bound', async () => {
    const r = await pg.list('customers', {
      filter: { q: '深圳' },
      sort: { field: 'id', order: 'ASC' },
      range: [0, 24],
    });
    expect(r.rows).toHaveLength(25);
    expect(r.total).toBe(25 + COUNT_BEYOND_PAGE);
    expect(r.exact).toBe(false);
    // deeper pages count further, and become exact near the end
    const last = await pg.list('customers', {
      filter: { q: '深圳' },
      sort: { field: 'id', order: 'ASC' },
      range: [675, 699],
    });
    expect(last.total).toBe(N);
    expect(last.exact).toBeUndefined();
  });

  it('an unfiltered list is always exact (the trigger-kept count)', async () => {
    const r = await pg.list('customers', { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 24] });
    expect(r.total).toBe(N);
    expect(r.exact).toBeUndefined();
  });
});
