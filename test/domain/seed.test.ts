import type { DocRecord, RuleContext } from '../../src/domain/definition';
import { orderRules, orderWorkflow } from '../../src/domain/documents/orders';
import { customerRules } from '../../src/domain/documents/customers';
import { yuanToFen } from '../../src/domain/money';
import { shanghaiDate, BUILT_IN_CALENDAR } from '../../src/domain/calendar';
import type { Actor, Role } from '../../src/domain/roles';
import type { Tx } from '../../server/store/types';
import { MemoryStore } from '../../server/store/json/memoryStore';
import { seedDemoBranch } from '../../server/seed';
import { CATALOG } from '../../server/seed/catalog';
import { createRng, WeightedPicker } from '../../server/seed/random';
import { DORMANT_MEMBERS } from '../../server/seed/service/memberFollowUps';

/** The real in-memory store, with its tables open to the test. */
class InspectableStore extends MemoryStore {
  transactions = 0;
  tables(): Record<string, DocRecord[]> {
    return this.state as unknown as Record<string, DocRecord[]>;
  }
  counters() {
    return new Map(Object.entries(this.state._meta.counters));
  }
  hashes() {
    return new Map(Object.entries(this.state._meta.passwordHashes).map(([k, v]) => [Number(k), v]));
  }
  override transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    this.transactions++;
    return super.transaction(fn);
  }
}
function fakeStore() {
  const store = new InspectableStore();
  return {
    store,
    get tables() {
      return store.tables();
    },
    get counters() {
      return store.counters();
    },
    get hashes() {
      return store.hashes();
    },
    transactions: () => store.transactions,
  };
}

// Friday 27 Nov 2026, 14:30 in Shanghai
const NOW = new Date('2026-11-27T06:30:00Z');
const fakeHash = async (pw: string) => `hash:${pw}`;

async function seedOnce(seed = 7) {
  const fake = fakeStore();
  const counts = await seedDemoBranch(fake.store, { now: NOW, seed, hashPassword: fakeHash });
  return { ...fake, counts };
}

const API_USERS: [string, Role][] = [
  ['assistant', 'assistant'],
  ['assistant2', 'assistant'],
  ['teamlead', 'teamLead'],
  ['csmanager', 'csManager'],
  ['salesrep', 'salesRep'],
  ['supervisor', 'officeSupervisor'],
  ['merch', 'merchPlanning'],
  ['purchasing', 'purchasing'],
  ['orderdesk', 'orderDesk'],
  ['warehouse', 'warehouse'],
  ['driver', 'driver'],
  ['lossprev', 'lossPrevention'],
  ['finance', 'finance'],
  ['salesmgr', 'salesManager'],
  ['gm', 'branchGM'],
  ['findirector', 'financeDirector'],
  ['admin', 'admin'],
];

describe('demo branch seed', async () => {
  const run = await seedOnce();
  const { tables, counts } = run;
  const users = tables.users;
  const customers = tables.customers;
  const products = tables.products;
  const orders = tables.orders;
  const byId = <T extends DocRecord>(rows: T[]) => new Map(rows.map((r) => [Number(r.id), r]));
  const customerById = byId(customers);
  const productById: Record<number, DocRecord> = Object.fromEntries(products.map((p) => [Number(p.id), p]));
  const actor = (id: number): Actor => {
    const u = users.find((x) => x.id === id)!;
    return {
      id,
      username: String(u.username),
      fullName: String(u.fullName),
      role: u.role as Role,
      group: (u.group ?? null) as Actor['group'],
    };
  };

  it('returns the counts of what it wrote', () => {
    expect(counts).toMatchObject({
      users: users.length,
      products: products.length,
      customers: customers.length,
      orders: orders.length,
      settings: 1,
    });
    expect(orders.length).toBeGreaterThan(500);
  });

  it('seeds the 17 demo users of api.md with their roles, plus 6 more assistants', () => {
    for (const [username, role] of API_USERS) {
      const u = users.find((x) => x.username === username);
      expect(u, username).toBeDefined();
      expect(u!.role).toBe(role);
      expect(u!.active).toBe(true);
      expect(typeof u!.fullName).toBe('string');
      expect(u!.fullName).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
    expect(users.find((u) => u.username === 'assistant')!.group).toBe('ecommerce');
    expect(users.find((u) => u.username === 'assistant2')!.group).toBe('smb');
    const extra = users.filter((u) => /^assistant[3-8]$/.test(String(u.username)));
    expect(extra).toHaveLength(6);
    expect(new Set(extra.map((u) => u.group))).toEqual(new Set(['keyAccount', 'smb', 'ecommerce', 'salesSupport']));
    for (const u of users) expect(u.group === null).toBe(u.role !== 'assistant');
    expect(users).toHaveLength(23);
  });

  it('gives every user a hash of the demo password', () => {
    expect(run.hashes.size).toBe(users.length);
    for (const u of users) expect(run.hashes.get(Number(u.id))).toBe('hash:baoyi2026');
  });

  it('writes master data with system fields and in chunks', () => {
    for (const r of [...users, ...products, ...customers]) {
      // products' and customers' versions rise when seeded documents act on them (stock moves, credit lines)
      if (users.includes(r)) expect(r.version).toBe(1);
      else expect(r.version).toBeGreaterThanOrEqual(1);
      expect(r.approvals).toEqual([]);
      expect(r.createdAt).toEqual(expect.any(String));
      expect(Date.parse(String(r.createdAt))).toBeLessThanOrEqual(NOW.getTime());
      expect(r).not.toHaveProperty('status');
    }
    // 23 users + 1 products chunk + 1 customers chunk + ≥ 2 orders chunks
    expect(run.transactions()).toBeGreaterThanOrEqual(5);
  });

  it('has a catalog of ~150 products with sane prices, costs and stock', () => {
    expect(products.length).toBeGreaterThanOrEqual(140);
    expect(products.length).toBe(CATALOG.length);
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    for (const p of products) {
      expect(p.sku).toMatch(/^(ST|OC|EQ|OT)-\d{4}$/);
      expect(['stationery', 'oaConsumable', 'oaEquipment', 'other']).toContain(p.category);
      const price = Number(p.catalogPrice);
      const cost = Number(p.cost);
      expect(Number(price.toFixed(2))).toBe(price);
      expect(Number(cost.toFixed(2))).toBe(cost);
      expect(cost).toBeGreaterThanOrEqual(price * 0.7 - 0.01);
      expect(cost).toBeLessThanOrEqual(price * 0.9 + 0.01);
      expect(['文具项目部', '耗材项目部', '设备项目部', '纸品项目部']).toContain(p.projectDept);
    }
    expect(products.some((p) => p.stock === 0)).toBe(true);
    expect(products.some((p) => p.catalog === false)).toBe(true);
    for (const cat of ['stationery', 'oaConsumable', 'oaEquipment', 'other'])
      expect(products.some((p) => p.category === cat)).toBe(true);
  });

  it('has ~200 customers (and the dozen dormant members of 5.8.4) with unique ascending codes and both tiers', () => {
    const total = 200 + DORMANT_MEMBERS.length;
    expect(customers).toHaveLength(total);
    const codes = customers.map((c) => String(c.code));
    expect(new Set(codes).size).toBe(total);
    expect(codes[0]).toBe('100001');
    expect(codes.every((c, i) => c === String(100001 + i))).toBe(true);
    expect(new Set(customers.map((c) => c.name)).size).toBe(total);
    const key = customers.filter((c) => c.tier === 'keyAccount').length;
    expect(key).toBeGreaterThan(25);
    expect(key).toBeLessThan(80);
    expect(customers.some((c) => c.tier === 'smb')).toBe(true);
    for (const c of customers) {
      expect(customerRules(c)).toEqual([]);
      if (c.settlement === 'credit') {
        expect(c.tier).toBe('keyAccount');
        expect(c.creditLimit).toBeGreaterThanOrEqual(20000);
        expect(c.creditLimit).toBeLessThanOrEqual(200000);
      } else {
        expect(c.creditLimit).toBe(0);
        expect(c.overdue).toBe(false);
      }
      expect(c.phone).toMatch(/^0755-\d{8}$/);
      expect(c.mobile).toMatch(/^13\d{9}$/);
      expect(c.distanceKm).toBeGreaterThanOrEqual(1);
      expect(c.distanceKm).toBeLessThanOrEqual(40);
      expect(c.assistantId).toEqual(expect.any(Number));
      if (c.tier === 'keyAccount') expect(c.salesRepId).toBe(users.find((u) => u.username === 'salesrep')!.id);
    }
    expect(customers.some((c) => c.settlement === 'credit' && c.overdue === true)).toBe(true);
    expect(customers.some((c) => c.firstTradeAt === null)).toBe(true);
  });

  it('computes every order total as subtotal + delivery fee (5.3.1: 10 元 exactly below 100 元)', () => {
    for (const o of orders) {
      const sub = yuanToFen(Number(o.subtotal));
      expect(yuanToFen(Number(o.total))).toBe(sub + yuanToFen(Number(o.deliveryFee)));
      expect(o.deliveryFee).toBe(sub < 100_00 ? 10 : 0);
      const lines = o.lines as DocRecord[];
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(6);
      for (const l of lines) {
        const p = productById[Number(l.productId)];
        expect(p.catalog).toBe(true);
        expect(l.unitPrice).toBe(p.catalogPrice);
        expect(l.qty).toBeGreaterThanOrEqual(1);
        expect(l.qty).toBeLessThanOrEqual(20);
      }
    }
  });

  it('never puts an SMB, new or overdue customer on credit (6.2.3, 5.11.3)', () => {
    const credit = orders.filter((o) => o.paymentMethod === 'credit');
    expect(credit.length).toBeGreaterThan(0);
    for (const o of credit) {
      const c = customerById.get(Number(o.customerId))!;
      expect(c.tier).toBe('keyAccount');
      expect(c.settlement).toBe('credit');
      expect(c.overdue).toBe(false);
    }
  });

  const ruleContext = (o: DocRecord, now: Date): RuleContext => ({
    now,
    user: actor(Number(o.createdBy)),
    refs: { customerId: customerById.get(Number(o.customerId)) },
    lineRefs: { productId: productById },
    facts: { creditUsed: 0 },
    settings: {},
  });

  it('passes the order rules as they stood when each order was received', () => {
    for (const o of orders)
      expect(orderRules(o, ruleContext(o, new Date(String(o.receivedAt)))), String(o.code)).toEqual([]);
  });

  it('uses only workflow states, and approvals match the status', () => {
    const states = Object.keys(orderWorkflow.states);
    const seen = new Set<string>();
    for (const o of orders) {
      const status = String(o.status);
      seen.add(status);
      expect(states).toContain(status);
      const approvals = o.approvals as DocRecord[];
      const prints = (o.prints ?? []) as DocRecord[];
      expect(o.version).toBe(1 + approvals.length + prints.length);
      if (['gmApproval', 'approved', 'picked', 'shipped', 'delivered', 'closed'].includes(status)) {
        expect(
          approvals.some((a) => a.role === 'csManager' && a.action === 'approve' && a.decision === 'approve'),
          String(o.code),
        ).toBe(true);
      }
      if (status === 'gmApproval') expect(o.paymentMethod).toBe('credit');
      if (approvals.some((a) => a.role === 'branchGM')) expect(o.needsGmApproval).toBe(true);
      for (const a of approvals)
        if (a.decision === 'reject' || a.action === 'cancel') expect(String(a.comment ?? '')).not.toBe('');
      // the chain of steps leads from the initial status to the current one
      let at = String(o.receivedAt);
      let from = o.channel === 'web' ? 'pendingConfirmation' : 'draft';
      for (const a of approvals) {
        expect(a.step).toBe(from);
        expect(String(a.at) >= at).toBe(true);
        const u = users.find((x) => x.id === a.by)!;
        expect(u.role).toBe(a.role);
        expect(a.byName).toBe(u.fullName);
        const t = orderWorkflow.transitions.find(
          (x) => x.action === a.action && x.from.includes(from) && x.roles.includes(a.role as Role),
        );
        expect(t, `${o.code} ${from} ${a.action}`).toBeDefined();
        from = typeof t!.to === 'string' ? t!.to : t!.to(o, ruleContext(o, new Date(String(a.at))));
        at = String(a.at);
      }
      expect(from).toBe(status);
      const last = [...approvals, ...prints]
        .map((a) => String(a.at))
        .sort()
        .at(-1);
      expect(String(o.updatedAt)).toBe(last ?? String(o.createdAt));
    }
    for (const s of [
      'closed',
      'cancelled',
      'delivered',
      'shipped',
      'invoiced',
      'picked',
      'approved',
      'submitted',
      'draft',
      'pendingConfirmation',
      'rejected',
      'gmApproval',
    ]) {
      expect(seen, s).toContain(s);
    }
  });

  it('sends no order out without the order desk’s printed delivery list (6.2.4), nor a cash order without its invoice (5.4.2)', () => {
    const desk = users.find((u) => u.role === 'orderDesk')!;
    const fin = users.find((u) => u.role === 'finance')!;
    let printedNotOut = 0;
    // a print is an audit entry (issue 23), not a change of the order
    const printsOf = new Map<number, DocRecord[]>();
    for (const e of tables.auditLog ?? []) {
      if (
        e.resource !== 'orders' ||
        e.action !== 'print' ||
        (e.changes as DocRecord | undefined)?.form !== 'deliveryNote'
      )
        continue;
      const id = Number(e.recordId);
      printsOf.set(id, [...(printsOf.get(id) ?? []), { by: e.userId, byName: e.userName, at: e.at }]);
    }
    for (const o of orders) {
      const prints = printsOf.get(Number(o.id)) ?? [];
      const out = ['shipped', 'delivered', 'closed'].includes(String(o.status));
      if (out) {
        expect(prints.length, String(o.code)).toBeGreaterThan(0);
        expect(prints[0]).toMatchObject({ by: desk.id, byName: desk.fullName });
        expect(String(prints[0].at) <= String(o.shippedAt)).toBe(true);
      }
      if (['picked', 'invoiced'].includes(String(o.status)) && prints.length) printedNotOut++;
      const invoiced = o.status === 'invoiced' || (out && o.paymentMethod === 'cash');
      if (invoiced) {
        expect(o.invoiceNo, String(o.code)).toMatch(/^FP\d{12}$/);
        expect(o.invoicedBy).toBe(fin.id);
        expect((o.approvals as DocRecord[]).some((a) => a.action === 'invoice' && a.role === 'finance')).toBe(true);
      } else expect(o.invoiceNo ?? null, String(o.code)).toBeNull();
      if (o.paymentMethod === 'credit') expect(o.invoicedAt ?? null).toBeNull();
    }
    expect(printedNotOut).toBeGreaterThan(0);
  });

  it('keeps timestamps consistent and never after now', () => {
    const fields = [
      'receivedAt',
      'confirmedAt',
      'submittedAt',
      'pickedAt',
      'invoicedAt',
      'shippedAt',
      'deliveredAt',
      'closedAt',
      'createdAt',
      'updatedAt',
    ];
    for (const o of orders) {
      for (const f of fields)
        if (o[f] != null) expect(Date.parse(String(o[f])), `${o.code} ${f}`).toBeLessThanOrEqual(NOW.getTime());
      expect(BUILT_IN_CALENDAR.isWithinWorkingHours(new Date(String(o.receivedAt)))).toBe(true);
      const order = ['receivedAt', 'pickedAt', 'invoicedAt', 'shippedAt', 'deliveredAt', 'closedAt']
        .map((f) => o[f])
        .filter((v) => v != null)
        .map(String);
      expect([...order].sort()).toEqual(order);
      if (o.status === 'closed') expect(o.closedAt).not.toBeNull();
      if (o.status === 'delivered') expect(o.deliveredAt).not.toBeNull();
      if (o.channel === 'web' && o.status !== 'pendingConfirmation' && o.status !== 'cancelled')
        expect(o.confirmedAt).not.toBeNull();
    }
  });

  it('numbers orders SO-YYYYMMDD-NNNN by the Shanghai day of receipt, and bumps the daily counters', () => {
    const codes = new Set<string>();
    const perDay = new Map<string, number>();
    for (const o of orders) {
      const code = String(o.code);
      const day = shanghaiDate(new Date(String(o.receivedAt))).replaceAll('-', '');
      expect(code).toMatch(/^SO-\d{8}-\d{4}$/);
      expect(code.slice(3, 11)).toBe(day);
      codes.add(code);
      perDay.set(`SO-${day}`, (perDay.get(`SO-${day}`) ?? 0) + 1);
    }
    expect(codes.size).toBe(orders.length);
    const soCounters = [...run.counters].filter(([k]) => k.startsWith('SO-'));
    expect(Object.fromEntries(soCounters)).toEqual(Object.fromEntries(perDay));
  });

  it('has web orders awaiting confirmation received within 10 minutes of now (5.1.1)', () => {
    const fresh = orders.filter(
      (o) =>
        o.status === 'pendingConfirmation' &&
        o.channel === 'web' &&
        NOW.getTime() - Date.parse(String(o.receivedAt)) <= 10 * 60_000,
    );
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    for (const o of fresh) expect(Date.parse(String(o.confirmDeadline))).toBeGreaterThan(NOW.getTime());
    for (const o of orders.filter((x) => x.status === 'pendingConfirmation')) {
      expect(o.channel).toBe('web');
      expect(shanghaiDate(new Date(String(o.receivedAt)))).toBe(shanghaiDate(NOW));
    }
  });

  it('has no orders from customers before their first trade', () => {
    for (const o of orders) {
      const c = customerById.get(Number(o.customerId))!;
      expect(typeof c.firstTradeAt).toBe('string');
      expect(String(c.firstTradeAt) < String(o.receivedAt)).toBe(true);
    }
  });

  it('is deterministic: same seed and now → identical records; another seed → different', async () => {
    const again = await seedOnce();
    expect(again.tables).toEqual(tables);
    const other = await seedOnce(8);
    expect(other.tables.customers.map((c) => c.name)).not.toEqual(customers.map((c) => c.name));
  });
});

describe('seeded PRNG', () => {
  it('repeats for the same seed and stays within bounds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 1000 }, () => a.int(1, 6));
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.int(1, 6)));
    expect(Math.min(...xs)).toBe(1);
    expect(Math.max(...xs)).toBe(6);
    expect(createRng(42).fork('x').next()).not.toBe(createRng(42).fork('y').next());
    const shuffled = createRng(1).shuffle([1, 2, 3, 4, 5]);
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('weighted picks follow the weights and respect a prefix limit', () => {
    const rng = createRng(3);
    const picker = new WeightedPicker(['a', 'b', 'c'], (x) => (x === 'a' ? 0 : x === 'b' ? 1 : 3));
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i++) counts[picker.pick(rng)]++;
    expect(counts.a).toBe(0);
    expect(counts.c / counts.b).toBeGreaterThan(2.5);
    expect(counts.c / counts.b).toBeLessThan(3.5);
    for (let i = 0; i < 100; i++) expect(picker.pick(rng, 2)).toBe('b');
  });
});
