import type { DocRecord } from '../../../src/domain/definition';
import type { Actor } from '../../../src/domain/roles';

/**
 * 6.5.4 special goods start from a special-goods inquiry: the rep fills it for the customer, a
 * reviewer approves it, merchandise planning answers price, minimum quantity and lead time, the
 * rep turns it into the special order (5.10.3), and the rep completes the order's lines and terms.
 * Through the real services at the given times; no random draws, so the other seeded figures stay.
 */

export interface InquiryServices {
  create(resource: string, by: Actor, at: Date, body: DocRecord): Promise<DocRecord>;
  act(resource: string, id: number, action: string, by: Actor, at: Date, extra?: DocRecord): Promise<DocRecord>;
  update(resource: string, id: number, by: Actor, at: Date, body: DocRecord): Promise<DocRecord>;
}

export interface InquiryDesk {
  rep: Actor;
  reviewer: Actor;
  merch: Actor;
}

/** the six instants: inquiry filled, submitted, approved, answered, turned into the order, order completed */
export type InquiryTimes = readonly [Date, Date, Date, Date, Date, Date];

/** The special order (a draft) made from its answered inquiry; undefined if a step was refused. */
export async function specialOrderViaInquiry(
  svc: InquiryServices,
  desk: InquiryDesk,
  customerId: number,
  lines: readonly DocRecord[],
  order: DocRecord,
  times: InquiryTimes,
): Promise<DocRecord | undefined> {
  const first = lines[0];
  const inq = await svc.create('inquiries', desk.rep, times[0], {
    customerId,
    itemName: first.name,
    spec: first.spec ?? null,
    colour: first.colour ?? null,
    qty: first.qty,
    targetPrice: first.unitPrice,
    customMade: false,
    requirements: '特殊商品询价：价格、性能、起订数量 (6.5.4)',
  });
  const id = Number(inq.id);
  await svc.act('inquiries', id, 'submit', desk.rep, times[1]);
  await svc.act('inquiries', id, 'approve', desk.reviewer, times[2]);
  await svc.act('inquiries', id, 'answer', desk.merch, times[3], {
    answerPrice: first.unitPrice,
    minQty: first.qty,
    leadTimeDays: 10,
    answerNote: '供应商确认可供货，非标商品不予退货',
  });
  const ordered = await svc.act('inquiries', id, 'order', desk.rep, times[4]);
  if (typeof ordered.specialOrderId !== 'number') return undefined;
  return svc.update('specialOrders', ordered.specialOrderId, desk.rep, times[5], { lines, ...order });
}
