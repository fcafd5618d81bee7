import { parse, protocol, types, type PGlite } from '@electric-sql/pglite';

/**
 * One statement with parameters as ONE call into PGlite. Its own `query()` sends the extended
 * protocol a message at a time — parse, describe (to learn the parameters' types), bind, describe,
 * execute, sync: six calls into the WASM module, each with its awaits and its parsing. Here the
 * messages go as one buffer (bind, describe, execute, sync), as a PostgreSQL client sends them over
 * a socket; PostgreSQL infers the parameters' types from the statement (casts like `$1::int[]`, or
 * the column compared) exactly as before, so every value is sent as text. The rows are parsed by
 * PGlite's own parsers, so they come back as from `query()`.
 *
 * Each statement text is parsed once, as a named prepared statement (`PreparedStatements`), and
 * bound by name after that: PostgreSQL skips parsing and analysing it. A statement without
 * parameters (the default orders list: its page size is in the text) is planned once too — the
 * planning of a list reads the size of the table and of each of its indexes (an fstat each, ~18
 * for one orders page) — and planned again by PostgreSQL when the table, its indexes or its
 * statistics change. A statement with parameters is planned for each run's values
 * (`plan_cache_mode = force_custom_plan`, openPglite): PostgreSQL's own choice of a generic plan
 * after five runs read a rare status's orders through the whole priority index (~1 s at a year)
 * once five lists of a common status had gone before.
 *
 * The caller holds PGlite's locks (see `openPglite`): this module only builds and sends.
 */
export async function runStatement<R>(db: PGlite, prepared: PreparedStatements, sql: string, params: readonly unknown[] | undefined, syncToFs: boolean): Promise<{ rows: R[] }> {
  const { serialize } = protocol;
  const closing = prepared.takeClosing().map((name) => serialize.close({ type: 'S', name }));
  const run = [serialize.bind({ values: (params ?? []).map(textParam) }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()];
  if (!PREPARED.test(sql)) {
    // DDL and the like (migrations) run unnamed, once; a table they change may change what a
    // prepared statement answers, so every statement is prepared again after them
    const replies = await db.execProtocolStream(join([...closing, serialize.parse({ text: sql }), ...run]), { syncToFs });
    prepared.closeAll();
    return parse.parseResults(replies, db.parsers)[0] as unknown as { rows: R[] };
  }
  let name = prepared.nameOf(sql);
  if (name === undefined) {
    // parsed on its own first: only a statement PostgreSQL has accepted is remembered (a syntax
    // error, or a transaction already failed, throws here and leaves nothing behind)
    name = prepared.newName();
    await db.execProtocolStream(join([...closing, serialize.parse({ name, text: sql }), serialize.sync()]), { syncToFs: false });
    closing.length = 0;
    prepared.remember(sql, name);
  }
  run[0] = serialize.bind({ statement: name, values: (params ?? []).map(textParam) });
  const replies = await db.execProtocolStream(join([...closing, ...run]), { syncToFs });
  return parse.parseResults(replies, db.parsers)[0] as unknown as { rows: R[] };
}

/** statements worth preparing: the questions and changes of the store, asked again and again */
const PREPARED = /^\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH|\()/i;

function join(messages: Uint8Array[]): Uint8Array {
  const buffer = new Uint8Array(messages.reduce((n, m) => n + m.byteLength, 0));
  let at = 0;
  for (const m of messages) {
    buffer.set(m, at);
    at += m.byteLength;
  }
  return buffer;
}

let statementNames = 0;

/**
 * The named statements one PGlite connection holds: statement text → name, the least recently
 * used closed (a Close message ahead of the next statement) once there are more than `max` —
 * list pages and reports build their text from the filters asked, so the set is bounded by the
 * shapes of questions, not by their values. `closeAll()` after anything that may change what a
 * statement returns (DDL: migrations, `exec`); PostgreSQL plans again on its own when only
 * indexes or statistics change. Closing goes with the next statement, under the same lock, so
 * no statement can slip between a close and the forgetting of its name.
 */
export class PreparedStatements {
  private readonly names = new Map<string, string>();
  private closing: string[] = [];

  constructor(private readonly max = 500) {}

  nameOf(sql: string): string | undefined {
    const name = this.names.get(sql);
    if (name !== undefined) {
      // most recently used last
      this.names.delete(sql);
      this.names.set(sql, name);
    }
    return name;
  }

  /** unique in the process, so two of these on one connection (tests) never collide */
  newName(): string {
    return `s${++statementNames}`;
  }

  remember(sql: string, name: string): void {
    this.names.set(sql, name);
    while (this.names.size > this.max) {
      const [oldest, oldName] = this.names.entries().next().value as [string, string];
      this.names.delete(oldest);
      this.closing.push(oldName);
    }
  }

  /** names to close before the next statement (sent with it) */
  takeClosing(): string[] {
    const out = this.closing;
    this.closing = [];
    return out;
  }

  /** every statement closed with the next one, and prepared again when next asked */
  closeAll(): void {
    this.closing.push(...this.names.values());
    this.names.clear();
  }

  get size(): number {
    return this.names.size;
  }
}

/**
 * A parameter as PostgreSQL's text input: what PGlite's serializers give for the type the
 * statement infers. JSON values are stringified by the store before they get here (a JS array
 * here is a PostgreSQL array, `= ANY($1::int[])`).
 */
export function textParam(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return `\\x${Buffer.from(v).toString('hex')}`;
  if (Array.isArray(v)) return types.arraySerializer(v, (x: unknown) => (x instanceof Date ? x.toISOString() : String(x)), 0) as string;
  return JSON.stringify(v);
}
