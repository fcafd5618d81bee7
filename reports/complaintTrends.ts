import { complaints } from '../src/domain/documents/service/complaints';
import type { ComplaintDay, ComplaintTrends } from '../src/domain/reportTypes';
import { byKey, pct, rangeBounds, type ReportSource } from './source';

/**
 * 6.10 complaints tracked to their SLA: per day and category — received, replied within 4
 * working hours, resolved within 3 working days (6.10.5), key-account complaints (备案); open vs
 * resolved; the oldest open ones.
 */
export type { ComplaintDay, ComplaintTrends };

const n = (v: unknown) => Number(v ?? 0) || 0;

export async function complaintTrends(src: ReportSource, from: string, to: string): Promise<ComplaintTrends> {
  const b = rangeBounds(from, to);
  const open = complaints.views.open;
  const [days, resolved, openCount, oldest] = await Promise.all([
    src.aggregate('complaints', {
      filter: { receivedAt_gte: b.from, receivedAt_lte: b.to },
      groupBy: [{ field: 'receivedAt', day: true }, { field: 'category' }],
      measures: {
        received: { op: 'count' },
        repliedOnTime: { op: 'countTrue', field: 'repliedOnTime' },
        resolvedOnTime: { op: 'countTrue', field: 'resolvedOnTime' },
        keyAccount: { op: 'countTrue', field: 'keyAccount' },
      },
    }),
    src.aggregate('complaints', {
      filter: { resolvedAt_gte: b.from, resolvedAt_lte: b.to },
      groupBy: [{ field: 'resolvedAt', day: true }],
      measures: { resolved: { op: 'count' } },
    }),
    src.aggregate(open.resource, { filter: open.where, groupBy: [], measures: { open: { op: 'count' } } }),
    src.list(open.resource, { filter: open.where, sort: { field: 'receivedAt', order: 'ASC' }, range: [0, 9] }),
  ]);
  const dayRows: ComplaintDay[] = days
    .map((d) => ({
      date: String(d.receivedAt),
      category: String(d.category),
      received: n(d.received),
      repliedOnTime: n(d.repliedOnTime),
      resolvedOnTime: n(d.resolvedOnTime),
      keyAccount: n(d.keyAccount),
    }))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.category < y.category ? -1 : 1));
  const cats = new Map<string, { received: number; replied: number; resolvedOnTime: number }>();
  for (const d of dayRows) {
    const c = cats.get(d.category) ?? { received: 0, replied: 0, resolvedOnTime: 0 };
    c.received += d.received;
    c.replied += d.repliedOnTime;
    c.resolvedOnTime += d.resolvedOnTime;
    cats.set(d.category, c);
  }
  const resolvedCount = byKey(resolved, 'resolvedAt');
  return {
    from,
    to,
    days: dayRows,
    byCategory: [...cats].map(([category, c]) => ({
      category,
      received: c.received,
      resolvedOnTime: c.resolvedOnTime,
      repliedOnTimePct: pct(c.replied, c.received),
      resolvedOnTimePct: pct(c.resolvedOnTime, c.received),
    })),
    resolvedPerDay: [...resolvedCount.keys()]
      .sort()
      .map((date) => ({ date: String(date), resolved: n(resolvedCount.get(date)?.resolved) })),
    open: n(openCount[0]?.open),
    keyAccount: dayRows.reduce((s, d) => s + d.keyAccount, 0),
    oldestOpen: oldest.rows.map((r) => ({
      id: Number(r.id),
      code: String(r.code),
      receivedAt: String(r.receivedAt),
      customerName: String(r.customerName ?? ''),
      category: String(r.category),
      status: String(r.status),
    })),
  };
}
