import type { DocRecord } from '../../../src/domain/definition';
import { isPayoutRequestDay } from '../../../src/domain/rules/approvals/discount';
import { fenToYuan, lineTotalFen, yuanToFen } from '../../../src/domain/money';
import { atMinute } from '../clock';
import type { ApprovalsSeed, Step } from './shared';
import { walkAt } from './shared';
import { chain, fitChain, recentWorkingDays, timeOn } from './time';

/** Special discounts (6.14) in every state; payouts requested on the payout days (7–10, 25–27) before now. */

const REASONS = [
  '客户年度集中采购复印纸及耗材，竞争对手报价较低，申请给予特殊折扣以保住订单',
  '客户新办公楼启用，一次性采购大批办公文具，申请按批量给予折扣',
  '客户为三年老客户，本季度采购额大幅增长，申请返利性质的特殊折扣',
];

export async function seedDiscounts(s: ApprovalsSeed): Promise<number> {
  const rng = s.rng.fork('discounts');
  const csm = s.user('csmanager');
  const gm = s.user('gm');
  const fin = s.user('finance');
  const goods = s.products.filter(
    (p) => p.catalog === true && Number(p.catalogPrice) >= 10 && Number(p.cost) <= Number(p.catalogPrice) * 0.85,
  );
  if (goods.length === 0) return 0;
  const keyAccounts = s.customers.filter((c) => c.tier === 'keyAccount');
  const pool = keyAccounts.length ? keyAccounts : s.customers;

  /** lines at catalog prices and a discount keeping the margin comfortably above 10 % (6.14.1) */
  const body = (customer: DocRecord): DocRecord => {
    for (;;) {
      const picked = rng.shuffle(goods.slice()).slice(0, rng.int(1, 3));
      const lines = picked.map((p) => ({
        productId: Number(p.id),
        qty: rng.int(5, 20),
        unitPrice: Number(p.catalogPrice),
      }));
      const sales = lines.reduce((a, l) => a + lineTotalFen(yuanToFen(l.unitPrice), l.qty), 0);
      const cost = picked.reduce((a, p, i) => a + lineTotalFen(yuanToFen(Number(p.cost)), lines[i].qty), 0);
      const room = sales - Math.ceil((cost * 10) / 9); // the most a discount may take at exactly 10 %
      const discount = Math.floor((room * rng.float(0.3, 0.7)) / 100) * 100; // whole yuan
      if (discount >= 100)
        return {
          customerId: Number(customer.id),
          lines,
          discountAmount: fenToYuan(discount),
          reason: rng.pick(REASONS),
          tradeSummary: '近半年每月均有采购，回款正常',
        };
    }
  };

  const recent = recentWorkingDays(s.today, 25);
  const fresh = recent.slice(0, 6);
  const older = recent.slice(4, 25);
  const review = (a: ReturnType<ApprovalsSeed['assistantOf']>): Step[] => [
    { action: 'submit', by: a },
    { action: 'approve', by: csm },
    { action: 'approve', by: gm },
  ];
  const plans: { days: string[]; steps: (a: ReturnType<ApprovalsSeed['assistantOf']>) => Step[] }[] = [
    { days: fresh, steps: () => [] },
    {
      days: older,
      steps: (a) => [
        { action: 'submit', by: a },
        { action: 'reject', by: csm, comment: '毛利偏低，请与客户再协商折扣比例' },
      ],
    },
    { days: fresh, steps: (a) => [{ action: 'submit', by: a }] },
    {
      days: fresh,
      steps: (a) => [
        { action: 'submit', by: a },
        { action: 'approve', by: csm },
      ],
    },
    { days: older, steps: review },
    { days: older, steps: (a) => [...review(a), { action: 'confirmPaidInFull', by: fin }] },
    { days: older, steps: (a) => [{ action: 'cancel', by: a, comment: '客户取消本次采购' }] },
  ];
  let n = 0;
  for (const [i, plan] of plans.entries()) {
    const customer = pool[(i * 3) % pool.length];
    const a = s.assistantOf(customer);
    const steps = plan.steps(a);
    const times = fitChain(rng, rng.shuffle(plan.days.slice()), steps.length, s.now, { gap: [40, 300] });
    if (!times) continue;
    await walkAt(s, 'discounts', a, body(customer), steps, times);
    n++;
  }

  // 6.14.3 payouts: requested on a payout day after the customer paid in full, then approved and paid (6.14.4)
  const payoutDays = recentWorkingDays(s.today, 45).filter((d) => isPayoutRequestDay(atMinute(d, 12 * 60)));
  const after: { steps: (a: ReturnType<ApprovalsSeed['assistantOf']>) => Step[] }[] = [
    { steps: () => [] },
    { steps: () => [{ action: 'approvePayout', by: csm }] },
    {
      steps: () => [
        { action: 'approvePayout', by: csm },
        {
          action: 'pay',
          by: fin,
          comment: '已通过招商银行转账支付',
          extra: { transferRef: `CMB${s.today.replaceAll('-', '')}${rng.int(10000, 99999)}` },
        },
      ],
    },
  ];
  for (const [i, plan] of after.entries()) {
    const customer = pool[(i * 5 + 1) % pool.length];
    const a = s.assistantOf(customer);
    const pre: Step[] = [...review(a), { action: 'confirmPaidInFull', by: fin }];
    const post = plan.steps(a);
    let done = false;
    for (const p of payoutDays) {
      const before = recentWorkingDays(p, 12).slice(6, 12); // 5–11 working days before the payout day
      const times = fitChain(rng, before, pre.length, atMinute(p, 8 * 60 + 30), { gap: [60, 400] });
      if (!times) continue;
      const request = timeOn(rng, p, 9 * 60, 10 * 60 + 30);
      const rest = chain(rng, request, post.length, [30, 150]);
      if (rest[rest.length - 1].getTime() > s.now.getTime()) continue;
      await walkAt(
        s,
        'discounts',
        a,
        body(customer),
        [...pre, { action: 'requestPayout', by: a }, ...post],
        [...times, ...rest],
      );
      n++;
      done = true;
      break;
    }
    if (!done) break;
  }
  return n;
}
