import type { DocRecord } from '../definition';
import { orders } from '../documents/orders';
import { membershipWorkflow, memberships } from '../documents/sales/memberships';
import { narrow, view, type View } from '../where';

/**
 * The web shop's intake (4.1.2, 5.2.2) as the procedure says it — the server (server/core/intake.ts)
 * only reads the request and runs these through the document services.
 */

export interface WebCustomer {
  name: string;
  phone: string;
  address: string;
  contact: string;
  email: string | null;
}

/** 5.2.2 a customer first met on the website: a non-member small customer, on cash, no credit line (6.3.3 gives the code). */
export const webCustomer = (c: WebCustomer, code: string): DocRecord => ({
  code,
  name: c.name,
  tier: 'smb',
  member: false,
  settlement: 'cash',
  creditLimit: 0,
  overdue: false,
  contact: c.contact,
  phone: c.phone,
  email: c.email,
  address: c.address,
  note: '网上商城新客户（非会员）',
  active: true,
});

/** A web customer is a member unless the record says otherwise. */
export const isWebMember = (customer: DocRecord): boolean => customer.member !== false;

/** 5.2.2 web orders are received by the e-commerce group: its active assistants. */
export const webDesk: View = view('users', { role: 'assistant', group: 'ecommerce', active: true });

/** An e-commerce assistant's load: their web orders awaiting confirmation (5.1.1). */
export const webDeskLoad = (assistantId: number): View =>
  narrow(orders.views.awaitingConfirmation, { channel: 'web', assistantId });

/** 5.2.2 the order goes to the assistant with the fewest web orders waiting (ties: the first). */
export function pickWebDesk(loads: readonly { id: number; open: number }[]): number | null {
  let best: { id: number; open: number } | null = null;
  for (const l of loads) if (!best || l.open < best.open) best = l;
  return best?.id ?? null;
}

/** The quantity a line of an order may take (the order definition's, 5.2.2's web orders included). */
export const ORDER_QTY = (() => {
  const qty = orders.fields.lines.lineFields?.qty;
  return { min: qty?.min ?? 1, max: qty?.max ?? Number.MAX_SAFE_INTEGER };
})();

/** The order's note: a non-member's order is confirmed by phone (5.2.2); the website's own time kept. */
export const webOrderNote = (member: boolean, webTime: string | null): string =>
  [
    member ? '网上商城会员订单' : '网上商城非会员订单：请电话确认地址、联系方式、送货时间、付款方式 (5.2.2)',
    webTime ? `网站下单时间 ${webTime}` : null,
  ]
    .filter(Boolean)
    .join('；');

/** 5.2.2 the customer's open membership record (one per customer). */
export const openMembershipOf = (customerId: number): View => narrow(memberships.views.open, { customerId });

/** 5.2.2 a non-member's web order opens a membership offer for the e-commerce assistant to judge. */
export const membershipOffer = (customerId: number, orderId: number, c: WebCustomer): DocRecord => ({
  customerId,
  source: 'webOrder',
  orderId,
  applicantName: c.name,
  contact: c.contact,
  phone: c.phone,
  email: c.email,
  address: c.address,
  note: null,
});

/** 5.2.2 a membership application from the website. */
export const membershipApplication = (customerId: number, c: WebCustomer, note: string | null): DocRecord => ({
  customerId,
  source: 'web',
  orderId: null,
  applicantName: c.name,
  contact: c.contact,
  phone: c.phone,
  email: c.email,
  address: c.address,
  note,
});

/** The membership states a web application moves on by the `apply` step (an open offer or invitation). */
export const appliesFrom = (status: unknown): boolean =>
  membershipWorkflow.transitions.some((t) => t.action === 'apply' && t.from.includes(String(status)));
