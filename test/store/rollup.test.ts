import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocRecord } from '../../src/domain/definition';
import { orderTrends } from '../../reports/orderTrends';
import { rangeBounds } from '../../reports/source';
import { MemoryStore } from '../../server/store/json/memoryStore';
import type { SqlDriver } from '../../server/store/pg/driver';
import { freshDriver } from '../helpers/db';
import { PgStore } from '../../server/store/pg/pgStore';
import { orderDayStatsSql } from '../../server/store/pg/rollups';
import { mulberry32 } from '../../server/seed/random';
import type { AggregateQuery, AggregateRow, Store } from '../../server/store/types';

/**
 * The orders-per-day rollup (migration 010) gives the same answers as counting the orders, after
 * inserts, cancellations, re-assignments, total changes and moves across midnight — checked
 * against the memory store, which always counts the orders themselves.
 */

const rng = mulberry32;

const STAMP = { createdAt: '2026-10-01T01:00:00.000Z', updatedAt: '2026-10-01T01:00:00.000Z', version: 1 };
const STATUSES = ['draft', 'submitted', 'approved', 'delivered', 'closed', 'cancelled'];
let driver: SqlDriver;
let pg: PgStore;
const mem = new MemoryStore();
const stores = (): Store[] => [pg, mem];

/** the same changes in both stores */
async function both(fn: (s: Store) => Promise<void>) {
  for (const s of stores()) await fn(s);
}

beforeAll(async () => {
  driver = await freshDriver();
  pg = await PgStore.open(driver);
  const pick = rng(11);
  await both((s) =>
    s.transaction(async (tx) => {
      for (let i = 0; i < 4; i++)
        await tx.insert('users', {
          username: `a${i}`,
          fullName: `助理${i}`,
          role: 'assistant',
          group: 'smb',
          active: true,
          ...STAMP,
        });
      await tx.insert('customers', {
        code: 'C1',
        name: '深圳科技',
        tier: 'smb',
        settlement: 'cash',
        phone: '1',
        address: 'x',
        active: true,
        ...STAMP,
      });
    }),
  );
  const orders: DocRecord[] = [];
  for (let i = 0; i < 400; i++) {
    // around midnight in Shanghai on purpose: 15:00–17:59 UTC is 23:00–01:59 the next Shanghai day
    const day = 1 + Math.floor(pick() * 20);
    const at = new Date(
      Date.UTC(
        2026,
        10,
        day,
        pick() < 0.3 ? 15 + Math.floor(pick() * 3) : Math.floor(pick() * 24),
        Math.floor(pick() * 60),
      ),
    );
    orders.push({
      code: `SO-${i}`,
      status: STATUSES[Math.floor(pick() * STATUSES.length)],
      customerId: 1,
      channel: pick() < 0.4 ? 'web' : 'phone',
      paymentMethod: 'cash',
      assistantId: pick() < 0.1 ? null : 1 + Math.floor(pick() * 4),
      receivedAt: at.toISOString(),
      total: Math.round(pick() * 500000) / 100,
      priority: 0,
      lines: [],
      ...STAMP,
    });
  }
  await both((s) =>
    s.transaction(async (tx) => {
      for (const o of orders) await tx.insert('orders', o);
    }),
  );
  // changes: cancel, un-cancel, re-assign, re-price, move the receipt time across midnight
  const change = rng(12);
  const edits = Array.from({ length: 150 }, () => ({
    id: 1 + Math.floor(change() * orders.length),
    kind: Math.floor(change() * 5),
    v: change(),
  }));
  await both((s) =>
    s.transaction(async (tx) => {
      for (const e of edits) {
        const cur = (await tx.lock('orders', e.id))!;
        const next: DocRecord = { ...cur, id: e.id };
        if (e.kind === 0) next.status = 'cancelled';
        if (e.kind === 1) next.status = 'approved';
        if (e.kind === 2) next.assistantId = e.v < 0.2 ? null : 1 + Math.floor(e.v * 4);
        if (e.kind === 3) next.total = Math.round(e.v * 900000) / 100;
        if (e.kind === 4)
          next.receivedAt = new Date(
            Date.parse(String(cur.receivedAt)) + (e.v < 0.5 ? -1 : 1) * 9 * 3_600_000,
          ).toISOString();
        expect(await tx.update('orders', next as DocRecord & { id: number }, Number(cur.version))).toBe(true);
      }
    }),
  );
});
afterAll(() => pg.close());

const sorted = (rows: AggregateRow[]) => rows.map((r) => JSON.stringify(Object.entries(r).sort())).sort();
const b = rangeBounds('2026-11-03', '2026-11-17');
const QUERIES: Record<string, AggregateQuery> = {
  'day × channel, count and value': {
    filter: { receivedAt_gte: b.from, receivedAt_lte: b.to, status_neq: 'cancelled' },
    groupBy: [{ field: 'receivedAt', day: true }, { field: 'channel' }],
    measures: { count: { op: 'count' }, value: { op: 'sum', field: 'total' } },
  },
  'day × assistant, count': {
    filter: { receivedAt_gte: b.from, receivedAt_lte: b.to, status_neq: 'cancelled' },
    groupBy: [{ field: 'receivedAt', day: true }, { field: 'assistantId' }],
    measures: { count: { op: 'count' } },
  },
  'assistant, value, one day': {
    filter: {
      ...(({ from, to }) => ({ receivedAt_gte: from, receivedAt_lte: to }))(rangeBounds('2026-11-09', '2026-11-09')),
      status_neq: 'cancelled',
    },
    groupBy: [{ field: 'assistantId' }],
    measures: { value: { op: 'sum', field: 'total' }, count: { op: 'count' } },
  },
  'no groups': {
    filter: { receivedAt_gte: b.from, receivedAt_lte: b.to, status_neq: 'cancelled' },
    groupBy: [],
    measures: { count: { op: 'count' } },
  },
  'no groups, an empty period': {
    filter: {
      ...(({ from, to }) => ({ receivedAt_gte: from, receivedAt_lte: to }))(rangeBounds('2025-01-01', '2025-01-31')),
      status_neq: 'cancelled',
    },
    groupBy: [],
    measures: { count: { op: 'count' }, value: { op: 'sum', field: 'total' } },
  },
};

describe('orders per day, kept ready', () => {
  for (const [name, query] of Object.entries(QUERIES)) {
    it(`${name}: answered from the rollup, equal to counting the orders`, async () => {
      expect(orderDayStatsSql('orders', query)).not.toBeNull();
      const fromOrders = await mem.aggregate('orders', query);
      expect(fromOrders.length).toBeGreaterThan(0);
      expect(sorted(await pg.aggregate('orders', query))).toEqual(sorted(fromOrders));
    });
  }

  it('the order-trends report is the same from either store', async () => {
    expect(await orderTrends(pg, '2026-11-20', 30)).toEqual(await orderTrends(mem, '2026-11-20', 30));
  });

  it('questions the rollup does not hold go to the orders', () => {
    const base = QUERIES['day × channel, count and value'];
    expect(orderDayStatsSql('orders', { ...base, filter: { ...base.filter, status_neq: 'draft' } })).toBeNull();
    expect(
      orderDayStatsSql('orders', { ...base, filter: { ...base.filter, receivedAt_gte: '2026-11-03T01:00:00.000Z' } }),
    ).toBeNull();
    expect(orderDayStatsSql('orders', { ...base, groupBy: [{ field: 'status' }] })).toBeNull();
    expect(orderDayStatsSql('orders', { ...base, measures: { m: { op: 'min', field: 'receivedAt' } } })).toBeNull();
    expect(orderDayStatsSql('quotes', base)).toBeNull();
  });

  it('rebuilding the rollup from the orders gives the rows the trigger kept', async () => {
    const kept = await driver.query(
      'SELECT day::text, channel, assistant_id, n, value::text FROM order_day_stats WHERE n <> 0 ORDER BY 1, 2, 3',
    );
    const rebuilt = await driver.query(
      `SELECT (((received_at AT TIME ZONE 'UTC') + interval '8 hours')::date)::text AS day, channel, coalesce(assistant_id, 0) AS assistant_id, count(*)::int AS n, sum(total)::text AS value
         FROM orders WHERE status <> 'cancelled' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    expect(kept.rows).toEqual(rebuilt.rows);
  });
});
