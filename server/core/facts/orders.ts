import { CREDIT_USING_STATUSES } from '../../../src/domain/documents/orders';
import { decidedBy, refRow, type FactLoader } from './types';

export const orderFacts: Record<string, FactLoader> = {
  /** 5.10.4 credit in use: this customer's other open credit orders (decided with the customer locked) */
  creditUsed: decidedBy(refRow('customers', 'customerId'), (r, doc) =>
    typeof doc.customerId === 'number'
      ? r.sum('orders', 'total', { customerId: doc.customerId, paymentMethod: 'credit', status: [...CREDIT_USING_STATUSES], ...(doc.id ? { id_neq: Number(doc.id) } : {}) })
      : Promise.resolve(0),
  ),
};
