import type { DocumentDefinition, FieldDef } from '../../../src/domain/definition';
import { snake, tableSpec, tableOf } from './tables';

/**
 * A document type's table, from its definition: the common columns, the definition's `columns`
 * typed by their fields, its conventional indexes (status; each reference a list filters on) and
 * its declared ones (`indexes`: sorts, deadlines) — with the four conventions the
 * hand-written migrations repeat applied once, here:
 *
 * - every foreign key `DEFERRABLE INITIALLY DEFERRED` (008: a restore inserts tables in any order);
 * - `search_grams`, the search text's character pairs, with a GIN index (009: two-character Chinese words);
 * - GIN indexes `WITH (fastupdate = off)` (011: no pending list to read on every search);
 * - `track_row_count` (007: an unfiltered list's total without counting the rows).
 *
 * Migrations stay versioned and reviewed: `npx tsx server/store/pg/ddl.ts <resource>` prints the SQL
 * for a new type's migration file; test/api/schema.test.ts checks the migrated tables against this
 * generator. A type added with `registerDocument` (not in a migration) gets its table from here at
 * start (migrate.ts).
 */

const RESERVED = new Set([
  'group',
  'order',
  'user',
  'from',
  'to',
  'limit',
  'offset',
  'default',
  'check',
  'references',
  'table',
  'select',
  'where',
  'end',
]);
export const ident = (name: string) =>
  /^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** the SQL type of a column (money with its precision) */
function sqlType(type: string): string {
  return type === 'numeric' ? 'numeric(14, 2)' : type;
}

/** a field input by people and required (computed and server-set fields are filled later) */
const requiredInput = (f: FieldDef | undefined) => !!f?.required && !f.computed && !f.readOnly;

/** the table a reference points at */
function refTable(def: DocumentDefinition, field: string): string | null {
  if (field === 'createdBy') return 'users';
  const f = def.fields[field];
  return f?.type === 'ref' && f.ref ? tableOf(f.ref) : null;
}

export interface GeneratedIndex {
  name: string;
  /** the columns with their order, e.g. ['status', 'id DESC'] */
  columns: string[];
  gin?: boolean;
}

/** The indexes the generator makes for a definition (see the header). */
export function generatedIndexes(def: DocumentDefinition): GeneratedIndex[] {
  const t = tableOf(def.resource);
  const spec = tableSpec(def.resource);
  const out: GeneratedIndex[] = [{ name: `${t}_search_grams`, columns: ['search_grams'], gin: true }];
  const seen = new Set<string>();
  const add = (name: string, columns: string[]) => {
    const key = columns.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, columns });
  };
  // the lists: by status, newest first
  if (def.workflow && spec.columns.has('status')) add(`${t}_status`, ['status', 'id DESC']);
  // each reference a list filters on (a customer's documents, an assistant's)
  for (const field of def.filters) {
    const c = spec.columns.get(field);
    if (c && refTable(def, field)) add(`${t}_${c.column}`, [c.column, 'id DESC']);
  }
  for (const decl of def.indexes ?? []) {
    const cols = decl.map((f) => {
      const desc = f.startsWith('-');
      const c = spec.columns.get(desc ? f.slice(1) : f);
      if (!c) throw new Error(`${def.resource}: index on ${f}, which is not a column (definition.columns)`);
      return desc ? `${c.column} DESC` : c.column;
    });
    add(`${t}_${decl.map((f) => snake(f.replace(/^-/, ''))).join('_')}`, cols);
  }
  return out;
}

/** The statements creating a definition's table, its indexes and its row count (its foreign keys: foreignKeyDdl). */
export function tableDdl(def: DocumentDefinition): string[] {
  const t = tableOf(def.resource);
  const spec = tableSpec(def.resource);
  const cols: string[] = [
    'id serial PRIMARY KEY',
    'version integer NOT NULL DEFAULT 1 CHECK (version > 0)',
    'created_at timestamptz NOT NULL DEFAULT now()',
    'updated_at timestamptz NOT NULL DEFAULT now()',
    'data jsonb NOT NULL',
    "search text NOT NULL DEFAULT ''",
    'search_grams text[] GENERATED ALWAYS AS (search_bigrams(search)) STORED',
  ];
  for (const c of spec.columns.values()) {
    if (['id', 'version', 'createdAt', 'updatedAt'].includes(c.field)) continue;
    const f = Object.hasOwn(def.fields, c.field) ? def.fields[c.field] : undefined;
    const name = ident(c.column);
    const parts = [name, sqlType(c.type)];
    if (c.field === 'code' && def.codePrefix) parts.push('NOT NULL UNIQUE');
    else if (c.field === 'status' && def.workflow) parts.push('NOT NULL');
    // a document's required inputs; master data (customers, products) may come in from elsewhere without them
    else if (def.workflow && requiredInput(f)) parts.push('NOT NULL');
    if (f?.type === 'money' && !(typeof f.min === 'number' && f.min < 0)) parts.push(`CHECK (${name} >= 0)`);
    if (f?.type === 'enum' && f.options)
      parts.push(`CHECK (${name} IN (${Object.keys(f.options).map(literal).join(', ')}))`);
    cols.push(parts.join(' '));
  }
  const out = [`CREATE TABLE ${ident(t)} (\n  ${cols.join(',\n  ')}\n)`];
  for (const ix of generatedIndexes(def)) {
    out.push(
      ix.gin
        ? `CREATE INDEX ${ident(ix.name)} ON ${ident(t)} USING gin (${ix.columns.join(', ')}) WITH (fastupdate = off)`
        : `CREATE INDEX ${ident(ix.name)} ON ${ident(t)} (${ix.columns.join(', ')})`,
    );
  }
  out.push(`SELECT track_row_count(${literal(t)})`);
  return out;
}

/** Each reference of the definition's columns as a foreign key checked at commit (added after every table exists). */
export function foreignKeyDdl(def: DocumentDefinition): string[] {
  const t = tableOf(def.resource);
  const out: string[] = [];
  for (const c of tableSpec(def.resource).columns.values()) {
    const target = refTable(def, c.field);
    if (target)
      out.push(
        `ALTER TABLE ${ident(t)} ADD CONSTRAINT ${ident(`${t}_${c.column}_fkey`)} FOREIGN KEY (${ident(c.column)}) REFERENCES ${ident(target)} (id) DEFERRABLE INITIALLY DEFERRED`,
      );
  }
  return out;
}

/** The statements for these definitions: the tables, then their foreign keys (documents refer to each other both ways). */
export function definitionsDdl(defs: readonly DocumentDefinition[]): string[] {
  return [...defs.flatMap(tableDdl), ...defs.flatMap(foreignKeyDdl)];
}

/** The SQL of a migration file for these definitions. */
export function migrationSql(defs: readonly DocumentDefinition[]): string {
  const head = `-- ${defs.map((d) => `${d.resource}${d.clause ? ` (${d.clause})` : ''}`).join(', ')}: generated by server/store/pg/ddl.ts from the definitions\n`;
  return `${head}${definitionsDdl(defs).join(';\n\n')};\n`;
}
