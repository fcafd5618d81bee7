import type { DocRecord } from '../../../src/domain/definition';
import { stockCoversRefusal } from '../../../src/domain/rules/stock';
import type { Actor } from '../../../src/domain/roles';
import type { Store } from '../../store/types';
import { atMinute, nextWorkingDay, shanghaiDate, workingDay } from '../clock';
import { VAN_SLOTS } from '../orders';
import type { BranchKit } from './kit';
import { readyToShip } from '../shipping';

/**
 * Orders the branch documents enter through the order services (a converted quote, a bought
 * sample, the order behind a requisition or an urgent letter), taken on through the order flow as
 * the order seed times it (server/seed/orders.ts): submitted, approved (the branchGM too when the
 * credit runs out), picked, on a van, signed for, closed by finance — each step only once it has
 * happened by now.
 */

/** the first van at or after `from`, not before the working day `earliest` */
export function nextVan(from: Date, earliest: string): Date {
  const fromDay = shanghaiDate(from);
  let day = fromDay > earliest ? fromDay : earliest;
  if (!workingDay(day)) day = nextWorkingDay(day);
  for (;;) {
    for (const slot of VAN_SLOTS) {
      const t = atMinute(day, slot);
      if (t.getTime() >= from.getTime()) return t;
    }
    day = nextWorkingDay(day);
  }
}

export interface OrderWalk {
  /** the assistant who submits (the order's owner) */
  assistant: Actor;
  /** the lines still to be confirmed with the customer (6.2.1): the assistant confirms them first */
  confirmLines?: boolean;
  /** stop once the order is approved (its goods are short: a requisition / an urgent letter takes over) */
  untilApproved?: boolean;
}

/**
 * Takes a stored order on from its status at `t` (draft or submitted … delivered) to closed, every
 * step at its working time, up to now. Returns the last record and the time of its last step.
 */
export async function walkOrder(
  k: BranchKit,
  s: Store,
  order: DocRecord,
  t: Date,
  w: OrderWalk,
): Promise<{ order: DocRecord; at: Date }> {
  const rng = k.rng;
  let o = order;
  let at = t;
  const id = Number(o.id);
  const step = async (action: string, by: Actor, when: Date, extra: DocRecord = {}): Promise<boolean> => {
    if (!k.done(when)) return false;
    o = await k.act(s, 'orders', id, { action, by, at: when, extra });
    at = when;
    return true;
  };
  if (o.status === 'draft') {
    if (w.confirmLines && o.linesConfirmed !== true) {
      const when = k.after(at, rng.float(3, 20));
      if (!k.done(when)) return { order: o, at };
      o = await k.update(s, 'orders', id, w.assistant, when, { linesConfirmed: true });
      at = when;
    }
    if (!(await step('submit', w.assistant, k.after(at, rng.float(3, 25))))) return { order: o, at };
  }
  if (
    o.status === 'submitted' &&
    !(await step(
      'approve',
      k.user('csmanager'),
      k.after(at, rng.chance(0.9) ? rng.float(10, 90) : rng.float(120, 400)),
    ))
  )
    return { order: o, at };
  if (o.status === 'gmApproval' && !(await step('approve', k.user('gm'), k.after(at, rng.float(60, 420)))))
    return { order: o, at };
  if (w.untilApproved) return { order: o, at };
  return finishOrder(k, s, o, at);
}

/** approved → picked → shipped → delivered → closed, each at its time, up to now */
export async function finishOrder(
  k: BranchKit,
  s: Store,
  order: DocRecord,
  t: Date,
): Promise<{ order: DocRecord; at: Date }> {
  const rng = k.rng;
  let o = order;
  let at = t;
  const id = Number(o.id);
  const step = async (action: string, by: Actor, when: Date): Promise<boolean> => {
    if (!k.done(when)) return false;
    o = await k.act(s, 'orders', id, { action, by, at: when });
    at = when;
    return true;
  };
  if (o.status === 'approved') {
    // 6.2.5 picking takes the goods out of stock; 5.6.4 a short line waits (requisition / transfer)
    const when = k.after(at, rng.float(30, 300));
    if (!k.done(when) || !(await stockServes(k, s, o))) return { order: o, at };
    await step('pick', k.user('warehouse'), when);
    for (const [pid, qty] of qtyByProduct(o)) k.take(pid, qty);
  }
  if (o.status === 'picked') {
    const sameDay = o.promiseKind === 'sameAfternoon';
    const earliest = sameDay ? shanghaiDate(at) : nextWorkingDay(shanghaiDate(at));
    const van = nextVan(new Date(at.getTime() + 10 * 60_000), earliest);
    // before the van, as far as now has come: the order desk prints the delivery list (6.2.4), finance invoices a cash order (5.4.2)
    o =
      (await readyToShip(
        s,
        id,
        { orderDesk: k.user('orderdesk'), finance: k.user('finance') },
        new Date(van.getTime() - 60_000),
        (t) => k.done(t),
      )) ?? o;
    if (!(await step('ship', k.user('driver'), new Date(van.getTime() + rng.int(0, 20) * 60_000))))
      return { order: o, at };
  }
  if (o.status === 'shipped' && !(await step('deliver', k.user('driver'), k.after(at, rng.float(20, 200)))))
    return { order: o, at };
  if (o.status === 'delivered') {
    const day = k.workingDaysAfter(shanghaiDate(at), o.paymentMethod === 'credit' ? rng.int(3, 10) : rng.int(1, 5));
    await step('close', k.user('finance'), k.on(day, 9 * 60, 17 * 60));
  }
  return { order: o, at };
}

function qtyByProduct(order: DocRecord): Map<number, number> {
  const out = new Map<number, number>();
  for (const l of Array.isArray(order.lines) ? (order.lines as DocRecord[]) : [])
    out.set(Number(l.productId), (out.get(Number(l.productId)) ?? 0) + Number(l.qty));
  return out;
}

/** whether the shelf serves every line now: the stock book (what the plans leave) and the store itself */
async function stockServes(k: BranchKit, s: Store, order: DocRecord): Promise<boolean> {
  const need = qtyByProduct(order);
  if ([...need].some(([pid, qty]) => (k.stock.get(pid) ?? 0) < qty)) return false;
  const products = await s.getMany('products', [...need.keys()]);
  const byId = Object.fromEntries(products.map((p) => [Number(p.id), p]));
  return stockCoversRefusal(Array.isArray(order.lines) ? (order.lines as DocRecord[]) : [], byId) === null;
}

/** A phone order by the customer's assistant at catalog prices, lines confirmed (6.2.1), as the draft. */
export function phoneOrder(
  customer: DocRecord,
  lines: { product: DocRecord; qty: number }[],
  note?: string,
): DocRecord {
  return {
    customerId: Number(customer.id),
    channel: 'phone',
    paymentMethod: 'cash',
    linesConfirmed: true,
    lines: lines.map((l) => ({ productId: Number(l.product.id), qty: l.qty, unitPrice: l.product.catalogPrice })),
    ...(note ? { note } : {}),
  };
}
