import type { FactName } from '../../../src/domain/factNames';
import { lastFullMonths, TRADED_ORDER_STATUSES } from '../../../src/domain/rules/approvals/credit';
import { fenToYuan, yuanToFen } from '../../../src/domain/money';
import type { FactLoader } from './types';

/** Facts the rules of this family need from other records, by name (SQL through the store). */
export const approvalsFacts: Partial<Record<FactName, FactLoader>> = {
  /**
   * 5.11.1 / 6.12.1 the customer's delivered or closed orders of the last 3 full calendar months
   * (Shanghai), in yuan: the rules divide by 3 for the monthly average.
   */
  customerOrders3FullMonths: async (r, doc, now) => {
    if (typeof doc.customerId !== 'number') return 0;
    const { from, to } = lastFullMonths(now);
    const sum = await r.sum('orders', 'total', { customerId: doc.customerId, status: [...TRADED_ORDER_STATUSES], receivedAt_gte: from, receivedAt_lte: to });
    return fenToYuan(yuanToFen(sum));
  },
  /** 5.11.4 the customer's current approved credit application, which a review replaces */
  previousCreditApplicationId: async (r, doc) => {
    if (typeof doc.customerId !== 'number') return null;
    const { rows } = await r.list('creditApplications', {
      filter: { customerId: doc.customerId, status: 'approved', reviewDueAt_neq: null, ...(typeof doc.id === 'number' ? { id_neq: doc.id } : {}) },
      sort: { field: 'id', order: 'DESC' },
      range: [0, 0],
    });
    return rows[0] ? Number(rows[0].id) : null;
  },
};
