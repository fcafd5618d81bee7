import type { View } from './where';
import { narrow, view } from './where';
import { orders } from './documents/orders';
import { sampleLoans } from './documents/service/sampleLoans';
import { dayBounds } from './periods';

/**
 * 6.1.1 the 8:00 meeting's figures of one day, per customer assistant: each a view of the day
 * and the field that names the assistant (`by`). The report counts each view grouped by `by`;
 * the meeting page links a figure to the same view narrowed to the assistant.
 */
export interface AssistantFigure {
  view: View;
  by: string;
}

export type MeetingFigure =
  'ordersEntered' | 'webConfirmed' | 'quotesReplied' | 'complaintsHandled' | 'returns' | 'samplesOverdue';

export function meetingViews(date: string): Record<MeetingFigure, AssistantFigure> {
  const { from, to } = dayBounds(date);
  return {
    // work entered that day (WORK_ORDER_STATUSES: an unsubmitted draft ranks no one first)
    ordersEntered: { view: narrow(orders.views.work, { receivedAt_gte: from, receivedAt_lte: to }), by: 'assistantId' },
    // 5.1.1 web orders confirmed that day
    webConfirmed: {
      view: view('orders', { channel: 'web', confirmedAt_gte: from, confirmedAt_lte: to }),
      by: 'assistantId',
    },
    // 6.4.5 quotes replied that day
    quotesReplied: { view: view('quotes', { repliedAt_gte: from, repliedAt_lte: to }), by: 'quotedBy' },
    // 6.10.5 complaints resolved that day
    complaintsHandled: { view: view('complaints', { resolvedAt_gte: from, resolvedAt_lte: to }), by: 'assistantId' },
    returns: { view: view('returns', { createdAt_gte: from, createdAt_lte: to }), by: 'assistantId' },
    // 6.11.2 loans overdue at the end of the day (its last instant passed)
    samplesOverdue: { view: sampleLoans.views.overdue(new Date(Date.parse(to) + 1)), by: 'assistantId' },
  };
}

/** One assistant's part of a figure (the list the meeting page links to). */
export const ofAssistant = (
  f: AssistantFigure,
  assistantId: number,
  more: Record<string, string | number | boolean> = {},
): View => narrow(f.view, { [f.by]: assistantId, ...more });
