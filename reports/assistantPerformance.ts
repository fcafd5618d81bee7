import type { DocRecord } from '../src/domain/definition';
import { meetingViews, type AssistantFigure } from '../src/domain/meeting';
import { fenToYuan, yuanToFen } from '../src/domain/money';
import type { AggregateQuery } from '../src/domain/query';
import type { AssistantPerformance, AssistantPerformanceRow } from '../src/domain/reportTypes';
import type { BranchSettings } from '../src/domain/settings';
import { byKey, pct, type ReportSource } from './source';

/**
 * 6.1.1 The team lead's 8:00 meeting: yesterday's performance of every customer assistant —
 * orders entered and their value (work: submitted for review and later, orders.views.work — an
 * unsubmitted draft ranks no one first), web orders confirmed within 10 minutes (5.1.1), quotes replied
 * within 4 working hours (6.4.5), complaints handled and within SLA (6.10.5), returns, overdue
 * sample loans (6.11.2) — against the daily target, ranked.
 * Deadlines were computed in working time when each document was taken in, so "within" is a
 * comparison of two stored instants.
 */
export type { AssistantPerformance, AssistantPerformanceRow };

const n = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0) || 0);

export async function assistantPerformance(
  src: ReportSource,
  date: string,
  assistants: DocRecord[],
  settings: Pick<BranchSettings, 'dailyOrderTarget' | 'dailyValueTarget'>,
): Promise<AssistantPerformance> {
  // the meeting's views of the day (src/domain/meeting.ts), each counted per assistant
  const v = meetingViews(date);
  const per = (f: AssistantFigure, measures: AggregateQuery['measures']) =>
    src.aggregate(f.view.resource, { filter: f.view.where, groupBy: [{ field: f.by }], measures });
  const [orders, web, quotes, complaints, returns, loans] = await Promise.all([
    per(v.ordersEntered, { count: { op: 'count' }, value: { op: 'sum', field: 'total' } }),
    per(v.webConfirmed, {
      count: { op: 'count' },
      inTime: { op: 'countLe', field: 'confirmedAt', than: 'confirmDeadline' },
    }),
    per(v.quotesReplied, {
      count: { op: 'count' },
      inTime: { op: 'countLe', field: 'repliedAt', than: 'replyDeadline' },
    }),
    per(v.complaintsHandled, {
      count: { op: 'count' },
      replied: { op: 'countTrue', field: 'repliedOnTime' },
      resolved: { op: 'countTrue', field: 'resolvedOnTime' },
    }),
    per(v.returns, { count: { op: 'count' } }),
    per(v.samplesOverdue, { count: { op: 'count' } }),
  ]);
  const [o, w, q, c, r, l] = (
    [
      [orders, v.ordersEntered],
      [web, v.webConfirmed],
      [quotes, v.quotesReplied],
      [complaints, v.complaintsHandled],
      [returns, v.returns],
      [loans, v.samplesOverdue],
    ] as const
  ).map(([rows, f]) => byKey(rows, f.by));
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
  const ranked = [...rows].sort(
    (x, y) => y.orderValue - x.orderValue || y.ordersEntered - x.ordersEntered || x.name.localeCompare(y.name, 'zh'),
  );
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
