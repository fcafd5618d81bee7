import { COUNT_BEYOND_PAGE, type ListQuery } from '../types';
import { SqlBuilder } from './sql';
import { tableSpec } from './tables';

/**
 * The one statement of a list page (PgStore.list; the bench EXPLAINs the same): the page's rows
 * and, when a total is wanted, the total in the same statement (computed once, as an InitPlan).
 * Filtered, the total counts the matches, but at most COUNT_BEYOND_PAGE past this page — beyond
 * that it is a lower bound ("500+"), so a broad search does not visit thousands of rows;
 * unfiltered, it is the trigger-kept exact count (migration 007).
 */
export interface ListStatement {
  table: string;
  /**
   * the statement with these columns of the rows (and the count as `list_total__` when `count` is
   * set — not `total`: ORDER BY "total" would then sort by the count, not by an order's total)
   */
  select: (cols: string) => string;
  params: unknown[];
  /** the total's expression, or null when no total is wanted (`total: false`, no range) */
  count: string | null;
  /** the parameters `count` alone needs (an empty page past the end asks for its total alone) */
  countParams: unknown[];
  /** the range the total is for: null when none is wanted */
  range: [number, number] | null;
  /** filtered totals stop here: a total this large is a lower bound */
  cap: number;
  filtered: boolean;
}

export function listStatement(resource: string, query: ListQuery): ListStatement {
  const spec = tableSpec(resource);
  const b = new SqlBuilder(spec);
  const where = b.where(query.filter);
  const order = b.orderBy(query.sort);
  const whereParams = b.params.length;
  const limit = b.limit(query.range);
  const range = query.total === false ? null : query.range;
  const cap = range ? range[1] + 1 + COUNT_BEYOND_PAGE : 0;
  const count = !range
    ? null
    : where
      ? `(SELECT count(*)::int FROM (SELECT 1 FROM ${spec.table} ${where} LIMIT ${cap}) AS matches)`
      : `(SELECT n::int FROM row_counts WHERE tbl = '${spec.table}')`;
  return {
    table: spec.table,
    select: (cols) =>
      `SELECT ${cols}${count ? `, ${count} AS list_total__` : ''} FROM ${spec.table} ${where} ${order} ${limit}`,
    params: b.params,
    count,
    countParams: b.params.slice(0, whereParams),
    range,
    cap,
    filtered: where !== '',
  };
}
