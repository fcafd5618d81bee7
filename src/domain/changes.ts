import type { DocRecord, DocumentDefinition, FieldDef } from './definition';
import { fieldLabel, fieldValueText, resourceLabel, valueText, type ValueContext } from './present';
import type { Locale } from './text';

/**
 * What an audit entry changed, as sentences in the reader's language (the change history on
 * show pages and the audit log): "状态：草稿 → 待审核", "订单明细 第2行 数量 3 → 5，金额 ¥300.00 → ¥500.00"
 * — field labels and value labels, never stored keys. Pure.
 */

export interface LineChange {
  /** 1-based, as people count lines */
  line: number;
  kind: 'changed' | 'added' | 'removed';
  /** changed: [field, before, after] */
  fields?: [string, unknown, unknown][];
  /** added / removed: the line itself */
  value?: DocRecord;
}

const asLines = (v: unknown): DocRecord[] => (Array.isArray(v) ? (v as DocRecord[]) : []);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Line by line (by position): the fields that changed, the lines added at the end or removed from it. */
export function lineChanges(lineFields: Record<string, FieldDef>, before: unknown, after: unknown): LineChange[] {
  const a = asLines(before);
  const b = asLines(after);
  const out: LineChange[] = [];
  const names = Object.keys(lineFields);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) out.push({ line: i + 1, kind: 'added', value: b[i] });
    else if (i >= b.length) out.push({ line: i + 1, kind: 'removed', value: a[i] });
    else {
      const fields = names
        .filter((k) => !same(a[i]?.[k], b[i]?.[k]))
        .map((k): [string, unknown, unknown] => [k, a[i]?.[k] ?? null, b[i]?.[k] ?? null]);
      if (fields.length) out.push({ line: i + 1, kind: 'changed', fields });
    }
  }
  return out;
}

const WORDS: Record<
  Locale,
  {
    line: (n: number) => string;
    added: string;
    removed: string;
    comment: string;
    password: string;
    source: string;
    colon: string;
    comma: string;
    none: string;
  }
> = {
  zh: {
    line: (n) => `第${n}行`,
    added: '新增',
    removed: '删除',
    comment: '意见',
    password: '密码已修改',
    source: '来源',
    colon: '：',
    comma: '，',
    none: '（空）',
  },
  en: {
    line: (n) => `Line ${n}`,
    added: 'added',
    removed: 'removed',
    comment: 'Comment',
    password: 'Password changed',
    source: 'From',
    colon: ': ',
    comma: ', ',
    none: '(empty)',
  },
};

/** what names a line in a sentence: its product or item name, then its quantity */
const NAME_FIELDS = ['productName', 'itemName', 'name', 'sku'];

function lineSummary(lineFields: Record<string, FieldDef>, line: DocRecord | undefined, ctx: ValueContext): string {
  if (!line) return '';
  const name = NAME_FIELDS.map((k) => line[k]).find((v) => typeof v === 'string' && v);
  const qty = typeof line.qty === 'number' ? `× ${line.qty}` : '';
  const rest = name
    ? ''
    : Object.entries(lineFields)
        .slice(0, 2)
        .map(([k, f]) => fieldValueText(f, line[k], ctx))
        .filter(Boolean)
        .join(' ');
  return [name, qty, rest].filter(Boolean).join(' ');
}

const shown = (text: string, w: (typeof WORDS)[Locale]) =>
  text === '' ? w.none : text.length > 80 ? `${text.slice(0, 80)}…` : text;

/** The sentences of one lines field's change: "第2行 数量 3 → 5", "第3行 新增：A4复印纸 × 5". */
export function lineChangeTexts(f: FieldDef, before: unknown, after: unknown, ctx: ValueContext): string[] {
  const w = WORDS[ctx.locale];
  const lf = f.lineFields ?? {};
  return lineChanges(lf, before, after).map((c) => {
    if (c.kind !== 'changed')
      return `${w.line(c.line)} ${c.kind === 'added' ? w.added : w.removed}${w.colon}${lineSummary(lf, c.value, ctx)}`;
    const parts = (c.fields ?? []).map(
      ([k, x, y]) =>
        `${lf[k]?.label[ctx.locale] ?? k} ${shown(fieldValueText(lf[k], x, ctx), w)} → ${shown(fieldValueText(lf[k], y, ctx), w)}`,
    );
    return `${w.line(c.line)} ${parts.join(w.comma)}`;
  });
}

/**
 * The sentences of an audit entry's `changes` (field → [before, after] for edits and steps; the
 * step's params and comment; the printed form). A created record's values are not repeated.
 */
export function changeTexts(
  def: DocumentDefinition | undefined,
  action: string,
  changes: Record<string, unknown> | null | undefined,
  ctx: ValueContext & {
    formName?: (id: string) => string | undefined;
    /** a created record's values, each as "label：value" (the audit log's entry) */ showCreated?: boolean;
  },
): string[] {
  const created = action === 'create';
  if (!changes || (created && !ctx.showCreated)) return [];
  const w = WORDS[ctx.locale];
  const out: string[] = [];
  for (const [k, v] of Object.entries(changes)) {
    if (k === 'password') {
      out.push(w.password);
      continue;
    }
    if (k === 'comment') {
      out.push(`${w.comment}${w.colon}${shown(String(v ?? ''), w)}`);
      continue;
    }
    // a change another document's step made (stock moves, effects): which document
    if (k === 'by' && typeof v === 'string' && /^\w+#\d+$/.test(v)) {
      const [res, id] = v.split('#');
      out.push(
        `${w.source}${w.colon}${resourceLabel(res, ctx.locale)} ${typeof changes.code === 'string' && changes.code ? changes.code : `#${id}`}`,
      );
      continue;
    }
    if (k === 'code' && typeof changes.by === 'string') continue;
    if (k === 'form' && action === 'print' && typeof v === 'string') {
      out.push(ctx.formName?.(v) ?? v);
      continue;
    }
    const f = def && Object.hasOwn(def.fields, k) ? def.fields[k] : undefined;
    if (f?.internal) continue;
    const label = fieldLabel(def, k, ctx.locale);
    const text = (x: unknown) => shown(def ? valueText(def, k, x, ctx) : String(x ?? ''), w);
    if (f?.type === 'lines') {
      // [before, after] of an edit, or the lines a step took with it
      const pair = !created && Array.isArray(v) && v.length === 2 && v.every((x) => x === null || Array.isArray(x));
      out.push(...lineChangeTexts(f, pair ? v[0] : [], pair ? v[1] : v, ctx).map((l) => `${label} ${l}`));
    } else if (!created && Array.isArray(v) && v.length === 2)
      out.push(`${label}${w.colon}${text(v[0])} → ${text(v[1])}`);
    else if (!(created && (v === null || v === undefined || v === ''))) out.push(`${label}${w.colon}${text(v)}`);
  }
  return out;
}
