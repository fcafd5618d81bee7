import { OPEN_CREDIT_APPLICATION_STATUSES } from '../../../src/domain/documents/approvals/creditApplications';
import { lastFullMonths, TRADED_ORDER_STATUSES } from '../../../src/domain/rules/approvals/credit';
import { fenToYuan, yuanToFen } from '../../../src/domain/money';
import { catalogNamesFact, freeTextGiftNames } from '../../../src/domain/rules/approvals/giftNames';
import { decidedBy, refRow, type FactLoader } from './types';

/** Facts the rules of this family need from other records, by name (SQL through the store). */
export const approvalsFacts: Record<string, FactLoader> = {
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
  /**
   * 6.12.2 the free-text gift lines' names that are catalog products' names, each with the lowest
   * catalog price of the catalog products so named (JSON; null when none is)
   */
  giftCatalogNames: async (r, doc) => {
    const names = freeTextGiftNames(doc);
    if (names.length === 0) return null;
    const { rows } = await r.list('products', { filter: { name: names, catalog: true }, sort: { field: 'id', order: 'ASC' }, range: null, total: false });
    const prices: Record<string, number> = {};
    for (const p of rows) {
      const name = String(p.name);
      const had = Object.hasOwn(prices, name) ? prices[name] : undefined;
      if (typeof p.catalogPrice === 'number' && (had === undefined || p.catalogPrice < had)) prices[name] = p.catalogPrice;
    }
    return catalogNamesFact(prices);
  },
  /** 5.11.2 other credit applications of the customer still under way (decided with the customer locked) */
  openCreditApplications: decidedBy(refRow('customers', 'customerId'), async (r, doc) => {
    if (typeof doc.customerId !== 'number') return 0;
    const { total } = await r.list('creditApplications', {
      filter: { customerId: doc.customerId, status: [...OPEN_CREDIT_APPLICATION_STATUSES], ...(typeof doc.id === 'number' ? { id_neq: doc.id } : {}) },
      sort: { field: 'id', order: 'DESC' },
      range: [0, 0],
    });
    return total;
  }),
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
