import type { FactName } from '../../../src/domain/factNames';
import { catalogNamesFact, freeTextGiftNames } from '../../../src/domain/rules/approvals/giftNames';
import type { FactLoader } from './types';

/** Facts the rules of this family need from other records, by name (SQL through the store). */
export const approvalsFacts: Partial<Record<FactName, FactLoader>> = {
  /**
   * 6.12.2 the free-text gift lines' names that are catalog products' names, each with the lowest
   * catalog price of the catalog products so named (JSON; null when none is)
   */
  giftCatalogNames: async (r, doc) => {
    const names = freeTextGiftNames(doc);
    if (names.length === 0) return null;
    const { rows } = await r.list('products', {
      filter: { name: names, catalog: true },
      sort: { field: 'id', order: 'ASC' },
      range: null,
      total: false,
    });
    const prices: Record<string, number> = {};
    for (const p of rows) {
      const name = String(p.name);
      const had = Object.hasOwn(prices, name) ? prices[name] : undefined;
      if (typeof p.catalogPrice === 'number' && (had === undefined || p.catalogPrice < had))
        prices[name] = p.catalogPrice;
    }
    return catalogNamesFact(prices);
  },
  /** 5.11.4 the customer's current approved credit application, which a review replaces */
  previousCreditApplicationId: async (r, doc) => {
    if (typeof doc.customerId !== 'number') return null;
    const { rows } = await r.list('creditApplications', {
      filter: {
        customerId: doc.customerId,
        status: 'approved',
        reviewDueAt_neq: null,
        ...(typeof doc.id === 'number' ? { id_neq: doc.id } : {}),
      },
      sort: { field: 'id', order: 'DESC' },
      range: [0, 0],
    });
    return rows[0] ? Number(rows[0].id) : null;
  },
};
