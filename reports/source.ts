import type { AggregateQuery, AggregateRow, ListQuery, ListResult } from '../src/domain/query';

/**
 * What a report reads: aggregations (SQL GROUP BY in PostgreSQL, the same in memory for the
 * json store and tests) and short lists. A report never downloads a year of rows.
 */
export interface ReportSource {
  aggregate(resource: string, query: AggregateQuery): Promise<AggregateRow[]>;
  list(resource: string, query: ListQuery): Promise<ListResult>;
}

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

export { dayBounds, rangeBounds } from '../src/domain/periods';

export const pct = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

export const byKey = (rows: AggregateRow[], field: string) => new Map(rows.map((r) => [r[field], r]));
