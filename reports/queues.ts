import { addDays, shanghaiDate } from '../src/domain/calendar';
import { DEFINITIONS } from '../src/domain/documents';
import type { Role } from '../src/domain/roles';
import { rolesWaitingOn, type StateDef } from '../src/domain/workflow';
import type { ReportSource } from './source';

/**
 * Queues at a glance: pending approvals by role, web orders waiting confirmation (and those past
 * their 10 minutes, 5.1.1), overdue sample loans (6.11.2), quotes about to expire (6.4.4), credit
 * lines due for their half-yearly review (5.11.4).
 */
export interface Queues {
  pendingByRole: { role: Role; resource: string; status: string; count: number }[];
  /**
   * documents waiting, each once: an approved order waits on the order desk and the warehouse and
   * is listed under both in `pendingByRole`, but it is one document
   */
  pendingDocuments: number;
  webOrdersWaiting: number;
  webOrdersOverdue: number;
  overdueLoans: number;
  quotesExpiringSoon: number;
  creditReviewsDue: number;
}

/** quotes "about to expire": valid until within this many days */
export const QUOTE_EXPIRY_WARNING_DAYS = 3;
/** credit reviews shown this many days before they fall due */
export const CREDIT_REVIEW_WARNING_DAYS = 30;

/** the credit customers whose half-yearly review (5.11.4) falls due within the warning days (the list link uses it too) */
export const creditReviewsDueFilter = (today: string): Record<string, string> => ({ settlement: 'credit', creditReviewDue_lte: addDays(today, CREDIT_REVIEW_WARNING_DAYS) });

/** the fields the states' waitingWhere look at */
const whereFields = (states: readonly StateDef[]): string[] => [...new Set(states.flatMap((st) => Object.values(st.waitingWhere ?? {}).flatMap((w) => Object.keys(w ?? {}))))];

export async function queues(src: ReportSource, now: Date): Promise<Queues> {
  const iso = now.toISOString();
  const today = shanghaiDate(now);
  const pendingByRole: Queues['pendingByRole'] = [];
  // every document family asked at once (a PostgreSQL server answers them in parallel), read in definition order
  const families = Object.values(DEFINITIONS).flatMap((def) => {
    const wf = def.workflow;
    const waiting = wf ? Object.entries(wf.states).filter(([, s]) => (s.waitingOn ?? []).some((r) => r !== 'assistant')) : [];
    return wf && waiting.length ? [{ def, wf, waiting }] : [];
  });
  const one = async (resource: string, filter: Record<string, string | string[]>) => Number((await src.aggregate(resource, { filter, groupBy: [], measures: { n: { op: 'count' } } }))[0]?.n ?? 0);
  // the families' counts and the five queues asked together (one statement on PostgreSQL)
  const [counted, [webOrdersWaiting, webOrdersOverdue, overdueLoans, quotesExpiringSoon, creditReviewsDue]] = await Promise.all([
    // grouped by status, and by the fields that decide which roles a document waits on (waitingWhere: a picked cash order waits on finance, 5.4.2)
    Promise.all(families.map(({ def, waiting }) => src.aggregate(def.resource, { filter: { status: waiting.map(([k]) => k) }, groupBy: [{ field: 'status' }, ...whereFields(waiting.map(([, st]) => st)).map((field) => ({ field }))], measures: { count: { op: 'count' } } }))),
    Promise.all([
      one('orders', { status: 'pendingConfirmation' }),
      one('orders', { status: 'pendingConfirmation', confirmDeadline_lte: iso }),
      one('sampleLoans', { status: 'out', dueAt_lte: iso }),
      one('quotes', { status: ['sent', 'accepted'], validUntil_gte: today, validUntil_lte: addDays(today, QUOTE_EXPIRY_WARNING_DAYS) }),
      // 5.11.4 every credit customer carries its review date (set when its line is granted)
      one('customers', creditReviewsDueFilter(today)),
    ]),
  ]);
  let pendingDocuments = 0;
  families.forEach(({ def, wf }, i) => {
    for (const c of counted[i]) {
      pendingDocuments += Number(c.count);
      const state = wf.states[String(c.status)];
      for (const role of rolesWaitingOn(state, c)) {
        if (role === 'assistant') continue;
        const same = pendingByRole.find((p) => p.role === role && p.resource === def.resource && p.status === String(c.status));
        if (same) same.count += Number(c.count);
        else pendingByRole.push({ role, resource: def.resource, status: String(c.status), count: Number(c.count) });
      }
    }
  });
  return { pendingByRole, pendingDocuments, webOrdersWaiting, webOrdersOverdue, overdueLoans, quotesExpiringSoon, creditReviewsDue };
}
