import { addDays, dayOfWeek } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import { getDefinition } from '../../../src/domain/documents';
import type { Actor } from '../../../src/domain/roles';
import { actOnDoc, createDoc, updateDoc } from '../../core/documents';
import type { Store } from '../../store/types';
import { runBatched, SeedCache } from '../batch';
import {
  addWorkMinutes,
  atMinute,
  END_MIN,
  minuteOfDay,
  nextWorkingDay,
  shanghaiDate,
  START_MIN,
  workingDay,
} from '../clock';
import { MINUTE_PICKER } from '../orders';
import type { Rng } from '../random';
import { readyToShip } from '../shipping';

/**
 * What the branch-volume seeders share: the seeded window's working days, the demo people, the
 * master data (read once), the seeded orders (kept from the order stream), a stock book, the
 * arithmetic of plausible office times, and a runner that creates and walks documents through the
 * real services in batches (server/seed/batch.ts).
 *
 * Every document is PLANNED whole — creation, then each step at the working time it would happen —
 * and its steps are taken up to `now` only: old documents have run their course (mostly closed),
 * recent ones are still in flight, as in the order seed (server/seed/orders.ts).
 */

/** A seeded order, as much of it as the document seeders need (the order stream is not kept). */
export interface OrderInfo {
  id: number;
  code: string;
  customerId: number;
  assistantId: number;
  channel: string;
  status: string;
  paymentMethod: string;
  receivedAt: number;
  /** the csManager's approval */
  approvedAt: number | null;
  deliveredAt: number | null;
  total: number;
  lines: { productId: number; qty: number }[];
}

export function orderInfo(rec: DocRecord): OrderInfo {
  const approvals = Array.isArray(rec.approvals) ? (rec.approvals as DocRecord[]) : [];
  const approved = approvals.find((a) => a.role === 'csManager' && a.action === 'approve');
  return {
    id: Number(rec.id),
    code: String(rec.code),
    customerId: Number(rec.customerId),
    assistantId: Number(rec.assistantId),
    channel: String(rec.channel),
    status: String(rec.status),
    paymentMethod: String(rec.paymentMethod),
    receivedAt: Date.parse(String(rec.receivedAt)),
    approvedAt: approved ? Date.parse(String(approved.at)) : null,
    deliveredAt: typeof rec.deliveredAt === 'string' ? Date.parse(rec.deliveredAt) : null,
    total: Number(rec.total),
    lines: (rec.lines as DocRecord[]).map((l) => ({ productId: Number(l.productId), qty: Number(l.qty) })),
  };
}

export interface BranchInput {
  store: Store;
  now: Date;
  rng: Rng;
  users: Actor[];
  /** calendar days of the seeded window (today included) */
  days: number;
  perWorkingDay: number;
  /** the orders of the order stream, in code order */
  orders: OrderInfo[];
  progress?: (msg: string) => void;
}

export interface Step {
  action: string;
  by: Actor;
  at: Date;
  comment?: string;
  extra?: DocRecord;
}

/** A unit of work: everything one planned document does, run at its first instant's turn. */
export interface Job {
  at: Date;
  run: (s: Store) => Promise<void>;
  /** records it reads by id (read for the whole batch at once) */
  reads?: [resource: string, id: number][];
}

/** Documents per batch (one transaction): big enough to save the commits, small enough to stay light. */
const PER_BATCH = 40;

export class BranchKit {
  readonly store: Store;
  readonly now: Date;
  /** nothing is done after this instant (a minute before now) */
  readonly limit: number;
  readonly today: string;
  readonly rng: Rng;
  readonly users: Actor[];
  readonly assistants: Actor[];
  readonly perDay: number;
  /** working days of the window, oldest first */
  readonly days: string[];
  readonly orders: OrderInfo[];
  customers: DocRecord[] = [];
  customerById = new Map<number, DocRecord>();
  products: DocRecord[] = [];
  productById = new Map<number, DocRecord>();
  /** stock as the steps planned so far leave it (decrements checked before they are planned) */
  readonly stock = new Map<number, number>();
  readonly cache = new SeedCache();
  private readonly byName: Map<string, Actor>;

  constructor(input: BranchInput) {
    this.store = input.store;
    this.now = input.now;
    this.limit = input.now.getTime() - 60_000;
    this.today = shanghaiDate(input.now);
    this.rng = input.rng;
    this.users = input.users;
    this.assistants = input.users.filter((u) => u.role === 'assistant');
    this.perDay = input.perWorkingDay;
    this.orders = input.orders;
    this.byName = new Map(input.users.map((u) => [u.username, u]));
    const days: string[] = [];
    for (let i = Math.max(1, Math.floor(input.days)) - 1; i >= 0; i--) {
      const d = addDays(this.today, -i);
      if (workingDay(d)) days.push(d);
    }
    this.days = days;
  }

  /** reads the master data (after the demo's documents moved stock and customers) */
  async load(): Promise<void> {
    const all = { filter: {}, sort: { field: 'id', order: 'ASC' as const }, range: null };
    this.customers = (await this.store.list('customers', all)).rows;
    this.products = (await this.store.list('products', all)).rows;
    this.customerById = new Map(this.customers.map((c) => [Number(c.id), c]));
    this.productById = new Map(this.products.map((p) => [Number(p.id), p]));
    for (const p of this.products) this.stock.set(Number(p.id), Number(p.stock ?? 0));
    // the order sums the facts ask for, from an index: the seeded orders and those the demo's documents entered
    const last = this.orders.reduce((m, o) => Math.max(m, o.id), 0);
    const later = (
      await this.store.list('orders', {
        filter: { id_gte: last + 1 },
        sort: { field: 'id', order: 'ASC' },
        range: null,
      })
    ).rows;
    // the prints every step of an order reads (6.2.4), from an index: those the demo's documents recorded, then the batches'
    this.cache.indexPrints(
      (
        await this.store.list('auditLog', {
          filter: { action: 'print' },
          sort: { field: 'id', order: 'ASC' },
          range: null,
        })
      ).rows,
    );
    this.cache.indexOrders([
      ...this.orders.map((o) => ({
        id: o.id,
        customerId: o.customerId,
        paymentMethod: o.paymentMethod,
        status: o.status,
        total: o.total,
        receivedAt: new Date(o.receivedAt).toISOString(),
      })),
      ...later.map((r) => ({
        id: Number(r.id),
        customerId: Number(r.customerId),
        paymentMethod: String(r.paymentMethod),
        status: String(r.status),
        total: Number(r.total),
        receivedAt: String(r.receivedAt),
      })),
    ]);
  }

  user(username: string): Actor {
    const a = this.byName.get(username);
    if (!a) throw new Error(`no demo user ${username}`);
    return a;
  }

  /** the assistant who looks after a customer (own, else a key-account / SMB assistant) */
  assistantOf(c: DocRecord): Actor {
    const own = this.users.find((u) => u.id === Number(c.assistantId));
    if (own && own.role === 'assistant') return own;
    return this.user(c.tier === 'keyAccount' ? 'assistant3' : 'assistant2');
  }

  /** customers trading (first trade) before `at`, active */
  tradingAt(at: Date | number, pool = this.customers): DocRecord[] {
    const t = typeof at === 'number' ? at : at.getTime();
    return pool.filter(
      (c) => c.active !== false && typeof c.firstTradeAt === 'string' && Date.parse(c.firstTradeAt) < t,
    );
  }

  // ---- time ----

  /** `minutes` of working time after `t` */
  after(t: Date, minutes: number): Date {
    return addWorkMinutes(t, minutes);
  }

  /** a time on `day` between two clock minutes (whole minutes) */
  on(day: string, fromMin: number, toMin: number): Date {
    return atMinute(day, this.rng.int(fromMin, toMin));
  }

  /** the first working day on or after `day` */
  workingFrom(day: string): string {
    return workingDay(day) ? day : nextWorkingDay(day);
  }

  /** the n-th working day after `day` */
  workingDaysAfter(day: string, n: number): string {
    let d = day;
    for (let i = 0; i < n; i++) d = nextWorkingDay(d);
    return d;
  }

  /**
   * Creation instants over the window: about `perDay` a working day (Mondays busier, Fridays
   * quieter, day-to-day noise), at office times weighted like order arrivals, never after now.
   * `days` narrows the window (e.g. a festival).
   */
  arrivals(perDay: number, opts: { days?: readonly string[]; latestMin?: number } = {}): Date[] {
    const out: Date[] = [];
    const nowMin = minuteOfDay(this.now);
    for (const day of opts.days ?? this.days) {
      const dow = dayOfWeek(day);
      const expected = perDay * this.rng.float(0.7, 1.3) * (dow === 1 ? 1.1 : dow === 5 ? 0.92 : 1);
      let n = Math.floor(expected);
      if (this.rng.next() < expected - n) n++;
      let limit = (opts.latestMin ?? END_MIN) - START_MIN;
      if (day === this.today) limit = Math.min(limit, Math.floor(nowMin - 5 - START_MIN));
      if (day > this.today || limit <= 0) continue;
      for (let i = 0; i < n; i++)
        out.push(atMinute(day, MINUTE_PICKER.pickIndex(this.rng, limit) + START_MIN + this.rng.next()));
    }
    return out.sort((a, b) => a.getTime() - b.getTime());
  }

  /** instants from `start`: each entry `gaps[i]` working minutes after the previous one */
  chain(start: Date, gaps: readonly number[]): Date[] {
    const out: Date[] = [];
    let t = start;
    for (const g of gaps) {
      t = g > 0 ? addWorkMinutes(t, g) : t;
      out.push(t);
    }
    return out;
  }

  /** whether an instant has happened (steps after it are not taken) */
  done(t: Date | number): boolean {
    return (typeof t === 'number' ? t : t.getTime()) <= this.limit;
  }

  // ---- stock ----

  /** takes `qty` off the book when there is that much; false (nothing taken) when not */
  take(productId: number, qty: number): boolean {
    const s = this.stock.get(productId) ?? 0;
    if (s < qty) return false;
    this.stock.set(productId, s - qty);
    return true;
  }

  give(productId: number, qty: number): void {
    this.stock.set(productId, (this.stock.get(productId) ?? 0) + qty);
  }

  // ---- the services ----

  create(s: Store, resource: string, by: Actor, at: Date, body: DocRecord): Promise<DocRecord> {
    return createDoc({ store: s, now: () => at }, definition(resource), by, body);
  }

  async act(s: Store, resource: string, id: number, step: Step): Promise<DocRecord> {
    // an order goes out with its printed delivery list and, paid in cash, its invoice (6.2.4, 5.4.2)
    if (resource === 'orders' && step.action === 'ship')
      await readyToShip(s, id, { orderDesk: this.user('orderdesk'), finance: this.user('finance') }, step.at);
    return actOnDoc({ store: s, now: () => step.at }, definition(resource), step.by, id, step.action, {
      ...(step.extra ?? {}),
      ...(step.comment ? { comment: step.comment } : {}),
    });
  }

  update(s: Store, resource: string, id: number, by: Actor, at: Date, body: DocRecord): Promise<DocRecord> {
    return updateDoc({ store: s, now: () => at }, definition(resource), by, id, body);
  }

  /** create at `at`, then take the steps that have happened by now, in order; the last record */
  async walk(
    s: Store,
    resource: string,
    by: Actor,
    at: Date,
    body: DocRecord,
    steps: readonly Step[],
  ): Promise<DocRecord> {
    let rec = await this.create(s, resource, by, at, body);
    for (const st of steps) {
      if (!this.done(st.at)) break;
      rec = await this.act(s, resource, Number(rec.id), st);
    }
    return rec;
  }

  /** runs the jobs in the order of their instants, a batch of documents per transaction */
  async run(jobs: Job[]): Promise<void> {
    const sorted = jobs.map((j, i) => ({ j, i })).sort((a, b) => a.j.at.getTime() - b.j.at.getTime() || a.i - b.i);
    await runBatched(
      this.store,
      sorted,
      PER_BATCH,
      (s, { j }) => j.run(s),
      this.cache,
      ({ j }) => j.reads ?? [],
    );
  }

  async count(resource: string): Promise<number> {
    return (await this.store.list(resource, { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 0] })).total;
  }
}

function definition(resource: string) {
  const def = getDefinition(resource);
  if (!def) throw new Error(`no definition ${resource}`);
  return def;
}
