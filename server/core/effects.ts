import type { DocRecord } from '../../src/domain/definition';
import { getDefinition } from '../../src/domain/documents';
import { ruleRefusal } from '../../src/domain/refusal';
import { RefusedError } from './refusal';
import type { Actor } from '../../src/domain/roles';
import type { Effect } from '../../src/domain/workflow';
import type { Tx } from '../store/types';
import { createInTx } from './documents';

/**
 * Carries out a step's effects on other records, in the step's transaction, each audited.
 * Returns the link fields to set on the acting document (e.g. `orderId` of the order created).
 */
export async function applyEffects(
  tx: Tx,
  effects: Effect[],
  actor: Actor,
  now: Date,
  source: string,
  doc: DocRecord,
): Promise<DocRecord> {
  const links: DocRecord = {};
  const at = now.toISOString();
  const why = { by: `${source}#${doc.id}`, code: doc.code ?? null };
  for (const e of effects) {
    if (e.kind === 'adjustStock') {
      const p = await tx.lock('products', e.productId);
      if (!p) throw new RefusedError(ruleRefusal(e.rule, `商品 #${e.productId} 不存在`, `No product #${e.productId}`));
      const stock = Number(p.stock ?? 0) + e.delta;
      if (stock < 0)
        throw new RefusedError(
          ruleRefusal(
            e.rule,
            `${p.name} 库存不足（现有 ${p.stock}，需 ${-e.delta}）`,
            `Not enough stock of ${p.name} (${p.stock} on hand, ${-e.delta} needed)`,
          ),
        );
      await updateSystem(tx, 'products', p, { stock }, at);
      await tx.audit({
        at,
        userId: actor.id,
        userName: actor.fullName,
        resource: 'products',
        recordId: Number(p.id),
        code: String(p.sku ?? ''),
        action: 'stock',
        changes: { stock: [p.stock, stock], ...why },
      });
    } else if (e.kind === 'patch') {
      const r = await tx.lock(e.resource, e.id);
      if (!r) throw new RefusedError(ruleRefusal(e.rule, `${e.resource} #${e.id} 不存在`, `No ${e.resource} #${e.id}`));
      await updateSystem(tx, e.resource, r, e.patch, at);
      const changes = Object.fromEntries(Object.keys(e.patch).map((k) => [k, [r[k] ?? null, e.patch[k] ?? null]]));
      await tx.audit({
        at,
        userId: actor.id,
        userName: actor.fullName,
        resource: e.resource,
        recordId: e.id,
        code: (r.code as string) ?? null,
        action: 'effect',
        changes: { ...changes, ...why },
      });
    } else {
      const def = getDefinition(e.resource);
      if (!def) throw new Error(`effect on unknown resource ${e.resource}`);
      const created = await createInTx(tx, def, actor, e.record, now, `create from ${source}`);
      if (e.link) links[e.link] = created.id;
    }
  }
  return links;
}

async function updateSystem(tx: Tx, resource: string, current: DocRecord, patch: DocRecord, at: string) {
  const next = { ...current, ...patch, version: Number(current.version) + 1, updatedAt: at } as DocRecord & {
    id: number;
  };
  if (!(await tx.update(resource, next, Number(current.version))))
    throw new Error(`concurrent change of ${resource} #${current.id}`);
}
