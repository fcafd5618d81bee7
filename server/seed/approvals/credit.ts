import { addDays, atShanghai } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import { lineTotalFen, yuanToFen } from '../../../src/domain/money';
import { monthsBefore } from '../../../src/domain/rules/customerTerms';
import { shanghaiDate } from '../clock';
import type { ApprovalsSeed, Step } from './shared';
import { walkAt } from './shared';
import { chain, fitChain, timeOn, workingDaysBetween } from './time';

/**
 * Credit applications (5.11) in every state. An application goes forward only for a customer that
 * qualifies (5.11.1): trading ≥ 3 months, not overdue, ≥ 5000 yuan a month over the last 3 full
 * months. The demo's order history is only a few weeks long, so those customers' trade of the
 * previous month is entered first — as real orders, through the order services, delivered and closed.
 */

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => addDays(monthsBefore(monthStart(day), -1), -1);

export async function seedCreditApplications(
  s: ApprovalsSeed,
): Promise<{ creditApplications: number; orders: number }> {
  const rng = s.rng.fork('credit');
  const rep = s.user('salesrep');
  const sup = s.user('supervisor');
  const smgr = s.user('salesmgr');
  const fin = s.user('finance');
  const gm = s.user('gm');
  const csm = s.user('csmanager');
  const od = s.user('orderdesk');
  const drv = s.user('driver');

  // the applications run this month (or last month early in a month); the qualifying trade the month before
  let stepsFrom = monthStart(s.today);
  if (workingDaysBetween(stepsFrom, s.today).length < 3) stepsFrom = monthsBefore(stepsFrom, 1);
  const stepsTo = s.today < monthEnd(stepsFrom) ? s.today : monthEnd(stepsFrom);
  const stepsDays = workingDaysBetween(stepsFrom, stepsTo);
  const stepsLimit = new Date(Math.min(s.now.getTime(), atShanghai(addDays(stepsTo, 1)).getTime() - 1));
  const ordersFrom = monthsBefore(stepsFrom, 1);
  const ordersTo = addDays(stepsFrom, -1);
  const traded3Months = monthsBefore(stepsFrom, 3);

  const tradedSince = (c: DocRecord) =>
    typeof c.firstTradeAt === 'string' ? shanghaiDate(new Date(c.firstTradeAt)) : null;
  const qualifies = (c: DocRecord) =>
    c.settlement === 'cash' &&
    c.overdue !== true &&
    c.active !== false &&
    !!tradedSince(c) &&
    tradedSince(c)! <= traded3Months;
  const candidates = [
    ...s.customers.filter((c) => qualifies(c) && c.tier === 'keyAccount'),
    ...s.customers.filter((c) => qualifies(c) && c.tier !== 'keyAccount'),
  ];
  const used = new Set<number>();
  const take = (pool: DocRecord[]) => {
    const c = pool.find((x) => !used.has(Number(x.id)));
    if (c) used.add(Number(c.id));
    return c;
  };

  // OA equipment and other dear catalog goods: a key account's month of trade
  const dear = s.products
    .filter((p) => p.catalog === true && p.active !== false && Number(p.catalogPrice) >= 500)
    .sort((a, b) => Number(b.catalogPrice) - Number(a.catalogPrice));
  // the goods leave stock when picked (6.2.5): a purchase takes only what the shelf holds
  // (as the seeders before left it: gifts, transfers and scraps move stock too)
  const left = new Map(
    (
      await s.store.getMany(
        'products',
        dear.map((p) => Number(p.id)),
      )
    ).map((p) => [Number(p.id), Math.max(0, Number(p.stock ?? 0))]),
  );
  let orders = 0;
  const trade = async (customer: DocRecord): Promise<boolean> => {
    if (dear.length === 0) return false;
    const created = shanghaiDate(new Date(String(customer.createdAt ?? s.now.toISOString())));
    let days = workingDaysBetween(created > ordersFrom ? created : ordersFrom, ordersTo).slice(0, -2);
    if (days.length === 0) days = workingDaysBetween(ordersFrom, ordersTo).slice(0, -2);
    if (days.length === 0) return false;
    const assistant = s.assistantOf(customer);
    // one equipment purchase of the month, ≥ 15 600 yuan (3 × 5000 with room to spare)
    const lines: { productId: number; qty: number; unitPrice: number }[] = [];
    let fen = 0;
    for (const p of rng.shuffle(dear.filter((x) => (left.get(Number(x.id)) ?? 0) > 0).slice(0, 12))) {
      if (fen >= 15600_00 || lines.length >= 6) break;
      const qty = Math.min(rng.int(1, 3), left.get(Number(p.id)) ?? 0);
      lines.push({ productId: Number(p.id), qty, unitPrice: Number(p.catalogPrice) });
      fen += lineTotalFen(yuanToFen(Number(p.catalogPrice)), qty);
    }
    for (let i = 0; fen < 15600_00 && lines.length > 0 && i < 200; i++) {
      const l = lines[i % lines.length];
      if (l.qty >= 20 || l.qty >= (left.get(l.productId) ?? 0)) continue;
      l.qty++;
      fen += yuanToFen(l.unitPrice);
    }
    if (fen < 15600_00) return false;
    for (const l of lines) left.set(l.productId, (left.get(l.productId) ?? 0) - l.qty);
    const times = chain(rng, timeOn(rng, rng.pick(days), 9 * 60, 11 * 60), 6, [20, 90]);
    const steps: Step[] = [
      { action: 'submit', by: assistant },
      { action: 'approve', by: csm },
      { action: 'pick', by: od },
      { action: 'ship', by: drv },
      { action: 'deliver', by: drv },
      { action: 'close', by: fin },
    ];
    await walkAt(
      s,
      'orders',
      assistant,
      {
        customerId: Number(customer.id),
        channel: 'phone',
        paymentMethod: 'cash',
        linesConfirmed: true,
        lines,
        note: '办公设备集中采购',
      },
      steps,
      times,
    );
    orders++;
    return true;
  };

  const application = (customer: DocRecord, limit: number): DocRecord => ({
    customerId: Number(customer.id),
    legalRepresentative: String(customer.contact ?? '张伟'),
    businessLicenseNo: `91440300MA5${String(customer.code ?? '').padStart(6, '0')}${rng.int(10, 99)}`,
    registeredCapital: rng.int(1, 50) * 100000,
    establishedYear: rng.int(1998, 2020),
    employees: rng.int(30, 800),
    businessScope: '办公设备、文具用品采购及使用',
    bankName: rng.pick(['招商银行深圳分行', '中国银行深圳分行', '平安银行深圳分行']),
    bankAccount: `7559${rng.int(10000000, 99999999)}${rng.int(1000, 9999)}`,
    financeContact: '财务部 李小姐',
    financePhone: String(customer.phone ?? ''),
    businessCondition: '经营稳定，近年营业额逐年增长，办公用品需求量大且持续',
    paymentHistory: '合作期间均按时现金结算，无拖欠记录',
    evaluation: '客户资信良好，建议给予月结信用额度，账期30天',
    requestedLimit: limit,
    paymentTermDays: 30,
  });

  const review: Step[] = [
    { action: 'submit', by: rep },
    { action: 'approve', by: sup },
    { action: 'approve', by: smgr },
    { action: 'approve', by: fin },
    { action: 'approve', by: gm },
  ];
  const eligiblePlans: Step[][] = [
    [review[0], { action: 'reject', by: sup, comment: '请补充客户近一年的财务报表' }],
    review.slice(0, 1),
    review.slice(0, 2),
    review.slice(0, 3),
    review.slice(0, 4),
    review,
  ];
  let n = 0;
  for (const steps of eligiblePlans) {
    const customer = take(candidates);
    if (!customer || stepsDays.length === 0) break;
    const times = fitChain(rng, rng.shuffle(stepsDays.slice()), steps.length, stepsLimit, { gap: [60, 420] });
    if (!times || !(await trade(customer))) continue;
    await walkAt(s, 'creditApplications', rep, application(customer, rng.int(4, 12) * 5000), steps, times);
    n++;
  }

  // drafts: a customer still too new (the facts show why it cannot go forward), a half-yearly review, a cancelled one
  const recent = stepsDays.slice(-3);
  const others: [DocRecord | undefined, Step[]][] = [
    [
      take(
        s.customers.filter(
          (c) => c.settlement === 'cash' && tradedSince(c) !== null && tradedSince(c)! > traded3Months,
        ),
      ),
      [],
    ],
    [take(s.customers.filter((c) => c.settlement === 'credit' && c.overdue !== true)), []],
    [take(s.customers), [{ action: 'cancel', by: rep, comment: '客户决定继续现金结算' }]],
  ];
  for (const [customer, steps] of others) {
    if (!customer) continue;
    const times = fitChain(rng, rng.shuffle((recent.length ? recent : stepsDays).slice()), steps.length, stepsLimit, {
      gap: [60, 300],
    });
    if (!times) continue;
    const limit = customer.settlement === 'credit' ? Number(customer.creditLimit) : rng.int(4, 8) * 5000;
    await walkAt(s, 'creditApplications', rep, application(customer, limit), steps, times);
    n++;
  }
  return { creditApplications: n, orders };
}
