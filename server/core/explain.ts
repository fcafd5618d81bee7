import { canRole, type DocumentDefinition } from '../../src/domain/definition';
import { explain } from '../../src/domain/explain';
import { RefusedError, refusal } from './refusal';
import type { Actor } from '../../src/domain/roles';
import { getDoc, type DocDeps } from './documents';
import { loadContext, loadSettings } from './context';

/**
 * GET /api/<res>/<id>/facts — what the approver sees beside the document: why it waits on whom
 * (in words with the clause) and the facts the rules used (credit, stock, margin …), from the same
 * context the document's rules and steps run on now (src/domain/explain.ts). `values` are the raw
 * named facts (e.g. creditUsed).
 */
export async function factsOf(deps: DocDeps, def: DocumentDefinition, actor: Actor, id: number) {
  if (!canRole(def.access.read, actor.role))
    throw new RefusedError(refusal(403, '您的角色不能查看此类资料', 'Your role may not read these records'));
  const [rec, settings] = await Promise.all([getDoc(deps.store, def, actor, id), loadSettings(deps.store)]);
  const ctx = await loadContext(deps.store, def, rec, actor, deps.now(), settings);
  return { ...explain(def, rec, ctx), values: ctx.facts };
}
