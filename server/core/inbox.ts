import { readScope } from '../../src/domain/access';
import { isOverdue, runningDeadline } from '../../src/domain/deadline';
import { canRole, type DocRecord, type DocumentDefinition, type RuleContext } from '../../src/domain/definition';
import { DEFINITIONS, getDefinition } from '../../src/domain/documents';
import { inboxColumnField, inboxColumns, lastRejection, type InboxItem } from '../../src/domain/inbox';
import { recordName } from '../../src/domain/present';
import { waitingStates } from '../../src/domain/queues';
import type { Actor } from '../../src/domain/roles';
import { availableActions, returnedStates } from '../../src/domain/workflow';
import type { Filter, Store } from '../store/types';

export type { InboxItem };

/**
 * "My work": every document waiting on the caller — states whose `waitingOn` names their role
 * (for assistants, only the documents they own) — oldest deadline first; each with its type's
 * inbox columns for the caller's role (references named, `customerId.route` read from the
 * customer), its running deadline and clock, whether it is overdue, and — returned to its
 * author — the reason.
 */

const PER_RESOURCE = 200;

/** enough context for the actor checks of a step (who may take it), not its business guards */
const bareContext = (user: Actor): RuleContext => ({
  now: new Date(),
  user,
  refs: {},
  lineRefs: {},
  facts: {},
  settings: {},
});

export async function myWork(store: Store, actor: Actor, now: Date = new Date()): Promise<InboxItem[]> {
  // every question asked at once (a PostgreSQL server answers them in parallel); the answer is sorted after
  const asks: Promise<{ def: DocumentDefinition; rows: DocRecord[] }>[] = [];
  for (const def of Object.values(DEFINITIONS)) {
    const wf = def.workflow;
    if (!wf || !canRole(def.access.read, actor.role)) continue;
    // the view of the documents waiting on the caller's role (src/domain/queues.ts), narrowed to what they may read
    const states = waitingStates(def, (r) => r === actor.role);
    if (states.length === 0) continue;
    const scope = readScope(def, actor);
    const visible = scope?.status ? states.filter((s) => (scope.status as string[]).includes(s)) : states;
    // states grouped by the field that holds their deadline, and by what else a document must be to wait on this role (waitingWhere)
    const byField = new Map<string, { field: string; where: Filter; group: string[] }>();
    for (const st of visible) {
      const own = def.stateDeadlines ?? {};
      const field = (Object.hasOwn(own, st) ? own[st] : def.deadlineField) ?? 'createdAt';
      const where: Filter = { ...(wf.states[st].waitingWhere?.[actor.role] ?? {}) };
      const key = `${field} ${JSON.stringify(where)}`;
      const entry = byField.get(key) ?? { field, where, group: [] };
      entry.group.push(st);
      byField.set(key, entry);
    }
    for (const { field, where, group } of byField.values()) {
      const filters: Filter[] = [{ ...where, status: group }];
      if (actor.role === 'assistant' && def.ownerField) {
        // assistants: their own documents, and unowned ones they may take (e.g. new web orders)
        filters.splice(
          0,
          1,
          { ...where, status: group, [def.ownerField]: actor.id },
          { ...where, status: group, [def.ownerField]: null },
        );
      }
      for (const [i, filter] of filters.entries()) {
        asks.push(
          store
            .list(def.resource, { filter, sort: { field, order: 'ASC' }, range: [0, PER_RESOURCE - 1], total: false })
            .then(({ rows }) => ({
              def,
              rows: i === 0 ? rows : rows.filter((r) => availableActions(wf, r, bareContext(actor)).length > 0),
            })),
        );
      }
    }
  }
  const found = await Promise.all(asks);
  const names = await referencedRecords(store, actor, found);
  const items = found.flatMap(({ def, rows }) => rows.map((r) => toItem(def, r, actor, now, names)));
  return items.sort(cmpDeadline);
}

type Referenced = Map<string, Map<number, DocRecord>>;

/** the records the inbox columns reference (a customer's name, a driver's route), read once per resource */
async function referencedRecords(
  store: Store,
  actor: Actor,
  found: { def: DocumentDefinition; rows: DocRecord[] }[],
): Promise<Referenced> {
  const wanted = new Map<string, Set<number>>();
  for (const { def, rows } of found) {
    for (const col of inboxColumns(def, actor.role)) {
      const head = col.split('.', 1)[0];
      const f = def.fields[head];
      if (f?.type !== 'ref' || !f.ref || !getDefinition(f.ref)) continue;
      const ids = wanted.get(f.ref) ?? new Set<number>();
      for (const r of rows) if (typeof r[head] === 'number') ids.add(r[head] as number);
      wanted.set(f.ref, ids);
    }
  }
  const out: Referenced = new Map();
  await Promise.all(
    [...wanted].map(async ([resource, ids]) => {
      const rows = ids.size ? await store.getMany(resource, [...ids]) : [];
      out.set(resource, new Map(rows.map((r) => [Number(r.id), r])));
    }),
  );
  return out;
}

function columnValue(
  def: DocumentDefinition,
  r: DocRecord,
  col: string,
  names: Referenced,
): string | number | boolean | null {
  const [head, tail] = col.split('.', 2);
  const f = def.fields[head];
  if (f?.type === 'ref' && f.ref) {
    const target = typeof r[head] === 'number' ? names.get(f.ref)?.get(r[head] as number) : undefined;
    if (tail) {
      const v = target?.[inboxColumnField(def, col, getDefinition).field];
      return v === undefined ? null : (v as string | number | boolean | null);
    }
    return target ? recordName(f.ref, target) : ((r[head] as number | null) ?? null);
  }
  const v = r[col];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

function toItem(def: DocumentDefinition, r: DocRecord, actor: Actor, now: Date, names: Referenced): InboxItem {
  const deadline = runningDeadline(def, r);
  const returned = returnedStates(def.workflow).has(String(r.status)) ? lastRejection(r) : null;
  return {
    resource: def.resource,
    id: Number(r.id),
    code: (r.code as string) ?? null,
    status: String(r.status),
    deadline: deadline?.at ?? null,
    clock: deadline?.clock ?? 'calendar',
    overdue: isOverdue(def, r, now),
    values: Object.fromEntries(inboxColumns(def, actor.role).map((c) => [c, columnValue(def, r, c, names)])),
    returned,
    createdAt: (r.createdAt as string) ?? null,
    version: typeof r.version === 'number' ? r.version : null,
  };
}

const cmpDeadline = (a: InboxItem, b: InboxItem) => {
  if (a.deadline && b.deadline) return a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0;
  if (a.deadline) return -1;
  if (b.deadline) return 1;
  return String(a.createdAt) < String(b.createdAt) ? -1 : 1;
};
