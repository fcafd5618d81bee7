import type { DocRecord } from '../../../src/domain/definition';
import type { SeedDocsContext } from '../walk';
import { chainEndingBefore } from './time';
import { assistantFor, tradingCustomers, walkAt, type Step } from './common';

/** Sample loans (6.11) in every state, one of them overdue (lent a week ago for 3 days). */
export async function seedLoans(ctx: SeedDocsContext): Promise<number> {
  const orderDesk = ctx.user('orderdesk');
  const warehouse = ctx.user('warehouse');
  const csm = ctx.user('csmanager');
  const customers = (await tradingCustomers(ctx, new Date(ctx.now.getTime() - 30 * 86_400_000))).filter(
    (c) => c.tier === 'keyAccount',
  );
  const { rows: stocked } = await ctx.store.list('products', {
    filter: { category: ['oaEquipment', 'other', 'stationery'], catalog: true, active: true, stock_gte: 5 },
    sort: { field: 'id', order: 'ASC' },
    range: [0, 199],
  });
  if (customers.length === 0 || stocked.length === 0) return 0;
  const equipment = stocked.filter((p) => p.category === 'oaEquipment');
  const pool = equipment.length >= 3 ? equipment : stocked;

  // steps after the application; minutes = working time the whole loan took up to its last step
  const plans: {
    steps: [string, 'owner' | 'orderDesk' | 'warehouse' | 'csm', string?][];
    spread: number;
    days?: number;
    reason?: string;
  }[] = [
    { steps: [], spread: 60 },
    { steps: [['submit', 'owner']], spread: 200 },
    {
      steps: [
        ['submit', 'owner'],
        ['lend', 'orderDesk'],
      ],
      spread: 400,
    },
    // overdue: lent about a week ago for the default 3 days, still out
    {
      steps: [
        ['submit', 'owner'],
        ['lend', 'orderDesk'],
      ],
      spread: 2900,
    },
    {
      steps: [
        ['submit', 'owner'],
        ['lend', 'orderDesk'],
        ['return', 'warehouse'],
      ],
      spread: 1500,
      days: 5,
      reason: '客户需内部评审后决定是否采购',
    },
    {
      steps: [
        ['submit', 'owner'],
        ['lend', 'orderDesk'],
        ['buy', 'owner'],
      ],
      spread: 1200,
    },
    {
      steps: [
        ['submit', 'owner'],
        ['lend', 'orderDesk'],
        ['reportDamage', 'warehouse', '样品外壳破裂，不能再作样品或销售'],
      ],
      spread: 1200,
    },
    {
      steps: [
        ['submit', 'owner'],
        ['lend', 'orderDesk'],
        ['reportDamage', 'warehouse', '样品有明显使用痕迹并损坏 (6.11.2)'],
        ['chargeCustomer', 'csm'],
      ],
      spread: 2000,
    },
    { steps: [['cancel', 'owner', '客户改为直接订购']], spread: 300 },
  ];
  let n = 0;
  for (const [i, p] of plans.entries()) {
    const customer: DocRecord = customers[(i * 5 + ctx.rng.int(0, customers.length - 1)) % customers.length];
    const owner = assistantFor(ctx, customer);
    const product = pool[(i * 3 + ctx.rng.int(0, pool.length - 1)) % pool.length];
    const k = p.steps.length;
    const g = [0, ...p.steps.map(() => p.spread / Math.max(1, k))];
    const times = chainEndingBefore(ctx.now, g, ctx.rng.float(20, 120));
    const by = { owner, orderDesk, warehouse, csm };
    const steps: Step[] = p.steps.map(([action, who, comment]) => ({
      action,
      by: by[who],
      ...(comment ? { comment } : {}),
    }));
    await walkAt(
      ctx,
      'sampleLoans',
      owner,
      {
        customerId: Number(customer.id),
        lines: [{ productId: Number(product.id), qty: 1 }],
        purpose: '客户采购前试看样品',
        ...(p.days ? { loanDays: p.days, extensionReason: p.reason } : {}),
      },
      steps,
      times,
    );
    n++;
  }
  return n;
}
