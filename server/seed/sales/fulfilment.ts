import { addDays, atShanghai, BUILT_IN_CALENDAR } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import { urgentRequestRefusal } from '../../../src/domain/rules/sales/urgent';
import { assistantOf, makeOrder, takeSome, tradingBefore, type SalesKit } from './kit';

/**
 * Requisitions (6.5.2) for orders short of stock, handwritten delivery notes (6.7) on approved
 * orders, urgent delivery letters (6.8) for customers within 20 km — every state of each.
 */

export async function seedRequisitions(k: SalesKit): Promise<number> {
  // catalog goods low in stock, by project department
  const low = k.products.filter(
    (p) => p.catalog !== false && p.active !== false && Number(p.stock) <= 5 && p.projectDept,
  );
  const byDept = new Map<string, DocRecord[]>();
  for (const p of low) byDept.set(String(p.projectDept), [...(byDept.get(String(p.projectDept)) ?? []), p]);
  const depts = [...byDept.keys()].sort();
  if (depts.length === 0) return 0;
  const rng = k.ctx.rng;
  const purchasing = k.user('purchasing');
  let n = 0;
  let i = 0;

  /** an order received at `at`, approved, with 1–2 lines of one department short of stock; then its requisition */
  const requisition = async (at: Date) => {
    const dept = depts[i++ % depts.length];
    const products = takeSome(k, byDept.get(dept)!, rng.int(1, 2));
    const customers = tradingBefore(k, at);
    const c = customers[(i * 7) % customers.length];
    const lines = products.map((p) => ({ product: p, qty: Math.min(20, Number(p.stock) + rng.int(4, 12)) }));
    const order = await makeOrder(k, c, lines, at, [
      ['submit', '@owner', k.after(at, 6)],
      ['approve', 'csmanager', k.after(at, 25)],
    ]);
    const by = assistantOf(k, c);
    n++;
    const req = await k.create('requisitions', by, k.after(at, 40), {
      orderId: Number(order.id),
      lines: lines.map((l) => ({
        productId: Number(l.product.id),
        qty: Math.max(1, l.qty - Number(l.product.stock)),
        remark: null,
      })),
      note: `订单 ${order.code} 缺货，向${dept}请购`,
    });
    return { req, by };
  };
  const submitted = async (at: Date) => {
    const { req, by } = await requisition(at);
    return k.act('requisitions', req, 'submit', by, k.after(at, 45));
  };
  const ordered = async (dayN: number) => {
    const req = await submitted(k.at(dayN, '09:30'));
    return k.act('requisitions', req, 'order', purchasing, k.at(dayN - 1, '10:15'), {
      supplierPo: `PO-${k.day(dayN - 1).replaceAll('-', '')}-R${i}`,
      expectedAt: addDays(k.day(dayN - 1), 5),
    });
  };

  await requisition(atShanghai(k.pendingDay, '10:20')); // draft
  await submitted(k.at(1, '14:00')); // submitted, waiting for purchasing
  await k.act(
    'requisitions',
    await submitted(k.at(3, '09:50')),
    'reject',
    purchasing,
    k.at(3, '15:30'),
    '该型号供应商已停产，请与客户确认替代型号',
  ); // rejected
  await ordered(4); // ordered
  await k.act('requisitions', await ordered(8), 'receive', k.user('warehouse'), k.at(5, '14:30')); // received → stock
  {
    const { req, by } = await requisition(k.at(2, '11:00'));
    await k.act('requisitions', req, 'cancel', by, k.at(2, '16:00'), '客户改订其他型号，现有库存可满足');
  } // cancelled
  return n;
}

const approvedAt = (o: DocRecord): Date | null => {
  const a = (Array.isArray(o.approvals) ? (o.approvals as DocRecord[]) : []).find(
    (x) => x.role === 'csManager' && x.action === 'approve',
  );
  return a ? new Date(String(a.at)) : null;
};

export async function seedHandwrittenNotes(k: SalesKit): Promise<number> {
  const since = k.at(10, '08:00').toISOString();
  const all = (
    await k.ctx.store.list('orders', {
      filter: {
        status: ['approved', 'picked', 'shipped', 'delivered', 'closed'],
        channel: 'phone',
        receivedAt_gte: since,
      },
      sort: { field: 'id', order: 'ASC' },
      range: null,
    })
  ).rows;
  const withApproval = all
    .map((o) => ({ o, at: approvedAt(o) }))
    .filter((x): x is { o: DocRecord; at: Date } => x.at !== null && x.at.getTime() < k.now.getTime() - 30 * 60_000);
  const open = withApproval.filter((x) => x.o.status === 'approved' || x.o.status === 'picked');
  const done = withApproval.filter((x) => (x.o.status === 'delivered' || x.o.status === 'closed') && x.o.deliveredAt);
  const rng = k.ctx.rng;
  const orderDesk = k.user('orderdesk');
  const finance = k.user('finance');
  const driver = k.user('driver');
  let n = 0;
  const used = new Set<number>();
  const pick = (pool: typeof withApproval) => {
    const free = pool.filter((x) => !used.has(Number(x.o.id)));
    const x = free.length ? free[rng.int(0, free.length - 1)] : undefined;
    if (x) used.add(Number(x.o.id));
    return x;
  };
  const REASONS: [string, string][] = [
    ['systemDown', '打印机故障，送货单无法打印，订单组按订单内容手写'],
    ['customerRequest', '客户要求送货单注明项目编号及收货部门，手写送货单随货'],
  ];
  /** never later than a minute ago (an order approved just now gets its note steps just now) */
  const cap = (t: Date) => new Date(Math.min(t.getTime(), k.now.getTime() - 60_000));
  const request = async (x: { o: DocRecord; at: Date }, minutesAfter: number) => {
    const [reason, reasonText] = REASONS[n % REASONS.length];
    const c = k.customers.find((cu) => cu.id === x.o.customerId);
    const by = c ? assistantOf(k, c) : k.user('assistant3');
    n++;
    const at = cap(k.after(x.at, minutesAfter));
    return {
      note: await k.create('handwrittenNotes', by, at, { orderId: Number(x.o.id), reason, reasonText }),
      at,
      by,
    };
  };
  const written = async (x: { o: DocRecord; at: Date }) => {
    const { note, at } = await request(x, 10);
    const w = cap(k.after(at, 25));
    return {
      note: await k.act('handwrittenNotes', note, 'write', orderDesk, w, { noteNo: `SX-${String(1000 + n * 7)}` }),
      at: w,
    };
  };
  const signed = async (x: { o: DocRecord; at: Date }) => {
    const { note, at } = await written(x);
    const t = new Date(Math.max(Date.parse(String(x.o.deliveredAt)), k.after(at, 10).getTime()));
    return { note: await k.act('handwrittenNotes', note, 'deliver', driver, cap(t)), at: cap(t) };
  };

  const a = pick(open);
  if (a) await request(a, 10); // requested
  const b = pick(open);
  if (b) await written(b); // written
  const c = pick(done);
  if (c) await signed(c); // signed, waiting for finance
  const d = pick(done);
  if (d) {
    const { note, at } = await signed(d);
    await k.act('handwrittenNotes', note, 'reconcile', finance, cap(k.after(at, 120)), {
      printedNoteNo: `DN-${String(d.o.code).slice(3)}`,
    });
  } // reconciled
  const e = pick(done);
  if (e) {
    const { note, by, at } = await request(e, 15);
    await k.act('handwrittenNotes', note, 'cancel', by, cap(k.after(at, 20)), '系统已恢复，改用打印的送货单');
  } // cancelled
  return n;
}

export async function seedUrgentDeliveries(k: SalesKit): Promise<number> {
  const near = k.customers.filter((c) => typeof c.distanceKm === 'number' && c.distanceKm <= 20 && c.active !== false);
  const stocked = k.products.filter(
    (p) => p.catalog !== false && p.active !== false && Number(p.stock) >= 20 && p.category !== 'oaEquipment',
  );
  if (near.length === 0 || stocked.length === 0) return 0;
  const rng = k.ctx.rng;
  const orderDesk = k.user('orderdesk');
  const driver = k.user('driver');
  const warehouse = k.user('warehouse');
  let n = 0;
  let i = 0;
  const DEPTS = ['行政部', '前台', '财务部', '综合办公室', '人事部'];
  const INVOICE = ['随货开具增值税普通发票', '月结对账后开票', '现金付款，随货开收据'];

  /** an order approved shortly before the letter at `at` (a Shanghai instant before 15:30 on a working day) */
  const letter = async (at: Date, latest: string) => {
    const trading = tradingBefore(k, k.before(at, 60)).filter((c) => near.includes(c));
    if (trading.length === 0) return null;
    const c = trading[(i++ * 5) % trading.length];
    const lines = takeSome(k, stocked, rng.int(1, 3)).map((p) => ({ product: p, qty: rng.int(1, 10) }));
    const t0 = k.before(at, 45);
    const order = await makeOrder(k, c, lines, t0, [
      ['submit', '@owner', k.after(t0, 5)],
      ['approve', 'csmanager', k.after(t0, 20)],
    ]);
    const by = assistantOf(k, c);
    n++;
    const rec = await k.create('urgentDeliveries', by, at, {
      customerId: Number(c.id),
      orderId: Number(order.id),
      latestArrival: atShanghai(latest.slice(0, 10), latest.slice(11)).toISOString(),
      receivingDept: DEPTS[i % DEPTS.length],
      invoiceInfo: INVOICE[i % INVOICE.length],
    });
    return { rec, order, by };
  };
  const stamp = (day: string, hhmm: string) => atShanghai(day, hhmm);
  const pend = k.pendingDay;

  // requested: at 12:20 for the 15:30 van (if that time has passed today is not pending, the last working day)
  if (!urgentRequestRefusal(stamp(pend, '12:20'), null, BUILT_IN_CALENDAR))
    await letter(stamp(pend, '12:20'), `${pend} 17:00`);
  // scheduled for the 15:30 van, goods picked
  {
    const x = await letter(stamp(pend, '11:40'), `${pend} 17:00`);
    if (x) {
      await k.act('orders', x.order, 'pick', warehouse, stamp(pend, '12:10'));
      await k.act('urgentDeliveries', x.rec, 'schedule', orderDesk, stamp(pend, '12:15'));
    }
  }
  // out for delivery on the 12:00 van
  {
    const x = await letter(stamp(pend, '09:30'), `${pend} 14:00`);
    if (x) {
      await k.act('urgentDeliveries', x.rec, 'schedule', orderDesk, stamp(pend, '09:50'));
      const picked = await k.act('orders', x.order, 'pick', warehouse, stamp(pend, '10:40'));
      await k.act('orders', picked, 'ship', driver, stamp(pend, '12:00'));
      await k.act('urgentDeliveries', x.rec, 'dispatch', driver, stamp(pend, '12:00'));
    }
  }
  // delivered (two days ago, 12:00 van) and the order signed for
  for (const dayN of [2]) {
    const day = k.day(dayN);
    const x = await letter(stamp(day, '10:30'), `${day} 14:00`);
    if (!x) continue;
    await k.act('urgentDeliveries', x.rec, 'schedule', orderDesk, stamp(day, '10:45'));
    const picked = await k.act('orders', x.order, 'pick', warehouse, stamp(day, '11:20'));
    const shipped = await k.act('orders', picked, 'ship', driver, stamp(day, '12:00'));
    const out = await k.act('urgentDeliveries', x.rec, 'dispatch', driver, stamp(day, '12:00'));
    await k.act('orders', shipped, 'deliver', driver, stamp(day, '12:50'));
    await k.act('urgentDeliveries', out, 'deliver', driver, stamp(day, '12:50'));
  }
  // cancelled: the customer could wait until tomorrow
  {
    const day = k.day(3);
    const x = await letter(stamp(day, '14:00'), `${day} 17:00`);
    if (x) await k.act('urgentDeliveries', x.rec, 'cancel', x.by, stamp(day, '14:20'), '客户改为明天上午送货即可');
  }
  return n;
}
