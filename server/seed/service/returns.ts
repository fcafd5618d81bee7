import type { DocRecord } from '../../../src/domain/definition';
import { daysSinceInvoice, RETURN_WINDOW_DAYS } from '../../../src/domain/rules/service/returns';
import type { SeedDocsContext } from '../walk';
import { clampBack, shanghaiDate } from '../clock';
import { chain } from './time';
import { gaps, walkAt, type Step } from './common';

/** Returns (6.9) in every state, on orders delivered in the last two weeks. */

const REASONS: Record<string, string[]> = {
  qualityDefect: ['订书机弹簧断裂，无法使用', '打印出现条纹，厂家检测确认为硒鼓质量问题', '笔芯出水不畅，整盒更换'],
  wrongGoods: ['送错颜色：客户订的是蓝色', '规格不符：客户要A4，送成了A3'],
  notNeeded: ['客户多订了，未拆封退回', '客户项目取消，商品未使用'],
};

interface Plan {
  target: string;
  sameDay?: boolean;
  special?: boolean;
  reasonType: 'qualityDefect' | 'wrongGoods' | 'notNeeded';
}

const PLANS: Plan[] = [
  { target: 'closed', reasonType: 'notNeeded' },
  { target: 'closed', reasonType: 'wrongGoods', sameDay: true },
  { target: 'inspected', reasonType: 'qualityDefect' },
  { target: 'collected', reasonType: 'wrongGoods' },
  { target: 'printed', reasonType: 'notNeeded' },
  { target: 'approved', reasonType: 'qualityDefect' },
  { target: 'submitted', reasonType: 'notNeeded' },
  { target: 'lossReview', reasonType: 'notNeeded', special: true },
  { target: 'refused', reasonType: 'notNeeded', special: true },
  { target: 'rejected', reasonType: 'notNeeded' },
  { target: 'draft', reasonType: 'wrongGoods' },
  { target: 'atDelivery', reasonType: 'wrongGoods', sameDay: true },
  { target: 'cancelled', reasonType: 'notNeeded' },
];

export async function seedReturns(ctx: SeedDocsContext): Promise<number> {
  const merch = ctx.user('merch');
  const orderDesk = ctx.user('orderdesk');
  const driver = ctx.user('driver');
  const warehouse = ctx.user('warehouse');
  const lossPrev = ctx.user('lossprev');
  const { rows } = await ctx.store.list('orders', {
    filter: { status: ['delivered', 'closed'] },
    sort: { field: 'receivedAt', order: 'DESC' },
    range: [0, 399],
  });
  const candidates = rows
    .filter(
      (o) =>
        typeof o.deliveredAt === 'string' &&
        daysSinceInvoice(shanghaiDate(new Date(String(o.deliveredAt))), ctx.now) <= RETURN_WINDOW_DAYS + 10,
    )
    .sort((a, b) => String(b.deliveredAt).localeCompare(String(a.deliveredAt)) || Number(a.id) - Number(b.id));
  const products = new Map(
    (
      await ctx.store.getMany('products', [
        ...new Set(candidates.flatMap((o) => (o.lines as DocRecord[]).map((l) => Number(l.productId)))),
      ])
    ).map((p) => [Number(p.id), p]),
  );
  const used = new Set<number>();
  let n = 0;

  for (const plan of PLANS) {
    const steps = stepsFor(plan);
    for (const order of candidates) {
      if (used.has(Number(order.id))) continue;
      const delivered = new Date(String(order.deliveredAt));
      // same day: recorded within the hour of delivery; else the customer calls 1–3 working days later
      const offset = plan.sameDay ? ctx.rng.float(10, 40) : ctx.rng.float(120, 1200);
      const times = chain(delivered, [offset, ...gaps(ctx, steps.length, 25, 150)]);
      const submitAt = times[1] ?? times[0];
      const invoice = shanghaiDate(delivered);
      if (times[times.length - 1].getTime() > clampBack(ctx.now).getTime()) continue;
      if (daysSinceInvoice(invoice, submitAt) > RETURN_WINDOW_DAYS) continue;
      if (plan.sameDay && shanghaiDate(times[0]) !== invoice) continue;
      if (plan.sameDay && steps.length && shanghaiDate(times[1]) !== invoice) continue;
      const lines = (order.lines as DocRecord[]).slice(0, 2).map((l) => {
        const p = products.get(Number(l.productId));
        const line: DocRecord = {
          productId: Number(l.productId),
          qty: Math.max(1, Math.min(Number(l.qty), ctx.rng.int(1, 3))),
        };
        if (plan.reasonType === 'qualityDefect' && (p?.category === 'oaConsumable' || p?.category === 'oaEquipment'))
          line.makerConfirmed = true;
        if (plan.special) line.special = true;
        return line;
      });
      used.add(Number(order.id));
      const by =
        ctx.users.find((u) => u.id === Number(order.assistantId) && u.role === 'assistant') ?? ctx.user('assistant2');
      const body: DocRecord = {
        orderId: Number(order.id),
        kind: plan.reasonType === 'qualityDefect' ? 'exchange' : 'return',
        reasonType: plan.reasonType,
        reason: ctx.rng.pick(REASONS[plan.reasonType]),
        lines,
        ...(plan.sameDay ? { sameDay: true } : {}),
      };
      await walkAt(
        ctx,
        'returns',
        by,
        body,
        steps.map((s) => ({
          ...s,
          by: s.by === 'owner' ? by : { assistant: by, merch, orderDesk, driver, warehouse, lossPrev }[s.by],
        })) as Step[],
        times,
      );
      n++;
      break;
    }
  }
  return n;

  function stepsFor(
    plan: Plan,
  ): { action: string; by: 'owner' | 'merch' | 'orderDesk' | 'driver' | 'warehouse' | 'lossPrev'; comment?: string }[] {
    if (plan.sameDay) {
      return plan.target === 'atDelivery'
        ? []
        : [
            { action: 'sameDayReturn', by: 'driver' },
            { action: 'inspect', by: 'warehouse' },
            { action: 'finalize', by: 'orderDesk' },
          ];
    }
    const submit = { action: 'submit', by: 'owner' as const };
    switch (plan.target) {
      case 'draft':
        return [];
      case 'cancelled':
        return [{ action: 'cancel', by: 'owner', comment: '客户改为换货，另开单据' }];
      case 'submitted':
      case 'lossReview':
        return [submit];
      case 'rejected':
        return [submit, { action: 'reject', by: 'merch', comment: '请注明退货商品是否已拆封' }];
      case 'refused':
        return [submit, { action: 'reject', by: 'lossPrev', comment: '特殊订购商品原则上不予退货 (6.5.4)' }];
      default: {
        const chainSteps: {
          action: string;
          by: 'owner' | 'merch' | 'orderDesk' | 'driver' | 'warehouse' | 'lossPrev';
        }[] = [
          submit,
          { action: 'approve', by: 'merch' },
          { action: 'print', by: 'orderDesk' },
          { action: 'collect', by: 'driver' },
          { action: 'inspect', by: 'warehouse' },
          { action: 'finalize', by: 'orderDesk' },
        ];
        const upTo = { approved: 2, printed: 3, collected: 4, inspected: 5, closed: 6 }[plan.target] ?? 0;
        return chainSteps.slice(0, upTo);
      }
    }
  }
}
