import { addDays, atShanghai, BUILT_IN_CALENDAR } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import { fenToYuan, lineTotalFen, sumFen, yuanToFen } from '../../../src/domain/money';
import type { Actor } from '../../../src/domain/roles';
import {
  isLargeSpecialOrder,
  lacksDepositOrContract,
  SPECIAL_ORDER_REVIEW_FROM_FEN,
} from '../../../src/domain/documents/sales/specialOrders';
import { isKeyAccount } from '../../../src/domain/rules/customerTerms';
import { URGENT_SLOTS, urgentRequestRefusal } from '../../../src/domain/rules/sales/urgent';
import { minuteOfDay, shanghaiDate } from '../clock';
import { round2 } from '../random';
import { INQUIRY_ITEMS, SPECIAL_LINES, type InquiryItem, type SpecialLine } from '../sales/special';
import { specialOrderViaInquiry } from '../sales/viaInquiry';
import type { BranchKit, Job, Step } from './kit';
import { finishOrder, phoneOrder, walkOrder } from './orders';

/**
 * The sales family at a branch's volume, a few a week each: inquiries for custom goods (5.10) and
 * special goods orders (6.5.4–6.5.6), requisitions for orders short of stock (6.5.2), handwritten
 * delivery notes (6.7), urgent delivery letters (6.8), memberships (5.2.2). (Quotes: quotes.ts.)
 */

const ITEMS: InquiryItem[] = [
  ...INQUIRY_ITEMS,
  { itemName: '定制LOGO保温杯', spec: '500ml 激光刻字', colour: '银色', qty: 100, targetPrice: 32 },
  { itemName: '会议室定制白板', spec: '2400×1200mm 磁性', colour: '白色', qty: 3, targetPrice: 1450 },
  { itemName: '定制纸杯', spec: '9盎司 印LOGO 1000只/箱', colour: '白色', qty: 20, targetPrice: 230 },
];

const SPECIAL: SpecialLine[][] = [
  ...SPECIAL_LINES,
  [{ name: '定制横幅', spec: '0.9×6m 喷绘', colour: '红色', qty: 5, unitPrice: 120 }],
  [{ name: '定制胸牌', spec: '金属 烤漆', colour: '金色', qty: 80, unitPrice: 18 }],
];

const PO = (at: Date, n: number) => `PO-${shanghaiDate(at).replaceAll('-', '')}-${String(n % 1000).padStart(3, '0')}`;

/** the settings the seed's rules are asked with: none set, so the defaults (what the seed keeps) */
const SEED_SETTINGS = undefined;

/** the special order's steps from its draft: the rep confirms, the csManager from 5000 yuan (6.5.5), purchasing orders, goods back */
function specialOrderSteps(k: BranchKit, start: Date, owner: Actor, total: number, n: number): Step[] {
  const rng = k.rng;
  const rep = k.user('salesrep');
  const steps: Step[] = [];
  let t = start;
  const add = (action: string, by: Actor, gap: number, comment?: string, extra?: DocRecord) => {
    t = k.after(t, gap);
    steps.push({ action, by, at: t, ...(comment ? { comment } : {}), ...(extra ? { extra } : {}) });
  };
  const x = rng.next();
  if (x < 0.05) {
    add('cancel', owner, rng.float(30, 600), '客户取消订购');
    return steps;
  }
  add('submit', owner, rng.float(10, 120));
  if (x < 0.1) {
    add('repReject', rep, rng.float(60, 900), '规格未与客户书面确认，请补充');
    add('cancel', owner, rng.float(60, 1200), '客户改订目录商品');
    return steps;
  }
  add('confirm', rep, rng.float(60, 900));
  if (yuanToFen(total) >= SPECIAL_ORDER_REVIEW_FROM_FEN) {
    if (rng.chance(0.1)) {
      add('reject', k.user('csmanager'), rng.float(60, 600), '请与供应商再次确认价格及交期后重新提交');
      add('cancel', owner, rng.float(60, 1200), '客户取消订购');
      return steps;
    }
    add('approve', k.user('csmanager'), rng.float(60, 600));
  }
  const orderedAt = k.after(t, rng.float(120, 1200));
  add('order', k.user('purchasing'), rng.float(120, 1200), undefined, {
    supplierPo: PO(orderedAt, n),
    expectedAt: addDays(shanghaiDate(orderedAt), rng.int(7, 15)),
  });
  add('receive', rng.chance(0.5) ? k.user('warehouse') : k.user('purchasing'), rng.float(3000, 6000));
  return steps;
}

export function inquiryJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('inquiries');
  const rep = k.user('salesrep');
  const merch = k.user('merch');
  const reviewers = [k.user('csmanager'), k.user('supervisor')];
  const keys = k.customers.filter((c) => isKeyAccount(c) && c.active !== false);
  if (keys.length === 0) return [];
  const jobs: Job[] = [];
  let n = 0;
  for (const at of k.arrivals(k.perDay * 0.0015)) {
    const c = rng.pick(keys);
    const item = rng.pick(ITEMS);
    const body: DocRecord = {
      customerId: Number(c.id),
      itemName: item.itemName,
      spec: item.spec,
      colour: item.colour ?? null,
      qty: item.qty,
      targetPrice: item.targetPrice,
      requiredBy: addDays(shanghaiDate(at), rng.int(20, 45)),
      customMade: item.customMade ?? true,
      requirements: '按客户提供的样稿制作，颜色以色卡为准',
    };
    const steps: Step[] = [];
    let t = at;
    const add = (action: string, by: Actor, gap: number, comment?: string, extra?: DocRecord) => {
      t = k.after(t, gap);
      steps.push({ action, by, at: t, ...(comment ? { comment } : {}), ...(extra ? { extra } : {}) });
    };
    const x = rng.next();
    let order = false;
    if (x < 0.05) add('cancel', rep, rng.float(60, 1200), '客户改用目录商品');
    else {
      add('submit', rep, rng.float(20, 240));
      if (x < 0.13) {
        add('reject', rng.pick(reviewers), rng.float(60, 600), '规格、数量未与客户确认清楚，请补充后再提交');
        add('cancel', rep, rng.float(120, 2000), '客户暂不订制');
      } else {
        add('approve', rng.pick(reviewers), rng.float(60, 600));
        const answerPrice = round2(item.targetPrice * rng.float(0.95, 1.2));
        add('answer', merch, rng.float(600, 3000), undefined, {
          answerPrice,
          minQty: Math.max(1, Math.round(item.qty / rng.int(2, 4))),
          leadTimeDays: rng.int(7, 20),
          answerNote: '供应商确认可做，打样3天',
        });
        if (rng.chance(0.35))
          add('decline', rep, rng.float(600, 4000), rng.pick(['客户认为价格偏高，暂不订制', '客户交期要求无法满足']));
        else {
          if (item.customMade !== false)
            add('recordDeposit', rng.chance(0.5) ? rep : k.user('finance'), rng.float(600, 3000));
          add('order', rep, rng.float(30, 600));
          order = true;
        }
      }
    }
    const orderAt = steps[steps.length - 1]?.at;
    const idx = n++;
    jobs.push({
      at,
      run: async (s) => {
        const inq = await k.walk(s, 'inquiries', rep, at, body, steps);
        // 5.10.3 → the special order the step made, on through its own flow
        if (order && inq.status === 'ordered' && typeof inq.specialOrderId === 'number' && orderAt) {
          const so = await s.get('specialOrders', inq.specialOrderId);
          if (!so) return;
          const owner =
            k.users.find((u) => u.id === Number(so.assistantId) && u.role === 'assistant') ?? k.assistantOf(c);
          const total = Number(so.total ?? 0);
          // a large custom order without a deposit needs a contract (6.5.4): the assistant records it first
          let start = orderAt;
          if (lacksDepositOrContract(so, SEED_SETTINGS)) {
            start = k.after(orderAt, rng.float(30, 300));
            if (!k.done(start)) return;
            await k.update(s, 'specialOrders', Number(so.id), owner, start, {
              contractNo: `HT-${shanghaiDate(start).slice(0, 4)}-${String(idx).padStart(4, '0')}`,
            });
          }
          const rest = specialOrderSteps(k, start, owner, total, idx);
          let rec = so;
          for (const st of rest) {
            if (!k.done(st.at)) break;
            rec = await k.act(s, 'specialOrders', Number(rec.id), st);
          }
        }
      },
    });
  }
  return jobs;
}

export function specialOrderJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('specialOrders');
  const keys = k.customers.filter((c) => isKeyAccount(c) && c.active !== false);
  if (keys.length === 0) return [];
  const jobs: Job[] = [];
  let n = 500;
  for (const at of k.arrivals(k.perDay * 0.0012)) {
    const c = rng.pick(keys);
    const owner = k.assistantOf(c);
    const lines: DocRecord[] = rng
      .pick(SPECIAL)
      .map((l) => ({ ...l, qty: Math.max(1, Math.round(Number(l.qty) * rng.float(0.5, 1.5))) }));
    const total = fenToYuan(sumFen(lines.map((l) => lineTotalFen(yuanToFen(Number(l.unitPrice)), Number(l.qty)))));
    // a large order comes with its deposit or its contract (6.5.4)
    const big = isLargeSpecialOrder({ total }, SEED_SETTINGS);
    const body: DocRecord = {
      customerId: Number(c.id),
      lines,
      requirements: '特殊商品，不予退货，已告知客户 (6.5.4)',
      ...(big
        ? rng.chance(0.5)
          ? { depositAmount: Math.floor(total * 0.3) }
          : { contractNo: `HT-${shanghaiDate(at).slice(0, 4)}-${String(n).padStart(4, '0')}` }
        : {}),
    };
    // 6.5.4 from its special-goods inquiry: filled, reviewed, answered, turned into the order — then the order's own flow
    const times = k.chain(at, [20, 90, 600, 60, 10]);
    const all = [at, ...times] as const;
    const idx = n++;
    const steps = specialOrderSteps(k, all[5], owner, total, idx);
    jobs.push({
      at,
      run: async (s) => {
        if (!k.done(all[5])) return;
        const svc = {
          create: (r: string, by: Actor, t: Date, b: DocRecord) => k.create(s, r, by, t, b),
          act: (r: string, id: number, action: string, by: Actor, t: Date, extra?: DocRecord) =>
            k.act(s, r, id, { action, by, at: t, extra }),
          update: (r: string, id: number, by: Actor, t: Date, b: DocRecord) => k.update(s, r, id, by, t, b),
        };
        let rec = await specialOrderViaInquiry(
          svc,
          { rep: k.user('salesrep'), reviewer: k.user('csmanager'), merch: k.user('merch') },
          Number(c.id),
          lines,
          {
            requirements: body.requirements,
            ...(body.depositAmount ? { depositAmount: body.depositAmount } : {}),
            ...(body.contractNo ? { contractNo: body.contractNo } : {}),
          },
          [all[0], all[1], all[2], all[3], all[4], all[5]],
        );
        for (const st of steps) {
          if (!rec || !k.done(st.at)) break;
          rec = await k.act(s, 'specialOrders', Number(rec.id), st);
        }
      },
    });
  }
  return jobs;
}

// ---- requisitions (6.5.2) ----

export function requisitionJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('requisitions');
  const purchasing = k.user('purchasing');
  const warehouse = k.user('warehouse');
  const catalog = k.products.filter(
    (p) => p.catalog !== false && p.active !== false && p.projectDept && p.category !== 'oaEquipment',
  );
  if (catalog.length === 0) return [];
  const jobs: Job[] = [];
  let n = 0;
  for (const at of k.arrivals(k.perDay * 0.003)) {
    const trading = k.tradingAt(at);
    if (trading.length === 0) continue;
    const c = rng.pick(trading);
    const by = k.assistantOf(c);
    // goods of one project department the shelf is short of (the book: low stock)
    const low = catalog.filter((p) => (k.stock.get(Number(p.id)) ?? 0) <= 5);
    const pool = low.length >= 3 ? low : catalog;
    const first = rng.pick(pool);
    const same = pool.filter((p) => p.projectDept === first.projectDept && p !== first);
    const products = [first, ...(same.length && rng.chance(0.35) ? [rng.pick(same)] : [])];
    const onShelf = (p: DocRecord) => Math.max(0, k.stock.get(Number(p.id)) ?? 0);
    const lines = products.map((p) => ({ product: p, qty: Math.min(20, onShelf(p) + rng.int(3, 12)) }));
    // what the shelf cannot give (at least one)
    const reqLines = lines.map((l) => ({
      productId: Number(l.product.id),
      qty: Math.max(1, l.qty - onShelf(l.product)),
      remark: null,
    }));
    const orderBody = phoneOrder(c, lines, '部分商品缺货，到货后送货');
    const idx = n++;
    // the requisition's path (its times follow the order's approval, known when it runs)
    type Planned = [action: string, by: Actor, gap: number, comment?: string];
    const plan: Planned[] = [];
    const x = rng.next();
    if (x < 0.06) plan.push(['cancel', by, rng.float(30, 600), '客户改订其他型号，现有库存可满足']);
    else {
      plan.push(['submit', by, rng.float(5, 60)]);
      if (x < 0.12)
        plan.push(
          ['reject', purchasing, rng.float(60, 600), '该型号供应商已停产，请与客户确认替代型号'],
          ['cancel', by, rng.float(60, 900), '客户改订替代型号'],
        );
      else
        plan.push(
          ['order', purchasing, rng.float(60, 600)],
          ['receive', rng.chance(0.8) ? warehouse : purchasing, rng.float(1200, 4000)],
        );
    }
    const lag = rng.float(10, 40);
    const leadDays = rng.int(3, 8);
    jobs.push({
      at,
      run: async (s) => {
        // the order short of stock: entered, approved, then it waits for the goods
        const draft = await k.create(s, 'orders', by, at, orderBody);
        const { order, at: approvedAt } = await walkOrder(k, s, draft, at, { assistant: by, untilApproved: true });
        const reqAt = k.after(approvedAt, lag);
        if (order.status !== 'approved' || !k.done(reqAt)) return;
        const times = k.chain(
          reqAt,
          plan.map((p) => p[2]),
        );
        const steps: Step[] = plan.map(([action, who, , comment], i) => ({
          action,
          by: who,
          at: times[i],
          ...(comment ? { comment } : {}),
          ...(action === 'order'
            ? { extra: { supplierPo: PO(times[i], idx), expectedAt: addDays(shanghaiDate(times[i]), leadDays) } }
            : {}),
        }));
        const req = await k.walk(
          s,
          'requisitions',
          by,
          reqAt,
          {
            orderId: Number(order.id),
            lines: reqLines,
            note: `订单 ${order.code} 缺货，向${String(first.projectDept)}请购`,
          },
          steps,
        );
        // the goods are in (or the order goes on with what the shelf has): picked and delivered
        const last = times[times.length - 1];
        if (k.done(last) && req.status === 'received') for (const l of reqLines) k.give(l.productId, l.qty);
        if (k.done(last) && (req.status === 'received' || req.status === 'cancelled'))
          await finishOrder(k, s, order, last);
      },
    });
  }
  return jobs;
}

// ---- handwritten delivery notes (6.7) ----

const HANDWRITTEN: [string, string][] = [
  ['systemDown', '打印机故障，送货单无法打印，订单组按订单内容手写'],
  ['customerRequest', '客户要求送货单注明项目编号及收货部门，手写送货单随货'],
  ['systemDown', '系统维护期间，按订单内容手写送货单'],
];

export async function handwrittenJobs(k: BranchKit): Promise<Job[]> {
  const rng = k.rng.fork('handwrittenNotes');
  const { rows } = await k.store.list('handwrittenNotes', {
    filter: {},
    sort: { field: 'id', order: 'ASC' },
    range: null,
  });
  const used = new Set(rows.map((r) => Number(r.orderId)));
  const pool = k.orders.filter(
    (o) =>
      o.channel === 'phone' &&
      o.approvedAt !== null &&
      o.deliveredAt !== null &&
      !used.has(o.id) &&
      o.status !== 'cancelled',
  );
  if (pool.length === 0) return [];
  const orderDesk = k.user('orderdesk');
  const driver = k.user('driver');
  const finance = k.user('finance');
  const want = Math.round(k.days.length * k.perDay * 0.002);
  const chosen = rng.shuffle(pool.slice()).slice(0, want);
  const jobs: Job[] = [];
  for (const o of chosen) {
    const approved = new Date(o.approvedAt!);
    const delivered = o.deliveredAt!;
    const at = k.after(approved, rng.float(5, 30));
    if (at.getTime() >= delivered - 30 * 60_000) continue;
    const customer = k.customerById.get(o.customerId);
    const by = customer ? k.assistantOf(customer) : k.user('assistant2');
    const [reason, reasonText] = rng.pick(HANDWRITTEN);
    const steps: Step[] = [];
    if (rng.chance(0.08))
      steps.push({
        action: 'cancel',
        by,
        at: new Date(Math.min(k.after(at, rng.float(10, 60)).getTime(), delivered - 60_000)),
        comment: '系统已恢复，改用打印的送货单',
      });
    else {
      const written = new Date(Math.min(k.after(at, rng.float(10, 60)).getTime(), delivered - 60_000));
      steps.push({ action: 'write', by: orderDesk, at: written, extra: { noteNo: `SX-${rng.int(10000, 99999)}` } });
      const signed = new Date(Math.max(delivered, written.getTime() + 60_000));
      steps.push({ action: 'deliver', by: driver, at: signed });
      steps.push({
        action: 'reconcile',
        by: finance,
        at: k.on(k.workingDaysAfter(shanghaiDate(signed), rng.int(1, 4)), 9 * 60, 17 * 60),
        extra: { printedNoteNo: `DN-${o.code.slice(3)}` },
      });
    }
    jobs.push({
      at,
      reads: [['orders', o.id]],
      run: async (s) =>
        void (await k.walk(s, 'handwrittenNotes', by, at, { orderId: o.id, reason, reasonText }, steps)),
    });
  }
  return jobs;
}

// ---- urgent delivery letters (6.8) ----

const DEPTS = ['行政部', '前台', '财务部', '综合办公室', '人事部', '会议室'];
const INVOICE = ['随货开具增值税普通发票', '月结对账后开票', '现金付款，随货开收据'];

export function urgentJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('urgentDeliveries');
  const near = k.customers.filter(
    (c) =>
      typeof c.distanceKm === 'number' &&
      c.distanceKm <= 20 &&
      c.active !== false &&
      typeof c.firstTradeAt === 'string',
  );
  const stocked = k.products.filter(
    (p) =>
      p.catalog !== false &&
      p.active !== false &&
      p.category !== 'oaEquipment' &&
      (k.stock.get(Number(p.id)) ?? 0) >= 30,
  );
  if (near.length === 0 || stocked.length === 0) return [];
  const orderDesk = k.user('orderdesk');
  const driver = k.user('driver');
  const warehouse = k.user('warehouse');
  const finance = k.user('finance');
  const jobs: Job[] = [];
  // requested before the 15:30 van (6.8.4): letters come in the morning and early afternoon
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  for (const at of k.arrivals(k.perDay * 0.002, { latestMin: 15 * 60 })) {
    // the first van leaving at least half an hour after the request (time to schedule and pick)
    const m = minuteOfDay(at);
    const slot = (['noon', 'afternoon'] as const).find((x) => minutes(URGENT_SLOTS[x]) - 30 >= m);
    if (!slot || urgentRequestRefusal(at, slot, BUILT_IN_CALENDAR)) continue;
    const trading = near.filter((c) => Date.parse(String(c.firstTradeAt)) < at.getTime() - 86_400_000);
    if (trading.length === 0) continue;
    const c = rng.pick(trading);
    const by = k.assistantOf(c);
    const lines = rng
      .shuffle(stocked.slice())
      .slice(0, rng.int(1, 3))
      .map((p) => ({ product: p, qty: rng.int(1, 10) }));
    const day = shanghaiDate(at);
    const van = atShanghai(day, URGENT_SLOTS[slot]);
    const orderAt = new Date(at.getTime() - rng.int(25, 45) * 60_000);
    const submitAt = new Date(orderAt.getTime() + rng.int(3, 8) * 60_000);
    const approveAt = new Date(submitAt.getTime() + rng.int(5, 15) * 60_000);
    const latest = new Date(van.getTime() + rng.int(60, 150) * 60_000);
    const cancel = rng.chance(0.07);
    const scheduleAt = new Date(Math.min(at.getTime() + rng.int(5, 20) * 60_000, van.getTime() - 15 * 60_000));
    const pickAt = new Date(Math.min(scheduleAt.getTime() + rng.int(5, 20) * 60_000, van.getTime() - 5 * 60_000));
    const deliverAt = new Date(van.getTime() + rng.int(25, 80) * 60_000);
    jobs.push({
      at: orderAt,
      run: async (s) => {
        if (!k.done(orderAt)) return;
        // the urgent order goes through the order flow first (6.8.2): entered, submitted, approved at once
        let order = await k.create(s, 'orders', by, orderAt, phoneOrder(c, lines, '急件，请安排当天送达'));
        if (!k.done(submitAt)) return;
        order = await k.act(s, 'orders', Number(order.id), { action: 'submit', by, at: submitAt });
        if (!k.done(approveAt)) return;
        order = await k.act(s, 'orders', Number(order.id), {
          action: 'approve',
          by: k.user('csmanager'),
          at: approveAt,
        });
        if (order.status !== 'approved' || !k.done(at)) return;
        const letter = await k.create(s, 'urgentDeliveries', by, at, {
          customerId: Number(c.id),
          orderId: Number(order.id),
          slot,
          latestArrival: latest.toISOString(),
          receivingDept: rng.pick(DEPTS),
          invoiceInfo: rng.pick(INVOICE),
        });
        if (cancel) {
          const when = new Date(at.getTime() + rng.int(10, 40) * 60_000);
          if (k.done(when))
            await k.act(s, 'urgentDeliveries', Number(letter.id), {
              action: 'cancel',
              by,
              at: when,
              comment: '客户改为明天上午送货即可',
            });
          const r = await s.get('orders', Number(order.id));
          if (r && r.status === 'approved') await finishOrder(k, s, r, when);
          return;
        }
        if (!k.done(scheduleAt)) return;
        let l = await k.act(s, 'urgentDeliveries', Number(letter.id), {
          action: 'schedule',
          by: orderDesk,
          at: scheduleAt,
        });
        if (!k.done(pickAt)) return;
        let o = await k.act(s, 'orders', Number(order.id), { action: 'pick', by: warehouse, at: pickAt });
        if (!k.done(van)) return;
        o = await k.act(s, 'orders', Number(o.id), { action: 'ship', by: driver, at: van });
        l = await k.act(s, 'urgentDeliveries', Number(l.id), { action: 'dispatch', by: driver, at: van });
        if (!k.done(deliverAt)) return;
        o = await k.act(s, 'orders', Number(o.id), { action: 'deliver', by: driver, at: deliverAt });
        await k.act(s, 'urgentDeliveries', Number(l.id), { action: 'deliver', by: driver, at: deliverAt });
        const close = k.on(k.workingDaysAfter(day, rng.int(1, 5)), 9 * 60, 17 * 60);
        if (k.done(close)) await k.act(s, 'orders', Number(o.id), { action: 'close', by: finance, at: close });
      },
    });
  }
  return jobs;
}

// ---- memberships (5.2.2) ----

export async function membershipJobs(k: BranchKit): Promise<Job[]> {
  const rng = k.rng.fork('memberships');
  const ecommerce = k.assistants.filter((a) => a.group === 'ecommerce');
  if (ecommerce.length === 0) return [];
  const { rows } = await k.store.list('memberships', { filter: {}, sort: { field: 'id', order: 'ASC' }, range: null });
  // a customer with a record still open is not offered again; a member never
  const busy = new Set(
    rows.filter((r) => ['toOffer', 'invited', 'applied'].includes(String(r.status))).map((r) => Number(r.customerId)),
  );
  const members = new Set(k.customers.filter((c) => c.member === true).map((c) => Number(c.id)));
  const freeFrom = new Map<number, number>();
  for (const r of rows)
    freeFrom.set(
      Number(r.customerId),
      Math.max(freeFrom.get(Number(r.customerId)) ?? 0, Date.parse(String(r.updatedAt))),
    );
  const candidates = k.customers.filter((c) => c.active !== false && c.member === false);
  if (candidates.length === 0) return [];
  const webByCustomer = new Map<number, number[]>();
  for (const o of k.orders)
    if (o.channel === 'web' && !members.has(o.customerId))
      webByCustomer.set(o.customerId, [...(webByCustomer.get(o.customerId) ?? []), o.receivedAt]);
  const jobs: Job[] = [];
  for (const at of k.arrivals(k.perDay * 0.002)) {
    const free = candidates.filter(
      (c) => !members.has(Number(c.id)) && !busy.has(Number(c.id)) && (freeFrom.get(Number(c.id)) ?? 0) < at.getTime(),
    );
    if (free.length === 0) continue;
    const c = rng.pick(free);
    const cid = Number(c.id);
    const by = rng.pick(ecommerce);
    const web = (webByCustomer.get(cid) ?? []).filter((t) => t < at.getTime());
    const fromOrder = web.length > 0 || rng.chance(0.5);
    const order = web.length
      ? k.orders.find((o) => o.customerId === cid && o.receivedAt === web[web.length - 1])
      : undefined;
    const body: DocRecord = fromOrder
      ? {
          customerId: cid,
          source: 'webOrder',
          orderId: order ? order.id : null,
          applicantName: c.name,
          contact: c.contact ?? null,
          phone: c.phone ?? null,
          address: c.address ?? null,
          note: '网上下单的非会员客户',
        }
      : {
          customerId: cid,
          source: 'web',
          applicantName: c.name,
          contact: c.contact ?? null,
          phone: c.phone ?? null,
          email: c.email ?? null,
          address: c.address ?? null,
          note: '网站会员申请',
        };
    const steps: Step[] = [];
    let t = at;
    const add = (action: string, gap: number, comment?: string) => {
      t = k.after(t, gap);
      steps.push({ action, by, at: t, ...(comment ? { comment } : {}) });
    };
    const x = rng.next();
    let approve = false;
    if (fromOrder) {
      if (x < 0.25) add('noPotential', rng.float(30, 600), '个人一次性采购，暂无发展潜力');
      else {
        add('invite', rng.float(15, 300));
        if (x < 0.35) add('noPotential', rng.float(1200, 6000), '客户未在网上申请，暂无发展潜力');
        else {
          add('apply', rng.float(600, 4000));
          if (x < 0.45) add('reject', rng.float(30, 900), '申请资料与营业执照不符，请客户补充后重新申请');
          else {
            add('approve', rng.float(30, 900));
            approve = true;
          }
        }
      }
    } else if (x < 0.25) add('reject', rng.float(30, 900), '申请资料不全，请客户补充后重新申请');
    else {
      add('approve', rng.float(30, 900));
      approve = true;
    }
    const last = steps[steps.length - 1];
    // the book of who is what: a member once approved (by now); busy while a record is open
    if (approve && last && k.done(last.at)) members.add(cid);
    else if (!last || !k.done(last.at)) busy.add(cid);
    else freeFrom.set(cid, last.at.getTime());
    jobs.push({ at, run: async (s) => void (await k.walk(s, 'memberships', by, at, body, steps)) });
  }
  return jobs;
}
