import { addDays } from '../src/domain/calendar';
import { rangeBounds, type ReportSource } from './source';

/** Order value and count per day by channel, and per assistant per day (sparklines), for the last N days. */
export interface OrderTrends {
  from: string;
  to: string;
  days: { date: string; web: number; phone: number; webValue: number; phoneValue: number }[];
  assistants: { assistantId: number; series: number[] }[];
}

export async function orderTrends(src: ReportSource, to: string, days: number): Promise<OrderTrends> {
  const from = addDays(to, -(days - 1));
  const b = rangeBounds(from, to);
  const filter = { receivedAt_gte: b.from, receivedAt_lte: b.to, status_neq: 'cancelled' };
  const [byChannel, byAssistant] = await Promise.all([
    src.aggregate('orders', { filter, groupBy: [{ field: 'receivedAt', day: true }, { field: 'channel' }], measures: { count: { op: 'count' }, value: { op: 'sum', field: 'total' } } }),
    src.aggregate('orders', { filter, groupBy: [{ field: 'receivedAt', day: true }, { field: 'assistantId' }], measures: { count: { op: 'count' } } }),
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
  return { from, to, days: out, assistants: [...series].map(([assistantId, s]) => ({ assistantId, series: s })) };
}
