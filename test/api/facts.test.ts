import { describe, expect, it } from 'vitest';
import type { DocRecord, DocumentDefinition } from '../../src/domain/definition';
import { creditApplications } from '../../src/domain/documents/approvals/creditApplications';
import { handwrittenNotes } from '../../src/domain/documents/sales/handwrittenNotes';
import { memberships } from '../../src/domain/documents/sales/memberships';
import { urgentDeliveries } from '../../src/domain/documents/sales/urgentDeliveries';
import { FACT_NAMES, type FactName } from '../../src/domain/factNames';
import { loadContext } from '../../server/core/context';
import { FACTS } from '../../server/core/facts';
import { MemoryStore } from '../../server/store/json/memoryStore';
import { actor } from '../helpers/actors';

/**
 * The one-per-X rules read a count of other records by the fact's name. A name the server does not
 * know must never read as 0 — that would switch the rule off — and each rule still refuses a second
 * document of its kind (6.7.2, 6.8.2, 5.2.2, 5.11.2), through the server's loaders on a real store.
 */

const NOW = new Date('2026-11-26T02:00:00.000Z');

async function storeWith(rows: Record<string, DocRecord[]>): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    for (const [resource, list] of Object.entries(rows)) for (const r of list) await tx.insert(resource, r);
  });
  return store;
}

const customer: DocRecord = {
  code: '100001',
  name: '甲商行',
  tier: 'keyAccount',
  active: true,
  member: false,
  distanceKm: 5,
};
const order: DocRecord = { code: 'SO-1', status: 'approved', customerId: 1, lines: [] };

interface Case {
  clause: string;
  fact: FactName;
  def: DocumentDefinition;
  existing: DocRecord;
  released: DocRecord;
  doc: DocRecord;
}

const CASES: Case[] = [
  {
    clause: '6.7.2',
    fact: 'openHandwrittenNotes',
    def: handwrittenNotes,
    existing: { orderId: 1, status: 'requested' },
    released: { orderId: 1, status: 'cancelled' },
    doc: { orderId: 1, status: 'requested', reasonText: '急用' },
  },
  {
    clause: '6.8.2',
    fact: 'openUrgentDeliveries',
    def: urgentDeliveries,
    existing: { orderId: 1, customerId: 1, status: 'requested' },
    released: { orderId: 1, customerId: 1, status: 'cancelled' },
    doc: { orderId: 1, customerId: 1 },
  },
  {
    clause: '5.2.2',
    fact: 'openMemberships',
    def: memberships,
    existing: { customerId: 1, status: 'invited' },
    released: { customerId: 1, status: 'closed' },
    doc: { customerId: 1 },
  },
  {
    clause: '5.11.2',
    fact: 'openCreditApplications',
    def: creditApplications,
    existing: { customerId: 1, status: 'supervisorReview' },
    released: { customerId: 1, status: 'approved' },
    doc: { customerId: 1, requestedLimit: 10000 },
  },
];

const already = (def: DocumentDefinition, doc: DocRecord, ctx: Awaited<ReturnType<typeof loadContext>>) =>
  (def.rules?.(doc, ctx) ?? []).filter((r) => /already/.test(r.message.en));

describe('typed facts: every name has a loader, an unknown one is an error', () => {
  it('the server computes every fact the domain names', () => {
    for (const name of FACT_NAMES) expect(typeof FACTS[name], name).toBe('function');
  });

  it('a definition naming a fact the server does not know fails loudly instead of reading 0', async () => {
    const store = await storeWith({ customers: [customer] });
    const def = { ...memberships, facts: ['openMembershipz'] } as unknown as DocumentDefinition;
    await expect(loadContext(store, def, { customerId: 1 }, actor('assistant'), NOW)).rejects.toThrow(
      /unknown fact openMembershipz/,
    );
  });
});

describe.each(CASES)(
  '$clause one $fact per order / customer still refuses',
  ({ clause, fact, def, existing, released, doc }) => {
    it(`a second one is refused (${clause}); a cancelled or finished one does not count`, async () => {
      const withOne = await storeWith({ customers: [customer], orders: [order], [def.resource]: [existing] });
      const ctx = await loadContext(withOne, def, doc, actor('assistant'), NOW);
      expect(ctx.facts[fact]).toBe(1);
      expect(already(def, doc, ctx).map((r) => r.rule)).toEqual([clause]);

      const withReleased = await storeWith({ customers: [customer], orders: [order], [def.resource]: [released] });
      const free = await loadContext(withReleased, def, doc, actor('assistant'), NOW);
      expect(free.facts[fact]).toBe(0);
      expect(already(def, doc, free)).toEqual([]);
    });

    it('the document itself is never counted (an edit of the one that exists)', async () => {
      const store = await storeWith({ customers: [customer], orders: [order], [def.resource]: [existing] });
      const ctx = await loadContext(store, def, { ...doc, id: 1 }, actor('assistant'), NOW);
      expect(ctx.facts[fact]).toBe(0);
    });
  },
);

describe('a sum over another type never leaves out a record that merely shares the document’s id', () => {
  it('5.11.1 the customer’s traded orders of the last three full months count every order, order 1 included, for credit application 1', async () => {
    const store = await storeWith({
      customers: [customer],
      orders: [
        { ...order, status: 'delivered', total: 3000, receivedAt: '2026-10-10T02:00:00.000Z' },
        { ...order, code: 'SO-2', status: 'closed', total: 4500.5, receivedAt: '2026-09-10T02:00:00.000Z' },
        { ...order, code: 'SO-3', status: 'approved', total: 999, receivedAt: '2026-10-11T02:00:00.000Z' },
      ],
    });
    const ctx = await loadContext(
      store,
      creditApplications,
      { id: 1, customerId: 1, requestedLimit: 10000 },
      actor('salesRep'),
      NOW,
    );
    expect(ctx.facts.customerOrders3FullMonths).toBe(7500.5);
  });
});
