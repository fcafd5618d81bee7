import { addDays } from '../../../src/domain/calendar';
import { actOnDoc, updateDoc } from '../../core/documents';
import { getDefinition } from '../../../src/domain/documents';
import type { Actor } from '../../../src/domain/roles';
import type { DocRecord } from '../../../src/domain/definition';
import type { SeedDocsContext } from '../walk';
import { shanghaiDate } from '../clock';
import { chainEndingBefore } from './time';
import { assistantFor, tradingCustomers, walkAt, type Step } from './common';

/** After-sales tickets (5.7): in and out of warranty, free and charged, in every state. */
export async function seedTickets(ctx: SeedDocsContext): Promise<number> {
  const support = ctx.user('assistant6'); // 销售支持组
  const finance = ctx.user('finance');
  const customers = await tradingCustomers(ctx, new Date(ctx.now.getTime() - 30 * 86_400_000));
  const { rows: equipment } = await ctx.store.list('products', {
    filter: { category: 'oaEquipment', active: true },
    sort: { field: 'id', order: 'ASC' },
    range: [0, 99],
  });
  const { rows: consumables } = await ctx.store.list('products', {
    filter: { category: 'oaConsumable', active: true },
    sort: { field: 'id', order: 'ASC' },
    range: [0, 99],
  });
  if (customers.length === 0 || equipment.length === 0) return 0;
  const today = shanghaiDate(ctx.now);
  const part = consumables[0];
  const plans: {
    ageDays: number;
    steps: [string, 'owner' | 'support' | 'finance', string?][];
    spread: number;
    edit?: DocRecord;
  }[] = [
    { ageDays: 120, steps: [], spread: 0 },
    { ageDays: 200, steps: [['schedule', 'support']], spread: 120 },
    // out of warranty: parts at cost + fee, waiting for finance
    {
      ageDays: 500,
      steps: [
        ['schedule', 'support'],
        ['complete', 'support'],
      ],
      spread: 700,
      edit: {
        labourFee: 150,
        parts: part
          ? [
              {
                name: String(part.name),
                productId: Number(part.id),
                qty: 1,
                unitCost: Number(part.cost),
                inScope: true,
              },
            ]
          : [],
      },
    },
    {
      ageDays: 90,
      steps: [
        ['schedule', 'support'],
        ['complete', 'support'],
        ['close', 'support'],
      ],
      spread: 900,
    },
    {
      ageDays: 420,
      steps: [
        ['schedule', 'support'],
        ['complete', 'support'],
        ['close', 'finance'],
      ],
      spread: 1400,
      edit: { labourFee: 80 },
    },
    { ageDays: 60, steps: [['cancel', 'owner', '客户自行重启后恢复正常，取消报修']], spread: 90 },
  ];
  let n = 0;
  for (const [i, p] of plans.entries()) {
    const customer: DocRecord = customers[(i * 13 + ctx.rng.int(0, customers.length - 1)) % customers.length];
    const owner = assistantFor(ctx, customer);
    const product = equipment[(i * 2 + ctx.rng.int(0, equipment.length - 1)) % equipment.length];
    const g = [0, ...p.steps.map(() => p.spread / Math.max(1, p.steps.length))];
    const times = chainEndingBefore(ctx.now, g, ctx.rng.float(30, 200));
    const by = { owner, support, finance };
    const steps: Step[] = p.steps.map(([action, who, comment]) => ({
      action,
      by: by[who],
      ...(comment ? { comment } : {}),
    }));
    const body = {
      customerId: Number(customer.id),
      productId: Number(product.id),
      kind: 'repair',
      invoiceDate: addDays(today, -p.ageDays),
      serialNo: `SN${String(100000 + ctx.rng.int(0, 899999))}`,
      fault: ctx.rng.pick(['开机后频繁卡纸', '打印有黑色竖条', '无法联网，指示灯闪烁', '进纸器异响']),
      address: String(customer.address ?? ''),
    };
    if (!p.edit) {
      await walkAt(ctx, 'serviceTickets', owner, body, steps, times);
    } else {
      // the engineer records parts and fee while the visit is scheduled (PUT while editable), then completes
      const [first, second, ...rest] = steps;
      const [t0, t1, t2, ...tRest] = times;
      let rec = await walkAt(ctx, 'serviceTickets', owner, body, [first], [t0, t1]);
      rec = await updateAs(ctx, Number(rec.id), support, p.edit, new Date((t1.getTime() + t2.getTime()) / 2));
      await walkRest(ctx, Number(rec.id), [second, ...rest], [t2, ...tRest]);
    }
    n++;
  }
  return n;
}

function updateAs(ctx: SeedDocsContext, id: number, by: Actor, body: DocRecord, at: Date) {
  return updateDoc({ store: ctx.store, now: () => at }, getDefinition('serviceTickets')!, by, id, body);
}

async function walkRest(ctx: SeedDocsContext, id: number, steps: Step[], times: Date[]) {
  const def = getDefinition('serviceTickets')!;
  for (const [i, s] of steps.entries())
    await actOnDoc(
      { store: ctx.store, now: () => times[i] },
      def,
      s.by,
      id,
      s.action,
      s.comment ? { comment: s.comment } : {},
    );
}
