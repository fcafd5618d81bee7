import { DEFINITIONS } from '../src/domain/documents';
import { QUEUE_NAMES, queueViews, waitingOnOthers } from '../src/domain/queues';
import type { Queues } from '../src/domain/reportTypes';
import type { View } from '../src/domain/where';
import { rolesWaitingOn, type StateDef } from '../src/domain/workflow';
import type { ReportSource } from './source';

/**
 * Queues at a glance (the views of src/domain/queues.ts): pending approvals by role, web orders waiting confirmation (and those past
 * their 10 minutes, 5.1.1), overdue sample loans (6.11.2), quotes about to expire (6.4.4), credit
 * lines due for their half-yearly review (5.11.4).
 */
export type { Queues };

/** the fields the states' waitingWhere look at */
const whereFields = (states: readonly StateDef[]): string[] => [
  ...new Set(states.flatMap((st) => Object.values(st.waitingWhere ?? {}).flatMap((w) => Object.keys(w ?? {})))),
];
/** …worked out once per workflow (a definition never changes after it is registered) */
const fieldsByWorkflow = new WeakMap<object, string[]>();
const whereFieldsOf = (states: Record<string, StateDef>): string[] => {
  let fields = fieldsByWorkflow.get(states);
  if (!fields) fieldsByWorkflow.set(states, (fields = whereFields(Object.values(states))));
  return fields;
};

export async function queues(src: ReportSource, now: Date): Promise<Queues> {
  const pendingByRole: Queues['pendingByRole'] = [];
  // every document family asked at once (a PostgreSQL server answers them in parallel), read in definition order
  const families = Object.values(DEFINITIONS).flatMap((def) => {
    const waiting = waitingOnOthers(def);
    return def.workflow && waiting ? [{ def, wf: def.workflow, waiting }] : [];
  });
  const count = async (v: View) =>
    Number(
      (await src.aggregate(v.resource, { filter: v.where, groupBy: [], measures: { n: { op: 'count' } } }))[0]?.n ?? 0,
    );
  const views = queueViews(now);
  // the families' counts and the five queues asked together (one statement on PostgreSQL)
  const [counted, figures] = await Promise.all([
    // grouped by status, and by the fields that decide which roles a document waits on (waitingWhere: a picked cash order waits on finance, 5.4.2)
    Promise.all(
      families.map(({ wf, waiting }) =>
        src.aggregate(waiting.resource, {
          filter: waiting.where,
          groupBy: [{ field: 'status' }, ...whereFieldsOf(wf.states).map((field) => ({ field }))],
          measures: { count: { op: 'count' } },
        }),
      ),
    ),
    Promise.all(QUEUE_NAMES.map((name) => count(views[name]))),
  ]);
  let pendingDocuments = 0;
  families.forEach(({ def, wf }, i) => {
    for (const c of counted[i]) {
      pendingDocuments += Number(c.count);
      const state = wf.states[String(c.status)];
      for (const role of rolesWaitingOn(state, c)) {
        if (role === 'assistant') continue;
        const same = pendingByRole.find(
          (p) => p.role === role && p.resource === def.resource && p.status === String(c.status),
        );
        if (same) same.count += Number(c.count);
        else pendingByRole.push({ role, resource: def.resource, status: String(c.status), count: Number(c.count) });
      }
    }
  });
  const [webOrdersWaiting, webOrdersOverdue, overdueLoans, quotesExpiringSoon, creditReviewsDue] = figures;
  return {
    pendingByRole,
    pendingDocuments,
    webOrdersWaiting,
    webOrdersOverdue,
    overdueLoans,
    quotesExpiringSoon,
    creditReviewsDue,
  };
}
