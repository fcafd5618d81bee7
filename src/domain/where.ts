/**
 * Sets of records. A `Where` is the list filter of the ra-data-simple-rest dialect — the one
 * language the API's lists, the stores and the domain's views speak:
 * `field: value` (exact), `field: [..]` (any of), `field_gte` / `field_lte` (at or after / before),
 * `field_gt` / `field_lt` (strictly after / before), `field_neq` (not equal), `q` (full text).
 *
 * A `View` is a named set of one document type — "the overdue loans", "the open complaints" —
 * declared once in its definition (`sampleLoans.views.overdue(now)`) and executed by every
 * consumer: the store translates it (SQL in server/store/pg/sql.ts, `matchesWhere` below for the
 * json store), the reports count it, the dashboard links to the list it counts.
 */

export type Scalar = string | number | boolean | null;

export type Where = Record<string, Scalar | Scalar[]>;

export interface View<R extends string = string> {
  readonly resource: R;
  readonly where: Where;
}

export const view = <R extends string>(resource: R, where: Where): View<R> => ({ resource, where });

/** The same set narrowed by more conditions (a day, an assistant). */
export const narrow = <R extends string>(v: View<R>, where: Where): View<R> => ({
  resource: v.resource,
  where: { ...v.where, ...where },
});

export type FilterOp = 'eq' | 'gte' | 'lte' | 'gt' | 'lt' | 'neq';

const OP_SUFFIX = /^(.*)_(gte|lte|gt|lt|neq)$/;

/**
 * A filter key as field and operator. `isField(key)`: the key is itself a field (a column named
 * `x_lt` stays exact), when the caller knows its fields.
 */
export function splitFilterKey(key: string, isField?: (k: string) => boolean): { field: string; op: FilterOp } {
  const m = OP_SUFFIX.exec(key);
  if (!m || isField?.(key)) return { field: key, op: 'eq' };
  return { field: m[1], op: m[2] as FilterOp };
}

/** comparison as PostgreSQL orders values: numbers as numbers, booleans false < true, the rest as text */
export const compareValues = (a: unknown, b: unknown): number => {
  if (a == null && b == null) return 0;
  // nulls sort as the greatest value, as in PostgreSQL: last ascending, first descending
  if (a == null) return 1;
  if (b == null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
};

const eq = (a: unknown, b: Scalar) => (a == null ? b === null : b !== null && (a === b || String(a) === String(b)));

/**
 * Whether a record is in the set: the json store's translation of a filter (the SQL one is
 * server/store/pg/sql.ts) and the domain's, so a view can be checked against its record rule
 * (`isLoanOverdue`) in a unit test. `searchFields`: the fields `q` looks in.
 */
export function matchesWhere(
  row: Record<string, unknown>,
  where: Where,
  searchFields: readonly string[] = [],
): boolean {
  return whereTest(where, searchFields)(row);
}

/**
 * The same test, its keys read once: a store that checks many rows against one filter (the json
 * store's list scans a whole table) compiles it once instead of once per row.
 */
export function whereTest(
  where: Where,
  searchFields: readonly string[] = [],
): (row: Record<string, unknown>) => boolean {
  const tests = Object.entries(where).map(([key, value]): ((row: Record<string, unknown>) => boolean) => {
    if (key === 'q') {
      const q = String(value).toLowerCase();
      if (!q) return () => true;
      return (row) =>
        searchFields
          .map((f) => row[f])
          .filter((v) => v != null && v !== '')
          .join(' ')
          .toLowerCase()
          .includes(q);
    }
    const { field, op } = splitFilterKey(key);
    if (Array.isArray(value)) {
      // eq against each value, as one lookup: null matches a null in the list, anything else by its text
      const texts = new Set(value.filter((x) => x !== null).map(String));
      const withNull = value.includes(null);
      const inList = (v: unknown) => (v == null ? withNull : texts.has(String(v)));
      return op === 'neq' ? (row) => !inList(row[field]) : (row) => inList(row[field]);
    }
    if (op === 'eq') return (row) => eq(row[field], value);
    if (op === 'neq') return (row) => !eq(row[field], value);
    return (row) => {
      const v = row[field];
      if (v == null || value == null) return false;
      const c = compareValues(v, value);
      return !(op === 'gte' ? c < 0 : op === 'lte' ? c > 0 : op === 'gt' ? c <= 0 : c >= 0);
    };
  });
  return (row) => tests.every((test) => test(row));
}

/** The statuses of a workflow that are not final: the documents still under way. */
export const openStatuses = (states: Record<string, object>): string[] =>
  Object.entries(states)
    .filter(([, s]) => !('final' in s && s.final))
    .map(([k]) => k);
