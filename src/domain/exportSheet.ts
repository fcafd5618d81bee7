import type { DocRecord, DocumentDefinition, FieldDef } from './definition';
import { fieldLabel, fieldValueText, valueText, type ValueContext } from './present';
import type { Locale, Text } from './text';

/**
 * An export's sheet, from the definition — one code path for every resource (issue 18): headers
 * are the fields' labels in the reader's language; statuses and choices their labels; references
 * code + name; times Asia/Shanghai; figures as numbers (the label carries the unit). One row per
 * document, or — the 明细 export — one row per line of a lines field. server/core/export.ts
 * streams it; csv.ts writes it.
 */

export type ExportMode = { kind: 'documents' } | { kind: 'lines'; field: string };

export interface SheetRow {
  record: DocRecord;
  /** the lines export: the line and its 1-based number */
  line?: DocRecord;
  lineNo?: number;
}

export interface SheetColumn {
  header: string;
  cell: (row: SheetRow, ctx: ValueContext) => string | number | null;
}

const LINE_NO: Text = { zh: '行号', en: 'Line' };
const DETAIL: Text = { zh: '明细', en: 'lines' };

/** The lines field an export of lines reads: the one asked for, else the type's first. */
export function linesFieldOf(def: DocumentDefinition, asked?: string | null): string | null {
  const lines = Object.entries(def.fields)
    .filter(([, f]) => f.type === 'lines' && !f.secret)
    .map(([k]) => k);
  if (asked && asked !== '1' && asked !== 'true') return lines.includes(asked) ? asked : null;
  return lines[0] ?? null;
}

const shownInExport = (f: FieldDef) => f.type !== 'lines' && !f.secret && !f.internal;

/** a figure stays a number (Excel adds it up); everything else is text in the reader's language */
function cellOf(f: FieldDef | undefined, v: unknown, text: () => string): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if ((f?.type === 'money' || f?.type === 'int') && typeof v === 'number' && Number.isFinite(v)) return v;
  return text();
}

/** The document columns: number, status, the fields in definition order, created / updated. */
function documentColumns(def: DocumentDefinition, locale: Locale): SheetColumn[] {
  const cols: SheetColumn[] = [];
  const has = (k: string) => Object.hasOwn(def.fields, k);
  if (def.codePrefix && !has('code'))
    cols.push({ header: fieldLabel(def, 'code', locale), cell: ({ record }) => (record.code as string) ?? null });
  if (def.workflow && !has('status'))
    cols.push({
      header: fieldLabel(def, 'status', locale),
      cell: ({ record }, ctx) => valueText(def, 'status', record.status, ctx) || null,
    });
  for (const [k, f] of Object.entries(def.fields)) {
    if (!shownInExport(f)) continue;
    cols.push({
      header: f.label[locale],
      cell: ({ record }, ctx) => cellOf(f, record[k], () => valueText(def, k, record[k], { ...ctx, record })),
    });
  }
  cols.push({
    header: fieldLabel(def, 'createdAt', locale),
    cell: ({ record }, ctx) => valueText(def, 'createdAt', record.createdAt, ctx) || null,
  });
  if (!has('createdBy'))
    cols.push({
      header: fieldLabel(def, 'createdBy', locale),
      cell: ({ record }, ctx) =>
        typeof record.createdBy === 'number'
          ? (ctx.refName?.('users', record.createdBy) ?? String(record.createdBy))
          : null,
    });
  cols.push({
    header: fieldLabel(def, 'updatedAt', locale),
    cell: ({ record }, ctx) => valueText(def, 'updatedAt', record.updatedAt, ctx) || null,
  });
  return cols;
}

/** The lines columns: the document's number (and customer), the line's number, the line's fields. */
function lineColumns(def: DocumentDefinition, field: string, locale: Locale): SheetColumn[] {
  const cols: SheetColumn[] = [
    {
      header: fieldLabel(def, 'code', locale),
      cell: ({ record }) => (record.code as string) ?? (record.id != null ? `#${record.id}` : null),
    },
  ];
  if (Object.hasOwn(def.fields, 'customerName'))
    cols.push({
      header: def.fields.customerName.label[locale],
      cell: ({ record }) => (record.customerName as string) || null,
    });
  else if (Object.hasOwn(def.fields, 'customerId'))
    cols.push({
      header: def.fields.customerId.label[locale],
      cell: ({ record }, ctx) =>
        cellOf(def.fields.customerId, record.customerId, () => valueText(def, 'customerId', record.customerId, ctx)),
    });
  cols.push({ header: LINE_NO[locale], cell: ({ lineNo }) => lineNo ?? null });
  for (const [k, f] of Object.entries(def.fields[field]?.lineFields ?? {})) {
    if (!shownInExport(f)) continue;
    cols.push({
      header: f.label[locale],
      cell: ({ line }, ctx) => cellOf(f, line?.[k], () => fieldValueText(f, line?.[k], ctx)),
    });
  }
  return cols;
}

export function exportColumns(def: DocumentDefinition, mode: ExportMode, locale: Locale): SheetColumn[] {
  return mode.kind === 'lines' ? lineColumns(def, mode.field, locale) : documentColumns(def, locale);
}

/** The sheet's rows of some documents: one each, or one per line. */
export function exportRows(records: readonly DocRecord[], mode: ExportMode): SheetRow[] {
  if (mode.kind === 'documents') return records.map((record) => ({ record }));
  return records.flatMap((record) =>
    (Array.isArray(record[mode.field]) ? (record[mode.field] as DocRecord[]) : []).map((line, i) => ({
      record,
      line,
      lineNo: i + 1,
    })),
  );
}

/** The records the rows reference, by resource: their names are looked up before the rows are written. */
export function referencedIds(
  def: DocumentDefinition,
  rows: readonly SheetRow[],
  mode: ExportMode,
): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const add = (resource: string | undefined, v: unknown) => {
    if (!resource || typeof v !== 'number') return;
    const s = out.get(resource) ?? new Set<number>();
    s.add(v);
    out.set(resource, s);
  };
  const docRefs = Object.entries(def.fields).filter(([, f]) => f.type === 'ref' && shownInExport(f));
  const lineRefs =
    mode.kind === 'lines'
      ? Object.entries(def.fields[mode.field]?.lineFields ?? {}).filter(([, f]) => f.type === 'ref' && shownInExport(f))
      : [];
  for (const row of rows) {
    if (mode.kind === 'documents') {
      for (const [k, f] of docRefs) add(f.ref, row.record[k]);
      if (!Object.hasOwn(def.fields, 'createdBy')) add('users', row.record.createdBy);
    } else {
      if (!Object.hasOwn(def.fields, 'customerName') && def.fields.customerId?.type === 'ref')
        add(def.fields.customerId.ref, row.record.customerId);
      for (const [k, f] of lineRefs) add(f.ref, row.line?.[k]);
    }
  }
  return out;
}

/** The file's name: 销售订单-20261127-1430.csv, 销售订单明细-….csv. */
export function exportFileName(def: DocumentDefinition, mode: ExportMode, locale: Locale, stamp: string): string {
  const name = (def.menuLabel ?? def.label)[locale];
  return `${name}${mode.kind === 'lines' ? (locale === 'zh' ? DETAIL.zh : ` ${DETAIL.en}`) : ''}-${stamp}.csv`;
}
