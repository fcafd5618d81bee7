import type { FactName } from '../../../src/domain/factNames';
import { returns } from '../../../src/domain/documents/service/returns';
import { decidedBy, refRow, type FactLoader } from './types';

/** Facts the rules of this family need from other records, by name. */
export const serviceFacts: Partial<Record<FactName, FactLoader>> = {
  /**
   * 6.9.1 what the order's other returns already take back: {productId: qty} as JSON (a bounded
   * list — the returns of one order, found by its indexed order_id column). Decided with the order locked.
   */
  returnedQty: decidedBy(refRow('orders', 'orderId'), async (r, doc) => {
    if (typeof doc.orderId !== 'number') return '{}';
    const { rows } = await r.list('returns', {
      filter: { ...returns.views.holding.where, orderId: doc.orderId, ...(doc.id ? { id_neq: Number(doc.id) } : {}) },
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
};
