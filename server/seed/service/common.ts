import type { DocRecord } from '../../../src/domain/definition';
import type { Actor } from '../../../src/domain/roles';
import { walk, type SeedDocsContext } from '../walk';

export type Step = { action: string; by: Actor; comment?: string };

/** Create at times[0] and take `steps` at times[1..]: the real services, the real rules. */
export function walkAt(
  ctx: SeedDocsContext,
  resource: string,
  by: Actor,
  body: DocRecord,
  steps: Step[],
  times: Date[],
): Promise<DocRecord> {
  if (times.length !== steps.length + 1)
    throw new Error(`seed ${resource}: ${steps.length} steps need ${steps.length + 1} times`);
  return walk(
    ctx,
    resource,
    { by, at: times[0], body },
    steps.map((s, i) => ({ ...s, at: times[i + 1] })),
  );
}

/** Gaps (working minutes) for a chain of `n` instants, each between lo and hi. */
export const gaps = (ctx: SeedDocsContext, n: number, lo: number, hi: number): number[] =>
  Array.from({ length: n }, () => ctx.rng.float(lo, hi));

/** Trading, active customers (they have a first trade before `before`). */
export async function tradingCustomers(ctx: SeedDocsContext, before: Date): Promise<DocRecord[]> {
  const { rows } = await ctx.store.list('customers', {
    filter: { active: true },
    sort: { field: 'id', order: 'ASC' },
    range: [0, 999],
  });
  return rows.filter(
    (c) => typeof c.firstTradeAt === 'string' && Date.parse(String(c.firstTradeAt)) < before.getTime(),
  );
}

/** The assistant who looks after a customer, else one of the assistants. */
export function assistantFor(ctx: SeedDocsContext, customer: DocRecord): Actor {
  const own = ctx.users.find((u) => u.id === Number(customer.assistantId) && u.role === 'assistant');
  return own ?? ctx.rng.pick(ctx.users.filter((u) => u.role === 'assistant'));
}
