import type { ComplaintTrends } from '../domain/reportTypes';
import { addDays, dayOfWeek } from '../domain/calendar';
import { getDefinition } from '../domain/documents';

export type Granularity = 'day' | 'week';

/** Complaint categories in the definition's order (6.10.2), then any unknown ones the report names. */
export function complaintCategories(report?: ComplaintTrends): string[] {
  const known = Object.keys(getDefinition('complaints')?.fields.category?.options ?? {});
  const extra = [...new Set((report?.days ?? []).map((d) => d.category))].filter((c) => !known.includes(c));
  return [...known, ...extra];
}

/** Monday of the week of `date`. */
export const weekStart = (date: string) => addDays(date, -((dayOfWeek(date) + 6) % 7));

export interface ComplaintBucket {
  /** first day of the bucket */
  date: string;
  received: number;
  resolved: number;
  [category: string]: number | string;
}

/** One bucket per day (or week from Monday) of [from, to], received per category, and resolved. */
export function complaintBuckets(
  report: ComplaintTrends,
  granularity: Granularity,
  categories: string[],
): ComplaintBucket[] {
  const keyOf = (d: string) => (granularity === 'week' ? weekStart(d) : d);
  const buckets = new Map<string, ComplaintBucket>();
  for (let d = report.from; d <= report.to; d = addDays(d, 1)) {
    const k = keyOf(d);
    if (!buckets.has(k))
      buckets.set(k, { date: k, received: 0, resolved: 0, ...Object.fromEntries(categories.map((c) => [c, 0])) });
  }
  for (const row of report.days) {
    const b = buckets.get(keyOf(row.date));
    if (!b) continue;
    b[row.category] = Number(b[row.category] ?? 0) + row.received;
    b.received += row.received;
  }
  for (const row of report.resolvedPerDay) {
    const b = buckets.get(keyOf(row.date));
    if (b) b.resolved += row.resolved;
  }
  return [...buckets.values()];
}
