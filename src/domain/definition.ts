import type { Actor, Role } from './roles';
import type { Refusal } from './refusal';
import type { Text } from './text';
import type { Workflow } from './workflow';
import type { FactName, FactValue } from './factNames';
import type { View } from './where';

/**
 * The document-definition format. One definition per document type (src/domain/documents/*)
 * drives the generated screens, the server's validation and workflow, the database columns
 * and the seed. Adding a document type means adding one definition.
 */

export type FieldType =
  | 'text' // one line
  | 'longText' // multi-line
  | 'enum'
  | 'ref' // id of a record of another resource
  | 'money' // yuan, at most 2 decimals; computed in fen
  | 'int'
  | 'bool'
  | 'datetime' // ISO instant
  | 'date' // 'YYYY-MM-DD' (Asia/Shanghai day)
  | 'lines'; // array of line objects

export interface FieldDef {
  type: FieldType;
  label: Text;
  required?: boolean;
  /** enum: allowed values with labels */
  options?: Record<string, Text>;
  /** ref: target resource */
  ref?: string;
  /** lines: the fields of one line */
  lineFields?: Record<string, FieldDef>;
  /** lines: at most this many lines */
  maxLines?: number;
  /** computed by the server (from the definition's compute); never taken from a request */
  computed?: boolean;
  /** set by the server or a workflow action; shown, never written through PUT/POST */
  readOnly?: boolean;
  /** only these roles may set it (others' values are refused with 403) */
  writableBy?: readonly Role[];
  /** only these roles are shown it (the API leaves it out of the record for others) */
  readableBy?: readonly Role[];
  /** never returned to anyone (e.g. password hashes) */
  secret?: boolean;
  maxLength?: number;
  /** text: what the value must look like (e.g. a username), and that in words for the refusal */
  pattern?: { re: RegExp; hint: Text };
  min?: number;
  max?: number;
  /** included in full-text search (`q`) */
  search?: boolean;
  /** may not change after creation */
  immutable?: boolean;
  /** default value in a new record (create form and server) */
  default?: unknown;
  /** help shown under the input; an assumption (cut clause) is labelled so */
  help?: Text;
  /**
   * money / int fields that are not yuan: shown as `12.50%` or `11 km` (lists, show pages,
   * settings, exports) instead of `¥12.50`. The stored value and its validation stay the type's.
   */
  unit?: 'percent' | 'km';
  /**
   * a deadline field: how its time left is counted — `working` where the clause counts working
   * time (08:00–17:30 on working days: 5.1.1, 6.4.5, 6.10.5, 6.14.2), else wall-clock (`calendar`,
   * the default: a promised delivery, a loan's due time)
   */
  clock?: 'working' | 'calendar';
  /** the value names something people know by another name: a resource (`orders`) or an action of the row's resource (`approve`) */
  valueIs?: 'resourceName' | 'actionName';
  /** bookkeeping people do not read (a sort key): left out of exports */
  internal?: boolean;
  /** writableBy: the clause that gives the field to those roles (named in the 403) */
  writableRule?: string;
  /**
   * ref: the records the procedure lets this field point at, from the document's other values
   * (e.g. a return's order: a delivered order of the chosen customer, 6.9.1). The form's picker
   * offers only these (`filter` null: pick `after` first); the server refuses any other (422).
   */
  pick?: RefPick;
}

export interface RefPick {
  /** a list filter (exact values or arrays of them) the referenced record must match; null: not yet known */
  filter: (doc: DocRecord) => Record<string, string | number | boolean | readonly (string | number)[]> | null;
  /** the field to fill first (the picker waits for it) */
  after?: string;
  rule: string;
  /** what the referenced record must be, in words */
  why: Text;
  /** the definition's own rules refuse other records already (in their words): no second check */
  inRules?: boolean;
}

/**
 * A printed form of the document (design: "printed forms and the statuses in which they are
 * official declared beside the fields"). The layout lives in src/print/forms; what makes the paper
 * the company's lives here, where the server's print record (POST …/printed) reads it too.
 */
export interface PrintDecl {
  title: Text;
  /** the clause the form implements */
  clause: string;
  /** the statuses in which the printout is the company's paper */
  officialIn: readonly string[];
  /**
   * outside them: 'mark' — printed with a diagonal mark on every page (草稿 / 未批准 / 已退回 …),
   * never recorded as issued; 'never' — not printed at all (paper that must not exist unapproved,
   * e.g. an outbound note)
   */
  otherwise: 'mark' | 'never';
  /** the roles whose print is recorded as the company's paper (the server refuses others, 403) */
  printers: readonly Role[];
  /** roles who print it as part of their step (print buttons in their lists) */
  stepPrinters?: readonly Role[];
}

type Opts = Partial<Omit<FieldDef, 'type' | 'label'>>;
const field =
  (type: FieldType) =>
  (label: Text, opts: Opts = {}): FieldDef => ({ type, label, ...opts });

export const text = field('text');
export const longText = field('longText');
export const int = field('int');
export const bool = field('bool');
export const datetime = field('datetime');
export const date = field('date');
export const money = field('money');
export const enumOf = (label: Text, options: Record<string, Text>, opts: Opts = {}): FieldDef => ({
  type: 'enum',
  label,
  options,
  ...opts,
});
export const ref = (label: Text, target: string, opts: Opts = {}): FieldDef => ({
  type: 'ref',
  label,
  ref: target,
  ...opts,
});
export const lines = (label: Text, lineFields: Record<string, FieldDef>, opts: Opts = {}): FieldDef => ({
  type: 'lines',
  label,
  lineFields,
  maxLines: 500,
  ...opts,
});

/** Fields every stored record has; set by the server only. */
export const SYSTEM_FIELDS = [
  'id',
  'code',
  'status',
  'createdAt',
  'createdBy',
  'updatedAt',
  'version',
  'approvals',
  'prints',
] as const;

export type DocRecord = Record<string, unknown> & { id?: number; status?: string; version?: number };

export interface Approval {
  step: string;
  action: string;
  role: Role;
  by: number;
  byName: string;
  at: string;
  decision: 'approve' | 'reject' | 'other';
  comment?: string;
}

/** What rules may look at besides the record itself. The server loads it; the UI loads the same. */
export interface RuleContext {
  now: Date;
  user: Actor;
  /** referenced records by field name, e.g. refs.customerId = the customer */
  refs: Record<string, DocRecord | undefined>;
  /** referenced records of line fields: lineRefs.productId[id] = the product */
  lineRefs: Record<string, Record<number, DocRecord | undefined>>;
  /** facts the server computes from other records (e.g. creditUsed), named by the definition */
  facts: Partial<Record<FactName, FactValue>>;
  settings: Record<string, unknown>;
}

export type Access = readonly Role[] | 'all';

/**
 * How wide a list column is — GeneratedList gives each class its width, so a list fits a 1280 screen:
 * `code` a document number, `name` a customer or product name (takes what is left, one line,
 * ellipsis), `text` other short text, `money` / `number` right-aligned figures, `datetime` / `date`,
 * `status` a workflow chip, `choice` a choice chip, `flag` yes/no.
 */
export type ColumnWidth =
  'code' | 'name' | 'text' | 'money' | 'number' | 'datetime' | 'date' | 'status' | 'choice' | 'flag';

/**
 * Which screens show a column without asking: 1 — every screen (1280 wide); 2 — from 1440 wide;
 * 3 — only when the user picks it in the column chooser.
 */
export type ColumnPriority = 1 | 2 | 3;

export interface ListColumn {
  field: string;
  width: ColumnWidth;
  priority: ColumnPriority;
}

/** a list entry: a column with its width and priority, or (the older form) just the field, read as priority 1 and a width from its type */
export type ListEntry = string | ListColumn;

export const column = (field: string, width: ColumnWidth, priority: ColumnPriority = 1): ListColumn => ({
  field,
  width,
  priority,
});

/**
 * The home inbox's columns for a document type (after number and status; the deadline and the
 * buttons follow): fields of the record, or `ref.field` — a field of the record a reference names
 * (the driver's route is the customer's). `byRole` gives a role its own (the driver: address and route).
 */
export interface InboxSpec {
  columns: readonly string[];
  byRole?: Partial<Record<Role, readonly string[]>>;
}

export interface DocumentDefinition {
  resource: string;
  clause?: string;
  label: Text;
  /** plural / menu label */
  menuLabel?: Text;
  /** human numbers: `${codePrefix}-YYYYMMDD-NNNN`; without it the code is entered (customers) */
  codePrefix?: string;
  fields: Record<string, FieldDef>;
  /** list columns, in order (see ListColumn: width class and priority) */
  list: readonly ListEntry[];
  filters: readonly string[];
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  /** fields that are columns in the database (filter/sort/search); the rest lives in JSONB */
  columns: readonly string[];
  /**
   * database indexes beyond the conventional ones (status; each filtered reference; the deadline):
   * each the columns' fields in order, `-field` for descending (e.g. `['assistantId', '-submittedAt']`);
   * server/store/pg/ddl.ts makes them
   */
  indexes?: readonly (readonly string[])[];
  access: { read: Access; create: Access; edit: Access };
  /** statuses in which PUT is allowed (owner's role only); omitted = always (master data) */
  editableIn?: readonly string[];
  /** fields the server computes from the input and context */
  compute?: (doc: DocRecord, ctx: RuleContext) => DocRecord;
  /** business rules on create/update: each refusal names its clause */
  rules?: (doc: DocRecord, ctx: RuleContext) => Refusal[];
  /** facts the rules need from other records, by name (the server computes them; src/domain/factNames.ts) */
  facts?: readonly FactName[];
  /**
   * named sets of this type — `sampleLoans.views.overdue(now)`, `complaints.views.open` — that
   * reports, dashboards, the inbox and facts execute (src/domain/where.ts); never restated
   */
  views?: Record<string, View | ((...args: never[]) => View)>;
  workflow?: Workflow;
  /** the user may only edit records they own (assistants edit their own drafts) */
  ownerField?: string;
  /** the field holding the current SLA deadline (inbox order, countdowns); a column */
  deadlineField?: string;
  /**
   * states whose deadline is another field (e.g. a web order awaiting confirmation: confirmDeadline),
   * or none (`null`: a delivered order has met its delivery promise)
   */
  stateDeadlines?: Record<string, string | null>;
  /** past its deadline now (e.g. a sample loan not back in time, 6.11.2): flagged wherever it appears */
  overdue?: (doc: DocRecord, now: Date) => boolean;
  /** menu section */
  menuGroup?: 'sales' | 'service' | 'approvals' | 'master' | 'admin';
  /** the home inbox's columns for this type (default: customer name and total, where the type has them) */
  inbox?: InboxSpec;
  /** the money field a bulk confirmation adds up ("20 张，合计 ¥…"); default `total` */
  amountField?: string;
  /** printed forms by id (letters only: recorded in `prints` and the audit log) */
  prints?: Record<string, PrintDecl>;
  /**
   * the facts an approver needs beside the record (credit used, lines short of stock, margin
   * against its band …), from what the rules used (src/domain/explain.ts)
   */
  explain?: (doc: DocRecord, ctx: RuleContext) => Fact[];
}

/** One fact shown to whoever decides on the document, with the clause it comes from. */
export interface Fact {
  /** stable name (tests, test ids) */
  key: string;
  label: Text;
  value: Text;
  rule?: string;
  /** how it weighs: a problem the approver must see (error), a caution (warning), fine (ok) */
  tone?: 'ok' | 'info' | 'warning' | 'error';
  /** the figure behind the value (yuan, percent, or a count), for tests and charts */
  amount?: number;
  /** the band the figure is held to (percent, inclusive), e.g. a margin class's 6.4.3 band */
  range?: readonly [number, number];
}

export function defineDocument<D extends DocumentDefinition>(def: D): D {
  const picked = Object.entries(def.fields).filter(([, f]) => f.type === 'ref' && f.pick);
  if (picked.length === 0) return def;
  const own = def.rules;
  // the pickers' scopes are rules too: the server refuses a record the form would not offer
  return {
    ...def,
    rules: (doc: DocRecord, ctx: RuleContext) => [...(own?.(doc, ctx) ?? []), ...pickRefusals(picked, doc, ctx)],
  };
}

/** Whether a record matches a picker's filter (exact values, or any of an array). */
export function matchesPick(rec: DocRecord, filter: ReturnType<RefPick['filter']>): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([k, v]) =>
    Array.isArray(v) ? (v as unknown[]).includes(rec[k]) : rec[k] === v,
  );
}

function pickRefusals(picked: [string, FieldDef][], doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  for (const [name, f] of picked) {
    const target = ctx.refs[name];
    if (typeof doc[name] !== 'number' || !target || !f.pick || f.pick.inRules) continue;
    if (!matchesPick(target, f.pick.filter(doc))) {
      const message = {
        zh: `${f.label.zh}：${f.pick.why.zh} (${f.pick.rule})`,
        en: `${f.label.en}: ${f.pick.why.en} (${f.pick.rule})`,
      };
      out.push({ kind: 'rule', rule: f.pick.rule, message, errors: { [name]: message } });
    }
  }
  return out;
}

/**
 * Whether a client may write this field: a field the definition declares that is neither computed
 * nor read-only. A system name the definition declares as an ordinary input (the customer `code`,
 * entered by hand, 6.3.3) is writable; undeclared system fields (`status`, `approvals`…) never are.
 * The server's body check and the SPA's forms both use this.
 */
export function isWritable(def: DocumentDefinition, name: string): boolean {
  const f = Object.hasOwn(def.fields, name) ? def.fields[name] : undefined;
  return !!f && !f.computed && !f.readOnly;
}

export function writableFields(def: DocumentDefinition): string[] {
  return Object.keys(def.fields).filter((name) => isWritable(def, name));
}

/** The width a column of this field gets when the definition names only the field. */
export function defaultWidth(def: DocumentDefinition, field: string): ColumnWidth {
  if (field === 'status' && def.workflow) return 'status';
  if (field === 'code') return 'code';
  if (field === 'createdAt' || field === 'updatedAt') return 'datetime';
  const f = Object.hasOwn(def.fields, field) ? def.fields[field] : undefined;
  switch (f?.type) {
    case 'money':
      return f.unit ? 'number' : 'money';
    case 'int':
      return 'number';
    case 'datetime':
      return 'datetime';
    case 'date':
      return 'date';
    case 'enum':
      return 'choice';
    case 'bool':
      return 'flag';
    case 'ref':
      return 'name';
    default:
      return 'text';
  }
}

/** The definition's list as columns (a bare field name: priority 1, width from its type). */
export function listColumns(def: DocumentDefinition): ListColumn[] {
  return def.list.map((e) => (typeof e === 'string' ? column(e, defaultWidth(def, e), 1) : e));
}

/** The field a bulk confirmation adds up, if the type has one. */
export function amountFieldOf(def: DocumentDefinition): string | null {
  const name = def.amountField ?? 'total';
  return Object.hasOwn(def.fields, name) && def.fields[name].type === 'money' && !def.fields[name].unit ? name : null;
}

export const canRole = (access: Access, role: Role): boolean => access === 'all' || access.includes(role);

/** May this role see the field? (`readableBy`; every field without it is readable by whoever reads the record) */
export const canReadField = (def: DocumentDefinition, name: string, role: Role): boolean => {
  const f = Object.hasOwn(def.fields, name) ? def.fields[name] : undefined;
  return !f?.readableBy || f.readableBy.includes(role);
};

/** The record as this role may see it: fields with `readableBy` that leave the role out are left out. */
export function redactFor(def: DocumentDefinition, rec: DocRecord, role: Role): DocRecord {
  const hidden = Object.entries(def.fields)
    .filter(([, f]) => f.readableBy && !f.readableBy.includes(role))
    .map(([k]) => k);
  if (hidden.length === 0 || !hidden.some((k) => k in rec)) return rec;
  const out = { ...rec };
  for (const k of hidden) delete out[k];
  return out;
}
