import type { DocRecord, DocumentDefinition, FieldDef } from './definition';
import type { Clock } from './duration';
import type { Role } from './roles';

/**
 * GET /api/myWork: a document waiting on the caller (server/core/inbox.ts builds it, the home
 * page shows it as a work queue grouped by document type, each type with its own columns).
 */
export interface InboxItem {
  resource: string;
  id: number;
  code: string | null;
  status: string;
  /** the deadline running now (none on a returned document), and its clock */
  deadline: string | null;
  clock: Clock;
  /** past its deadline, or overdue by the type's own rule */
  overdue: boolean;
  /** the type's inbox columns for the caller's role (inboxColumns), references already named */
  values: Record<string, string | number | boolean | null>;
  /** a document sent back to its author: why, and by whom */
  returned: { reason: string; by: string; at: string } | null;
  createdAt: string | null;
  version: number | null;
}

/** with no inbox spec: the customer and the amount, where the type has them */
const DEFAULT_COLUMNS = ['customerName', 'total'];

/** The inbox columns of a type for a role (InboxSpec; a `ref.field` column reads the referenced record). */
export function inboxColumns(def: DocumentDefinition, role: Role): readonly string[] {
  const spec = def.inbox;
  if (spec) return spec.byRole?.[role] ?? spec.columns;
  return DEFAULT_COLUMNS.filter((c) => Object.hasOwn(def.fields, c));
}

/** The field a column shows: a field of the type, or (for `ref.field`) of the referenced type. */
export function inboxColumnField(
  def: DocumentDefinition,
  column: string,
  getDefinition: (r: string) => DocumentDefinition | undefined,
): { def: DocumentDefinition; field: string; f: FieldDef | undefined } {
  const [head, tail] = column.split('.', 2);
  if (tail) {
    const target = def.fields[head]?.ref ? getDefinition(def.fields[head].ref as string) : undefined;
    if (target) return { def: target, field: tail, f: target.fields[tail] };
  }
  return { def, field: column, f: Object.hasOwn(def.fields, column) ? def.fields[column] : undefined };
}

/** The last rejection of a document (its reason), if it came back that way. */
export function lastRejection(record: DocRecord): { reason: string; by: string; at: string } | null {
  const approvals = Array.isArray(record.approvals)
    ? (record.approvals as { decision?: string; comment?: string; byName?: string; at?: string }[])
    : [];
  const last = approvals.at(-1);
  if (!last || last.decision !== 'reject') return null;
  return { reason: last.comment ?? '', by: last.byName ?? '', at: last.at ?? '' };
}
