import { describe, expect, it } from 'vitest';
import { addDays, atShanghai, shanghaiDate } from '../../src/domain/calendar';
import { isOverdue } from '../../src/domain/deadline';
import type { DocRecord } from '../../src/domain/definition';
import { DEFINITIONS } from '../../src/domain/documents';
import { creditApplications } from '../../src/domain/documents/approvals/creditApplications';
import { customers } from '../../src/domain/documents/customers';
import { orders, WORK_ORDER_STATUSES } from '../../src/domain/documents/orders';
import { memberships, MEMBERSHIP_OPEN_STATUSES } from '../../src/domain/documents/sales/memberships';
import { quotes } from '../../src/domain/documents/sales/quotes';
import { complaints } from '../../src/domain/documents/service/complaints';
import { sampleLoans } from '../../src/domain/documents/service/sampleLoans';
import { FACT_NAMES, type FactName } from '../../src/domain/factNames';
import { SET_FACTS } from '../../src/domain/facts';
import { meetingViews, ofAssistant } from '../../src/domain/meeting';
import { QUEUE_NAMES, queueViews, waitingOnOthers, waitingView } from '../../src/domain/queues';
import { isLoanOverdue } from '../../src/domain/rules/service/loans';
import { isQuoteExpired, QUOTE_EXPIRY_WARNING_DAYS } from '../../src/domain/rules/sales/quoteTime';
import { matchesWhere, narrow, type View } from '../../src/domain/where';

/** the records of `rows` in the view's set, as the json store would answer */
const inView = (v: View, rows: DocRecord[]) => rows.filter((r) => matchesWhere(r, v.where));
const ids = (rows: DocRecord[]) => rows.map((r) => r.id);

const NOW = atShanghai('2026-11-26', '10:00');
const iso = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('views: the domain names its sets once', () => {
  it('sampleLoans.views.overdue(now) is exactly the loans isLoanOverdue says — strictly after the due moment', () => {
    const loans: DocRecord[] = [
      { id: 1, status: 'out', dueAt: iso(0) }, // due this very moment: not overdue yet
      { id: 2, status: 'out', dueAt: iso(-1) }, // a millisecond ago: overdue
      { id: 3, status: 'out', dueAt: iso(60_000) },
      { id: 4, status: 'returned', dueAt: iso(-86_400_000) },
      { id: 5, status: 'out', dueAt: iso(-86_400_000) },
    ];
    const v = sampleLoans.views.overdue(NOW);
    expect(v.resource).toBe('sampleLoans');
    expect(ids(inView(v, loans))).toEqual([2, 5]);
    expect(ids(loans.filter((l) => isLoanOverdue(l, NOW)))).toEqual([2, 5]);
  });

  it('orders.views.confirmationOverdue(now) agrees with the inbox’s overdue mark (isOverdue) on web orders', () => {
    const web: DocRecord[] = [
      { id: 1, status: 'pendingConfirmation', confirmDeadline: iso(0) },
      { id: 2, status: 'pendingConfirmation', confirmDeadline: iso(-1) },
      { id: 3, status: 'submitted', confirmDeadline: iso(-60_000) },
      { id: 4, status: 'pendingConfirmation', confirmDeadline: iso(1000) },
    ];
    expect(ids(inView(orders.views.confirmationOverdue(NOW), web))).toEqual([2]);
    expect(ids(web.filter((o) => o.status === 'pendingConfirmation' && isOverdue(orders, o, NOW)))).toEqual([2]);
    expect(ids(inView(orders.views.awaitingConfirmation, web))).toEqual([1, 2, 4]);
  });

  it('quotes.views.expiringSoon(today): sent or accepted, valid from today through the warning days — none of them expired', () => {
    const today = '2026-11-26';
    const q = (id: number, status: string, validUntil: string | null): DocRecord => ({ id, status, validUntil });
    const rows = [
      q(1, 'sent', today),
      q(2, 'accepted', addDays(today, QUOTE_EXPIRY_WARNING_DAYS)),
      q(3, 'sent', addDays(today, QUOTE_EXPIRY_WARNING_DAYS + 1)),
      q(4, 'sent', addDays(today, -1)),
      q(5, 'draft', today),
      q(6, 'sent', null),
    ];
    const soon = inView(quotes.views.expiringSoon(today), rows);
    expect(ids(soon)).toEqual([1, 2]);
    for (const r of soon) expect(isQuoteExpired(r.validUntil, NOW)).toBe(false);
  });

  it('complaints.views.open is every state that is not final', () => {
    const states = complaints.workflow.states as Record<string, { final?: boolean }>;
    const rows = Object.keys(states).map((status, i) => ({ id: i + 1, status }));
    expect(inView(complaints.views.open, rows).map((r) => r.status)).toEqual(
      Object.keys(states).filter((s) => !states[s].final),
    );
    expect(complaints.views.open.where.status).not.toContain('closed');
  });

  it('customers.views.creditReviewsDue(today) and memberships.views.open', () => {
    const today = '2026-11-26';
    const rows: DocRecord[] = [
      { id: 1, settlement: 'credit', creditReviewDue: addDays(today, 30) },
      { id: 2, settlement: 'credit', creditReviewDue: addDays(today, 31) },
      { id: 3, settlement: 'credit', creditReviewDue: null },
      { id: 4, settlement: 'cash', creditReviewDue: today },
    ];
    expect(ids(inView(customers.views.creditReviewsDue(today), rows))).toEqual([1]);
    expect(memberships.views.open.where.status).toEqual([...MEMBERSHIP_OPEN_STATUSES]);
  });

  it('the queues are the five views of the dashboard, asked at one moment', () => {
    const v = queueViews(NOW);
    expect(Object.keys(v)).toEqual([...QUEUE_NAMES]);
    expect(v.overdueLoans).toEqual(sampleLoans.views.overdue(NOW));
    expect(v.quotesExpiringSoon).toEqual(quotes.views.expiringSoon(shanghaiDate(NOW)));
    expect(v.webOrdersOverdue).toEqual(orders.views.confirmationOverdue(NOW));
  });

  it('waiting views follow the workflow’s waitingOn: the queues count states waiting on someone besides the clerk', () => {
    expect(waitingOnOthers(orders)?.where.status).toContain('submitted');
    expect(waitingOnOthers(orders)?.where.status).not.toContain('draft');
    expect(waitingView(orders, (r) => r === 'branchGM')?.where.status).toEqual(['gmApproval']);
    expect(waitingOnOthers(DEFINITIONS.customers)).toBeNull();
  });

  it('the morning meeting: work orders of the day, and loans overdue by the day’s end', () => {
    const m = meetingViews('2026-11-26');
    expect(m.ordersEntered.view.where.status).toEqual([...WORK_ORDER_STATUSES]);
    const end = atShanghai('2026-11-27', '00:00');
    const loans: DocRecord[] = [
      { id: 1, status: 'out', dueAt: new Date(end.getTime() - 1).toISOString(), assistantId: 7 },
      { id: 2, status: 'out', dueAt: end.toISOString(), assistantId: 7 },
      { id: 3, status: 'out', dueAt: atShanghai('2026-11-26', '09:00').toISOString(), assistantId: 8 },
    ];
    expect(ids(inView(m.samplesOverdue.view, loans))).toEqual([1, 3]);
    expect(ids(inView(ofAssistant(m.samplesOverdue, 7), loans))).toEqual([1]);
    expect(ofAssistant(m.quotesReplied, 7).where).toHaveProperty('quotedBy', 7);
  });

  it('narrow adds conditions without changing the view it narrows', () => {
    const v = complaints.views.open;
    const n = narrow(v, { assistantId: 3 });
    expect(n.where).toEqual({ ...v.where, assistantId: 3 });
    expect(v.where).not.toHaveProperty('assistantId');
  });
});

describe('facts have typed names', () => {
  it('a definition names only known facts (a typo does not compile)', () => {
    // @ts-expect-error — a misspelt fact name is a type error, not a silent 0
    const typo: FactName = 'openHandwritenNotes';
    expect(FACT_NAMES).not.toContain(typo);
    for (const def of Object.values(DEFINITIONS)) for (const f of def.facts ?? []) expect(FACT_NAMES).toContain(f);
  });

  it('the one-per-X facts are declared counts of their type’s views, narrowed to the document’s order / customer', () => {
    expect(SET_FACTS.openHandwrittenNotes?.of.resource).toBe('handwrittenNotes');
    expect(SET_FACTS.openUrgentDeliveries?.of.resource).toBe('urgentDeliveries');
    expect(SET_FACTS.openMemberships?.of).toBe(memberships.views.open);
    expect(SET_FACTS.openCreditApplications?.of).toBe(creditApplications.views.open);
    expect(SET_FACTS.openHandwrittenNotes?.where({ orderId: 9 }, NOW)).toEqual({ orderId: 9 });
    expect(SET_FACTS.openHandwrittenNotes?.where({}, NOW)).toBeNull();
  });
});
