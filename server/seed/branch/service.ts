import { addDays } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import type { Actor } from '../../../src/domain/roles';
import { isKeyAccount } from '../../../src/domain/rules/customerTerms';
import { RETURN_WINDOW_DAYS } from '../../../src/domain/rules/service/returns';
import { atMinute, END_MIN, nextWorkingDay, shanghaiDate, workingDay } from '../clock';
import { WeightedPicker } from '../random';
import type { BranchKit, Job, Step } from './kit';
import { walkOrder } from './orders';

/**
 * The service family at a branch's volume: returns (6.9) ≈ 2.5 % of the orders, complaints (6.10)
 * ≈ 2 % with the feedback forms quality complaints make (6.10.2), feedback forms (6.1.2), sample
 * loans (6.11) ≈ 1.25 %, after-sales tickets (5.7), and every assistant's evening work log (6.1.6).
 */

const RETURN_REASONS: Record<string, string[]> = {
  qualityDefect: [
    '订书机弹簧断裂，无法使用',
    '打印出现条纹，厂家检测确认为硒鼓质量问题',
    '笔芯出水不畅，整盒更换',
    '文件夹强力夹断裂',
    '计算器按键失灵，厂家确认为质量问题',
  ],
  wrongGoods: [
    '送错颜色：客户订的是蓝色',
    '规格不符：客户要A4，送成了A3',
    '型号错误，与打印机不匹配',
    '送错包装规格：客户要单包，送成整箱',
  ],
  notNeeded: ['客户多订了，未拆封退回', '客户项目取消，商品未使用', '客户行政部门重复采购', '活动取消，物料未使用'],
};

/** the seeded orders delivered by `t`, from the order index, not used by the demo's documents */
function deliveredOrders(k: BranchKit, used: Set<number>) {
  return k.orders.filter(
    (o) => o.deliveredAt !== null && (o.status === 'delivered' || o.status === 'closed') && !used.has(o.id),
  );
}

async function usedOrders(k: BranchKit, resource: string): Promise<Set<number>> {
  const { rows } = await k.store.list(resource, { filter: {}, sort: { field: 'id', order: 'ASC' }, range: null });
  return new Set(rows.map((r) => Number(r.orderId)).filter((n) => Number.isInteger(n)));
}

export async function returnJobs(k: BranchKit): Promise<Job[]> {
  const rng = k.rng.fork('returns');
  const used = await usedOrders(k, 'returns');
  const pool = deliveredOrders(k, used);
  if (pool.length === 0) return [];
  const merch = k.user('merch');
  const orderDesk = k.user('orderdesk');
  const driver = k.user('driver');
  const warehouse = k.user('warehouse');
  const lossPrev = k.user('lossprev');
  const want = Math.round(k.days.length * k.perDay * 0.025);
  const chosen = rng
    .shuffle(pool.slice())
    .slice(0, want)
    .sort((a, b) => a.deliveredAt! - b.deliveredAt! || a.id - b.id);
  const jobs: Job[] = [];
  for (const o of chosen) {
    const delivered = new Date(o.deliveredAt!);
    const deliveredDay = shanghaiDate(delivered);
    const customer = k.customerById.get(o.customerId);
    const by =
      k.users.find((u) => u.id === o.assistantId && u.role === 'assistant') ??
      (customer ? k.assistantOf(customer) : k.user('assistant2'));
    const r = rng.next();
    const reasonType = r < 0.3 ? 'qualityDefect' : r < 0.62 ? 'wrongGoods' : 'notNeeded';
    // same day: the driver takes the goods back at the delivery (6.9.4)
    const sameDay = reasonType !== 'qualityDefect' && rng.chance(0.1);
    const special = !sameDay && rng.chance(0.03);
    const lines = o.lines.slice(0, rng.int(1, 2)).map((l) => {
      const p = k.productById.get(l.productId);
      const line: DocRecord = { productId: l.productId, qty: Math.max(1, Math.min(l.qty, rng.int(1, 3))) };
      if (reasonType === 'qualityDefect' && (p?.category === 'oaConsumable' || p?.category === 'oaEquipment'))
        line.makerConfirmed = true;
      if (special) line.special = true;
      return line;
    });
    const body: DocRecord = {
      orderId: o.id,
      kind: reasonType === 'qualityDefect' ? 'exchange' : 'return',
      reasonType,
      reason: rng.pick(RETURN_REASONS[reasonType]),
      lines,
      ...(sameDay ? { sameDay: true } : {}),
    };
    const steps: Step[] = [];
    let at: Date;
    if (sameDay) {
      at = new Date(delivered.getTime() + rng.int(10, 40) * 60_000);
      const back = new Date(at.getTime() + rng.int(10, 50) * 60_000);
      if (shanghaiDate(back) !== deliveredDay) continue;
      if (rng.chance(0.04)) steps.push({ action: 'cancel', by, at: back, comment: '客户改为换货，另开单据' });
      else {
        steps.push({ action: 'sameDayReturn', by: driver, at: back });
        const t = k.chain(back, [rng.float(30, 400), rng.float(30, 600)]);
        steps.push({ action: 'inspect', by: warehouse, at: t[0] }, { action: 'finalize', by: orderDesk, at: t[1] });
      }
    } else {
      // the customer calls a day or a few after the delivery (well inside the 15 days)
      at = k.after(delivered, rng.chance(0.7) ? rng.float(60, 1200) : rng.float(1200, 4500));
      if (shanghaiDate(at) > addDays(deliveredDay, RETURN_WINDOW_DAYS - 2)) continue;
      let t = at;
      const add = (action: string, who: Actor, gap: number, comment?: string) => {
        t = k.after(t, gap);
        steps.push({ action, by: who, at: t, ...(comment ? { comment } : {}) });
      };
      const x = rng.next();
      if (x < 0.05) add('cancel', by, rng.float(30, 600), '客户决定不退货，留用');
      else {
        add('submit', by, rng.float(5, 90));
        if (special) {
          // 6.9.5 special goods: loss prevention decides
          if (rng.chance(0.5)) add('reject', lossPrev, rng.float(60, 900), '特殊订购商品原则上不予退货 (6.5.4)');
          else {
            add('approve', lossPrev, rng.float(60, 900), '供应商同意退回，按正常流程办理');
            add('print', orderDesk, rng.float(20, 300));
            add('collect', driver, rng.float(120, 900));
            add('inspect', warehouse, rng.float(30, 400));
            add('finalize', orderDesk, rng.float(30, 600));
          }
        } else if (x < 0.12) {
          add(
            'reject',
            merch,
            rng.float(30, 500),
            rng.pick([
              '请注明退货商品是否已拆封',
              '退货数量与送货单不符，请核对',
              '请补充质量问题的照片或厂家检测结果',
            ]),
          );
          add('cancel', by, rng.float(60, 1200), '客户同意不退，留用商品');
        } else {
          add('approve', merch, rng.float(20, 400));
          add('print', orderDesk, rng.float(20, 300));
          if (rng.chance(0.04)) {
            // damaged at the driver's inspection → loss prevention (6.9.5)
            add('reportDamage', driver, rng.float(120, 900), '商品外包装破损，内件有明显使用痕迹');
            if (rng.chance(0.6)) add('reject', lossPrev, rng.float(60, 900), '商品已损坏，不予退货');
            else {
              add('approve', lossPrev, rng.float(60, 900), '经核实为运输途中损坏，同意退货');
              add('print', orderDesk, rng.float(20, 300));
              add('collect', driver, rng.float(120, 900));
              add('inspect', warehouse, rng.float(30, 400));
              add('finalize', orderDesk, rng.float(30, 600));
            }
          } else {
            add('collect', driver, rng.float(120, 900));
            add('inspect', warehouse, rng.float(30, 400));
            add('finalize', orderDesk, rng.float(30, 600));
          }
        }
      }
    }
    if (!k.done(at)) continue;
    // 6.9.1 checked again when it goes out: still inside the window then (holidays count as days)
    const out = steps.find((x) => x.action === 'submit' || x.action === 'sameDayReturn');
    if (shanghaiDate(out?.at ?? at) > addDays(deliveredDay, RETURN_WINDOW_DAYS - 1)) continue;
    jobs.push({
      at,
      reads: [['orders', o.id]],
      run: async (s) => void (await k.walk(s, 'returns', by, at, body, steps)),
    });
  }
  return jobs;
}

// ---- complaints (6.10) and their feedback forms ----

const COMPLAINT_TEXT: Record<string, string[]> = {
  staff: [
    '送货员态度生硬，未按约定时间送达也未提前电话通知',
    '客户助理接电话时语气不耐烦',
    '业务员承诺的价格与实际不符',
    '送货员未按要求送到指定楼层',
  ],
  productQuality: [
    '新买的碎纸机使用两天后电机异响',
    '整箱复印纸受潮卷曲，卡纸严重',
    '硒鼓打印出现黑线',
    '文件柜门变形，无法关严',
    '中性笔大面积不出水',
  ],
  productUsage: [
    '不会设置打印机双面打印，要求上门指导',
    '标签机更换色带后无法打印',
    '考勤机无法导出记录',
    '投影仪无法连接笔记本电脑',
  ],
  delivery: [
    '订单承诺次日送达，实际晚了一天',
    '送货少了一箱中性笔',
    '送货时间与约定不符，无人签收',
    '急件未能在约定时间送达',
  ],
  other: ['发票抬头开错，要求重开', '对账单金额有误', '网站订单状态长时间未更新'],
};
const HANDLED: Record<string, string[]> = {
  staff: ['已约谈相关送货员并向客户致歉', '已对客户助理进行服务规范培训，并向客户致歉'],
  productQuality: [
    '现场确认为运输受潮，已安排整箱更换',
    '现场确认为产品质量问题，联系厂家更换',
    '现场检查为使用不当，已指导客户正确使用',
  ],
  escalated: ['客户管理部门协调厂家工程师上门处理', '客户管理部门与客户沟通，给予适当补偿'],
};
const RESOLVED = [
  '已向客户反馈处理结果，客户满意',
  '已补送缺少的商品，客户确认',
  '电话指导客户完成设置',
  '已更换，客户满意',
  '已向客户反馈处理结果并再次致歉',
];

export function complaintJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('complaints');
  const csm = k.user('csmanager');
  const sup = k.user('supervisor');
  const smgr = k.user('salesmgr');
  const picker = new WeightedPicker(k.customers, (c) =>
    c.active === false || typeof c.firstTradeAt !== 'string' ? 0 : isKeyAccount(c) ? 3 : 1,
  );
  if (picker.weightOf() === 0) return [];
  // the customer's recent delivered orders, for the complaint's related order
  const byCustomer = new Map<number, typeof k.orders>();
  for (const o of k.orders)
    if (o.deliveredAt !== null) byCustomer.set(o.customerId, [...(byCustomer.get(o.customerId) ?? []), o]);
  const jobs: Job[] = [];
  for (const at of k.arrivals(k.perDay * 0.02)) {
    let c = picker.pick(rng);
    for (let i = 0; i < 5 && Date.parse(String(c.firstTradeAt)) >= at.getTime(); i++) c = picker.pick(rng);
    if (Date.parse(String(c.firstTradeAt)) >= at.getTime()) continue;
    const owner = k.assistantOf(c);
    const r = rng.next();
    const category =
      r < 0.3 ? 'delivery' : r < 0.55 ? 'productQuality' : r < 0.75 ? 'productUsage' : r < 0.9 ? 'staff' : 'other';
    const recent = (byCustomer.get(Number(c.id)) ?? []).filter(
      (o) => o.deliveredAt! < at.getTime() && o.deliveredAt! > at.getTime() - 20 * 86_400_000,
    );
    const order =
      (category === 'delivery' || category === 'productQuality') && recent.length
        ? recent[recent.length - 1]
        : undefined;
    const body: DocRecord = {
      customerId: Number(c.id),
      category,
      description: rng.pick(COMPLAINT_TEXT[category]),
      contact: String(c.contact ?? ''),
      phone: String(c.phone ?? ''),
      ...(order ? { orderId: order.id } : {}),
    };
    const steps: Step[] = [];
    let t = at;
    const add = (action: string, who: Actor, gap: number, comment?: string) => {
      t = k.after(t, gap);
      steps.push({ action, by: who, at: t, ...(comment ? { comment } : {}) });
    };
    // 6.10.5 the first reply within 4 working hours (mostly), the solution within 3 working days (mostly)
    add('reply', owner, rng.chance(0.9) ? rng.float(10, 200) : rng.float(250, 600));
    const late = rng.chance(0.1);
    const work = () => (late ? rng.float(500, 1200) : rng.float(60, 500));
    let handledAt: Date | null = null;
    if (category === 'staff' || category === 'productQuality') {
      const handler = category === 'staff' ? csm : sup;
      if (rng.chance(0.12)) {
        add(
          'escalate',
          handler,
          rng.float(60, 400),
          category === 'staff' ? '涉及多名员工，报客户管理部门协调' : '大型设备故障，需厂家工程师协助',
        );
        add('handle', smgr, work(), rng.pick(HANDLED.escalated));
      } else add('handle', handler, work(), rng.pick(HANDLED[category]));
      handledAt = t;
    } else if (rng.chance(0.05)) {
      add('escalate', owner, rng.float(60, 400), '超出本部门处理范围，报客户管理部门');
      add('handle', smgr, work(), rng.pick(HANDLED.escalated));
    }
    add('resolve', owner, rng.float(30, 400), rng.pick(RESOLVED));
    const resolvedAt = t;
    if (isKeyAccount(c)) add('file', smgr, rng.float(60, 900));
    const quality = category === 'productQuality';
    jobs.push({
      at,
      reads: order ? [['orders', order.id]] : [],
      run: async (s) => {
        const rec = await k.walk(s, 'complaints', owner, at, body, steps);
        // the feedback form the reply made (6.10.2): the office follows up onsite, the assistant closes it
        if (quality && typeof rec.feedbackId === 'number' && handledAt) {
          const id = rec.feedbackId;
          const fu = new Date(handledAt.getTime() + rng.int(2, 20) * 60_000);
          if (k.done(fu))
            await k.act(s, 'feedbacks', id, {
              action: 'followUp',
              by: sup,
              at: fu,
              comment: '办事处主管已上门现场确认并处理',
            });
          const close = new Date(Math.max(resolvedAt.getTime(), fu.getTime()) + rng.int(2, 30) * 60_000);
          if (k.done(fu) && k.done(close))
            await k.act(s, 'feedbacks', id, {
              action: 'close',
              by: owner,
              at: close,
              comment: '投诉已解决，反馈表结案',
            });
        }
      },
    });
  }
  return jobs;
}

const FEEDBACK: [kind: string, text: string][] = [
  ['salesDrop', '本月订货量较上月下降六成，客户行政人员变动'],
  ['payment', '月结货款已逾期两周，财务联系不上'],
  ['dispute', '客户对上月对账金额有异议，要求办事处上门核对'],
  ['lost', '客户反映竞争对手报价更低，考虑更换供应商'],
  ['salesDrop', '客户连续两个月未下单'],
  ['other', '客户搬迁新址，送货地址待确认'],
];

export function feedbackJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('feedbacks');
  const sup = k.user('supervisor');
  const jobs: Job[] = [];
  for (const at of k.arrivals(k.perDay * 0.002)) {
    const trading = k.tradingAt(at);
    if (trading.length === 0) continue;
    const c = rng.pick(trading);
    const owner = k.assistantOf(c);
    const [kind, description] = rng.pick(FEEDBACK);
    const t = k.chain(at, [rng.float(240, 2400), rng.float(240, 3000)]);
    const steps: Step[] = [
      {
        action: 'followUp',
        by: rng.chance(0.5) ? sup : owner,
        at: t[0],
        comment: '办事处已派客户代表上门拜访，了解情况并跟进',
      },
      { action: 'close', by: owner, at: t[1], comment: '客户情况已恢复正常，结案' },
    ];
    jobs.push({
      at,
      run: async (s) =>
        void (await k.walk(
          s,
          'feedbacks',
          owner,
          at,
          { customerId: Number(c.id), kind, description, request: '请办事处安排专人跟进维护' },
          steps,
        )),
    });
  }
  return jobs;
}

// ---- sample loans (6.11) ----

export function loanJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('sampleLoans');
  const orderDesk = k.user('orderdesk');
  const warehouse = k.user('warehouse');
  const csm = k.user('csmanager');
  const keys = k.customers.filter((c) => isKeyAccount(c) && c.active !== false && typeof c.firstTradeAt === 'string');
  const goods = k.products.filter(
    (p) =>
      p.catalog === true &&
      p.active !== false &&
      (p.category === 'oaEquipment' ||
        ((p.category === 'other' || p.category === 'stationery') && Number(p.catalogPrice) >= 30)),
  );
  if (keys.length === 0 || goods.length === 0) return [];
  const goodsPicker = new WeightedPicker(goods, (p) => (p.category === 'oaEquipment' ? 4 : 1));
  const jobs: Job[] = [];
  for (const at of k.arrivals(k.perDay * 0.0125)) {
    const trading = keys.filter((c) => Date.parse(String(c.firstTradeAt)) < at.getTime() - 30 * 86_400_000);
    if (trading.length === 0) continue;
    const c = rng.pick(trading);
    const owner = k.assistantOf(c);
    // a product with a sample on the shelf (the book keeps what earlier loans took)
    let product: DocRecord | undefined;
    for (let i = 0; i < 8 && !product; i++) {
      const p = goodsPicker.pick(rng);
      if ((k.stock.get(Number(p.id)) ?? 0) >= 2) product = p;
    }
    if (!product) continue;
    const pid = Number(product.id);
    const longer = rng.chance(0.15);
    const loanDays = longer ? rng.int(4, 7) : 3;
    const body: DocRecord = {
      customerId: Number(c.id),
      lines: [{ productId: pid, qty: 1 }],
      purpose: rng.pick(['客户采购前试看样品', '客户比较两个型号', '客户会议演示用', '客户测试与现有设备的兼容性']),
      ...(longer ? { loanDays, extensionReason: rng.pick(['客户需内部评审后决定是否采购', '客户需多部门试用']) } : {}),
    };
    const steps: Step[] = [];
    let t = at;
    const add = (action: string, who: Actor, gap: number, comment?: string) => {
      t = k.after(t, gap);
      steps.push({ action, by: who, at: t, ...(comment ? { comment } : {}) });
    };
    const x = rng.next();
    let out = false;
    let back = true;
    if (x < 0.06) add('cancel', owner, rng.float(20, 300), '客户改为直接订购');
    else {
      add('submit', owner, rng.float(5, 60));
      if (x < 0.09) add('cancel', owner, rng.float(30, 300), '库存样品已被借出，客户改期');
      else {
        add('lend', orderDesk, rng.float(30, 300));
        out = true;
        // back within the loan days mostly; some late (overdue while out)
        const lentAt = t;
        const due = lentAt.getTime() + loanDays * 86_400_000;
        const y = rng.next();
        const backAt = (early: boolean) => {
          const target = early
            ? lentAt.getTime() + rng.float(0.3, 0.95) * (due - lentAt.getTime())
            : due + rng.float(0.5, 4) * 86_400_000;
          const day = k.workingFrom(shanghaiDate(new Date(target)));
          return k.on(day, 9 * 60, 17 * 60);
        };
        if (y < 0.55) steps.push({ action: 'return', by: warehouse, at: backAt(rng.chance(0.9)) });
        else if (y < 0.88) {
          steps.push({ action: 'buy', by: owner, at: backAt(true) });
          back = false;
        } else {
          steps.push({
            action: 'reportDamage',
            by: warehouse,
            at: backAt(rng.chance(0.8)),
            comment: rng.pick(['样品外壳破裂，不能再作样品或销售', '样品有明显使用痕迹并损坏 (6.11.2)']),
          });
          back = false;
          t = steps[steps.length - 1].at;
          if (rng.chance(0.7)) add('chargeCustomer', csm, rng.float(60, 1200));
          else add('chargeHandler', csm, rng.float(60, 1200), '经手人未按规定检查样品，由经手人赔偿');
        }
      }
    }
    // the book: out when lent (by now); back in only when returned (by now)
    const lend = steps.find((s) => s.action === 'lend');
    if (out && lend && k.done(lend.at)) {
      if (!k.take(pid, 1)) continue;
      const ret = steps.find((s) => s.action === 'return');
      if (back && ret && k.done(ret.at)) k.give(pid, 1);
    }
    const buyStep = steps.find((s) => s.action === 'buy');
    jobs.push({
      at,
      run: async (s) => {
        const rec = await k.walk(s, 'sampleLoans', owner, at, body, steps);
        // bought (6.11.4): the sale order goes through the order flow
        if (buyStep && rec.status === 'bought' && typeof rec.orderId === 'number') {
          const order = await s.get('orders', rec.orderId);
          if (order) await walkOrder(k, s, order, buyStep.at, { assistant: owner, confirmLines: true });
        }
      },
    });
  }
  return jobs;
}

// ---- after-sales tickets (5.7) ----

const FAULTS = [
  '开机后频繁卡纸',
  '打印有黑色竖条',
  '无法联网，指示灯闪烁',
  '进纸器异响',
  '扫描后图像模糊',
  '显示屏无显示',
  '碎纸时电机过热停机',
  '投影画面偏色',
];

export function ticketJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('serviceTickets');
  const support = k.assistants.filter((a) => a.group === 'salesSupport');
  const finance = k.user('finance');
  const equipment = k.products.filter((p) => p.category === 'oaEquipment' && p.active !== false);
  const consumables = k.products.filter(
    (p) => p.category === 'oaConsumable' && p.catalog === true && p.active !== false,
  );
  if (support.length === 0 || equipment.length === 0) return [];
  const jobs: Job[] = [];
  for (const at of k.arrivals(k.perDay * 0.003)) {
    const trading = k.tradingAt(at.getTime() - 20 * 86_400_000);
    if (trading.length === 0) continue;
    const c = rng.pick(trading);
    const owner = k.assistantOf(c);
    const eng = rng.pick(support);
    const product = rng.pick(equipment);
    const install = rng.chance(0.1);
    const age = install ? rng.int(1, 10) : rng.chance(0.65) ? rng.int(20, 360) : rng.int(370, 900);
    const day = shanghaiDate(at);
    const invoiceDate = addDays(day, -age);
    const outOfWarranty = !install && age > 365;
    const part = consumables.length && rng.chance(0.4) ? rng.pick(consumables) : undefined;
    const body: DocRecord = {
      customerId: Number(c.id),
      productId: Number(product.id),
      kind: install ? 'install' : 'repair',
      invoiceDate,
      serialNo: `SN${rng.int(100000, 999999)}`,
      fault: install ? '新购设备，要求上门安装调试' : rng.pick(FAULTS),
      address: String(c.address ?? ''),
      ...(outOfWarranty
        ? {
            labourFee: rng.pick([80, 100, 120, 150, 200, 260]),
            ...(part
              ? {
                  parts: [
                    {
                      name: String(part.name),
                      productId: Number(part.id),
                      qty: 1,
                      unitCost: Number(part.cost),
                      inScope: false,
                    },
                  ],
                }
              : {}),
          }
        : {}),
    };
    // the support group schedules it, goes onsite on the next working day, then it is closed
    const steps: Step[] = [];
    const sched = k.after(at, rng.float(20, 240));
    if (rng.chance(0.06))
      steps.push({
        action: 'cancel',
        by: owner,
        at: k.after(at, rng.float(30, 400)),
        comment: '客户自行重启后恢复正常，取消报修',
      });
    else {
      steps.push({ action: 'schedule', by: eng, at: sched });
      const onsite = nextWorkingDay(day);
      const doneAt = k.on(rng.chance(0.85) ? onsite : nextWorkingDay(onsite), 9 * 60 + 30, 16 * 60 + 30);
      steps.push({ action: 'complete', by: eng, at: doneAt });
      const closeDay = k.workingDaysAfter(shanghaiDate(doneAt), rng.int(0, 3));
      let closeAt = k.on(closeDay, 9 * 60, 17 * 60);
      if (closeAt.getTime() <= doneAt.getTime()) closeAt = k.after(doneAt, rng.float(30, 120));
      steps.push({ action: 'close', by: outOfWarranty ? finance : eng, at: closeAt });
    }
    jobs.push({ at, run: async (s) => void (await k.walk(s, 'serviceTickets', owner, at, body, steps)) });
  }
  return jobs;
}

// ---- work logs (6.1.6) ----

const SUMMARY = [
  '接听订货电话并录入销售订单',
  '跟进缺货商品的请购与到货',
  '回访重点客户，了解下月需求',
  '处理网上订单确认及客户咨询',
  '核对客户对账单并跟进回款',
  '处理客户退换货申请',
  '跟进客户投诉处理结果',
];
const PROBLEMS = ['部分商品缺货，客户催货', '个别客户地址变更未及时通知', '', '网上订单高峰时段回复压力较大', ''];

export async function workLogJobs(k: BranchKit): Promise<Job[]> {
  const rng = k.rng.fork('workLogs');
  const teamLead = k.user('teamlead');
  const { rows } = await k.store.list('workLogs', { filter: {}, sort: { field: 'id', order: 'ASC' }, range: null });
  const have = new Set(rows.map((r) => `${r.assistantId}|${r.date}`));
  const jobs: Job[] = [];
  for (const day of k.days) {
    for (const [i, a] of k.assistants.entries()) {
      if (have.has(`${a.id}|${day}`) || rng.chance(0.04)) continue; // a day off now and then
      const at = atMinute(day, END_MIN + 8 + i * 4 + rng.float(0, 5));
      if (!k.done(at)) continue;
      const next = nextWorkingDay(day);
      const ack = atMinute(next, 8 * 60 + 10 + rng.int(0, 80));
      const steps: Step[] =
        rng.chance(0.97) && workingDay(next) ? [{ action: 'acknowledge', by: teamLead, at: ack }] : [];
      const body = {
        date: day,
        summary: `${rng.pick(SUMMARY)}；${rng.pick(SUMMARY)}`,
        ordersHandled: rng.int(8, 24),
        problems: rng.pick(PROBLEMS),
        plan: '继续跟进未送达订单及客户回访',
      };
      jobs.push({ at, run: async (s) => void (await k.walk(s, 'workLogs', a, at, body, steps)) });
    }
  }
  return jobs;
}
