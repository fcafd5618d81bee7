import type { DocRecord } from '../../src/domain/definition';
import { creditFollowUps } from '../../src/domain/documents/approvals/creditFollowUps';
import { orders } from '../../src/domain/documents/orders';
import { RefusedError } from '../core/refusal';
import { isFirstOrder } from '../../src/domain/rules/customerTerms';
import { actOnDoc, createDoc } from '../core/documents';
import { runDailyJobs } from '../jobs/customerJobs';
import type { SeedDocsContext } from './walk';

/**
 * Issue 21's states in the demo: first orders asking for credit handed to the sales rep (5.5.2,
 * through the order service: refused as credit, the hand-off recorded — one of them handled),
 * then what the server's daily job finds on the seeded branch — tiers from the seeded orders
 * (5.6.2, audited) and the credit lines due for their half-yearly review (5.11.4).
 */
export async function seedCreditFollowUps(
  ctx: SeedDocsContext,
  customers: DocRecord[],
  products: DocRecord[],
): Promise<{ creditFollowUps: number }> {
  const deps = { store: ctx.store, now: () => ctx.now };
  const product = products.find((p) => p.catalog === true && p.active !== false && Number(p.stock ?? 0) > 5);
  const assistant = ctx.user('assistant2');
  const rep = ctx.user('salesrep');
  let handedOver = 0;
  for (const c of customers.filter((x) => isFirstOrder(x) && x.active !== false).slice(0, 3)) {
    if (!product) break;
    const body = {
      customerId: Number(c.id),
      channel: 'phone',
      paymentMethod: 'credit',
      linesConfirmed: true,
      lines: [{ productId: Number(product.id), qty: 2, unitPrice: Number(product.catalogPrice) }],
    };
    try {
      await createDoc(deps, orders, assistant, body);
    } catch (e) {
      if (!(e instanceof RefusedError) || e.refusal.rule !== '5.5.2') throw e;
      handedOver += 1;
    }
  }
  // the rep has taken up the first one
  const { rows } = await ctx.store.list('creditFollowUps', {
    filter: { kind: 'firstCreditOrder', status: 'open' },
    sort: { field: 'id', order: 'ASC' },
    range: [0, 0],
  });
  if (rows[0])
    await actOnDoc(deps, creditFollowUps, rep, Number(rows[0].id), 'handle', {
      outcome: '已与客户洽谈：先按现金订货，合作满三个月且月订货额达5000元后再申请赊销信用 (5.11.1)',
    });
  const { reviewsQueued } = await runDailyJobs(ctx.store, ctx.now);
  return { creditFollowUps: handedOver + reviewsQueued };
}
