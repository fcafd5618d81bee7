import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocRecord } from '../../src/domain/definition';
import { DEFINITIONS } from '../../src/domain/documents';
import { queues } from '../../reports/queues';
import { loadContext } from '../../server/core/context';
import { actionsFor, createInTx } from '../../server/core/documents';
import { availableActions } from '../../src/domain/workflow';
import { BodyCache } from '../../server/store/pg/bodyCache';
import { MemoryStore } from '../../server/store/json/memoryStore';
import type { SqlDriver } from '../../server/store/pg/driver';
import { freshDriver } from '../helpers/db';
import { PgStore } from '../../server/store/pg/pgStore';
import { recordingDriver } from '../helpers/sqlLog';
import { actor } from '../helpers/actors';
import { COUNT_BEYOND_PAGE, type ListQuery, type Store } from '../../server/store/types';

/**
 * On the embedded database every statement costs its own planning and relation opening, so the
 * store asks in as few statements as the answer allows: a list page carries its total, and reads
 * asked together (a document's customer, products, settings …) go as one — inside a transaction
 * too, without a write overtaking a read asked before it.
 */

const sent: string[] = [];

let raw: SqlDriver;
let pg: PgStore;
const mem = new MemoryStore();
const N = 60;

const AT = { createdAt: '2026-01-05T01:00:00.000Z', updatedAt: '2026-01-05T01:00:00.000Z' };
const customer = (i: number): DocRecord => ({
  ...AT,
  code: `C${100000 + i}`,
  name: `客户${i}`,
  tier: i % 2 ? 'smb' : 'keyAccount',
  settlement: 'cash',
  active: true,
  version: 1,
});
const product = (i: number): DocRecord => ({
  ...AT,
  sku: `P${1000 + i}`,
  name: `产品${i}`,
  category: 'stationery',
  unit: '个',
  catalogPrice: 1000 + i,
  stock: 10,
  catalog: true,
  active: true,
  version: 1,
});

beforeAll(async () => {
  raw = await freshDriver();
  pg = await PgStore.open(recordingDriver(raw, sent));
  for (const store of [pg, mem] as Store[]) {
    await store.transaction(async (tx) => {
      for (let i = 0; i < N; i++) await tx.insert('customers', customer(i));
      for (let i = 0; i < 3; i++) await tx.insert('products', product(i));
      await tx.insert('settings', { ...AT, version: 1 });
    });
  }
});
afterAll(() => pg.close());

const page = (filter: ListQuery['filter'], range: [number, number], extra: Partial<ListQuery> = {}): ListQuery => ({
  filter,
  sort: { field: 'id', order: 'ASC' },
  range,
  ...extra,
});

describe('a list page carries its total', () => {
  for (const [what, filter] of [
    ['unfiltered (the kept row count)', {}],
    ['filtered (the matches counted)', { tier: 'smb' }],
  ] as const) {
    it(`${what}: one statement (bodies already read), the total the memory store gives`, async () => {
      await pg.list('customers', page(filter, [10, 19]));
      sent.length = 0;
      const r = await pg.list('customers', page(filter, [10, 19]));
      expect(sent).toHaveLength(1);
      const m = await mem.list('customers', page(filter, [10, 19]));
      expect(r.rows.map((x) => x.id)).toEqual(m.rows.map((x) => x.id));
      expect(r.total).toBe(m.total);
      expect(r.exact).toBeUndefined();
    });
  }

  it('a page past the end still says how many there are', async () => {
    sent.length = 0;
    const r = await pg.list('customers', page({ tier: 'smb' }, [100, 109]));
    expect(r).toEqual({ rows: [], total: N / 2 });
    expect(sent).toHaveLength(2);
    expect((await pg.list('customers', page({}, [100, 109]))).total).toBe(N);
    expect(await pg.list('customers', page({ tier: 'nobody' }, [0, 9]))).toEqual({ rows: [], total: 0 });
  });

  it('a broad filtered count stops past the page and says it is a lower bound', async () => {
    // the cap: COUNT_BEYOND_PAGE rows past the page; 60 rows cannot reach it, so shrink the page instead
    const r = await pg.list('customers', page({ active: true }, [0, 4]));
    expect(r.total).toBe(Math.min(N, 5 + COUNT_BEYOND_PAGE));
    expect(r.exact).toBe(N < 5 + COUNT_BEYOND_PAGE ? undefined : false);
  });

  it('`total: false` (the inbox) counts nothing', async () => {
    await pg.list('customers', page({ tier: 'smb' }, [0, 9], { total: false }));
    sent.length = 0;
    const r = await pg.list('customers', page({ tier: 'smb' }, [0, 9], { total: false }));
    expect(r.rows).toHaveLength(10);
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain('count(');
  });
});

describe('bodies read once are not read again until their version changes (BodyCache)', () => {
  const names = async () =>
    (await pg.list('customers', page({ tier: 'keyAccount' }, [0, 4]))).rows.map(
      (r) => `${r.id}:${r.version}:${r.name}`,
    );

  it('a page read before: one statement for ids and versions; the first time, one more for the bodies it lacks', async () => {
    sent.length = 0;
    const first = await pg.list('customers', page({ tier: 'keyAccount' }, [20, 24]));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(/SELECT id, version, data FROM customers WHERE id = ANY/); // the bodies it lacks
    sent.length = 0;
    const again = await pg.list('customers', page({ tier: 'keyAccount' }, [20, 24]));
    expect(sent).toHaveLength(1);
    expect(again).toEqual(first);
    again.rows[0].name = 'changed by a caller';
    expect((await pg.list('customers', page({ tier: 'keyAccount' }, [20, 24]))).rows[0].name).toBe(first.rows[0].name); // each reader its own objects
  });

  it('a committed change is read at once; a rolled-back one never', async () => {
    const before = await names();
    const c = (await pg.get('customers', 1))!;
    const v = Number(c.version);
    await pg.transaction((tx) => tx.update('customers', { ...c, id: 1, name: '新名字', version: v + 1 }, v));
    expect((await names())[0]).toBe(`1:${v + 1}:新名字`);
    const failed = await pg
      .transaction(async (tx) => {
        await tx.update('customers', { ...c, id: 1, name: '回滚的名字', version: v + 2 }, v + 1);
        expect((await tx.list('customers', page({ tier: 'keyAccount' }, [0, 4]))).rows[0].name).toBe('回滚的名字');
        throw new Error('refused');
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe('refused');
    expect((await names())[0]).toBe(`1:${v + 1}:新名字`);
    expect((await names()).slice(1)).toEqual(before.slice(1));
  });
});

describe('records by id send their bodies only where the cache lacks that version', () => {
  it('a record read before: one statement, the same record; a changed one comes with its new body', async () => {
    const first = await pg.get('customers', 7);
    sent.length = 0;
    const again = await pg.get('customers', 7);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('CASE WHEN version = $2 THEN NULL ELSE data END');
    expect(again).toEqual(first);
    const v = Number(first!.version);
    await pg.transaction((tx) => tx.update('customers', { ...first!, id: 7, name: '改过的名字', version: v + 1 }, v));
    expect(await pg.get('customers', 7)).toMatchObject({ id: 7, version: v + 1, name: '改过的名字' });
    sent.length = 0;
    expect((await pg.getMany('customers', [9, 7, 8])).map((c) => `${c.id}:${c.name}`).sort()).toEqual([
      '7:改过的名字',
      '8:客户7',
      '9:客户8',
    ]);
    expect(sent).toHaveLength(1);
  });

  it('a body the cache let go of between the question and the answer is read again, whole', async () => {
    // a second store on the same database, its cache one body small (closing it leaves the database open)
    const small = await PgStore.open(
      { ...recordingDriver(raw, sent), close: async () => undefined },
      { bodyCacheSize: 1 },
    );
    try {
      await small.get('customers', 12); // the cache holds 12 only
      sent.length = 0;
      // 11 comes first with its body and pushes 12 out; 12 came without one: read again
      const both = await small.getMany('customers', [11, 12]);
      expect(both.map((c) => `${c.id}:${c.name}`).sort()).toEqual(['11:客户10', '12:客户11']);
      expect(sent).toHaveLength(2);
      expect(sent[1]).toMatch(/SELECT id, version, data FROM customers WHERE id = ANY/);
    } finally {
      await small.close();
    }
  });
});

describe('BodyCache', () => {
  it('answers only for the version it holds, and lets the least recently used go past its size', () => {
    const c = new BodyCache(2);
    c.keep('orders', 1, 1, { a: 1 });
    c.keep('orders', 2, 1, { a: 2 });
    expect(c.get('orders', 1, 2)).toBeUndefined();
    expect(c.get('customers', 1, 1)).toBeUndefined();
    expect(c.get('orders', 1, 1)).toEqual({ a: 1 }); // 1 is now the most recent
    c.keep('orders', 3, 1, { a: 3 });
    expect(c.size).toBe(2);
    expect(c.get('orders', 2, 1)).toBeUndefined();
    expect(c.get('orders', 1, 1)).toEqual({ a: 1 });
    c.keep('orders', 1, 2, { a: 10 });
    expect([c.get('orders', 1, 1), c.get('orders', 1, 2)]).toEqual([undefined, { a: 10 }]);
  });

  it('readers share a kept body, so nobody can change one: not its fields, not a line inside it', () => {
    const c = new BodyCache();
    const kept = c.keep('orders', 1, 1, { note: 'x', lines: [{ productId: 1, qty: 2 }] });
    expect(c.get('orders', 1, 1)).toBe(kept);
    const lines = kept.lines as { qty: number }[];
    expect(() => ((kept as { note: string }).note = 'y')).toThrow(TypeError);
    expect(() => (lines[0].qty = 5)).toThrow(TypeError);
    expect(() => lines.push({ qty: 1 })).toThrow(TypeError);
    expect(c.get('orders', 1, 1)).toEqual({ note: 'x', lines: [{ productId: 1, qty: 2 }] });
  });
});

describe('reads asked together go as one statement', () => {
  const ask = (s: Pick<Store, 'get' | 'getMany' | 'sum'>) =>
    Promise.all([
      s.get('customers', 3),
      s.getMany('products', [1, 2]),
      s.sum('products', 'catalogPrice', { active: true }),
      s.get('customers', 999),
    ]);

  it('outside a transaction, with the answers each gets alone', async () => {
    await pg.getMany('products', [1, 2, 3]);
    sent.length = 0;
    const [c, ps, sum, none] = await ask(pg);
    expect(sent).toHaveLength(1);
    expect(c).toMatchObject({ id: 3, name: '客户2', version: 1 });
    expect(ps.map((p) => p.name).sort()).toEqual(['产品0', '产品1']);
    expect(sum).toBe(1000 + 1001 + 1002);
    expect(none).toBeUndefined();
  });

  it('inside a transaction too; a write asked after them runs after them', async () => {
    sent.length = 0;
    const before = await pg.transaction(async (tx) => {
      const [c] = await ask(tx);
      const current = (await tx.get('customers', 4))!;
      const readFirst = tx.get('customers', 4);
      const write = tx.update('customers', { ...current, id: 4, name: '改名', version: 2 }, 1);
      const [seen, ok] = await Promise.all([readFirst, write]);
      expect(ok).toBe(true);
      return { c, seen };
    });
    expect(before.c).toMatchObject({ id: 3, name: '客户2' });
    expect(before.seen).toMatchObject({ name: '客户3', version: 1 }); // asked before the write: not its result
    expect((await pg.get('customers', 4))?.name).toBe('改名');
    expect(sent.filter((s) => s.includes('UNION ALL'))).toHaveLength(1);
  });

  it("a document's context: its customer, its lines' products and the settings in one statement, then the facts", async () => {
    const order = {
      customerId: 5,
      paymentMethod: 'credit',
      lines: [
        { productId: 1, qty: 1 },
        { productId: 3, qty: 2 },
      ],
    };
    const load = () =>
      loadContext(pg, DEFINITIONS.orders, order, actor('assistant', 1), new Date('2026-11-27T06:30:00Z'));
    await load();
    sent.length = 0;
    const ctx = await load();
    expect(ctx.refs.customerId).toMatchObject({ id: 5 });
    expect(Object.keys(ctx.lineRefs.productId).map(Number).sort()).toEqual([1, 3]);
    expect(ctx.facts.creditUsed).toBe(0);
    expect(sent).toHaveLength(2); // the products' and settings' bodies were read before (BodyCache)
    expect(sent[0]).toMatch(/customers[\s\S]*products[\s\S]*settings/);
    expect(sent[1]).toContain('sum(');
  });

  it('the actions a caller may take on a document: the document and the settings in one statement, its references and facts in the next', async () => {
    const assistant = actor('assistant', 1);
    const now = new Date('2026-11-27T06:30:00Z');
    const order = {
      customerId: 5,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [
        { productId: 1, qty: 1, unitPrice: 1000 },
        { productId: 3, qty: 2, unitPrice: 1002 },
      ],
    };
    const stored = await pg.transaction(async (tx) => {
      const user = await tx.insert('users', {
        ...AT,
        username: 'assistant1',
        fullName: '甲',
        role: 'assistant',
        active: true,
        version: 1,
      });
      return createInTx(tx, DEFINITIONS.orders, actor('assistant', Number(user.id)), order, now);
    });
    const id = Number(stored.id);
    const deps = { store: pg, now: () => now };
    await actionsFor(deps, DEFINITIONS.orders, assistant, id);
    sent.length = 0;
    const ours = await actionsFor(deps, DEFINITIONS.orders, assistant, id);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/orders[\s\S]*settings/);
    expect(sent[1]).toMatch(/customers[\s\S]*products[\s\S]*sum\(/);
    // the same actions as from the context read the usual way (settings with the references, then the facts)
    const rec = (await pg.get('orders', id))!;
    expect(ours).toEqual(
      availableActions(
        DEFINITIONS.orders.workflow!,
        rec,
        await loadContext(pg, DEFINITIONS.orders, rec, assistant, now),
      ),
    );
    expect(ours.map((a) => a.action)).toContain('submit');
    // a driver may not see an order before picking: 404, not its actions
    await expect(actionsFor(deps, DEFINITIONS.orders, actor('driver', 2), id)).rejects.toMatchObject({
      refusal: { status: 404 },
    });
  });

  it('the queues report: every family’s pending counts and the five queues in one statement, the same answer as the memory store', async () => {
    const now = new Date('2026-01-05T08:00:00.000Z');
    sent.length = 0;
    const ours = await queues(pg, now);
    expect(sent).toHaveLength(1);
    expect(ours).toEqual(await queues(mem, now));
  });
});
