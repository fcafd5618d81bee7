import { shanghaiDate } from '../../../src/domain/calendar';
import { RETURN_RELEASED_STATUSES } from '../../../src/domain/rules/service/returns';
import { RETURN_STATUSES } from '../../../src/domain/documents/service/returns';
import { decidedBy, refRow, type FactLoader } from './types';

/** Returns that still hold quantities of their order (all but cancelled and refused). */
const HOLDING = Object.keys(RETURN_STATUSES).filter((s) => !RETURN_RELEASED_STATUSES.includes(s));

/** Facts the rules of this family need from other records, by name. */
export const serviceFacts: Record<string, FactLoader> = {
  /**
   * 6.9.1 what the order's other returns already take back: {productId: qty} as JSON (a bounded
   * list — the returns of one order, found by its indexed order_id column). Decided with the order locked.
   */
  returnedQty: decidedBy(refRow('orders', 'orderId'), async (r, doc) => {
    if (typeof doc.orderId !== 'number') return '{}';
    const { rows } = await r.list('returns', {
      filter: { orderId: doc.orderId, status: HOLDING, ...(doc.id ? { id_neq: Number(doc.id) } : {}) },
      sort: { field: 'id', order: 'ASC' },
      range: [0, 499],
    });
    const out: Record<number, number> = {};
    for (const ret of rows) {
      for (const l of Array.isArray(ret.lines) ? (ret.lines as Record<string, unknown>[]) : []) {
        out[Number(l.productId)] = (out[Number(l.productId)] ?? 0) + (Number(l.qty) || 0);
      }
    }
    return JSON.stringify(out);
  }),
  /** 6.1.6 this assistant's other work logs for the same day (one a day; decided with the assistant's user row locked). */
  workLogsSameDay: decidedBy(refRow('users', 'assistantId'), async (r, doc, now) => {
    if (typeof doc.assistantId !== 'number') return 0;
    const day = typeof doc.date === 'string' && doc.date ? doc.date : shanghaiDate(now); // as computeWorkLog defaults it
    const { total } = await r.list('workLogs', {
      filter: { assistantId: doc.assistantId, date: day, ...(doc.id ? { id_neq: Number(doc.id) } : {}) },
      sort: { field: 'id', order: 'ASC' },
      range: [0, 0],
    });
    return total;
  }),
};
