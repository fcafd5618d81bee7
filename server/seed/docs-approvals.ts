import type { DocRecord } from '../../src/domain/definition';
import { seedCreditApplications } from './approvals/credit';
import { seedDiscounts } from './approvals/discounts';
import { seedGifts } from './approvals/gifts';
import type { ApprovalsSeed } from './approvals/shared';
import { seedScraps, seedTransfers } from './approvals/stock';
import { shanghaiDate } from './clock';
import type { SeedDocsContext } from './walk';

/**
 * Seeds every document of this family in every state (through the real API services): gifts,
 * special discounts, transfers, scrap applications, credit applications. Each is created and
 * walked by the roles the procedure names, at office times up to `now`.
 */
export async function seedApprovalsDocs(ctx: SeedDocsContext): Promise<Record<string, number>> {
  const all = { sort: { field: 'id', order: 'ASC' as const }, range: null };
  const customers = (await ctx.store.list('customers', { ...all, filter: { active: true } })).rows;
  const products = (await ctx.store.list('products', { ...all, filter: { active: true } })).rows;
  const assistants = ctx.users.filter((u) => u.role === 'assistant');
  if (customers.length === 0 || products.length === 0 || assistants.length === 0) return {};
  const s: ApprovalsSeed = {
    ...ctx,
    customers,
    products,
    assistants,
    today: shanghaiDate(ctx.now),
    assistantOf: (c: DocRecord) =>
      assistants.find((a) => a.id === c.assistantId) ?? assistants[Number(c.id) % assistants.length],
  };
  const gifts = await seedGifts(s);
  const discounts = await seedDiscounts(s);
  const transfers = await seedTransfers(s);
  const scraps = await seedScraps(s);
  const credit = await seedCreditApplications(s);
  // the credit applicants' trade was entered as orders: report the orders the store now holds
  const { total: orders } = await ctx.store.list('orders', {
    filter: {},
    sort: { field: 'id', order: 'ASC' },
    range: [0, 0],
  });
  return {
    gifts,
    discounts,
    transfers,
    scraps,
    creditApplications: credit.creditApplications,
    ...(credit.orders ? { orders } : {}),
  };
}
