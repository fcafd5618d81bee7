import type { DocRecord } from '../../../src/domain/definition';

/**
 * Document bodies the server has read lately, by table, id and version.
 *
 * A record's body never changes without its version (every write is `version + 1`, checked in
 * the UPDATE), so the body of (id, version) read once is that body for good — on this server
 * and on any other server sharing the database: a list asks PostgreSQL for the ids and versions
 * of its page and reads only the bodies it has not seen. That matters on the embedded database,
 * where turning a JSONB body into text costs more than finding the rows (a page of 25 orders:
 * ~0.6 ms for the ids, ~2 ms with the bodies). Only committed reads fill it (never a transaction,
 * whose writes may yet roll back). Least recently used bodies go first past `max`.
 *
 * Kept parsed and frozen, all the way down: readers share them (parsing a page's 25 bodies again
 * for every request was a tenth of a list page's time), so no reader may change one — a record
 * (`rowToRecord`) is a new object over the body, and changing anything inside it (a line, an
 * approval) throws instead of changing it for every later reader.
 */
export class BodyCache {
  private readonly map = new Map<string, { version: number; body: DocRecord }>();

  constructor(private readonly max = 10_000) {}

  get size(): number {
    return this.map.size;
  }

  get(table: string, id: number, version: number): DocRecord | undefined {
    const key = `${table}:${id}`;
    const hit = this.map.get(key);
    if (!hit || hit.version !== version) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.body;
  }

  /** the version of (table, id) it holds, if any */
  versionOf(table: string, id: number): number | undefined {
    return this.map.get(`${table}:${id}`)?.version;
  }

  /** keep a body read parsed (nobody else may hold it: it is frozen); the kept body */
  keep(table: string, id: number, version: number, parsed: DocRecord): DocRecord {
    const key = `${table}:${id}`;
    const body = deepFreeze(parsed);
    this.map.delete(key);
    this.map.set(key, { version, body });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
    return body;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
