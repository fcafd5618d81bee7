import { addDays } from '../src/domain/calendar';
import { orders } from '../src/domain/documents/orders';
import type { AggregateQuery, AggregateRow } from '../src/domain/query';
import type { OrderTrends } from '../src/domain/reportTypes';
import { rangeBounds, type ReportSource } from './source';

/**
 * Order value and count per day by channel, and per assistant per day (sparklines), for the last
 * N days — of the orders that are work (orders.views.work: submitted and later, not drafts nor
 * cancelled ones).
 */
export type { OrderTrends };

export async function orderTrends(src: ReportSource, to: string, days: number): Promise<OrderTrends> {
  const from = addDays(to, -(days - 1));
  const b = rangeBounds(from, to);
  const range = { receivedAt_gte: b.from, receivedAt_lte: b.to };
  const [byChannel, byAssistant] = await Promise.all([
    workOrders(src, range, {
      groupBy: [{ field: 'receivedAt', day: true }, { field: 'channel' }],
      measures: { count: { op: 'count' }, value: { op: 'sum', field: 'total' } },
    }),
    workOrders(src, range, {
      groupBy: [{ field: 'receivedAt', day: true }, { field: 'assistantId' }],
      measures: { count: { op: 'count' } },
    }),
  ]);
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  const index = new Map(dates.map((d, i) => [d, i]));
  const out = dates.map((date) => ({ date, web: 0, phone: 0, webValue: 0, phoneValue: 0 }));
  for (const r of byChannel) {
    const i = index.get(String(r.receivedAt));
    if (i === undefined) continue;
    if (r.channel === 'web') Object.assign(out[i], { web: Number(r.count), webValue: Number(r.value) });
    else Object.assign(out[i], { phone: Number(r.count), phoneValue: Number(r.value) });
  }
  const series = new Map<number, number[]>();
  for (const r of byAssistant) {
    if (r.assistantId == null) continue;
    const i = index.get(String(r.receivedAt));
    if (i === undefined) continue;
    const s = series.get(Number(r.assistantId)) ?? new Array(days).fill(0);
    s[i] = Number(r.count);
    series.set(Number(r.assistantId), s);
  }
  // by assistant (a store may answer groups in any order)
  return {
    from,
    to,
    days: out,
    assistants: [...series].sort(([a], [b]) => a - b).map(([assistantId, s]) => ({ assistantId, series: s })),
  };
}

/**
 * An aggregation over the work orders of a period. The database keeps orders per day, channel and
 * assistant ready, cancelled ones left out (order_day_stats, migration 010); the few orders not
 * submitted yet are counted from the orders themselves and taken off, group by group — so a
 * 90-day trend still reads a few thousand rows, not every order of the period.
 */
async function workOrders(
  src: ReportSource,
  range: AggregateQuery['filter'],
  q: Omit<AggregateQuery, 'filter'>,
): Promise<AggregateRow[]> {
  const [all, notYet] = await Promise.all([
    src.aggregate('orders', { ...q, filter: { ...range, status_neq: 'cancelled' } }),
    // orders received but not work yet (orders.views.notYetWork: drafts, unconfirmed web orders, returned ones)
    src.aggregate('orders', { ...q, filter: { ...range, ...orders.views.notYetWork.where } }),
  ]);
  const groupKey = (r: AggregateRow) => q.groupBy.map((g) => String(r[g.field])).join('\u0000');
  const minus = new Map(notYet.map((r) => [groupKey(r), r]));
  const measures = Object.keys(q.measures);
  return all
    .map((r) => {
      const m = minus.get(groupKey(r));
      if (!m) return r;
      const out: AggregateRow = { ...r };
      // sums are money: taken off in fen, so 0.1 + 0.2 stays exact
      for (const k of measures) out[k] = Math.round(Number(r[k] ?? 0) * 100 - Number(m[k] ?? 0) * 100) / 100;
      return out;
    })
    .filter((r) => measures.some((k) => Number(r[k]) !== 0));
}
