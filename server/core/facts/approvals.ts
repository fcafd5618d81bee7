import type { FactName } from '../../../src/domain/factNames';
import type { FactLoader } from './types';

/** Facts the rules of this family need from other records, by name (SQL through the store). */
export const approvalsFacts: Partial<Record<FactName, FactLoader>> = {
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
