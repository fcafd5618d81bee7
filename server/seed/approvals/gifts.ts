import { atShanghai } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import type { FestivalWindow } from '../../../src/domain/settings';
import { loadSettings } from '../../core/context';
import type { ApprovalsSeed, Step } from './shared';
import { walkAt } from './shared';
import { fitChain, workingDaysBetween } from './time';

/** Gift applications (6.12) in every state, made during the latest festival window up to now. */

/** what a gift application gives (name, yuan) — the branch volume's gifts use the same list */
export const FREE_ITEMS: [string, number][] = [
  ['广式月饼礼盒', 188],
  ['双黄白莲蓉月饼礼盒', 268],
  ['铁观音茶叶礼盒', 320],
  ['新春坚果礼盒', 158],
  ['公司定制台历', 35],
  ['红酒双支礼盒', 398],
];

/** the justification of a gift (6.12.2) — shared with the branch volume */
export const JUSTIFICATIONS = [
  {
    monthlySales: '近三个月订货稳定，略有增长',
    marginAssessment: '综合毛利率约16%',
    creditStanding: '信用良好，无逾期',
    paymentRecord: '每月25日前按时回款',
    potential: '明年新设两个办事处，采购量有望翻倍',
  },
  {
    monthlySales: '订货稳定，以复印纸和耗材为主',
    marginAssessment: '毛利率约14%',
    creditStanding: '良好',
    paymentRecord: '现金结算，从未拖欠',
    potential: '行政部有意将打印耗材统一交由我司供应',
  },
  {
    monthlySales: '设备采购集中在季度末',
    marginAssessment: '设备类为主，毛利约12%',
    creditStanding: '优良，合作三年',
    paymentRecord: '月结，回款及时',
    potential: '集团总部在深圳，可拓展其他分支机构',
  },
];

export async function seedGifts(s: ApprovalsSeed): Promise<number> {
  const settings = await loadSettings(s.store);
  const windows = (settings.giftWindows as FestivalWindow[])
    .filter((w) => w.from <= s.today)
    .sort((a, b) => (a.from < b.from ? 1 : -1));
  const w = windows[0];
  if (!w) return 0; // no festival yet: gifts are only made in festival windows (6.12.1)
  const last = w.to < s.today ? w.to : s.today;
  const days = workingDaysBetween(w.from, last);
  if (days.length === 0) return 0;
  const rng = s.rng.fork('gifts');
  const csm = s.user('csmanager');
  const gm = s.user('gm');
  const fd = s.user('findirector');
  const wh = s.user('warehouse');
  const stocked = s.products.filter(
    (p) => p.catalog === true && Number(p.stock) >= 10 && Number(p.catalogPrice) >= 20 && Number(p.catalogPrice) <= 300,
  );
  const keyFirst = [...s.customers].sort((a, b) => Number(b.tier === 'keyAccount') - Number(a.tier === 'keyAccount'));

  const small = (): DocRecord[] => {
    const [name, price] = rng.pick(FREE_ITEMS.slice(0, 4));
    return [
      { name, qty: 1, unitPrice: price },
      { name: '公司定制台历', qty: rng.int(2, 4), unitPrice: 35 },
    ];
  };
  const large = (): DocRecord[] => {
    const [name, price] = rng.pick(FREE_ITEMS);
    const items: DocRecord[] = [{ name, qty: rng.int(4, 5), unitPrice: price }]; // ≥ 632 yuan: beyond the branchGM's 500 (6.12.2)
    if (stocked.length) items.push({ productId: Number(rng.pick(stocked).id), qty: rng.int(1, 2) });
    return items;
  };
  // a catalog item (it leaves stock when issued, 6.12.3), at most 470 yuan in all
  const withCatalogItem = (): DocRecord[] => {
    if (!stocked.length) return small();
    const p = rng.pick(stocked);
    return [
      { productId: Number(p.id), qty: Math.max(1, Math.min(3, Math.floor(400 / Number(p.catalogPrice)))) },
      { name: '公司定制台历', qty: 2, unitPrice: 35 },
    ];
  };

  const submit = (by: ReturnType<ApprovalsSeed['assistantOf']>): Step => ({ action: 'submit', by });
  const plans: { items: () => DocRecord[]; steps: (a: ReturnType<ApprovalsSeed['assistantOf']>) => Step[] }[] = [
    { items: small, steps: () => [] },
    {
      items: small,
      steps: (a) => [submit(a), { action: 'reject', by: csm, comment: '请补充客户近三个月的回款明细后再提交' }],
    },
    { items: small, steps: (a) => [submit(a)] },
    { items: large, steps: (a) => [submit(a), { action: 'approve', by: csm }] },
    { items: large, steps: (a) => [submit(a), { action: 'approve', by: csm }, { action: 'approve', by: gm }] }, // > 500: fdApproval
    { items: small, steps: (a) => [submit(a), { action: 'approve', by: csm }, { action: 'approve', by: gm }] }, // ≤ 500: approved
    {
      items: large,
      steps: (a) => [
        submit(a),
        { action: 'approve', by: csm },
        { action: 'approve', by: gm },
        { action: 'approve', by: fd },
      ],
    },
    {
      items: withCatalogItem,
      steps: (a) => [
        submit(a),
        { action: 'approve', by: csm },
        { action: 'approve', by: gm },
        { action: 'issue', by: wh },
      ],
    },
    {
      items: withCatalogItem,
      steps: (a) => [
        submit(a),
        { action: 'approve', by: csm },
        { action: 'approve', by: gm },
        { action: 'issue', by: wh },
        { action: 'sign', by: wh, extra: { signedBy: '行政部 签收' } },
      ],
    },
    { items: small, steps: (a) => [{ action: 'cancel', by: a, comment: '客户表示心意已领，婉拒赠品' }] },
  ];

  let n = 0;
  for (const [i, plan] of plans.entries()) {
    const customer = keyFirst[i % Math.max(1, Math.min(keyFirst.length, 12))];
    const assistant = s.assistantOf(customer);
    const steps = plan.steps(assistant);
    // created (and submitted) inside the window; later steps by the next working days, never after now
    const order = rng.shuffle(days.slice());
    const times = fitChain(rng, order, steps.length, s.now, {
      gap: [30, 240],
      firstWithin: last,
      firstSteps: steps[0]?.action === 'submit' ? 1 : 0,
    });
    if (!times || times[0].getTime() < atShanghai(w.from).getTime()) continue;
    const body = {
      customerId: Number(customer.id),
      ...rng.pick(JUSTIFICATIONS),
      reason: `${w.name}客情维护：该客户合作稳定，申请赠送节日礼品以巩固关系`,
      items: plan.items(),
    };
    await walkAt(s, 'gifts', assistant, body, steps, times);
    n++;
  }
  return n;
}
