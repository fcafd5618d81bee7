import type { DocRecord } from './definition';
import type { Where } from './where';

/**
 * What a reader of records asks (lists and aggregations) — the shapes the store answers and the
 * reports ask with. Here, in the domain, so reports and screens need nothing of server/store.
 */

export interface ListQuery {
  filter: Where;
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** inclusive [start, end] as react-admin sends; null = all */
  range: [number, number] | null;
  /** false: the caller shows no total (the inbox): the store need not count, and `total` may be just the rows returned */
  total?: false;
}

export interface ListResult {
  rows: DocRecord[];
  total: number;
  /**
   * false when `total` is a lower bound: a filtered list counts at most COUNT_BEYOND_PAGE rows past
   * the page asked for (so a search matching thousands of rows does not read them all to say so).
   * The API says so with `X-Total-Exact: false`; the SPA shows "500+".
   */
  exact?: boolean;
}

/** A measure of an aggregation: row count, sum, count of true values, count where a ≤ b, minimum. */
export type Measure =
  | { op: 'count' }
  | { op: 'sum'; field: string }
  | { op: 'countTrue'; field: string }
  | { op: 'countLe'; field: string; than: string }
  | { op: 'min'; field: string };

/** GROUP BY over columns; `day` buckets a timestamp by its Asia/Shanghai day ('YYYY-MM-DD'). */
export interface AggregateQuery {
  filter: Where;
  groupBy: { field: string; day?: boolean }[];
  measures: Record<string, Measure>;
}

/** one row per group: the group values under their field names, then the measures by name */
export type AggregateRow = Record<string, string | number | boolean | null>;
