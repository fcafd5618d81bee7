import { seedRequisitions, seedHandwrittenNotes, seedUrgentDeliveries } from './sales/fulfilment';
import { salesKit } from './sales/kit';
import { seedMemberships } from './sales/memberships';
import { seedQuotes } from './sales/quotes';
import { seedInquiries, seedSpecialOrders } from './sales/special';
import type { SeedDocsContext } from './walk';

/**
 * Seeds every document of this family in every state (through the real API services): quotes
 * (6.4), inquiries (5.10) and special goods orders (6.5.4–6.5.6), requisitions (6.5.2),
 * handwritten delivery notes (6.7), urgent delivery letters (6.8), memberships (5.2.2). Every step
 * by the role the procedure names, at a plausible working time ≤ now. Some of them enter sales
 * orders of their own (a converted quote, the orders behind requisitions and urgent letters):
 * `salesOrders` counts those.
 */
export async function seedSalesDocs(ctx: SeedDocsContext): Promise<Record<string, number>> {
  const ordersBefore = (
    await ctx.store.list('orders', { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 0] })
  ).total;
  const k = await salesKit(ctx);
  await seedQuotes({ ...k, ctx: { ...ctx, rng: ctx.rng.fork('quotes') } });
  await seedInquiries({ ...k, ctx: { ...ctx, rng: ctx.rng.fork('inquiries') } });
  await seedSpecialOrders({ ...k, ctx: { ...ctx, rng: ctx.rng.fork('specialOrders') } });
  await seedRequisitions({ ...k, ctx: { ...ctx, rng: ctx.rng.fork('requisitions') } });
  await seedHandwrittenNotes({ ...k, ctx: { ...ctx, rng: ctx.rng.fork('handwrittenNotes') } });
  await seedUrgentDeliveries({ ...k, ctx: { ...ctx, rng: ctx.rng.fork('urgentDeliveries') } });
  await seedMemberships({ ...k, ctx: { ...ctx, rng: ctx.rng.fork('memberships') } });
  const count = async (resource: string) =>
    (await ctx.store.list(resource, { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 0] })).total;
  const out: Record<string, number> = {};
  for (const r of [
    'quotes',
    'inquiries',
    'specialOrders',
    'requisitions',
    'handwrittenNotes',
    'urgentDeliveries',
    'memberships',
  ])
    out[r] = await count(r);
  out.salesOrders = (await count('orders')) - ordersBefore;
  return out;
}
