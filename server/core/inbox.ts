import { readScope } from '../../src/domain/access';
import { canRole, type DocRecord, type RuleContext } from '../../src/domain/definition';
import { DEFINITIONS } from '../../src/domain/documents';
import type { Actor } from '../../src/domain/roles';
import type { InboxItem } from '../../src/domain/inbox';
import { availableActions } from '../../src/domain/workflow';

export type { InboxItem };
import type { Filter, Store } from '../store/types';

/**
 * "My work": every document waiting on the caller — states whose `waitingOn` names their role
 * (for assistants, only the documents they own) — oldest deadline first.
 */

const PER_RESOURCE = 200;

/** enough context for the actor checks of a step (who may take it), not its business guards */
const bareContext = (user: Actor): RuleContext => ({ now: new Date(), user, refs: {}, lineRefs: {}, facts: {}, settings: {} });

export async function myWork(store: Store, actor: Actor): Promise<InboxItem[]> {
  // every question asked at once (a PostgreSQL server answers them in parallel); the answer is sorted after
  const asks: Promise<InboxItem[]>[] = [];
  for (const def of Object.values(DEFINITIONS)) {
    const wf = def.workflow;
    if (!wf || !canRole(def.access.read, actor.role)) continue;
    const states = Object.entries(wf.states).filter(([, s]) => s.waitingOn?.includes(actor.role)).map(([k]) => k);
    if (states.length === 0) continue;
    const scope = readScope(def, actor);
    const visible = scope?.status ? states.filter((s) => (scope.status as string[]).includes(s)) : states;
    // states grouped by the field that holds their deadline
    const byField = new Map<string, string[]>();
    for (const st of visible) {
      const field = def.stateDeadlines?.[st] ?? def.deadlineField ?? 'createdAt';
      byField.set(field, [...(byField.get(field) ?? []), st]);
    }
    for (const [field, group] of byField) {
      const filters: Filter[] = [{ status: group }];
      if (actor.role === 'assistant' && def.ownerField) {
        // assistants: their own documents, and unowned ones they may take (e.g. new web orders)
        filters.splice(0, 1, { status: group, [def.ownerField]: actor.id }, { status: group, [def.ownerField]: null });
      }
      for (const [i, filter] of filters.entries()) {
        asks.push(
          store.list(def.resource, { filter, sort: { field, order: 'ASC' }, range: [0, PER_RESOURCE - 1], total: false }).then(({ rows }) => {
            const mine = i === 0 ? rows : rows.filter((r) => availableActions(wf, r, bareContext(actor)).length > 0);
            return mine.map((r) => toItem(def.resource, r, field === 'createdAt' ? undefined : field));
          }),
        );
      }
    }
  }
  const items = (await Promise.all(asks)).flat();
  return items.sort((a, b) => cmpDeadline(a, b));
}

function toItem(resource: string, r: DocRecord, deadlineField?: string): InboxItem {
  return {
    resource,
    id: Number(r.id),
    code: (r.code as string) ?? null,
    status: String(r.status),
    deadline: deadlineField ? ((r[deadlineField] as string) ?? null) : null,
    customerName: (r.customerName as string) ?? null,
    total: typeof r.total === 'number' ? r.total : null,
    createdAt: (r.createdAt as string) ?? null,
  };
}

const cmpDeadline = (a: InboxItem, b: InboxItem) => {
  if (a.deadline && b.deadline) return a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0;
  if (a.deadline) return -1;
  if (b.deadline) return 1;
  return String(a.createdAt) < String(b.createdAt) ? -1 : 1;
};
