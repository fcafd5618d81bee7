import { describe, expect, it } from 'vitest';
import { BUILT_IN_CALENDAR } from '../../src/domain/calendar';
import type { DocRecord } from '../../src/domain/definition';
import { DEFINITIONS } from '../../src/domain/documents';
import { seedDemoBranch, type SeedOptions } from '../../server/seed';
import { BRANCH_CATALOG_SIZE } from '../../server/seed/branch/catalog';
import { MemoryStore } from '../../server/store/json/memoryStore';
import { freshDriver } from '../helpers/db';
import { PgStore } from '../../server/store/pg/pgStore';

/**
 * The seed's volume option (issue 7): 'demo' (the default) is the demo exactly as before; 'branch'
 * scales every document family with the seeded orders, spread over the window, through the real
 * services, every workflow state present, old documents mostly done and recent ones in flight.
 */

class InspectableStore extends MemoryStore {
  tables(): Record<string, DocRecord[]> {
    return this.state as unknown as Record<string, DocRecord[]>;
  }
}

// Friday 27 Nov 2026, 14:30 in Shanghai
const NOW = new Date('2026-11-27T06:30:00Z');
const DAY = 86_400_000;
const fakeHash = async (pw: string) => `hash:${pw}`;

async function seed(opts: Omit<SeedOptions, 'hashPassword'>) {
  const store = new InspectableStore();
  const counts = await seedDemoBranch(store, { ...opts, hashPassword: fakeHash });
  return { counts, tables: store.tables() };
}

/** the document families: every definition with a workflow (orders are seeded apart) */
const FAMILIES = Object.values(DEFINITIONS).filter((d) => d.workflow && d.resource !== 'orders');
const finalStates = (resource: string) =>
  new Set(
    Object.entries(DEFINITIONS[resource].workflow!.states)
      .filter(([, s]) => s.final)
      .map(([k]) => k),
  );

describe('seed volume: demo (the default)', () => {
  it('seeds every document type in every state of its workflow, the same every time, and volume "demo" is the default', async () => {
    const byDefault = await seed({ now: NOW, seed: 7 });
    const { counts, tables } = byDefault;
    // every type is counted, a type with no seed module of its own too (server/seed/byWorkflow.ts); a type's
    // table may hold more than its own seed counts (complaints bring feedback forms)
    for (const d of [
      DEFINITIONS.users,
      DEFINITIONS.products,
      DEFINITIONS.customers,
      DEFINITIONS.orders,
      DEFINITIONS.settings,
      ...FAMILIES,
    ]) {
      expect(counts[d.resource], d.resource).toBeGreaterThan(0);
      expect(tables[d.resource].length, d.resource).toBeGreaterThanOrEqual(counts[d.resource]);
    }
    for (const d of [DEFINITIONS.orders, ...FAMILIES]) {
      const seen = new Set(tables[d.resource].map((r) => String(r.status)));
      for (const state of Object.keys(d.workflow!.states)) expect(seen, `${d.resource} ${state}`).toContain(state);
    }
    const again = await seed({ now: NOW, seed: 7 });
    expect(again.counts).toEqual(counts);
    const demo = await seed({ now: NOW, seed: 7, volume: 'demo' });
    expect(demo.tables).toEqual(tables);
  });
});

describe('seed volume: branch', async () => {
  const opts = { now: NOW, seed: 11, customers: 120, days: 30, perWorkingDay: 150, volume: 'branch' as const };
  const { counts, tables } = await seed(opts);
  const seededOrders = counts.orders - counts.ordersFromDocuments;
  const windowStart = NOW.getTime() - opts.days * DAY;

  it('has the branch catalog: ~1,500 products, unique SKUs, sane prices and stock', () => {
    expect(counts.products).toBe(BRANCH_CATALOG_SIZE);
    const products = tables.products;
    expect(products).toHaveLength(BRANCH_CATALOG_SIZE);
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    for (const p of products) {
      expect(p.sku).toMatch(/^(ST|OC|EQ|OT)-\d{4}$/);
      expect(typeof p.name === 'string' && /[\u4e00-\u9fff]/.test(p.name)).toBe(true);
      expect(Number(p.catalogPrice)).toBeGreaterThan(0);
      expect(Number(p.cost)).toBeLessThanOrEqual(Number(p.catalogPrice));
      expect(Number(p.stock)).toBeGreaterThanOrEqual(0);
    }
    for (const cat of ['stationery', 'oaConsumable', 'oaEquipment', 'other'])
      expect(products.filter((p) => p.category === cat).length).toBeGreaterThan(100);
    // the long tail is ordered too
    const ordered = new Set(tables.orders.flatMap((o) => (o.lines as DocRecord[]).map((l) => Number(l.productId))));
    expect(ordered.size).toBeGreaterThan(300);
  });

  it('scales the documents with the orders (quotes ≈ 10 %, returns ≈ 2.5 %, complaints ≈ 2 %, loans ≈ 1.25 %)', () => {
    expect(seededOrders).toBeGreaterThan(2500);
    const ratio = (r: string) => counts[r] / seededOrders;
    expect(ratio('quotes')).toBeGreaterThan(0.08);
    expect(ratio('quotes')).toBeLessThan(0.13);
    expect(ratio('returns')).toBeGreaterThan(0.018);
    expect(ratio('returns')).toBeLessThan(0.04);
    expect(ratio('complaints')).toBeGreaterThan(0.013);
    expect(ratio('complaints')).toBeLessThan(0.032);
    expect(ratio('sampleLoans')).toBeGreaterThan(0.008);
    expect(ratio('sampleLoans')).toBeLessThan(0.022);
    // quality complaints bring their feedback forms (6.10.2)
    expect(tables.feedbacks.filter((f) => typeof f.complaintId === 'number').length).toBeGreaterThan(5);
    // converted quotes, bought samples, requisitions and urgent letters enter orders of their own
    expect(counts.ordersFromDocuments).toBeGreaterThan(50);
    for (const d of FAMILIES) expect(counts[d.resource], d.resource).toBe(tables[d.resource].length);
  });

  it('has more of every family than the demo (gifts only in a festival window)', async () => {
    const demo = await seed({ now: NOW, seed: 11, customers: 120, days: 30, perWorkingDay: 150 });
    for (const d of FAMILIES) {
      // credit follow-ups (5.5.2, 5.11.4) come with the customers (first orders, lines due), not with the volume of orders
      if (d.resource === 'gifts' || d.resource === 'creditFollowUps')
        expect(counts[d.resource], d.resource).toBeGreaterThanOrEqual(demo.counts[d.resource]);
      else expect(counts[d.resource], d.resource).toBeGreaterThan(demo.counts[d.resource]);
    }
  });

  it('has every state of every workflow', () => {
    for (const d of [DEFINITIONS.orders, ...FAMILIES]) {
      const seen = new Set(tables[d.resource].map((r) => String(r.status)));
      for (const state of Object.keys(d.workflow!.states)) expect(seen, `${d.resource} ${state}`).toContain(state);
    }
  });

  it('spreads the documents over the window at office times, nothing after now', () => {
    for (const d of FAMILIES) {
      for (const r of tables[d.resource]) {
        expect(Date.parse(String(r.createdAt)), `${d.resource} ${r.code}`).toBeLessThanOrEqual(NOW.getTime());
        expect(Date.parse(String(r.updatedAt))).toBeLessThanOrEqual(NOW.getTime());
        let at = String(r.createdAt);
        for (const a of r.approvals as DocRecord[]) {
          expect(String(a.at) >= at, `${d.resource} ${r.code} ${a.action}`).toBe(true);
          at = String(a.at);
        }
        expect(at <= NOW.toISOString()).toBe(true);
      }
    }
    const quotes = tables.quotes.map((q) => Date.parse(String(q.createdAt)));
    expect(Math.min(...quotes)).toBeLessThan(windowStart + 4 * DAY);
    expect(Math.max(...quotes)).toBeGreaterThan(NOW.getTime() - DAY);
    // after the evening meeting for work logs; everything else in working hours
    const docs = FAMILIES.filter((d) => d.resource !== 'workLogs').flatMap((d) => tables[d.resource]);
    const inHours = docs.filter((r) => BUILT_IN_CALENDAR.isWithinWorkingHours(new Date(String(r.createdAt)))).length;
    expect(inHours / docs.length).toBeGreaterThan(0.97);
  });

  it('leaves old documents mostly done and recent ones in flight', () => {
    let oldDone = 0;
    let old = 0;
    let recentOpen = 0;
    let recent = 0;
    for (const d of FAMILIES) {
      const done = finalStates(d.resource);
      for (const r of tables[d.resource]) {
        const age = NOW.getTime() - Date.parse(String(r.createdAt));
        if (age > 20 * DAY) {
          old++;
          if (done.has(String(r.status))) oldDone++;
        } else if (age < 2 * DAY) {
          recent++;
          if (!done.has(String(r.status))) recentOpen++;
        }
      }
    }
    expect(old).toBeGreaterThan(100);
    expect(oldDone / old).toBeGreaterThan(0.85);
    expect(recent).toBeGreaterThan(50);
    expect(recentOpen / recent).toBeGreaterThan(0.5);
    // the queues have work: loans out past their due time, quotes waiting for an answer
    expect(tables.sampleLoans.some((l) => l.status === 'out' && Date.parse(String(l.dueAt)) < NOW.getTime())).toBe(
      true,
    );
    expect(tables.quotes.filter((q) => q.status === 'sent').length).toBeGreaterThan(10);
  });

  it('went through the services: an audit entry for the creation and every step of each document', () => {
    const entries = new Map<string, number>();
    for (const e of tables.auditLog)
      entries.set(`${e.resource}#${e.recordId}`, (entries.get(`${e.resource}#${e.recordId}`) ?? 0) + 1);
    for (const d of FAMILIES) {
      for (const r of tables[d.resource])
        expect(entries.get(`${d.resource}#${r.id}`) ?? 0, `${d.resource} ${r.code}`).toBeGreaterThanOrEqual(
          1 + (r.approvals as DocRecord[]).length,
        );
    }
    // codes from the daily counters, unique
    for (const d of FAMILIES)
      if (d.codePrefix) expect(new Set(tables[d.resource].map((r) => r.code)).size).toBe(tables[d.resource].length);
  });

  it('is deterministic', async () => {
    const again = await seed(opts);
    expect(again.counts).toEqual(counts);
    for (const d of FAMILIES) expect(again.tables[d.resource], d.resource).toEqual(tables[d.resource]);
  });
});

describe('seed volume: branch in PostgreSQL', () => {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
          )
        : v;

  it(
    'writes the same documents as the in-memory store (the bench compares the two)',
    { timeout: 240_000 },
    async () => {
      const opts = { now: NOW, seed: 5, customers: 60, days: 12, perWorkingDay: 50, volume: 'branch' as const };
      const mem = await seed(opts);
      const pg = await PgStore.open(await freshDriver());
      try {
        const counts = await seedDemoBranch(pg, { ...opts, hashPassword: fakeHash });
        expect(counts).toEqual(mem.counts);
        const state = await pg.exportState();
        for (const r of ['orders', 'products', 'customers', ...FAMILIES.map((d) => d.resource)])
          expect(sortKeys(state[r]), r).toEqual(sortKeys(mem.tables[r]));
      } finally {
        await pg.close();
      }
    },
  );
});
