import { addDays, atShanghai } from '../src/domain/calendar';
import type { AggregateQuery, AggregateRow, ListQuery, ListResult } from '../server/store/types';

/**
 * What a report reads: aggregations (SQL GROUP BY in PostgreSQL, the same in memory for the
 * json store and tests) and short lists. A report never downloads a year of rows.
 */
export interface ReportSource {
  aggregate(resource: string, query: AggregateQuery): Promise<AggregateRow[]>;
  list(resource: string, query: ListQuery): Promise<ListResult>;
}

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The instants bounding a Shanghai day (inclusive), as filters take them. */
export function dayBounds(day: string): { from: string; to: string } {
  return { from: atShanghai(day, '00:00').toISOString(), to: new Date(atShanghai(addDays(day, 1), '00:00').getTime() - 1).toISOString() };
}

export function rangeBounds(from: string, to: string): { from: string; to: string } {
  return { from: dayBounds(from).from, to: dayBounds(to).to };
}

export const pct = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export const byKey = (rows: AggregateRow[], field: string) => new Map(rows.map((r) => [r[field], r]));
