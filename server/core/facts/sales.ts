import type { DocRecord } from '../../../src/domain/definition';
import { MEMBERSHIP_OPEN_STATUSES } from '../../../src/domain/documents/sales/memberships';
import type { Filter, Reader } from '../../store/types';
import { decidedBy, refRow, type FactLoader } from './types';

/** How many other rows of `resource` match (SQL count through the store; the document itself excluded). */
async function countOthers(r: Reader, resource: string, doc: DocRecord, filter: Filter): Promise<number> {
  const { total } = await r.list(resource, { filter: { ...filter, ...(doc.id ? { id_neq: Number(doc.id) } : {}) }, sort: { field: 'id', order: 'ASC' }, range: [0, 0] });
  return total;
}

/** Facts the rules of this family need from other records, by name. */
export const salesFacts: Record<string, FactLoader> = {
  /** 6.7 one handwritten delivery note per order: the order's other notes that are not cancelled (decided with the order locked) */
  openHandwrittenNotes: decidedBy(refRow('orders', 'orderId'), (r, doc) =>
    typeof doc.orderId === 'number' ? countOthers(r, 'handwrittenNotes', doc, { orderId: doc.orderId, status_neq: 'cancelled' }) : Promise.resolve(0),
  ),
  /** 6.8 one urgent delivery letter per order: the order's other letters not cancelled (decided with the order locked) */
  openUrgentDeliveries: decidedBy(refRow('orders', 'orderId'), (r, doc) =>
    typeof doc.orderId === 'number' ? countOthers(r, 'urgentDeliveries', doc, { orderId: doc.orderId, status_neq: 'cancelled' }) : Promise.resolve(0),
  ),
  /** 5.2.2 one open membership offer / application per customer (decided with the customer locked) */
  openMemberships: decidedBy(refRow('customers', 'customerId'), (r, doc) =>
    typeof doc.customerId === 'number' ? countOthers(r, 'memberships', doc, { customerId: doc.customerId, status: [...MEMBERSHIP_OPEN_STATUSES] }) : Promise.resolve(0),
  ),
};
