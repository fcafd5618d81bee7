import { shanghaiDate } from './calendar';
import type { DocumentDefinition } from './definition';
import { customers } from './documents/customers';
import { orders } from './documents/orders';
import { quotes } from './documents/sales/quotes';
import { sampleLoans } from './documents/service/sampleLoans';
import type { Role } from './roles';
import { view, type View } from './where';

/**
 * The queues at a glance (the queues report, the dashboard's numbers and the lists they link
 * to): each is a view of its definition, asked for the moment `at`.
 */
export const QUEUE_NAMES = [
  'webOrdersWaiting',
  'webOrdersOverdue',
  'overdueLoans',
  'quotesExpiringSoon',
  'creditReviewsDue',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export function queueViews(at: Date): Record<QueueName, View> {
  const today = shanghaiDate(at);
  return {
    webOrdersWaiting: orders.views.awaitingConfirmation,
    webOrdersOverdue: orders.views.confirmationOverdue(at),
    overdueLoans: sampleLoans.views.overdue(at),
    quotesExpiringSoon: quotes.views.expiringSoon(today),
    creditReviewsDue: customers.views.creditReviewsDue(today),
  };
}

/** The states of a type waiting on a role `who` accepts (`waitingOn`), in workflow order. */
export function waitingStates(def: DocumentDefinition, who: (role: Role) => boolean): string[] {
  const states = def.workflow?.states ?? {};
  return Object.entries(states)
    .filter(([, s]) => (s.waitingOn ?? []).some(who))
    .map(([k]) => k);
}

/** The documents of a type waiting on a role `who` accepts; null when no state ever does. */
export function waitingView(def: DocumentDefinition, who: (role: Role) => boolean): View | null {
  const states = waitingStates(def, who);
  return states.length ? view(def.resource, { status: states }) : null;
}

/** Waiting on someone other than the clerk who owns it: what the queues report counts per role. */
export const waitingOnOthers = (def: DocumentDefinition) => waitingView(def, (r) => r !== 'assistant');
