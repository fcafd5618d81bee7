import type { Filter, ListQuery, Scalar } from '../types';
import { splitFilterKey } from '../../../src/domain/where';
import type { TableSpec } from './tables';

/**
 * Builds WHERE / ORDER BY / LIMIT for the ra-data-simple-rest dialect — the SQL translation of a
 * filter and of a domain view's set (src/domain/where.ts; the json store's is `matchesWhere`). Every value is a bound
 * parameter; identifiers come only from the definition (never from the request).
 */

export class SqlBuilder {
  readonly params: unknown[] = [];
  constructor(private readonly spec: TableSpec) {}

  param(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }

  /** a column (typed) or, for other fields, the JSONB text value */
  private target(field: string): { expr: string; type: string } {
    const col = this.spec.columns.get(field);
    if (col) return { expr: `"${col.column}"`, type: col.type };
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(field)) throw new Error(`bad field ${field}`);
    return { expr: `(data->>'${field}')`, type: 'text' };
  }

  private typed(v: Scalar, type: string): unknown {
    if (type === 'text' || v === null) return v === null ? null : String(v);
    return v;
  }

  where(filter: Filter): string {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (key === 'q') {
        const q = String(value)
          .toLowerCase()
          .replace(/[\\%_]/g, (c) => `\\${c}`);
        if (!q) continue;
        // two characters or more: narrowed by the bigram index first (migration 009), then checked
        // with LIKE — except for exactly two, where holding the pair IS containing the text: the
        // planner then estimates from the pair's statistics alone, and for a common word (科技)
        // walks the list's sort index instead of fetching every match (a LIKE would make it guess
        // a handful of rows)
        const chars = Array.from(String(value)).length;
        if (chars >= 2) parts.push(`search_grams @> search_bigrams(${this.param(String(value).toLowerCase())})`);
        if (chars !== 2) parts.push(`search LIKE ${this.param(`%${q}%`)} ESCAPE '\\'`);
        continue;
      }
      const { field, op } = splitFilterKey(key, (k) => this.spec.columns.has(k));
      const { expr, type } = this.target(field);
      if (Array.isArray(value)) {
        if (value.length === 0) {
          parts.push(op === 'neq' ? 'TRUE' : 'FALSE');
          continue;
        }
        const arr = value.map((v) => this.typed(v, type));
        parts.push(`${op === 'neq' ? 'NOT ' : ''}(${expr} = ANY(${this.param(arr)}::${type}[]))`);
      } else if (value === null) {
        parts.push(op === 'neq' ? `${expr} IS NOT NULL` : `${expr} IS NULL`);
      } else {
        const p = `${this.param(this.typed(value, type))}::${type}`;
        const sqlOp =
          op === 'gte'
            ? '>='
            : op === 'lte'
              ? '<='
              : op === 'gt'
                ? '>'
                : op === 'lt'
                  ? '<'
                  : op === 'neq'
                    ? 'IS DISTINCT FROM'
                    : '=';
        parts.push(`${expr} ${sqlOp} ${p}`);
      }
    }
    return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  }

  orderBy(sort: ListQuery['sort']): string {
    const dir = sort.order === 'ASC' ? 'ASC' : 'DESC';
    const col = this.spec.columns.get(sort.field);
    if (!col) throw new Error(`cannot sort by ${sort.field}`);
    // PostgreSQL's default null order (last ascending, first descending) so the (col DESC, id DESC)
    // indexes serve the default views; the memory store orders nulls the same way
    return col.column === 'id' ? `ORDER BY id ${dir}` : `ORDER BY "${col.column}" ${dir}, id ${dir}`;
  }

  limit(range: ListQuery['range']): string {
    if (!range) return '';
    const [start, end] = range;
    const rows = end - start + 1;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(rows))
      throw new Error(`range [${start}, ${end}] is not two whole numbers`);
    // numbers in the text, not parameters: the plan is made for the rows asked, as the filtered
    // total's cap already is (listStatement.ts)
    return `LIMIT ${Math.max(0, rows)} OFFSET ${Math.max(0, start)}`;
  }
}
