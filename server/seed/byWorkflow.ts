import {
  canRole,
  isWritable,
  type DocRecord,
  type DocumentDefinition,
  type FieldDef,
} from '../../src/domain/definition';
import type { Actor } from '../../src/domain/roles';
import { RefusedError } from '../../src/domain/refusal';
import type { Filter } from '../store/types';
import { addWorkMinutes, backWork, shanghaiDate } from './clock';
import { actAs, createAs, type SeedDocsContext } from './walk';

/**
 * The seed of a document type that has no seed module of its own: one document in every state its
 * workflow reaches, found by walking the workflow's graph breadth first from the initial state (the
 * shortest path of steps to each state; a step whose target depends on the document is taken to see
 * where it sends the sample). Each document is created from its definition — required fields and
 * defaults: the first record of a reference (within its picker's filter), the first choice, a
 * figure within its bounds, today — by a user whose role may create it, and walked through the
 * real services (rules, routing, effects, audit) by users whose roles take each step (another user
 * than the author where one may: no self-approval), at working times up to `now`.
 */

const COMMENT = '示例数据 (seed)';

async function sampleValue(ctx: SeedDocsContext, f: FieldDef, doc: DocRecord, at: Date): Promise<unknown> {
  if (f.default !== undefined) return f.default;
  const bounded = (v: number) => Math.min(f.max ?? v, Math.max(f.min ?? v, v));
  switch (f.type) {
    case 'text':
    case 'longText':
      return f.label.zh.slice(0, f.maxLength ?? 100);
    case 'int':
      return bounded(f.min ?? 1);
    case 'money':
      return bounded(100);
    case 'bool':
      return false;
    case 'enum':
      return Object.keys(f.options ?? {})[0];
    case 'date':
      return shanghaiDate(at);
    case 'datetime':
      return at.toISOString();
    case 'ref': {
      const filter = Object.fromEntries(
        Object.entries(f.pick?.filter(doc) ?? {}).map(([k, v]) => [
          k,
          Array.isArray(v) ? [...(v as (string | number)[])] : v,
        ]),
      ) as Filter;
      const { rows } = await ctx.store.list(f.ref!, { filter, sort: { field: 'id', order: 'ASC' }, range: [0, 0] });
      return rows[0]?.id;
    }
    case 'lines': {
      const line: DocRecord = {};
      for (const [name, lf] of Object.entries(f.lineFields ?? {}))
        if (lf.required && !lf.computed && !lf.readOnly) line[name] = await sampleValue(ctx, lf, line, at);
      return [line];
    }
  }
}

/** The body of a new document: its required and defaulted inputs. */
async function sampleBody(
  ctx: SeedDocsContext,
  def: DocumentDefinition,
  at: Date,
  only?: readonly string[],
): Promise<DocRecord> {
  const doc: DocRecord = {};
  for (const [name, f] of Object.entries(def.fields)) {
    if (only ? !only.includes(name) : !isWritable(def, name) || (!f.required && f.default === undefined)) continue;
    const v = await sampleValue(ctx, f, doc, at);
    if (v !== undefined) doc[name] = v;
  }
  return doc;
}

/** Users who may take `action` on `doc`: the author first for their own steps, last for approvals (no self-approval). */
function takers(ctx: SeedDocsContext, def: DocumentDefinition, doc: DocRecord, action: string): Actor[] {
  const steps = def.workflow!.transitions.filter((t) => t.action === action && t.from.includes(String(doc.status)));
  const roles = new Set(steps.flatMap((t) => t.roles));
  const users = ctx.users.filter((u) => roles.has(u.role));
  const mine = users.filter((u) => u.id === doc.createdBy);
  const others = users.filter((u) => u.id !== doc.createdBy);
  return steps.some((t) => t.decision === 'approve') ? [...others, ...mine] : [...mine, ...others];
}

/** One document in every reachable state of `def`'s workflow; returns how many were made. */
export async function seedByWorkflow(ctx: SeedDocsContext, def: DocumentDefinition): Promise<number> {
  const wf = def.workflow;
  if (!wf) return 0;
  const author =
    ctx.users.find((u) => u.role === 'assistant' && canRole(def.access.create, u.role)) ??
    ctx.users.find((u) => canRole(def.access.create, u.role));
  if (!author) return 0;
  // breadth first: a document per path; a path ends where its document is, and goes on by each step from there —
  // to a state not reached nor planned yet, or (a target that depends on the document) to wherever the step sends it
  const reached = new Set<string>();
  const planned = new Set<string>();
  const tried = new Set<string>();
  const queue: string[][] = [[]];
  let made = 0;
  while (queue.length > 0) {
    const actions = queue.shift()!;
    const rec = await walkPath(ctx, def, author, actions, made++);
    const state = String(rec.status);
    if (reached.has(state)) continue;
    reached.add(state);
    for (const t of wf.transitions) {
      if (!t.from.includes(state)) continue;
      if (typeof t.to === 'string') {
        if (reached.has(t.to) || planned.has(t.to)) continue;
        planned.add(t.to);
      } else if (tried.has(`${state} ${t.action}`)) continue;
      tried.add(`${state} ${t.action}`);
      queue.push([...actions, t.action]);
    }
  }
  return made;
}

/** A new document, taken through `actions` by the users who may, a few working minutes apart. */
async function walkPath(
  ctx: SeedDocsContext,
  def: DocumentDefinition,
  author: Actor,
  actions: readonly string[],
  k: number,
): Promise<DocRecord> {
  const wf = def.workflow!;
  // the earlier paths started first: a few working hours apart, the last ones ending before now
  let at = backWork(ctx.now, 60 * (8 - Math.min(k, 7)) + 30);
  let rec = await createAs(ctx, def.resource, author, await sampleBody(ctx, def, at), at);
  for (const action of actions) {
    at = addWorkMinutes(at, 20);
    if (at > ctx.now) at = ctx.now;
    const step = wf.transitions.find((t) => t.action === action && t.from.includes(String(rec.status)));
    const extra: DocRecord = {
      ...(step?.commentRequired ? { comment: COMMENT } : {}),
      ...(step?.params ? await sampleBody(ctx, def, at, step.params) : {}),
    };
    let done = false;
    let last: unknown;
    for (const by of takers(ctx, def, rec, action)) {
      try {
        rec = await actAs(ctx, def.resource, Number(rec.id), action, by, at, extra);
        done = true;
        break;
      } catch (e) {
        // another user may (ownership, self-approval); anything else is the definition's to answer
        if (!(e instanceof RefusedError) || (e.refusal.status !== 403 && e.refusal.status !== 404))
          throw seedError(def, action, e);
        last = e;
      }
    }
    if (!done) throw seedError(def, action, last);
  }
  return rec;
}

const seedError = (def: DocumentDefinition, action: string, e: unknown) =>
  new Error(
    `seeding ${def.resource} by its workflow: ${action} refused — ${e instanceof RefusedError ? e.refusal.message.en : String(e)}`,
  );
