import { shanghaiDate, shanghaiTime } from './calendar';
import type { DocRecord, DocumentDefinition, FieldDef } from './definition';
import { getDefinition } from './documents';
import { formatYuan, yuanToFen } from './money';
import type { Locale, Text } from './text';

/**
 * A value as people read it, from its field's type — one place for the lists, the show pages,
 * the settings, the inbox and the exports: ¥ for money, % for percentages, km for distances,
 * Shanghai times, choice and status labels, yes / no, references by their names. Pure: no React.
 */

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai, whatever the machine's zone; '' for no time. */
export function shanghaiDateTime(v: unknown): string {
  if (typeof v !== 'string' || !v) return '';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return '';
  return `${shanghaiDate(d)} ${shanghaiTime(d)}`;
}

/** ¥1,234.50; '' when there is no amount. */
export function moneyText(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? formatYuan(yuanToFen(v)) : '';
}

const trimZeros = (n: number, decimals: number) => String(Number(n.toFixed(decimals)));

/** A figure with its unit (FieldDef.unit): 12.5%, 11 km, ¥12.50 for money, 12 for a count. */
export function figureText(f: Pick<FieldDef, 'type' | 'unit'> | undefined, v: unknown): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '';
  if (f?.unit === 'percent') return `${trimZeros(v, 2)}%`;
  if (f?.unit === 'km') return `${trimZeros(v, 1)} km`;
  if (f?.type === 'money') return moneyText(v);
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** How a record is named in titles, references, exports and the inbox. */
export function recordName(resource: string, r: DocRecord | undefined): string {
  if (!r) return '';
  switch (resource) {
    case 'customers':
      return [r.code, r.name].filter(Boolean).join(' ');
    case 'products':
      return [r.sku, r.name, r.spec].filter(Boolean).join(' ');
    case 'users':
      return String(r.fullName ?? r.username ?? r.id);
    default:
      return String(r.code ?? `#${r.id}`);
  }
}

/** Labels of the fields every stored record has (SYSTEM_FIELDS) when a definition does not name them. */
export const SYSTEM_LABELS: Record<string, Text> = {
  id: { zh: '编号', en: 'ID' },
  code: { zh: '单据号', en: 'Number' },
  status: { zh: '状态', en: 'Status' },
  createdAt: { zh: '创建时间', en: 'Created at' },
  createdBy: { zh: '创建人', en: 'Created by' },
  updatedAt: { zh: '更新时间', en: 'Updated at' },
  version: { zh: '版本', en: 'Version' },
  approvals: { zh: '审批记录', en: 'Approvals' },
};

/** A field's label: the definition's, else a system field's, else the name. */
export function fieldLabel(def: DocumentDefinition | undefined, field: string, locale: Locale): string {
  const f = def && Object.hasOwn(def.fields, field) ? def.fields[field] : undefined;
  if (f) return f.label[locale];
  return Object.hasOwn(SYSTEM_LABELS, field) ? SYSTEM_LABELS[field][locale] : field;
}

const YES_NO: Record<Locale, [string, string]> = { zh: ['是', '否'], en: ['Yes', 'No'] };

/** A resource's name (销售订单) or an action's (审核通过) where the stored value is the key. */
export function resourceLabel(resource: unknown, locale: Locale): string {
  const def = typeof resource === 'string' ? getDefinition(resource) : undefined;
  return def ? def.label[locale] : String(resource ?? '');
}

/** The label of an action of `resource` (a workflow step, or create / update / print). */
export function actionLabel(resource: unknown, action: unknown, locale: Locale): string {
  const a = String(action ?? '');
  const generic = Object.hasOwn(GENERIC_ACTIONS, a) ? GENERIC_ACTIONS[a] : undefined;
  if (generic) return generic[locale];
  // a record another step created ("create from quotes", "create from intake")
  const from = /^create from (\w+)$/.exec(a);
  if (from) {
    const source = from[1] === 'intake' ? INTAKE[locale] : resourceLabel(from[1], locale);
    return locale === 'zh' ? `新建（由${source}生成）` : `Created from ${source}`;
  }
  const def = typeof resource === 'string' ? getDefinition(resource) : undefined;
  const t = def?.workflow?.transitions.find((x) => x.action === a);
  return t ? t.label[locale] : a;
}

/** what the audit log records besides workflow steps (server/core/documents.ts, effects.ts) */
export const GENERIC_ACTIONS: Record<string, Text> = {
  create: { zh: '新建', en: 'Created' },
  update: { zh: '修改', en: 'Edited' },
  print: { zh: '打印', en: 'Printed' },
  stock: { zh: '库存变动', en: 'Stock moved' },
  effect: { zh: '随单据步骤更新', en: 'Updated by a step' },
};
const INTAKE: Text = { zh: '网上商城', en: 'the web shop' };

export interface ValueContext {
  locale: Locale;
  /** the display name of a referenced record, when known (export and inbox look them up) */
  refName?: (resource: string, id: number) => string | undefined;
  /** the record the value belongs to (an action's label depends on its resource) */
  record?: DocRecord;
}

/**
 * A field's value as text in the reader's language: statuses and choices by their labels,
 * times in Shanghai, money in yuan with ¥, units, yes / no, references by name.
 */
export function valueText(def: DocumentDefinition, field: string, v: unknown, ctx: ValueContext): string {
  if (v === null || v === undefined || v === '') return '';
  const f = Object.hasOwn(def.fields, field) ? def.fields[field] : undefined;
  if (field === 'status' && def.workflow && typeof v === 'string')
    return def.workflow.states[v]?.label[ctx.locale] ?? v;
  if ((field === 'createdAt' || field === 'updatedAt') && !f) return shanghaiDateTime(v);
  return fieldValueText(f, v, ctx);
}

/** A value by its field definition (also a line's field). */
export function fieldValueText(f: FieldDef | undefined, v: unknown, ctx: ValueContext): string {
  if (v === null || v === undefined || v === '') return '';
  switch (f?.type) {
    case 'enum':
      return typeof v === 'string' ? (f.options?.[v]?.[ctx.locale] ?? v) : String(v);
    case 'bool':
      return v === true ? YES_NO[ctx.locale][0] : v === false ? YES_NO[ctx.locale][1] : String(v);
    case 'datetime':
      return shanghaiDateTime(v);
    case 'money':
    case 'int':
      return figureText(f, v);
    case 'ref': {
      const name = f.ref && typeof v === 'number' ? ctx.refName?.(f.ref, v) : undefined;
      return name ?? String(v);
    }
    case 'lines':
      return Array.isArray(v) ? String(v.length) : '';
    default:
      if (f?.valueIs === 'resourceName') return resourceLabel(v, ctx.locale);
      if (f?.valueIs === 'actionName') return actionLabel(ctx.record?.resource, v, ctx.locale);
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}
