import type { DocRecord } from '../../../src/domain/definition';
import type { ApprovalsSeed, Step } from './shared';
import { walkAt } from './shared';
import { fitChain, recentWorkingDays } from './time';

/** Transfers (6.13) and scrap applications (6.15): the documents that move stock. */

const SISTERS = ['广州分公司配货仓', '东莞分公司配货仓', '佛山分公司配货仓'];
const STORES = ['宝安宝亿直营店', '福田宝亿直营店', '龙岗宝亿直营店'];

export async function seedTransfers(s: ApprovalsSeed): Promise<number> {
  const rng = s.rng.fork('transfers');
  const merch = s.user('merch');
  const od = s.user('orderdesk');
  const pur = s.user('purchasing');
  const wh = s.user('warehouse');
  const goods = s.products.filter((p) => p.catalog === true);
  if (goods.length === 0) return 0;
  const { rows: openOrders } = await s.store.list('orders', {
    filter: { status: ['submitted', 'approved'] },
    sort: { field: 'id', order: 'DESC' },
    range: [0, 19],
  });
  const assistants = s.assistants;

  const body = (store: boolean, i: number): DocRecord => {
    // short goods first (they are why transfers exist, 6.13.1)
    const sorted = [...goods].sort((a, b) => Number(a.stock) - Number(b.stock));
    const lines = rng
      .shuffle(sorted.slice(0, 12))
      .slice(0, rng.int(1, 3))
      .map((p) => ({ productId: Number(p.id), qty: rng.int(5, 30) }));
    const order = openOrders.length && i % 2 === 0 ? openOrders[i % openOrders.length] : undefined;
    return {
      sourceType: store ? 'store' : 'sisterWarehouse',
      sourceUnit: store ? rng.pick(STORES) : rng.pick(SISTERS),
      ...(store
        ? { sisterWarehouseEmpty: true, storeNoteNo: `PS-${rng.int(100000, 999999)}`, storeContact: '店长 刘先生' }
        : {}),
      reason: rng.pick(['leadTime', 'minQty']),
      lines,
      ...(order ? { orderId: Number(order.id) } : {}),
      ...(assistants.length ? { requestedById: rng.pick(assistants).id } : {}),
    };
  };

  const plans: { store: boolean; steps: Step[]; recent: boolean }[] = [
    { store: false, steps: [], recent: true },
    {
      store: false,
      steps: [
        { action: 'submit', by: merch },
        { action: 'reject', by: od, comment: '调拨数量与订单缺货数不符，请核对' },
      ],
      recent: false,
    },
    { store: false, steps: [{ action: 'submit', by: merch }], recent: true },
    {
      store: true,
      steps: [
        { action: 'submit', by: merch },
        { action: 'approve', by: od },
      ],
      recent: true,
    },
    {
      store: false,
      steps: [
        { action: 'submit', by: merch },
        { action: 'approve', by: od },
      ],
      recent: true,
    },
    {
      store: true,
      steps: [
        { action: 'submit', by: merch },
        { action: 'approve', by: od },
        { action: 'approve', by: pur },
      ],
      recent: true,
    },
    {
      store: false,
      steps: [
        { action: 'submit', by: merch },
        { action: 'approve', by: od },
        { action: 'receive', by: wh },
      ],
      recent: false,
    },
    {
      store: true,
      steps: [
        { action: 'submit', by: merch },
        { action: 'approve', by: od },
        { action: 'approve', by: pur },
        { action: 'receive', by: wh },
      ],
      recent: false,
    },
    { store: false, steps: [{ action: 'cancel', by: merch, comment: '已从供应商按期到货，无需调拨' }], recent: false },
  ];
  const days = recentWorkingDays(s.today, 20);
  let n = 0;
  for (const [i, plan] of plans.entries()) {
    const times = fitChain(
      rng,
      rng.shuffle((plan.recent ? days.slice(0, 5) : days.slice(3)).slice()),
      plan.steps.length,
      s.now,
      { gap: [40, 400] },
    );
    if (!times) continue;
    await walkAt(s, 'transfers', merch, body(plan.store, i), plan.steps, times);
    n++;
  }
  return n;
}

const CAUSES = [
  '仓库屋顶漏雨，整箱复印纸受潮起皱，无法再销售',
  '搬运过程中纸箱跌落，硒鼓外壳破裂漏粉，经检验无法使用',
  '送货途中遇暴雨，文件柜包装浸水，柜门变形生锈',
  '墨盒已过保质期六个月，试打印出墨不均，按规定报废',
];

export async function seedScraps(s: ApprovalsSeed): Promise<number> {
  const rng = s.rng.fork('scraps');
  const csm = s.user('csmanager');
  const gm = s.user('gm');
  const fd = s.user('findirector');
  const cheap = s.products.filter((p) => Number(p.stock) >= 10 && Number(p.cost) > 0 && Number(p.cost) <= 40);
  const dear = s.products.filter((p) => Number(p.stock) >= 2 && Number(p.cost) > 520 && Number(p.cost) < 3000);
  if (cheap.length === 0) return 0;
  /** ≤ 500 yuan of cost (the branchGM's), or above (the financeDirector's too), by the settings' default */
  const body = (big: boolean): DocRecord => {
    if (big && dear.length)
      return {
        kind: 'damage',
        cause: rng.pick(CAUSES.slice(1, 3)),
        lines: [{ productId: Number(rng.pick(dear).id), qty: 1 }],
      };
    const p = rng.pick(cheap);
    return {
      kind: rng.pick(['damage', 'scrap']),
      cause: rng.pick(CAUSES),
      lines: [
        {
          productId: Number(p.id),
          qty: Math.max(1, Math.min(Number(p.stock) - 5, Math.floor(400 / Number(p.cost)), 10)),
        },
      ],
    };
  };
  const assistants = s.assistants;
  const plans: { big: boolean; steps: (a: (typeof assistants)[number]) => Step[]; recent: boolean }[] = [
    { big: false, steps: () => [], recent: true },
    {
      big: false,
      steps: (a) => [
        { action: 'submit', by: a },
        { action: 'reject', by: csm, comment: '请写明受潮的具体时间、数量及责任人' },
      ],
      recent: false,
    },
    { big: false, steps: (a) => [{ action: 'submit', by: a }], recent: true },
    {
      big: true,
      steps: (a) => [
        { action: 'submit', by: a },
        { action: 'approve', by: csm },
      ],
      recent: true,
    },
    {
      big: true,
      steps: (a) => [
        { action: 'submit', by: a },
        { action: 'approve', by: csm },
        { action: 'approve', by: gm },
      ],
      recent: true,
    },
    {
      big: false,
      steps: (a) => [
        { action: 'submit', by: a },
        { action: 'approve', by: csm },
        { action: 'approve', by: gm },
      ],
      recent: false,
    },
    {
      big: true,
      steps: (a) => [
        { action: 'submit', by: a },
        { action: 'approve', by: csm },
        { action: 'approve', by: gm },
        { action: 'approve', by: fd },
      ],
      recent: false,
    },
    { big: false, steps: (a) => [{ action: 'cancel', by: a, comment: '复检后商品可正常销售' }], recent: false },
  ];
  const days = recentWorkingDays(s.today, 20);
  let n = 0;
  for (const plan of plans) {
    if (assistants.length === 0) break;
    if (plan.big && dear.length === 0) continue; // no goods dear enough for the financeDirector's step
    const a = rng.pick(assistants);
    const steps = plan.steps(a);
    const times = fitChain(
      rng,
      rng.shuffle((plan.recent ? days.slice(0, 5) : days.slice(3)).slice()),
      steps.length,
      s.now,
      { gap: [40, 400] },
    );
    if (!times) continue;
    await walkAt(s, 'scraps', a, body(plan.big), steps, times);
    n++;
  }
  return n;
}
