import { addDays, atShanghai, shanghaiDate } from '../../../src/domain/calendar';
import type { AggregateQuery } from '../types';

/**
 * Aggregations the database keeps ready (migration 010): an aggregation over orders that asks
 * exactly what `order_day_stats` holds — grouped by Shanghai day of receipt, channel and/or
 * assistant; counting orders and/or summing their totals; cancelled orders left out; whole
 * Shanghai days — is answered from it. Anything else is computed from the orders themselves.
 */

const DIMENSIONS: Record<string, string> = {
  receivedAt: `to_char(day, 'YYYY-MM-DD')`,
  channel: 'channel',
  assistantId: 'nullif(assistant_id, 0)',
};

/** a Shanghai day's first instant as an ISO string → that day; anything else → null */
function dayStarting(iso: unknown): string | null {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return null;
  const day = shanghaiDate(new Date(iso));
  return atShanghai(day, '00:00').toISOString() === new Date(iso).toISOString() ? day : null;
}

/** a Shanghai day's last millisecond → that day (the next day starts a millisecond later) */
function dayEnding(iso: unknown): string | null {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return null;
  const next = dayStarting(new Date(Date.parse(iso) + 1).toISOString());
  return next ? addDays(next, -1) : null;
}

export interface RollupSql {
  sql: string;
  params: unknown[];
}

/** the SQL answering `query` from order_day_stats, or null when the rollup cannot answer it exactly */
export function orderDayStatsSql(resource: string, query: AggregateQuery): RollupSql | null {
  if (resource !== 'orders') return null;
  const { receivedAt_gte: from, receivedAt_lte: to, status_neq: excluded, ...rest } = query.filter;
  if (Object.keys(rest).length || excluded !== 'cancelled') return null;
  const fromDay = dayStarting(from);
  const toDay = dayEnding(to);
  if (!fromDay || !toDay) return null;
  const groups: string[] = [];
  for (const g of query.groupBy) {
    if (!(g.field in DIMENSIONS) || Boolean(g.day) !== (g.field === 'receivedAt')) return null;
    groups.push(DIMENSIONS[g.field]);
  }
  const measures: string[] = [];
  for (const m of Object.values(query.measures)) {
    if (m.op === 'count') measures.push('coalesce(sum(n), 0)::int');
    else if (m.op === 'sum' && m.field === 'total') measures.push('coalesce(sum(value), 0)::text');
    else return null;
  }
  const select = [...groups.map((g, i) => `${g} AS g${i}`), ...measures.map((m, i) => `${m} AS m${i}`)];
  // a group whose orders were all cancelled or moved keeps a row with n = 0: the orders table has no
  // such group. Without groups, one row always (count 0), as from the orders.
  const groupBy = groups.length ? ` GROUP BY ${groups.map((_, i) => i + 1).join(', ')} HAVING sum(n) <> 0` : '';
  return {
    sql: `SELECT ${select.join(', ')} FROM order_day_stats WHERE day >= $1::date AND day <= $2::date${groupBy}`,
    params: [fromDay, toDay],
  };
}
