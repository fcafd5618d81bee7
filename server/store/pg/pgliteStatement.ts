import { parse, protocol, types, type PGlite } from '@electric-sql/pglite';

/**
 * One statement with parameters as ONE call into PGlite. Its own `query()` sends the extended
 * protocol a message at a time — parse, describe (to learn the parameters' types), bind, describe,
 * execute, sync: six calls into the WASM module, each with its awaits and its parsing. Here the
 * messages go as one buffer (parse, bind, describe, execute, sync), as a PostgreSQL client sends
 * them over a socket; PostgreSQL infers the parameters' types from the statement (casts like
 * `$1::int[]`, or the column compared) exactly as before, so every value is sent as text.
 * The rows are parsed by PGlite's own parsers, so they come back as from `query()`.
 *
 * The caller holds PGlite's locks (see `openPglite`): this module only builds and sends.
 */
export async function runStatement<R>(db: PGlite, sql: string, params: readonly unknown[] | undefined, syncToFs: boolean): Promise<{ rows: R[] }> {
  const { serialize } = protocol;
  const messages = [
    serialize.parse({ text: sql }),
    serialize.bind({ values: (params ?? []).map(textParam) }),
    serialize.describe({ type: 'P' }),
    serialize.execute({}),
    serialize.sync(),
  ];
  const buffer = new Uint8Array(messages.reduce((n, m) => n + m.byteLength, 0));
  let at = 0;
  for (const m of messages) {
    buffer.set(m, at);
    at += m.byteLength;
  }
  const replies = await db.execProtocolStream(buffer, { syncToFs });
  return parse.parseResults(replies, db.parsers)[0] as unknown as { rows: R[] };
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
