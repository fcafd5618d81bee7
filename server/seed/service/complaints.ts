import type { DocRecord } from '../../../src/domain/definition';
import type { SeedDocsContext } from '../walk';
import { chainEndingBefore } from './time';
import { assistantFor, tradingCustomers, walkAt, type Step } from './common';

/** Complaints (6.10) in every state; quality complaints bring their feedback forms (6.10.2). */

const TEXT: Record<string, string[]> = {
  staff: ['送货员态度生硬，未按约定时间送达也未提前电话通知', '客户助理接电话时语气不耐烦'],
  productQuality: ['新买的碎纸机使用两天后电机异响', '整箱复印纸受潮卷曲，卡纸严重'],
  productUsage: ['不会设置打印机双面打印，要求上门指导', '标签机更换色带后无法打印'],
  delivery: ['订单承诺次日送达，实际晚了一天', '送货少了一箱中性笔'],
};

export async function seedComplaints(ctx: SeedDocsContext): Promise<number> {
  const csm = ctx.user('csmanager');
  const sup = ctx.user('supervisor');
  const smgr = ctx.user('salesmgr');
  const customers = await tradingCustomers(ctx, new Date(ctx.now.getTime() - 20 * 86_400_000));
  const keys = customers.filter((c) => c.tier === 'keyAccount');
  const smbs = customers.filter((c) => c.tier !== 'keyAccount');
  if (customers.length === 0) return 0;
  // category, key account?, steps after receipt (actor '' = the owner assistant) — one complaint per state
  const plans: { category: string; key: boolean; late?: boolean; steps: [string, string, string?][] }[] = [
    { category: 'delivery', key: false, steps: [] },
    { category: 'staff', key: false, steps: [['reply', '']] },
    { category: 'productQuality', key: false, steps: [['reply', '']] },
    {
      category: 'productQuality',
      key: true,
      steps: [
        ['reply', ''],
        ['escalate', 'sup', '大型设备故障，需厂家工程师协助'],
      ],
    },
    { category: 'productUsage', key: false, steps: [['reply', '']] },
    {
      category: 'delivery',
      key: true,
      steps: [
        ['reply', ''],
        ['resolve', '', '已补送缺少的商品，客户确认'],
      ],
    },
    {
      category: 'staff',
      key: false,
      late: true,
      steps: [
        ['reply', ''],
        ['handle', 'csm', '已约谈相关送货员并向客户致歉'],
        ['resolve', '', '已向客户反馈处理结果并再次致歉'],
      ],
    },
    {
      category: 'productQuality',
      key: true,
      steps: [
        ['reply', ''],
        ['handle', 'sup', '现场确认为运输受潮，已安排整箱更换'],
        ['resolve', '', '已更换，客户满意'],
        ['file', 'smgr'],
      ],
    },
    {
      category: 'productUsage',
      key: false,
      steps: [
        ['reply', ''],
        ['resolve', '', '电话指导客户完成设置'],
      ],
    },
  ];
  const who = { csm, sup, smgr } as const;
  let n = 0;
  for (const [i, p] of plans.entries()) {
    const pool = p.key && keys.length ? keys : smbs.length ? smbs : customers;
    const customer: DocRecord = pool[(i * 7 + ctx.rng.int(0, pool.length - 1)) % pool.length];
    const owner = assistantFor(ctx, customer);
    const replyGap = p.late ? ctx.rng.float(260, 400) : ctx.rng.float(15, 200);
    const g = [0, ...p.steps.map((_s, k) => (k === 0 ? replyGap : ctx.rng.float(60, 500)))];
    // the last ones in flight: received within the last hours
    const slack = p.steps.length === 0 ? ctx.rng.float(20, 90) : ctx.rng.float(30, 1500);
    const times = chainEndingBefore(ctx.now, g, slack);
    const steps: Step[] = p.steps.map(([action, by, comment]) => ({
      action,
      by: by ? who[by as keyof typeof who] : owner,
      ...(comment ? { comment } : {}),
    }));
    await walkAt(
      ctx,
      'complaints',
      owner,
      {
        customerId: Number(customer.id),
        category: p.category,
        description: ctx.rng.pick(TEXT[p.category]),
        contact: String(customer.contact ?? ''),
        phone: String(customer.phone ?? ''),
      },
      steps,
      times,
    );
    n++;
  }
  return n;
}
