import type { DocRecord } from '../src/domain/definition';
import { WORK_ORDER_STATUSES } from '../src/domain/documents/orders';
import { fenToYuan, yuanToFen } from '../src/domain/money';
import type { BranchSettings } from '../src/domain/settings';
import { byKey, dayBounds, pct, type ReportSource } from './source';

/**
 * 6.1.1 The team lead's 8:00 meeting: yesterday's performance of every customer assistant —
 * orders entered and their value (work: submitted for review and later, WORK_ORDER_STATUSES — an
 * unsubmitted draft ranks no one first), web orders confirmed within 10 minutes (5.1.1), quotes replied
 * within 4 working hours (6.4.5), complaints handled and within SLA (6.10.5), returns, overdue
 * sample loans (6.11.2) — against the daily target, ranked.
 * Deadlines were computed in working time when each document was taken in, so "within" is a
 * comparison of two stored instants.
 */
export interface AssistantPerformanceRow {
  assistantId: number;
  name: string;
  group: string | null;
  ordersEntered: number;
  orderValue: number;
  webConfirmed: number;
  webConfirmedInTime: number;
  webConfirmedPct: number | null;
  quotesReplied: number;
  quotesRepliedInTime: number;
  quotesRepliedPct: number | null;
  complaintsHandled: number;
  complaintsRepliedInTime: number;
  complaintsResolvedInTime: number;
  returns: number;
  samplesOverdue: number;
  targetOrders: number;
  targetValue: number;
  meetsTarget: boolean;
  rank: number;
}

export interface AssistantPerformance {
  date: string;
  rows: AssistantPerformanceRow[];
  totals: { ordersEntered: number; orderValue: number; webConfirmed: number; webConfirmedInTime: number; complaintsHandled: number; returns: number; samplesOverdue: number };
}

const n = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0) || 0);

export async function assistantPerformance(src: ReportSource, date: string, assistants: DocRecord[], settings: Pick<BranchSettings, 'dailyOrderTarget' | 'dailyValueTarget'>): Promise<AssistantPerformance> {
  const { from, to } = dayBounds(date);
  const [orders, web, quotes, complaints, returns, loans] = await Promise.all([
    src.aggregate('orders', { filter: { receivedAt_gte: from, receivedAt_lte: to, status: [...WORK_ORDER_STATUSES] }, groupBy: [{ field: 'assistantId' }], measures: { count: { op: 'count' }, value: { op: 'sum', field: 'total' } } }),
    src.aggregate('orders', { filter: { channel: 'web', confirmedAt_gte: from, confirmedAt_lte: to }, groupBy: [{ field: 'assistantId' }], measures: { count: { op: 'count' }, inTime: { op: 'countLe', field: 'confirmedAt', than: 'confirmDeadline' } } }),
    src.aggregate('quotes', { filter: { repliedAt_gte: from, repliedAt_lte: to }, groupBy: [{ field: 'quotedBy' }], measures: { count: { op: 'count' }, inTime: { op: 'countLe', field: 'repliedAt', than: 'replyDeadline' } } }),
    src.aggregate('complaints', { filter: { resolvedAt_gte: from, resolvedAt_lte: to }, groupBy: [{ field: 'assistantId' }], measures: { count: { op: 'count' }, replied: { op: 'countTrue', field: 'repliedOnTime' }, resolved: { op: 'countTrue', field: 'resolvedOnTime' } } }),
    src.aggregate('returns', { filter: { createdAt_gte: from, createdAt_lte: to }, groupBy: [{ field: 'assistantId' }], measures: { count: { op: 'count' } } }),
    // loans still out at the end of the day whose due time had passed (6.11.2)
    src.aggregate('sampleLoans', { filter: { status: 'out', dueAt_lte: to }, groupBy: [{ field: 'assistantId' }], measures: { count: { op: 'count' } } }),
  ]);
  const [o, w, q, c, r, l] = [orders, web, quotes, complaints, returns, loans].map((rows, i) => byKey(rows, i === 2 ? 'quotedBy' : 'assistantId'));
  const rows: AssistantPerformanceRow[] = assistants.map((a) => {
    const id = Number(a.id);
    const ordersEntered = n(o.get(id)?.count);
    const orderValue = n(o.get(id)?.value);
    const webConfirmed = n(w.get(id)?.count);
    const webConfirmedInTime = n(w.get(id)?.inTime);
    const quotesReplied = n(q.get(id)?.count);
    const quotesRepliedInTime = n(q.get(id)?.inTime);
    return {
      assistantId: id,
      name: String(a.fullName ?? a.username),
      group: (a.group as string) ?? null,
      ordersEntered,
      orderValue,
      webConfirmed,
      webConfirmedInTime,
      webConfirmedPct: pct(webConfirmedInTime, webConfirmed),
      quotesReplied,
      quotesRepliedInTime,
      quotesRepliedPct: pct(quotesRepliedInTime, quotesReplied),
      complaintsHandled: n(c.get(id)?.count),
      complaintsRepliedInTime: n(c.get(id)?.replied),
      complaintsResolvedInTime: n(c.get(id)?.resolved),
      returns: n(r.get(id)?.count),
      samplesOverdue: n(l.get(id)?.count),
      targetOrders: settings.dailyOrderTarget,
      targetValue: settings.dailyValueTarget,
      meetsTarget: ordersEntered >= settings.dailyOrderTarget && orderValue >= settings.dailyValueTarget,
      rank: 0,
    };
  });
  // ranking: order value, then orders entered, then name
  const ranked = [...rows].sort((x, y) => y.orderValue - x.orderValue || y.ordersEntered - x.ordersEntered || x.name.localeCompare(y.name, 'zh'));
  ranked.forEach((row, i) => (row.rank = i + 1));
  const sumOf = (k: keyof AssistantPerformanceRow) => rows.reduce((s, x) => s + n(x[k]), 0);
  return {
    date,
    rows: ranked,
    totals: {
      ordersEntered: sumOf('ordersEntered'),
      orderValue: fenToYuan(rows.reduce((s, x) => s + yuanToFen(x.orderValue), 0)),
      webConfirmed: sumOf('webConfirmed'),
      webConfirmedInTime: sumOf('webConfirmedInTime'),
      complaintsHandled: sumOf('complaintsHandled'),
      returns: sumOf('returns'),
      samplesOverdue: sumOf('samplesOverdue'),
    },
  };
}
