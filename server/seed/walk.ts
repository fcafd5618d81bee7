import type { DocRecord } from '../../src/domain/definition';
import { getDefinition } from '../../src/domain/documents';
import type { Actor } from '../../src/domain/roles';
import { actOnDoc, createDoc } from '../core/documents';
import type { Store } from '../store/types';
import type { Rng } from './random';
import { readyToShip } from './shipping';

/**
 * Seeding documents through the real services: a document is created and walked through its
 * workflow by the users who would do it, at the times they would, so every seeded document in
 * every state passes the same rules, routing and effects (stock) as one entered in the app.
 */
export interface SeedDocsContext {
  store: Store;
  now: Date;
  rng: Rng;
  users: Actor[];
  /** the user of a demo username (e.g. 'csmanager') */
  user: (username: string) => Actor;
}

export function createAs(
  ctx: SeedDocsContext,
  resource: string,
  by: Actor,
  body: DocRecord,
  at: Date,
): Promise<DocRecord> {
  const def = getDefinition(resource);
  if (!def) throw new Error(`no definition ${resource}`);
  return createDoc({ store: ctx.store, now: () => at }, def, by, body);
}

export async function actAs(
  ctx: SeedDocsContext,
  resource: string,
  id: number,
  action: string,
  by: Actor,
  at: Date,
  extra: DocRecord = {},
): Promise<DocRecord> {
  const def = getDefinition(resource);
  if (!def) throw new Error(`no definition ${resource}`);
  // an order goes out with its printed delivery list and, paid in cash, its invoice (6.2.4, 5.4.2)
  if (resource === 'orders' && action === 'ship')
    await readyToShip(ctx.store, id, { orderDesk: ctx.user('orderdesk'), finance: ctx.user('finance') }, at);
  return actOnDoc({ store: ctx.store, now: () => at }, def, by, id, action, extra);
}

/** Create, then take the steps in order; each step at its own time. Returns the final record. */
export async function walk(
  ctx: SeedDocsContext,
  resource: string,
  create: { by: Actor; at: Date; body: DocRecord },
  steps: { action: string; by: Actor; at: Date; comment?: string; extra?: DocRecord }[],
): Promise<DocRecord> {
  let rec = await createAs(ctx, resource, create.by, create.body, create.at);
  for (const s of steps)
    rec = await actAs(ctx, resource, Number(rec.id), s.action, s.by, s.at, {
      ...(s.extra ?? {}),
      ...(s.comment ? { comment: s.comment } : {}),
    });
  return rec;
}
