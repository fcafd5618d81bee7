import type { DocRecord } from '../../../src/domain/definition';
import { OPEN_CREDIT_APPLICATION_STATUSES } from '../../../src/domain/documents/approvals/creditApplications';
import { isPayoutRequestDay } from '../../../src/domain/rules/approvals/discount';
import { CREDIT_MIN_MONTHLY_FEN, lastFullMonths } from '../../../src/domain/rules/approvals/credit';
import { isNewCustomer } from '../../../src/domain/rules/customerTerms';
import type { FestivalWindow } from '../../../src/domain/settings';
import { fenToYuan, lineTotalFen, yuanToFen } from '../../../src/domain/money';
import type { Actor } from '../../../src/domain/roles';
import { loadSettings } from '../../core/context';
import { FREE_ITEMS, JUSTIFICATIONS } from '../approvals/gifts';
import { atMinute, shanghaiDate } from '../clock';
import type { BranchKit, Job, Step } from './kit';

/**
 * The approvals family at a branch's volume: gifts (6.12) in the festival windows, special
 * discounts (6.14) with their payouts on the payout days, transfers (6.13), scrap applications
 * (6.15) and credit applications (5.11) — a few a week each, every approval chain and its refusals.
 */

type Plan = [action: string, by: Actor, gap: number, comment?: string, extra?: DocRecord];

/** the steps of `plan` from `start`, each `gap` working minutes after the one before */
function timed(k: BranchKit, start: Date, plan: Plan[]): Step[] {
  const times = k.chain(
    start,
    plan.map((p) => p[2]),
  );
  return plan.map(([action, by, , comment, extra], i) => ({
    action,
    by,
    at: times[i],
    ...(comment ? { comment } : {}),
    ...(extra ? { extra } : {}),
  }));
}

export async function giftJobs(k: BranchKit): Promise<Job[]> {
  const rng = k.rng.fork('gifts');
  const settings = await loadSettings(k.store);
  const windows = (settings.giftWindows as FestivalWindow[]).filter((w) => w.from <= k.today);
  const days = k.days.filter((d) => windows.some((w) => w.from <= d && d <= w.to));
  if (days.length === 0) return [];
  const csm = k.user('csmanager');
  const gm = k.user('gm');
  const fd = k.user('findirector');
  const wh = k.user('warehouse');
  const keys = k.customers.filter(
    (c) => c.tier === 'keyAccount' && c.active !== false && typeof c.firstTradeAt === 'string',
  );
  // catalog goods of at most 150 yuan a gift, so a small gift stays within the branchGM's 500 (6.12.2)
  const stocked = k.products.filter(
    (p) => p.catalog === true && Number(p.catalogPrice) >= 20 && Number(p.catalogPrice) <= 150,
  );
  if (keys.length === 0) return [];
  const jobs: Job[] = [];
  // the gift season: a few a day for the festival's working days
  for (const at of k.arrivals(k.perDay * 0.04, { days, latestMin: 16 * 60 })) {
    const w = windows.find((x) => x.from <= shanghaiDate(at) && shanghaiDate(at) <= x.to)!;
    const c = rng.pick(keys);
    const a = k.assistantOf(c);
    const large = rng.chance(0.35);
    // a catalog item leaves stock when issued (6.12.3): booked when its issue is planned
    let catalogItem: DocRecord | undefined;
    if (stocked.length && rng.chance(0.4)) {
      const p = rng.pick(stocked);
      const qty = Math.max(1, Math.min(3, Math.floor(150 / Number(p.catalogPrice))));
      catalogItem = { productId: Number(p.id), qty };
    }
    // a large gift is beyond the branchGM's 500 yuan (6.12.2): 4–5 boxes of a dear one
    const [name, price] = rng.pick(large ? FREE_ITEMS.filter(([, p]) => p >= 150) : FREE_ITEMS.slice(0, 4));
    const items: DocRecord[] = [
      { name, qty: large ? rng.int(4, 5) : 1, unitPrice: price },
      ...(catalogItem ? [catalogItem] : [{ name: '公司定制台历', qty: rng.int(2, 4), unitPrice: 35 }]),
    ];
    const x = rng.next();
    const plan: Plan[] = [];
    if (x < 0.05) plan.push(['cancel', a, rng.float(30, 400), '客户表示心意已领，婉拒赠品']);
    else {
      // submitted the same day, inside the window (6.12.1)
      plan.push(['submit', a, rng.float(10, 90)]);
      if (x < 0.12)
        plan.push(
          ['reject', csm, rng.float(60, 600), '请补充客户近三个月的回款明细后再提交'],
          ['cancel', a, rng.float(60, 900), '客户本季度采购量下降，不再申请'],
        );
      else {
        plan.push(['approve', csm, rng.float(60, 600)]);
        if (x < 0.16)
          plan.push(
            ['reject', gm, rng.float(60, 900), '赠送金额偏高，请调整'],
            ['cancel', a, rng.float(60, 900), '按总经理意见取消'],
          );
        else {
          plan.push(['approve', gm, rng.float(60, 900)]);
          if (large) plan.push(['approve', fd, rng.float(120, 1500)]);
          plan.push(
            ['issue', wh, rng.float(120, 1200)],
            ['sign', wh, rng.float(240, 2400), undefined, { signedBy: `${String(c.contact ?? '')} 签收` }],
          );
        }
      }
    }
    const steps = timed(k, at, plan);
    if (steps[0]?.action === 'submit' && shanghaiDate(steps[0].at) > w.to) continue;
    const issue = steps.find((s) => s.action === 'issue');
    if (catalogItem && issue && k.done(issue.at) && !k.take(Number(catalogItem.productId), Number(catalogItem.qty)))
      continue;
    const body = {
      customerId: Number(c.id),
      ...rng.pick(JUSTIFICATIONS),
      reason: `${w.name}客情维护：该客户合作稳定，申请赠送节日礼品以巩固关系`,
      items,
    };
    jobs.push({ at, run: async (s) => void (await k.walk(s, 'gifts', a, at, body, steps)) });
  }
  return jobs;
}

const DISCOUNT_REASONS = [
  '客户年度集中采购复印纸及耗材，竞争对手报价较低，申请给予特殊折扣以保住订单',
  '客户新办公楼启用，一次性采购大批办公文具，申请按批量给予折扣',
  '客户为三年老客户，本季度采购额大幅增长，申请返利性质的特殊折扣',
  '客户招标采购，需给予特殊折扣方能中标',
];

export function discountJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('discounts');
  const csm = k.user('csmanager');
  const gm = k.user('gm');
  const fin = k.user('finance');
  const goods = k.products.filter(
    (p) => p.catalog === true && Number(p.catalogPrice) >= 10 && Number(p.cost) <= Number(p.catalogPrice) * 0.85,
  );
  const keys = k.customers.filter(
    (c) => c.tier === 'keyAccount' && c.active !== false && typeof c.firstTradeAt === 'string',
  );
  if (goods.length === 0 || keys.length === 0) return [];
  /** lines at catalog prices and a discount keeping the margin comfortably above 10 % (6.14.1) */
  const body = (customer: DocRecord): DocRecord => {
    for (;;) {
      const picked = rng.shuffle(goods.slice()).slice(0, rng.int(1, 4));
      const lines = picked.map((p) => ({
        productId: Number(p.id),
        qty: rng.int(5, 40),
        unitPrice: Number(p.catalogPrice),
      }));
      const sales = lines.reduce((a, l) => a + lineTotalFen(yuanToFen(l.unitPrice), l.qty), 0);
      const cost = picked.reduce((a, p, i) => a + lineTotalFen(yuanToFen(Number(p.cost)), lines[i].qty), 0);
      const room = sales - Math.ceil((cost * 10) / 9);
      const discount = Math.floor((room * rng.float(0.3, 0.7)) / 100) * 100;
      if (discount >= 100)
        return {
          customerId: Number(customer.id),
          lines,
          discountAmount: fenToYuan(discount),
          reason: rng.pick(DISCOUNT_REASONS),
          tradeSummary: '近半年每月均有采购，回款正常',
        };
    }
  };
  const jobs: Job[] = [];
  for (const at of k.arrivals(k.perDay * 0.0015)) {
    const trading = keys.filter((c) => Date.parse(String(c.firstTradeAt)) < at.getTime());
    if (trading.length === 0) continue;
    const c = rng.pick(trading);
    const a = k.assistantOf(c);
    const x = rng.next();
    const plan: Plan[] = [];
    let payout = false;
    if (x < 0.05) plan.push(['cancel', a, rng.float(30, 600), '客户取消本次采购']);
    else {
      plan.push(['submit', a, rng.float(20, 240)]);
      if (x < 0.15)
        plan.push(
          ['reject', csm, rng.float(120, 1200), '毛利偏低，请与客户再协商折扣比例'],
          ['cancel', a, rng.float(120, 1500), '客户不接受调整后的折扣'],
        );
      else if (x < 0.2)
        plan.push(
          ['approve', csm, rng.float(120, 1200)],
          ['reject', gm, rng.float(120, 1200), '公司不鼓励特殊折扣，本单不予批准'],
          ['cancel', a, rng.float(120, 1500), '按总经理意见取消'],
        );
      else {
        plan.push(['approve', csm, rng.float(120, 1200)], ['approve', gm, rng.float(120, 1500)]);
        if (x < 0.24) plan.push(['cancel', csm, rng.float(1200, 6000), '客户订单取消，折扣作废']);
        else {
          // the customer pays in full some weeks later; the payout is asked for on the next payout day (6.14.3)
          plan.push(['confirmPaidInFull', fin, rng.float(2400, 9000)]);
          payout = true;
        }
      }
    }
    const steps = timed(k, at, plan);
    if (payout) {
      const paidAt = steps[steps.length - 1].at;
      let day = k.workingDaysAfter(shanghaiDate(paidAt), 1);
      for (let i = 0; i < 40 && !isPayoutRequestDay(atMinute(day, 12 * 60)); i++) day = k.workingDaysAfter(day, 1);
      if (isPayoutRequestDay(atMinute(day, 12 * 60))) {
        const request = k.on(day, 9 * 60, 11 * 60);
        steps.push({ action: 'requestPayout', by: a, at: request });
        const rest = timed(
          k,
          request,
          rng.chance(0.05)
            ? [['rejectPayout', csm, rng.float(30, 400), '请附上客户全部回款凭证']]
            : [
                ['approvePayout', csm, rng.float(30, 400)],
                [
                  'pay',
                  fin,
                  rng.float(120, 1200),
                  '已通过招商银行转账支付',
                  { transferRef: `CMB${day.replaceAll('-', '')}${rng.int(10000, 99999)}` },
                ],
              ],
        );
        steps.push(...rest);
      }
    }
    const b = body(c);
    jobs.push({ at, run: async (s) => void (await k.walk(s, 'discounts', a, at, b, steps)) });
  }
  return jobs;
}

const SISTERS = ['广州分公司配货仓', '东莞分公司配货仓', '佛山分公司配货仓', '惠州分公司配货仓'];
const STORES = ['宝安宝亿直营店', '福田宝亿直营店', '龙岗宝亿直营店', '南山宝亿直营店'];

export function transferJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('transfers');
  const merch = k.user('merch');
  const od = k.user('orderdesk');
  const pur = k.user('purchasing');
  const wh = k.user('warehouse');
  const goods = k.products.filter((p) => p.catalog === true && p.active !== false);
  if (goods.length === 0) return [];
  const jobs: Job[] = [];
  for (const at of k.arrivals(k.perDay * 0.0015)) {
    // short goods first (they are why transfers exist, 6.13.1)
    const short = goods.filter((p) => (k.stock.get(Number(p.id)) ?? 0) <= 8);
    const pool = short.length >= 3 ? short : goods;
    const lines = rng
      .shuffle(pool.slice())
      .slice(0, rng.int(1, 3))
      .map((p) => ({ productId: Number(p.id), qty: rng.int(5, 30) }));
    const store = rng.chance(0.3);
    const body: DocRecord = {
      sourceType: store ? 'store' : 'sisterWarehouse',
      sourceUnit: store ? rng.pick(STORES) : rng.pick(SISTERS),
      ...(store
        ? { sisterWarehouseEmpty: true, storeNoteNo: `PS-${rng.int(100000, 999999)}`, storeContact: '店长 刘先生' }
        : {}),
      reason: rng.pick(['leadTime', 'minQty']),
      lines,
      ...(k.assistants.length ? { requestedById: rng.pick(k.assistants).id } : {}),
    };
    const x = rng.next();
    const plan: Plan[] = [];
    let received = false;
    if (x < 0.05) plan.push(['cancel', merch, rng.float(30, 600), '已从供应商按期到货，无需调拨']);
    else {
      plan.push(['submit', merch, rng.float(10, 120)]);
      if (x < 0.12)
        plan.push(
          ['reject', od, rng.float(30, 600), '调拨数量与订单缺货数不符，请核对'],
          ['cancel', merch, rng.float(60, 900), '改为向供应商直接订货'],
        );
      else {
        plan.push(['approve', od, rng.float(30, 600)]);
        if (store) {
          if (rng.chance(0.08))
            plan.push(
              ['reject', pur, rng.float(60, 900), '分店库存不足，不予调拨'],
              ['cancel', merch, rng.float(60, 900), '改从兄弟单位调拨'],
            );
          else plan.push(['approve', pur, rng.float(60, 900)]);
        }
        if (plan[plan.length - 1][0] === 'approve') {
          if (rng.chance(0.04)) plan.push(['cancel', od, rng.float(240, 1200), '调出单位无法按期发货，取消调拨']);
          else {
            plan.push(['receive', wh, rng.float(600, 2400)]);
            received = true;
          }
        }
      }
    }
    const steps = timed(k, at, plan);
    const last = steps[steps.length - 1];
    if (received && k.done(last.at)) for (const l of lines) k.give(l.productId, l.qty);
    jobs.push({ at, run: async (s) => void (await k.walk(s, 'transfers', merch, at, body, steps)) });
  }
  return jobs;
}

const CAUSES = [
  '仓库屋顶漏雨，整箱复印纸受潮起皱，无法再销售',
  '搬运过程中纸箱跌落，硒鼓外壳破裂漏粉，经检验无法使用',
  '送货途中遇暴雨，文件柜包装浸水，柜门变形生锈',
  '墨盒已过保质期六个月，试打印出墨不均，按规定报废',
  '盘点发现中性笔整盒干涸，无法书写，按规定报废',
  '叉车作业不慎撞坏货架上的商品，外观严重受损',
];

export function scrapJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('scraps');
  const csm = k.user('csmanager');
  const gm = k.user('gm');
  const fd = k.user('findirector');
  const cheap = k.products.filter((p) => p.catalog === true && Number(p.cost) > 0 && Number(p.cost) <= 40);
  const dear = k.products.filter((p) => p.catalog === true && Number(p.cost) > 520 && Number(p.cost) < 3000);
  if (cheap.length === 0 || k.assistants.length === 0) return [];
  const jobs: Job[] = [];
  for (const at of k.arrivals(k.perDay * 0.001)) {
    const a = rng.pick(k.assistants);
    const big = dear.length > 0 && rng.chance(0.25);
    const pool = (big ? dear : cheap).filter((p) => (k.stock.get(Number(p.id)) ?? 0) >= (big ? 2 : 10));
    if (pool.length === 0) continue;
    const p = rng.pick(pool);
    const qty = big
      ? 1
      : Math.max(1, Math.min((k.stock.get(Number(p.id)) ?? 0) - 5, Math.floor(450 / Number(p.cost)), 10));
    const body: DocRecord = {
      kind: big ? 'damage' : rng.pick(['damage', 'scrap']),
      cause: rng.pick(CAUSES),
      lines: [{ productId: Number(p.id), qty }],
    };
    const x = rng.next();
    const plan: Plan[] = [];
    if (x < 0.06) plan.push(['cancel', a, rng.float(30, 600), '复检后商品可正常销售']);
    else {
      plan.push(['submit', a, rng.float(10, 120)]);
      if (x < 0.14)
        plan.push(
          ['reject', csm, rng.float(60, 900), '请写明受潮的具体时间、数量及责任人'],
          ['cancel', a, rng.float(60, 900), '经复核可折价处理，不再报废'],
        );
      else {
        plan.push(['approve', csm, rng.float(60, 900)], ['approve', gm, rng.float(120, 1500)]);
        if (big) plan.push(['approve', fd, rng.float(240, 2400)]);
      }
    }
    const steps = timed(k, at, plan);
    const last = steps[steps.length - 1];
    // written off when the last approval is given (by now)
    if (last.action === 'approve' && k.done(last.at) && !k.take(Number(p.id), qty)) continue;
    jobs.push({ at, run: async (s) => void (await k.walk(s, 'scraps', a, at, body, steps)) });
  }
  return jobs;
}

/** 5.11 credit applications: by the sales rep, for cash customers whose trade qualifies when submitted */
export async function creditJobs(k: BranchKit): Promise<Job[]> {
  const rng = k.rng.fork('credit');
  const rep = k.user('salesrep');
  const sup = k.user('supervisor');
  const smgr = k.user('salesmgr');
  const fin = k.user('finance');
  const gm = k.user('gm');
  // delivered / closed trade by customer (receivedAt, total), for the 3-full-months test (5.11.1)
  const trade = new Map<number, { at: number; total: number }[]>();
  for (const o of k.orders)
    if (o.status === 'delivered' || o.status === 'closed')
      trade.set(o.customerId, [...(trade.get(o.customerId) ?? []), { at: o.receivedAt, total: o.total }]);
  // `seenBy`: the walk of an application runs all its steps when its job runs (at its creation), so
  // the server's facts at a later step (the GM's, perhaps in the next month, with the next window)
  // see only the orders seeded before then — a day's margin for orders walked in the same batch
  const qualifies = (c: DocRecord, at: Date, seenBy: Date = at): boolean => {
    if (c.overdue === true || c.active === false || isNewCustomer(c, at)) return false;
    const { from, to } = lastFullMonths(at);
    const a = Date.parse(from);
    const b = Math.min(Date.parse(to), seenBy.getTime() - 86_400_000);
    const sum = (trade.get(Number(c.id)) ?? [])
      .filter((x) => x.at >= a && x.at <= b)
      .reduce((s, x) => s + yuanToFen(x.total), 0);
    return sum >= CREDIT_MIN_MONTHLY_FEN * 3;
  };
  // one application under way per customer (5.11.2): the demo's open ones included
  const busyUntil = new Map<number, number>();
  const { rows } = await k.store.list('creditApplications', {
    filter: {},
    sort: { field: 'id', order: 'ASC' },
    range: null,
  });
  for (const r of rows)
    busyUntil.set(
      Number(r.customerId),
      OPEN_CREDIT_APPLICATION_STATUSES.includes(String(r.status))
        ? Number.MAX_SAFE_INTEGER
        : Math.max(busyUntil.get(Number(r.customerId)) ?? 0, Date.parse(String(r.updatedAt))),
    );
  const credit = new Set(k.customers.filter((c) => c.settlement === 'credit').map((c) => Number(c.id)));
  const jobs: Job[] = [];
  const application = (c: DocRecord, limit: number): DocRecord => ({
    customerId: Number(c.id),
    legalRepresentative: String(c.contact ?? '张伟'),
    businessLicenseNo: `91440300MA5${String(c.code ?? '').padStart(6, '0')}${rng.int(10, 99)}`,
    registeredCapital: rng.int(1, 50) * 100000,
    establishedYear: rng.int(1998, 2020),
    employees: rng.int(30, 800),
    businessScope: '办公设备、文具用品采购及使用',
    bankName: rng.pick(['招商银行深圳分行', '中国银行深圳分行', '平安银行深圳分行', '工商银行深圳分行']),
    bankAccount: `7559${rng.int(10000000, 99999999)}${rng.int(1000, 9999)}`,
    financeContact: '财务部 李小姐',
    financePhone: String(c.phone ?? ''),
    businessCondition: '经营稳定，近年营业额逐年增长，办公用品需求量大且持续',
    paymentHistory: '合作期间均按时现金结算，无拖欠记录',
    evaluation: '客户资信良好，建议给予月结信用额度，账期30天',
    requestedLimit: limit,
    paymentTermDays: rng.pick([30, 30, 45, 60]),
  });
  for (const at of k.arrivals(k.perDay * 0.0008)) {
    const free = k.customers.filter(
      (c) => c.settlement === 'cash' && !credit.has(Number(c.id)) && (busyUntil.get(Number(c.id)) ?? 0) < at.getTime(),
    );
    const eligible = free.filter((c) => qualifies(c, at));
    // most applications are for customers that qualify; now and then a draft for one that does not yet
    const draftOnly = eligible.length === 0 || rng.chance(0.08);
    const pool = draftOnly ? free.filter((c) => typeof c.firstTradeAt === 'string') : eligible;
    if (pool.length === 0) continue;
    const c = rng.pick(pool);
    const limit = rng.int(4, 12) * 5000;
    const plan: Plan[] = [];
    let approvedLine = false;
    if (draftOnly) plan.push(['cancel', rep, rng.float(600, 4000), '客户暂不符合赊销条件，继续现金结算']);
    else {
      plan.push(['submit', rep, rng.float(60, 600)]);
      const x = rng.next();
      const chain: [Actor, string][] = [
        [sup, '请补充客户近一年的财务报表'],
        [smgr, '客户行业风险较高，暂缓'],
        [fin, '客户回款记录不足以支持申请额度'],
        [gm, '额度偏高，请重新评估'],
      ];
      const rejectAt = x < 0.25 ? rng.int(0, 3) : -1;
      for (const [i, [who, why]] of chain.entries()) {
        if (i === rejectAt) {
          plan.push(
            ['reject', who, rng.float(120, 1500), why],
            ['cancel', rep, rng.float(600, 3000), '客户决定继续现金结算'],
          );
          break;
        }
        plan.push([
          'approve',
          who,
          rng.float(120, 1500),
          undefined,
          who === gm ? { approvedLimit: Math.round((limit * rng.pick([1, 1, 0.8, 0.6])) / 1000) * 1000 } : undefined,
        ]);
        if (who === gm) approvedLine = true;
      }
    }
    const steps = timed(k, at, plan);
    const last = steps[steps.length - 1];
    // submission and each approval re-check eligibility (5.11.1) at their own time — in the next
    // month when the chain runs over a month's end, with that month's window
    if (steps.some((s) => (s.action === 'submit' || s.action === 'approve') && k.done(s.at) && !qualifies(c, s.at, at)))
      continue;
    if (approvedLine && k.done(last.at)) credit.add(Number(c.id));
    busyUntil.set(Number(c.id), k.done(last.at) ? last.at.getTime() : Number.MAX_SAFE_INTEGER);
    const body = application(c, limit);
    jobs.push({ at, run: async (s) => void (await k.walk(s, 'creditApplications', rep, at, body, steps)) });
  }
  return jobs;
}
