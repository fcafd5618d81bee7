import type { Calendar } from '../../calendar';
import { COMPLAINT_REPLY, COMPLAINT_RESOLVE, slaDeadline } from '../../sla';

/**
 * Complaints 客户投诉 (6.10): "四小时回复，三日内解决" (6.10.5) — counted in working time (08:00–17:30
 * on Chinese working days, 6.1): 4 working hours to the first reply, 3 working days to the solution.
 */

export const complaintReplyDeadline = (receivedAt: Date, cal: Calendar): Date =>
  slaDeadline(receivedAt, COMPLAINT_REPLY, cal);
export const complaintResolveDeadline = (receivedAt: Date, cal: Calendar): Date =>
  slaDeadline(receivedAt, COMPLAINT_RESOLVE, cal);

export type ComplaintCategory = 'staff' | 'productQuality' | 'productUsage' | 'delivery' | 'other';

/**
 * 6.10.2 routing after the first reply: staff → the CS Center manager; product quality → a customer
 * feedback form and the office supervisor's onsite check; usage, delivery and other → the assistant
 * explains and follows up (escalating to customer management when it is beyond the department).
 */
export function complaintRoute(category: unknown): 'managerReview' | 'onsiteCheck' | 'followUp' {
  if (category === 'staff') return 'managerReview';
  if (category === 'productQuality') return 'onsiteCheck';
  return 'followUp';
}

/** On time = at or before the deadline (slaState: overdue strictly after). */
export const onTime = (at: Date, deadline: unknown): boolean | null =>
  typeof deadline === 'string' && deadline ? at.getTime() <= Date.parse(deadline) : null;
