import type { DocumentDefinition, FieldType } from '../../../src/domain/definition';
import { DEFINITIONS } from '../../../src/domain/documents';

/**
 * Which fields of a definition are real columns (filter, sort, search, constraints) — derived
 * from `definition.columns`. The rest of a record lives in the row's `data` JSONB. The
 * migrations create exactly these columns (server/store/pg/ddl.ts generates them); test/api/schema.test.ts checks they agree.
 */

export const SQL_TYPES: Record<FieldType, string> = {
  text: 'text',
  longText: 'text',
  enum: 'text',
  ref: 'integer',
  int: 'integer',
  money: 'numeric',
  bool: 'boolean',
  datetime: 'timestamptz',
  date: 'date',
  lines: 'jsonb',
};

export interface Column {
  field: string;
  column: string;
  type: string;
}

export const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A resource's table: its name in snake case (`auditLog` → `audit_log`), for every type alike. */
export const tableOf = (resource: string) => snake(resource);

/** Columns every table has besides the definition's. */
const COMMON: Column[] = [
  { field: 'id', column: 'id', type: 'integer' },
  { field: 'version', column: 'version', type: 'integer' },
  { field: 'createdAt', column: 'created_at', type: 'timestamptz' },
  { field: 'updatedAt', column: 'updated_at', type: 'timestamptz' },
];

export interface TableSpec {
  resource: string;
  table: string;
  columns: Map<string, Column>;
  searchFields: string[];
}

function specFor(def: DocumentDefinition): TableSpec {
  const columns = new Map<string, Column>(COMMON.map((c) => [c.field, c]));
  for (const field of def.columns) {
    const f = def.fields[field];
    const type = field === 'createdBy' ? 'integer' : f ? SQL_TYPES[f.type] : 'text';
    columns.set(field, { field, column: snake(field), type });
  }
  const searchFields = Object.entries(def.fields)
    .filter(([, f]) => f.search)
    .map(([k]) => k);
  return { resource: def.resource, table: tableOf(def.resource), columns, searchFields };
}

const SPECS = new Map<string, TableSpec>();
export function tableSpec(resource: string): TableSpec {
  let spec = SPECS.get(resource);
  if (!spec) {
    const def = DEFINITIONS[resource];
    if (!def) throw new Error(`no table for resource ${resource}`);
    spec = specFor(def);
    SPECS.set(resource, spec);
  }
  return spec;
}
