import type { DocRecord } from '../../../src/domain/definition';
import type { SqlClient } from './driver';
import { rowValues } from './pgStore';
import { tableSpec } from './tables';

/**
 * What an import (a db.json, a backup) holds that PostgreSQL would refuse, named by resource, id
 * and field — instead of a raw database error naming no record. Before the import: text that no
 * PostgreSQL text can hold (a NUL, a lone UTF-16 surrogate, which the driver would otherwise turn
 * silently into U+FFFD). After a failed INSERT: which of the record's fields PostgreSQL refused.
 */

export class ImportRecordError extends Error {
  constructor(
    readonly resource: string,
    readonly id: unknown,
    readonly field: string | null,
    detail: string,
  ) {
    super(
      `导入中止，未导入任何数据：${resource} #${String(id)}${field ? ` 字段 ${field}` : ''} — import stopped, nothing was imported: ` +
        `${resource} id ${String(id)}${field ? `, field "${field}"` : ''}: ${detail}. Fix that record in the file and run it again.`,
    );
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** the first string in `value` (a record, deep) PostgreSQL cannot store, with its path */
export function badText(value: unknown, path = ''): { path: string; why: string } | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      return { path, why: 'holds a NUL character (\\u0000), which PostgreSQL text cannot store' };
    if (LONE_SURROGATE.test(value))
      return { path, why: 'holds a lone UTF-16 surrogate (half of a character), which is not valid Unicode text' };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = badText(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyHit = badText(k, path);
      if (keyHit) return { path: `${path ? `${path}.` : ''}${JSON.stringify(k)}`, why: `its name ${keyHit.why}` };
      const hit = badText(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}

/** every record's text, before anything is written */
export function checkImportText(state: Record<string, unknown>, resources: string[]): void {
  for (const r of resources) {
    const rows = (state[r] as Record<string, unknown>[]) ?? [];
    for (const row of rows) {
      if (!Number.isInteger(row.id) || (row.id as number) < 1 || (row.id as number) > 2_147_483_647)
        throw new ImportRecordError(r, row.id, 'id', 'not an id (a whole number 1…2147483647)');
      const hit = badText(row);
      if (hit) throw new ImportRecordError(r, row.id, hit.path, hit.why);
    }
  }
}

/** the counters and password hashes of `_meta`, which go in beside the records */
export function checkImportMeta(meta: {
  counters: Record<string, unknown>;
  passwordHashes: Record<string, unknown>;
}): void {
  for (const [key, value] of Object.entries(meta.counters ?? {})) {
    if (badText(key) || !Number.isInteger(value) || (value as number) < 0 || (value as number) > 2_147_483_647) {
      throw new Error(
        `导入中止 — import stopped, nothing was imported: _meta.counters["${key}"] = ${JSON.stringify(value)} is not a counter (a whole number 0…2147483647).`,
      );
    }
  }
  for (const [userId, hash] of Object.entries(meta.passwordHashes ?? {})) {
    if (!/^[1-9]\d{0,9}$/.test(userId) || typeof hash !== 'string' || badText(hash)) {
      throw new Error(
        `导入中止 — import stopped, nothing was imported: _meta.passwordHashes["${userId}"] is not a user id with a password hash.`,
      );
    }
  }
}

interface PgError {
  message?: string;
  code?: string;
  column?: string;
  constraint?: string;
}

/**
 * After PostgreSQL refused `record`: which field, as far as can be told — the error's column, the
 * column its constraint is named after, or else each column's value cast alone to its column's
 * type on `db` (a connection outside the failed transaction).
 */
export async function explainRefusedRecord(
  db: SqlClient,
  resource: string,
  record: DocRecord,
  error: unknown,
): Promise<Error> {
  const e = (error ?? {}) as PgError;
  const spec = tableSpec(resource);
  const detail = `${e.message ?? String(error)}${e.code ? ` (PostgreSQL ${e.code})` : ''}`;
  // not the record's fault (a full disk, a lost connection): said as such, with where it stopped
  if (!e.code || !/^2[23]/.test(e.code)) {
    return new Error(
      `导入中止，未导入任何数据 — import stopped, nothing was imported (while writing ${resource} id ${String(record.id)}): ${detail}`,
    );
  }
  const columns = [...spec.columns.values()];
  const fieldOf = (column: string) => columns.find((c) => c.column === column)?.field ?? column;
  const show = (field: string) => `${detail}; the value is ${JSON.stringify(record[field]) ?? 'missing'}`;
  if (e.column) return new ImportRecordError(resource, record.id, fieldOf(e.column), show(fieldOf(e.column)));
  if (e.constraint) {
    // users_username_check, customers_code_key, orders_total_check …: the longest column named in it
    const named = columns
      .filter((c) => e.constraint!.includes(`_${c.column}_`) || e.constraint!.endsWith(`_${c.column}`))
      .sort((a, b) => b.column.length - a.column.length)[0];
    if (named) return new ImportRecordError(resource, record.id, named.field, show(named.field));
  }
  try {
    const types = await db.query<{ name: string; type: string }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
      [spec.table],
    );
    const typeOf = new Map(types.rows.map((t) => [t.name, t.type]));
    const { cols, vals } = rowValues(spec, record);
    for (let i = 0; i < cols.length; i++) {
      const column = cols[i].replace(/"/g, '');
      const type = typeOf.get(column);
      if (!type || vals[i] === null || vals[i] === undefined) continue;
      try {
        await db.query(`SELECT $1::${type}`, [vals[i]]);
      } catch (cast) {
        const field = column === 'data' || column === 'search' ? null : fieldOf(column);
        return new ImportRecordError(
          resource,
          record.id,
          field,
          field ? `${(cast as Error).message}; the value is ${JSON.stringify(record[field])}` : (cast as Error).message,
        );
      }
    }
  } catch {
    // the diagnosis itself failed: the record is still named
  }
  return new ImportRecordError(resource, record.id, null, detail);
}
