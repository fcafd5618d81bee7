import { shanghaiDate } from './calendar';
import type { DocRecord } from './definition';
import { creditApplications } from './documents/approvals/creditApplications';
import { orders } from './documents/orders';
import { handwrittenNotes } from './documents/sales/handwrittenNotes';
import { memberships } from './documents/sales/memberships';
import { urgentDeliveries } from './documents/sales/urgentDeliveries';
import type { FactName } from './factNames';
import { lastFullMonths } from './rules/approvals/credit';
import type { View, Where } from './where';

/**
 * Facts about sets of other records, declared: how many (`count`) or how much (`sum`) of a view,
 * narrowed to the document's customer / order / assistant — the document itself never counted (`others`).
 * The server executes each through the store (server/core/facts); `decidedBy` names the row a
 * write locks before it reads the fact, so two writes never both see "none yet" (6.7.2, 6.8.2,
 * 5.2.2, 5.11.2, 5.10.4).
 */
export interface SetFact {
  /** the set: a view of its definition */
  of: View;
  /** count its rows, or add up a money/int field */
  measure: { count: true } | { sum: string };
  /** the document's own narrowing of the set; null = the document names nothing yet (the fact is 0) */
  where: (doc: DocRecord, now: Date) => Where | null;
  decidedBy?: { resource: string; field: string };
  /** the set is of the document's own type: the document itself is left out (an edit never counts itself) */
  others?: true;
}

const byRef = (field: string) => (doc: DocRecord) =>
  typeof doc[field] === 'number' ? { [field]: doc[field] as number } : null;

export const SET_FACTS: Partial<Record<FactName, SetFact>> = {
  /** 5.10.4 credit in use: this customer's other open credit orders */
  creditUsed: {
    of: orders.views.usingCredit,
    measure: { sum: 'total' },
    where: byRef('customerId'),
    decidedBy: { resource: 'customers', field: 'customerId' },
    others: true,
  },
  /**
   * 5.11.1 / 6.12.1 the customer's delivered or closed orders of the last 3 full calendar months
   * (Shanghai), in yuan: the rules divide by 3 for the monthly average.
   */
  customerOrders3FullMonths: {
    of: orders.views.traded,
    measure: { sum: 'total' },
    where: (doc, now) => {
      if (typeof doc.customerId !== 'number') return null;
      const { from, to } = lastFullMonths(now);
      return { customerId: doc.customerId, receivedAt_gte: from, receivedAt_lte: to };
    },
  },
  /** 6.7.2 one handwritten delivery note per order: the order's other notes that stand */
  openHandwrittenNotes: {
    of: handwrittenNotes.views.standing,
    measure: { count: true },
    where: byRef('orderId'),
    decidedBy: { resource: 'orders', field: 'orderId' },
    others: true,
  },
  /** 6.8.2 one urgent delivery letter per order: the order's other letters that stand */
  openUrgentDeliveries: {
    of: urgentDeliveries.views.standing,
    measure: { count: true },
    where: byRef('orderId'),
    decidedBy: { resource: 'orders', field: 'orderId' },
    others: true,
  },
  /** 5.2.2 one open membership offer / application per customer */
  openMemberships: {
    of: memberships.views.open,
    measure: { count: true },
    where: byRef('customerId'),
    decidedBy: { resource: 'customers', field: 'customerId' },
    others: true,
  },
  /** 5.11.2 other credit applications of the customer still under way */
  openCreditApplications: {
    of: creditApplications.views.open,
    measure: { count: true },
    where: byRef('customerId'),
    decidedBy: { resource: 'customers', field: 'customerId' },
    others: true,
  },
  /** 6.1.6 this assistant's other work logs of the same day (one a day) */
  workLogsSameDay: {
    of: { resource: 'workLogs', where: {} },
    measure: { count: true },
    // the day as computeWorkLog defaults it
    where: (doc, now) =>
      typeof doc.assistantId === 'number'
        ? {
            assistantId: doc.assistantId,
            date: typeof doc.date === 'string' && doc.date ? doc.date : shanghaiDate(now),
          }
        : null,
    decidedBy: { resource: 'users', field: 'assistantId' },
    others: true,
  },
};
