import { CREDIT_USING_STATUSES } from '../../../src/domain/documents/orders';
import type { FactLoader } from './types';

export const orderFacts: Record<string, FactLoader> = {
  /** 5.10.4 credit in use: this customer's other open credit orders */
  creditUsed: (r, doc) =>
    doc.customerId
      ? r.sum('orders', 'total', { customerId: Number(doc.customerId), paymentMethod: 'credit', status: [...CREDIT_USING_STATUSES], ...(doc.id ? { id_neq: Number(doc.id) } : {}) })
      : Promise.resolve(0),
};
