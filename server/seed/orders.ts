import { addDays, dayOfWeek } from '../../src/domain/calendar';
import type { Approval, DocRecord, RuleContext } from '../../src/domain/definition';
import { computeOrder, orderPriority } from '../../src/domain/documents/orders';
import { yuanToFen } from '../../src/domain/money';
import type { Actor } from '../../src/domain/roles';
import { creditRefusal } from '../../src/domain/rules/customerTerms';
import { salesHint } from './catalog';
import {
  addWorkingDays,
  addWorkMinutes,
  atMinute,
  END_MIN,
  midnight,
  MINUTE,
  minuteOfDay,
  nextWorkingDay,
  shanghaiDate,
  START_MIN,
  workingDay,
  workingDayFrom,
  workingDayOnOrBefore,
} from './clock';
import { WeightedPicker, type Rng } from './random';
import { seededInvoiceNo } from './shipping';

/**
 * Several weeks of sales orders (6.2) up to `now`, with a history that looks real: the status
 * of each order is where its planned life (confirm/submit → review → pick → van → signature →
 * finance closes) has got to at `now`, so old orders are closed, today's are in flight.
 */

export interface OrderSeedInput {
  now: Date;
  /** calendar days back from today (Shanghai), today included */
  days: number;
  /** orders on an average full working day */
  perWorkingDay: number;
  /** stored customers (with id) */
  customers: readonly DocRecord[];
  /** stored products (with id) */
  products: readonly DocRecord[];
  /** stored users (with id) */
  users: readonly Actor[];
}

/** Orders received per minute of the working day: busy mornings, a lunch dip, a quiet end. */
const HOUR_WEIGHTS: [fromMin: number, weight: number][] = [
  [8 * 60, 0.6],
  [9 * 60, 1.3],
  [10 * 60, 1.4],
  [11 * 60, 1.1],
  [12 * 60, 0.4],
  [13 * 60, 0.9],
  [14 * 60, 1.2],
  [15 * 60, 1.1],
  [16 * 60, 0.8],
  [17 * 60, 0.3],
];
/** a minute of the working day as orders (and the branch volume's other documents) arrive */
export const MINUTE_PICKER = new WeightedPicker(
  Array.from({ length: END_MIN - START_MIN }, (_, i) => START_MIN + i),
  (m) => HOUR_WEIGHTS.filter(([from]) => from <= m).at(-1)?.[1] ?? 1,
);

/** Van departures (minutes of the day). */
export const VAN_SLOTS = [8 * 60 + 30, 10 * 60, 13 * 60, 15 * 60];

const WEB_INVALID = ['网上订单信息不全，客户电话无法联系，按无效订单处理', '客户重复下单，取消重复的网上订单'];
const DRAFT_CANCEL = ['客户来电取消订购', '客户改为到门店自提，取消本订单'];
const REJECT_REASONS = [
  '送货地址不完整，请与客户核实后再提交',
  '数量与客户确认后再提交',
  '需求时间未与客户确认 (6.2.1)',
  '收货单位与客户名称不符，请核对',
];
const AFTER_REJECT_CANCEL = ['客户不再需要，取消订单'];
const AFTER_APPROVE_CANCEL = ['客户来电取消（尚未拣配）'];
const GM_REJECT = ['超出剩余信用额度，请客户先付清前期货款 (5.10.4)'];
const AFTER_GM_CANCEL = ['客户不同意先付款，订单取消'];
const ORDER_NOTES = [
  '请送到前台',
  '下午两点后送货',
  '需开增值税专用发票',
  '送货前电话联系收货人',
  '随货附送货单两份',
  '急用，请尽量上午送到',
];

/** normal: a life of chance; the others are shown in the demo at `now` (see buildOrders) */
type Fate = 'normal' | 'pendingWeb' | 'rejected' | 'gm';

interface Step {
  action: string;
  from: string;
  to: string;
  actor: Actor;
  at: Date;
  decision: Approval['decision'];
  comment?: string;
  /** timestamp field the transition sets (its effect) */
  sets?: 'confirmedAt' | 'submittedAt' | 'pickedAt' | 'invoicedAt' | 'shippedAt' | 'deliveredAt' | 'closedAt';
  /** not a step of the workflow but a print record (6.2.4 the delivery list): handed over in `prints`, stored as audit entries */
  print?: string;
}

const TIMESTAMP_FIELDS = [
  'confirmedAt',
  'submittedAt',
  'pickedAt',
  'invoicedAt',
  'shippedAt',
  'deliveredAt',
  'closedAt',
] as const;

function requireRole(users: readonly Actor[], role: Actor['role']): Actor {
  const u = users.find((x) => x.role === role);
  if (!u) throw new Error(`order seed: no user with role ${role}`);
  return u;
}

/** All orders at once (tests, small seeds). */
export const buildOrders = (rng: Rng, input: OrderSeedInput): DocRecord[] => [...generateOrders(rng, input)];

/**
 * The orders one by one in code order (day by day, by receivedAt), so a year of data (120k
 * orders) can be written in chunks without holding it all in memory.
 */
export function* generateOrders(rng: Rng, input: OrderSeedInput): Generator<DocRecord> {
  const { now, users } = input;
  const nowMs = now.getTime();
  const today = shanghaiDate(now);
  const nowMin = minuteOfDay(now);

  const usersById = new Map(users.map((u) => [u.id, u]));
  const csManager = requireRole(users, 'csManager');
  const gm = requireRole(users, 'branchGM');
  const warehouse = requireRole(users, 'warehouse');
  const driver = requireRole(users, 'driver');
  const finance = requireRole(users, 'finance');
  const orderDesk = requireRole(users, 'orderDesk');
  const ecommerce = users.filter((u) => u.role === 'assistant' && u.group === 'ecommerce');
  const anyAssistants = users.filter((u) => u.role === 'assistant');
  if (anyAssistants.length === 0) throw new Error('order seed: no assistants');
  const webDesk = ecommerce.length ? ecommerce : anyAssistants;
  // the first e-commerce assistant (the demo login `assistant`) takes the larger share
  const webPicker = new WeightedPicker(webDesk, (_u, i) => (i === 0 ? 1.5 : 1));

  // customers that trade, in order of their first trade; key accounts order more (5.6.2)
  const trading = input.customers
    .filter((c) => typeof c.firstTradeAt === 'string' && c.active !== false)
    .map((c) => ({
      c,
      since: Date.parse(String(c.firstTradeAt)),
      w: (c.tier === 'keyAccount' ? 4 : 1) * rng.float(0.3, 1.7),
    }))
    .sort((a, b) => a.since - b.since || Number(a.c.id) - Number(b.c.id));
  const customerPicker = new WeightedPicker(trading, (x) => x.w);

  const sellable = input.products.filter((p) => p.catalog !== false && p.active !== false);
  if (sellable.length === 0) throw new Error('order seed: no catalog products');
  const productPicker = new WeightedPicker(sellable, (p) => salesHint(p.sku).popularity);
  const productById: Record<number, DocRecord> = {};
  for (const p of input.products) productById[Number(p.id)] = p;
  const bigEquipment = sellable
    .filter((p) => p.category === 'oaEquipment' && Number(p.catalogPrice) >= 1000)
    .sort((a, b) => Number(b.catalogPrice) - Number(a.catalogPrice) || String(a.sku).localeCompare(String(b.sku)));

  let eligible = 0;
  const days = Math.max(0, Math.floor(input.days));
  const span = END_MIN - START_MIN;
  const todayLimit = workingDay(today) ? Math.max(0, Math.min(span, Math.floor(nowMin - 1 - START_MIN))) : 0;
  // the day that shows an order just returned and one waiting for the branchGM: today once
  // the morning is under way, else the last working day before
  const featureDay = todayLimit >= 150 ? today : workingDayOnOrBefore(addDays(today, -1));

  for (let i = days - 1; i >= 0; i--) {
    const day = addDays(today, -i);
    if (!workingDay(day)) continue;
    const dayStart = midnight(day);
    while (eligible < trading.length && trading[eligible].since < dayStart) eligible++;

    const isToday = day === today;
    const limit = isToday ? todayLimit : span;
    const dow = dayOfWeek(day);
    let n = input.perWorkingDay * rng.float(0.85, 1.15) * (dow === 1 ? 1.1 : dow === 5 ? 0.95 : 1);
    if (isToday) n *= MINUTE_PICKER.weightOf(limit) / MINUTE_PICKER.weightOf();
    const count = limit > 0 && eligible > 0 ? Math.round(n) : 0;

    const arrivals: { at: number; fate: Fate }[] = [];
    for (let k = 0; k < count; k++) {
      const minute = MINUTE_PICKER.pickIndex(rng, limit) + START_MIN + rng.next();
      arrivals.push({ at: atMinute(day, minute).getTime(), fate: 'normal' });
    }
    // 5.1.1 a couple of web orders just in, so the 10-minute countdown shows
    if (isToday && eligible > 0 && nowMin > START_MIN + 2 && nowMin < END_MIN) {
      for (const [a, b] of [
        [1, 4],
        [5, 8.5],
      ]) {
        const at = Math.max(atMinute(day, START_MIN).getTime(), nowMs - rng.float(a, b) * MINUTE);
        arrivals.push({ at, fate: 'pendingWeb' });
      }
    }
    if (day === featureDay && eligible > 0) {
      const recent = (from: number, to: number, fallbackMin: number) =>
        isToday
          ? Math.max(atMinute(day, START_MIN).getTime(), nowMs - rng.float(from, to) * MINUTE)
          : atMinute(day, fallbackMin).getTime();
      arrivals.push({ at: recent(60, 120, rng.float(14 * 60, 16 * 60)), fate: 'rejected' });
      arrivals.push({ at: recent(100, 150, rng.float(10 * 60, 11 * 60)), fate: 'gm' });
    }
    arrivals.sort((x, y) => x.at - y.at);

    let seq = 0;
    for (const arrival of arrivals) {
      const receivedAt = new Date(Math.floor(arrival.at / 1000) * 1000);
      let fate = arrival.fate;
      let customer: DocRecord | undefined;
      if (fate === 'gm') {
        customer = pickCreditCustomer(receivedAt, eligible);
        if (!customer) fate = 'normal';
      }
      customer ??= customerPicker.pick(rng, eligible).c;
      const order = makeOrder(receivedAt, customer, fate);
      order.code = `SO-${day.replaceAll('-', '')}-${String(++seq).padStart(4, '0')}`;
      if (order.invoicedBy != null) order.invoiceNo = seededInvoiceNo(order);
      yield order;
    }
  }

  /** a customer who may buy on credit now (5.5.1, 6.2.3, 5.11.3) */
  function pickCreditCustomer(at: Date, eligibleCount: number): DocRecord | undefined {
    const able = trading.slice(0, eligibleCount).filter((x) => creditRefusal(x.c, at) === null);
    return able.length ? rng.pick(able).c : undefined;
  }

  function makeOrder(receivedAt: Date, customer: DocRecord, fate: Fate): DocRecord {
    const channel = fate === 'pendingWeb' || (fate === 'normal' && rng.chance(0.35)) ? 'web' : 'phone';
    const owner = usersById.get(Number(customer.assistantId));
    const assistant =
      channel === 'web'
        ? fate === 'pendingWeb'
          ? webDesk[0]
          : webPicker.pick(rng)
        : owner?.role === 'assistant'
          ? owner
          : rng.pick(anyAssistants);
    const mayCredit = creditRefusal(customer, receivedAt) === null;
    const credit = mayCredit && (fate === 'gm' || rng.chance(0.7));

    let lines = credit && (fate === 'gm' || rng.chance(0.02)) ? bulkLines(Number(customer.creditLimit)) : null;
    lines ??= basketLines();

    const doc: DocRecord = {
      customerId: customer.id,
      channel,
      paymentMethod: credit ? 'credit' : 'cash',
      lines,
      linesConfirmed: true,
      receivedAt: receivedAt.toISOString(),
    };
    if (rng.chance(0.12)) doc.note = rng.pick(ORDER_NOTES);
    const ctx: RuleContext = {
      now: receivedAt,
      user: assistant,
      refs: { customerId: customer },
      lineRefs: { productId: productById },
      facts: { creditUsed: 0 },
      settings: {},
    };
    const computed = computeOrder(doc, ctx);
    if (rng.chance(0.2)) computed.requiredBy = computed.promisedDeliveryAt;

    const steps = planLife(computed, receivedAt, assistant, fate).filter((s) => s.at.getTime() <= nowMs);
    const times: Record<string, string | null> = Object.fromEntries(TIMESTAMP_FIELDS.map((f) => [f, null]));
    for (const s of steps) if (s.sets) times[s.sets] = s.at.toISOString();
    const prints = steps
      .filter((s) => s.print)
      .map((s) => ({ form: s.print, by: s.actor.id, byName: s.actor.fullName, at: s.at.toISOString() }));
    const invoice = steps.find((s) => s.action === 'invoice');
    const flow = steps.filter((s) => !s.print);
    const approvals: Approval[] = flow.map((s) => ({
      step: s.from,
      action: s.action,
      role: s.actor.role,
      by: s.actor.id,
      byName: s.actor.fullName,
      at: s.at.toISOString(),
      decision: s.decision,
      ...(s.comment ? { comment: s.comment } : {}),
    }));
    const initial = channel === 'web' ? 'pendingConfirmation' : 'draft';
    const created = receivedAt.toISOString();
    const status = flow.length ? flow[flow.length - 1].to : initial;
    return {
      code: '',
      status,
      ...computed,
      priority: orderPriority(computed.keyAccount === true, status),
      assistantId: assistant.id,
      ...times,
      // 5.4.2 finance's invoice of a cash order (its number follows the order's code, set with the code)
      ...(invoice ? { invoicedBy: invoice.actor.id } : {}),
      ...(prints.length ? { prints } : {}),
      createdBy: assistant.id,
      createdAt: created,
      // a print is not a change of the order (issue 23): the index writes it as an audit entry
      updatedAt: flow.length ? flow[flow.length - 1].at.toISOString() : created,
      version: 1 + flow.length,
      approvals,
    };
  }

  /** 1–6 distinct catalog products, small quantities mostly (qty 1–20). */
  function basketLines(): DocRecord[] {
    const want = 1 + rng.weightedIndex([30, 25, 18, 12, 9, 6]);
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < want && tries < want * 4; tries++) chosen.add(productPicker.pickIndex(rng));
    return [...chosen].map((i) => {
      const p = sellable[i];
      const max = Math.min(20, salesHint(p.sku).maxQty);
      return { productId: p.id, qty: Math.min(20, 1 + Math.floor(rng.next() ** 2 * max)), unitPrice: p.catalogPrice };
    });
  }

  /** A rare large equipment purchase on credit beyond the customer's limit (→ branchGM, 5.10.4). */
  function bulkLines(creditLimit: number): DocRecord[] | null {
    if (!(creditLimit > 0) || bigEquipment.length === 0) return null;
    const limitFen = yuanToFen(creditLimit);
    const pool = rng.shuffle(bigEquipment.slice());
    const lines: DocRecord[] = [];
    let sum = 0;
    for (const p of pool.slice(0, 6)) {
      const priceFen = yuanToFen(Number(p.catalogPrice));
      const qty = Math.min(20, Math.ceil((limitFen - sum + 1) / priceFen) + rng.int(0, 1));
      lines.push({ productId: p.id, qty, unitPrice: p.catalogPrice });
      sum += qty * priceFen;
      if (sum > limitFen) return lines;
    }
    return null;
  }

  /** The whole planned life of an order; the caller keeps the steps that happened by `now`. */
  function planLife(order: DocRecord, receivedAt: Date, assistant: Actor, fate: Fate): Step[] {
    const steps: Step[] = [];
    let at = receivedAt;
    let status = order.channel === 'web' ? 'pendingConfirmation' : 'draft';
    const stepAt = (action: string, to: string, actor: Actor, when: Date, extra: Partial<Step> = {}) => {
      at = when;
      steps.push({ action, from: status, to, actor, at, decision: 'other', ...extra });
      status = to;
    };
    /** `minutes` of working time after the previous step */
    const step = (action: string, to: string, actor: Actor, minutes: number, extra: Partial<Step> = {}) =>
      stepAt(action, to, actor, addWorkMinutes(at, minutes), extra);
    const cancel = (comments: string[], minutes: number) =>
      step('cancel', 'cancelled', assistant, minutes, { comment: rng.pick(comments) });

    // 5.1.1 web: the e-commerce assistant confirms (usually within 10 minutes); phone: the draft is submitted
    const normal = fate === 'normal';
    if (fate === 'pendingWeb') return steps; // not confirmed yet
    if (order.channel === 'web') {
      if (rng.chance(0.02)) {
        cancel(WEB_INVALID, rng.float(3, 15));
        return steps;
      }
      step('confirm', 'submitted', assistant, rng.chance(0.9) ? rng.float(1, 9) : rng.float(10.5, 45), {
        sets: 'confirmedAt',
      });
    } else {
      if (normal && rng.chance(0.015)) {
        cancel(DRAFT_CANCEL, rng.float(5, 120));
        return steps;
      }
      step(
        'submit',
        'submitted',
        assistant,
        !normal ? rng.float(3, 15) : rng.chance(0.85) ? rng.float(3, 25) : rng.float(30, 240),
        { sets: 'submittedAt' },
      );
    }

    // 5.5.1 csManager review; 4 % returned with a reason, mostly fixed and resubmitted
    if (fate === 'rejected' || (normal && rng.chance(0.04))) {
      step('reject', 'rejected', csManager, normal ? rng.float(10, 120) : rng.float(10, 30), {
        decision: 'reject',
        comment: rng.pick(REJECT_REASONS),
      });
      if (!normal) return steps; // the assistant has not resubmitted yet
      if (rng.chance(0.2)) {
        cancel(AFTER_REJECT_CANCEL, rng.float(30, 300));
        return steps;
      }
      step('submit', 'submitted', assistant, rng.float(15, 240), { sets: 'submittedAt' });
    }
    const gmNeeded = order.needsGmApproval === true;
    step(
      'approve',
      gmNeeded ? 'gmApproval' : 'approved',
      csManager,
      !normal ? rng.float(10, 40) : rng.chance(0.9) ? rng.float(10, 90) : rng.float(120, 480),
      { decision: 'approve' },
    );
    if (fate === 'gm') return steps; // the branchGM has not decided yet
    if (gmNeeded) {
      // 5.10.4 beyond the remaining credit: the branchGM decides too
      if (rng.chance(0.25)) {
        step('reject', 'rejected', gm, rng.float(60, 480), { decision: 'reject', comment: rng.pick(GM_REJECT) });
        cancel(AFTER_GM_CANCEL, rng.float(30, 240));
        return steps;
      }
      step('approve', 'approved', gm, rng.float(60, 480), { decision: 'approve' });
    }
    if (rng.chance(0.005)) {
      cancel(AFTER_APPROVE_CANCEL, rng.float(20, 240));
      return steps;
    }

    // 6.2.5 picking; 5.3.1 key accounts before 12:00 go out the same afternoon, others next working day
    const sameDay = order.promiseKind === 'sameAfternoon';
    step('pick', 'picked', warehouse, sameDay ? rng.float(15, 60) : rng.float(30, 360), { sets: 'pickedAt' });
    const earliest = sameDay ? shanghaiDate(receivedAt) : nextWorkingDay(shanghaiDate(receivedAt));
    const van = nextVan(new Date(at.getTime() + 10 * MINUTE), earliest);
    // before the van: the order desk prints the delivery list (6.2.4), finance invoices a cash order (5.4.2)
    const pickedAt = at.getTime();
    const beforeVan = (minutes: number) => new Date(Math.min(pickedAt + minutes * MINUTE, van.getTime() - MINUTE));
    steps.push({
      action: 'print',
      from: status,
      to: status,
      actor: orderDesk,
      at: beforeVan(5),
      decision: 'other',
      print: 'deliveryNote',
    });
    if (order.paymentMethod !== 'credit') stepAt('invoice', 'invoiced', finance, beforeVan(20), { sets: 'invoicedAt' });
    stepAt('ship', 'shipped', driver, new Date(van.getTime() + Math.round(rng.float(0, 20) * 60) * 1000), {
      sets: 'shippedAt',
    });
    step('deliver', 'delivered', driver, rng.chance(0.95) ? rng.float(20, 200) : rng.float(240, 600), {
      sets: 'deliveredAt',
    });

    // finance closes: cash (COD) within days, credit after the account is reconciled
    const closeDay = addWorkingDays(
      shanghaiDate(at),
      order.paymentMethod === 'credit' ? rng.int(3, 10) : rng.int(1, 5),
    );
    stepAt('close', 'closed', finance, atMinute(closeDay, rng.float(9 * 60, 17 * 60)), { sets: 'closedAt' });
    return steps;
  }
}

/** The first van departure at or after `from`, not before the working day `earliestDay`. */
function nextVan(from: Date, earliestDay: string): Date {
  const fromDay = shanghaiDate(from);
  let day = workingDayFrom(fromDay > earliestDay ? fromDay : earliestDay);
  for (;;) {
    for (const slot of VAN_SLOTS) {
      const t = atMinute(day, slot);
      if (t.getTime() >= from.getTime()) return t;
    }
    day = nextWorkingDay(day);
  }
}
