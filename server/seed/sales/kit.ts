import { addDays, atShanghai } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import type { Actor } from '../../../src/domain/roles';
import { isKeyAccount, isNewCustomer } from '../../../src/domain/rules/customerTerms';
import { addWorkMinutes, backWork, shanghaiDate, workingDay } from '../clock';
import { round2 } from '../random';
import { actAs, createAs, type SeedDocsContext } from '../walk';

/**
 * What the sales seeds share: the clock (working days back from now), the demo people, the stored
 * customers and products, and create / act through the real services at a given time.
 */

export interface SalesKit {
  ctx: SeedDocsContext;
  now: Date;
  /** the n-th working day before today (n ≥ 1), 'YYYY-MM-DD' */
  day(n: number): string;
  /** Shanghai `hhmm` on the n-th working day back (n ≥ 1) */
  at(n: number, hhmm: string): Date;
  /** `minutes` of working time before now (today's work, or the last working day's) */
  ago(minutes: number): Date;
  /** `minutes` of working time after `t` */
  after(t: Date, minutes: number): Date;
  /** `minutes` of working time before `t` */
  before(t: Date, minutes: number): Date;
  /** the day for work still in flight: today once it is past 13:00 on a working day, else the last working day */
  pendingDay: string;
  user(username: string): Actor;
  userById(id: unknown): Actor | undefined;
  customers: DocRecord[];
  products: DocRecord[];
  create(resource: string, by: Actor, at: Date, body: DocRecord): Promise<DocRecord>;
  /** take a step; `extra` is the comment (a string) or the step's params with an optional comment */
  act(
    resource: string,
    rec: DocRecord,
    action: string,
    by: Actor,
    at: Date,
    extra?: string | DocRecord,
  ): Promise<DocRecord>;
}

export async function salesKit(ctx: SeedDocsContext): Promise<SalesKit> {
  const all = { filter: {}, sort: { field: 'id', order: 'ASC' as const }, range: null };
  const customers = (await ctx.store.list('customers', all)).rows;
  const products = (await ctx.store.list('products', all)).rows;
  const today = shanghaiDate(ctx.now);
  const days: string[] = [];
  for (let d = addDays(today, -1); days.length < 40; d = addDays(d, -1)) if (workingDay(d)) days.push(d);
  const byId = new Map(ctx.users.map((u) => [u.id, u]));
  return {
    ctx,
    now: ctx.now,
    day: (n) => days[Math.max(1, n) - 1],
    at: (n, hhmm) => atShanghai(days[Math.max(1, n) - 1], hhmm),
    ago: (minutes) => backWork(ctx.now, minutes),
    after: (t, minutes) => addWorkMinutes(t, minutes),
    before: (t, minutes) => backWork(t, minutes),
    pendingDay: workingDay(today) && ctx.now.getTime() >= atShanghai(today, '13:00').getTime() ? today : days[0],
    user: ctx.user,
    userById: (id) => (typeof id === 'number' ? byId.get(id) : undefined),
    customers,
    products,
    create: (resource, by, at, body) => createAs(ctx, resource, by, body, at),
    act: (resource, rec, action, by, at, extra) =>
      actAs(
        ctx,
        resource,
        Number(rec.id),
        action,
        by,
        at,
        typeof extra === 'string' ? { comment: extra } : (extra ?? {}),
      ),
  };
}

// ---- pools ----

const trading = (c: DocRecord) => c.active !== false && typeof c.firstTradeAt === 'string' && !!c.firstTradeAt;

/** Key accounts trading for more than 3 months (at `now`), with their assistant. */
export const establishedKeyAccounts = (k: SalesKit) =>
  k.customers.filter((c) => isKeyAccount(c) && trading(c) && !isNewCustomer(c, k.at(15, '08:00')));
/** Key accounts in their first 3 months (quoted by the rep, 6.4.6). */
export const newKeyAccounts = (k: SalesKit) =>
  k.customers.filter((c) => isKeyAccount(c) && c.active !== false && isNewCustomer(c, k.now));
/** Customers trading since before `at`. */
export const tradingBefore = (k: SalesKit, at: Date) =>
  k.customers.filter((c) => trading(c) && String(c.firstTradeAt) < at.toISOString());

/** The assistant who looks after a customer (their own, else a key-account assistant). */
export function assistantOf(k: SalesKit, c: DocRecord): Actor {
  const own = k.userById(c.assistantId);
  return own && own.role === 'assistant' ? own : k.user(isKeyAccount(c) ? 'assistant3' : 'assistant2');
}

/** A price giving `margin` (fraction) over the product's cost, to the fen. */
export const priceAt = (p: DocRecord, margin: number) => round2(Number(p.cost) / (1 - margin));

/**
 * A phone order (6.2) by the customer's assistant at catalog prices, walked through `steps`
 * (each [action, username, at]). Lines are confirmed (6.2.1).
 */
export async function makeOrder(
  k: SalesKit,
  customer: DocRecord,
  lines: { product: DocRecord; qty: number }[],
  at: Date,
  steps: [string, string, Date][],
): Promise<DocRecord> {
  const by = assistantOf(k, customer);
  let o = await k.create('orders', by, at, {
    customerId: Number(customer.id),
    channel: 'phone',
    paymentMethod: 'cash',
    linesConfirmed: true,
    lines: lines.map((l) => ({ productId: Number(l.product.id), qty: l.qty, unitPrice: l.product.catalogPrice })),
  });
  for (const [action, username, when] of steps)
    o = await k.act('orders', o, action, username === '@owner' ? by : k.user(username), when);
  return o;
}

/** Take `n` distinct items (deterministic: the kit's rng), fewer if the pool is small. */
export function takeSome<T>(k: SalesKit, pool: readonly T[], n: number): T[] {
  return k.ctx.rng.shuffle([...pool]).slice(0, n);
}
