import type { DocRecord } from '../../src/domain/definition';
import { orders } from '../../src/domain/documents/orders';
import type { Actor } from '../../src/domain/roles';
import { deliveryListPrinted, DELIVERY_LIST_FORM, invoicedBeforeLeaving } from '../../src/domain/rules/fulfilment';
import { actOnDoc, recordPrint } from '../core/documents';
import type { Store } from '../store/types';

/**
 * Between picking and the van (6.2.4, 5.4.2): the order desk prints the delivery list a few minutes
 * after the goods are picked, and finance invoices a cash order, through the real services, at
 * their times — never after `until` (the van) and only once they have happened (`done`).
 */

export interface ShippingDesk {
  orderDesk: Actor;
  finance: Actor;
}

/** the seeded invoice number of an order: FP + the digits of its code (SO-20261127-0042 → FP202611270042) */
export const seededInvoiceNo = (order: DocRecord): string => `FP${String(order.code ?? order.id).replace(/\D/g, '')}`;

export async function readyToShip(
  store: Store,
  id: number,
  desk: ShippingDesk,
  until: Date,
  done: (t: Date) => boolean = () => true,
): Promise<DocRecord | undefined> {
  let o = await store.get('orders', id);
  if (!o || (o.status !== 'picked' && o.status !== 'invoiced')) return o;
  const picked = typeof o.pickedAt === 'string' ? Date.parse(o.pickedAt) : until.getTime();
  const after = (minutes: number) => new Date(Math.max(picked, Math.min(picked + minutes * 60_000, until.getTime())));
  const printAt = after(5);
  if (!deliveryListPrinted(o) && done(printAt))
    o = await recordPrint({ store, now: () => printAt }, orders, desk.orderDesk, id, { form: DELIVERY_LIST_FORM });
  const invoiceAt = after(20);
  if (o.status === 'picked' && invoicedBeforeLeaving(o) && done(invoiceAt)) {
    o = await actOnDoc({ store, now: () => invoiceAt }, orders, desk.finance, id, 'invoice', {
      invoiceNo: seededInvoiceNo(o),
    });
  }
  return o;
}
