import {
  isWritable,
  SYSTEM_FIELDS,
  type DocRecord,
  type DocumentDefinition,
  type FieldDef,
} from '../../src/domain/definition';
import { isIsoDay, isIsoInstant, MAX_INT, MIN_INT, unstorableText } from '../../src/domain/input';
import { isYuanAmount } from '../../src/domain/money';
import type { Refusal } from './refusal';
import type { Role } from '../../src/domain/roles';
import type { Text } from '../../src/domain/text';

/**
 * Checks a request body against the definition: types, lengths, ranges, required fields and
 * unknown fields — the same definition the forms are generated from. Server-controlled fields
 * (system, computed, read-only) in a body are ignored, never written.
 */

const DEFAULT_MAX_TEXT = 500;

type Errors = Record<string, Text>;

/** JSON with object keys sorted: PostgreSQL's JSONB does not keep key order */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : x,
  );
}

/** control characters other than tab, newline and carriage return */
const hasControlChars = (v: string) => {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return true;
  }
  return false;
};

function checkField(name: string, f: FieldDef, v: unknown, errors: Errors, path = name): unknown {
  if (v === null || v === undefined || v === '') {
    if (f.required) errors[path] = { zh: `请填写${f.label.zh}`, en: `${f.label.en} is required` };
    return v === '' && (f.type === 'text' || f.type === 'longText') ? '' : null;
  }
  const err = (zh: string, en: string) =>
    void (errors[path] = { zh: `${f.label.zh}：${zh}`, en: `${f.label.en}: ${en}` });
  switch (f.type) {
    case 'text':
    case 'longText': {
      if (typeof v !== 'string') return err('应为文字', 'must be text');
      const max = f.maxLength ?? DEFAULT_MAX_TEXT;
      if (v.length > max) return err(`最多 ${max} 个字`, `at most ${max} characters`);
      if (hasControlChars(v)) return err('含有控制字符', 'contains control characters');
      if (unstorableText(v)) return err('含有无效字符', 'contains an invalid character');
      if (f.pattern && !f.pattern.re.test(v.trim())) return err(f.pattern.hint.zh, f.pattern.hint.en);
      return f.type === 'text' ? v.trim() : v;
    }
    case 'enum':
      if (typeof v !== 'string' || !f.options || !Object.prototype.hasOwnProperty.call(f.options, v))
        return err('不是有效选项', 'not a valid option');
      return v;
    case 'ref':
    case 'int': {
      if (typeof v !== 'number' || !Number.isInteger(v)) return err('应为整数', 'must be a whole number');
      const min = f.min ?? (f.type === 'ref' ? 1 : MIN_INT);
      const max = Math.min(f.max ?? MAX_INT, MAX_INT);
      if (v < min) return err(`不能小于 ${min}`, `must be at least ${min}`);
      if (v > max) return err(`不能大于 ${max}`, `must be at most ${max}`);
      return v;
    }
    case 'money':
      if (!isYuanAmount(v))
        return err('应为不小于0、最多两位小数的金额', 'must be an amount ≥ 0 with at most 2 decimals');
      if (f.max != null && v > f.max) return err(`不能大于 ${f.max}`, `must be at most ${f.max}`);
      return v;
    case 'bool':
      if (typeof v !== 'boolean') return err('应为是/否', 'must be true or false');
      return v;
    case 'datetime':
      // a time that exists (no 24:00, no 30 February), in the years the desk carries
      if (!isIsoInstant(v))
        return err(
          '不是有效时间（如 2026-11-27T08:30:00+08:00）',
          'not a valid date-time (e.g. 2026-11-27T08:30:00+08:00)',
        );
      return new Date(v).toISOString();
    case 'date':
      if (!isIsoDay(v)) return err('不是有效日期（YYYY-MM-DD）', 'not a valid date (YYYY-MM-DD)');
      return v;
    case 'lines': {
      if (!Array.isArray(v)) return err('应为明细列表', 'must be a list of lines');
      if (v.length > (f.maxLines ?? 500))
        return err(`最多 ${f.maxLines ?? 500} 行`, `at most ${f.maxLines ?? 500} lines`);
      return v.map((line, i) => {
        if (!line || typeof line !== 'object' || Array.isArray(line)) {
          errors[`${path}.${i}`] = { zh: `第${i + 1}行格式不正确`, en: `Line ${i + 1} is malformed` };
          return {};
        }
        const out: DocRecord = {};
        for (const [k, lf] of Object.entries(f.lineFields ?? {})) {
          if (lf.computed) continue;
          out[k] = checkField(k, lf, (line as DocRecord)[k], errors, `${path}.${i}.${k}`);
        }
        for (const k of Object.keys(line)) {
          if (!f.lineFields || !Object.hasOwn(f.lineFields, k))
            errors[`${path}.${i}.${k}`] = { zh: `未知字段 ${k}`, en: `Unknown field ${k}` };
        }
        return out;
      });
    }
  }
}

export interface Checked {
  values: DocRecord;
  refusal: Refusal | null;
}

/**
 * @param mode create: required fields must be present; update: only fields present are checked.
 * @param current the stored record (update) — for writableBy / immutable checks
 */
export function checkBody(
  def: DocumentDefinition,
  body: unknown,
  mode: 'create' | 'update',
  role: Role,
  current?: DocRecord,
): Checked {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return {
      values: {},
      refusal: { status: 400, message: { zh: '请求内容应为 JSON 对象', en: 'The body must be a JSON object' } },
    };
  }
  const input = body as Record<string, unknown>;
  const errors: Errors = {};
  const values: DocRecord = {};
  let forbidden: string | null = null;
  for (const key of Object.keys(input)) {
    const f = Object.hasOwn(def.fields, key) ? def.fields[key] : undefined;
    if (!isWritable(def, key)) {
      // server-controlled fields in a body (system, computed, read-only) are ignored; others are unknown
      const serverSide = f || (SYSTEM_FIELDS as readonly string[]).includes(key) || key === 'comment';
      if (!serverSide) errors[key] = { zh: `未知字段 ${key}`, en: `Unknown field ${key}` };
      continue;
    }
    if (!f) continue;
    const v = checkField(key, f, input[key], errors);
    if (errors[key]) continue;
    if (mode === 'update' && current && canonical(current[key] ?? null) === canonical(v ?? null)) continue; // unchanged
    if (f.writableBy && !f.writableBy.includes(role) && !(mode === 'create' && (v === f.default || v == null))) {
      forbidden = key;
      continue;
    }
    if (mode === 'update' && f.immutable && current && current[key] != null) {
      errors[key] = { zh: `${f.label.zh}创建后不能修改`, en: `${f.label.en} cannot change after creation` };
      continue;
    }
    values[key] = v;
  }
  if (mode === 'create') {
    for (const [key, f] of Object.entries(def.fields)) {
      if (f.computed || f.readOnly || key in values) continue;
      if (f.default !== undefined) values[key] = structuredClone(f.default);
      else if (f.required && !errors[key]) errors[key] = { zh: `请填写${f.label.zh}`, en: `${f.label.en} is required` };
    }
  }
  const keys = Object.keys(errors);
  if (keys.length) {
    const first = errors[keys[0]];
    return {
      values,
      refusal: { status: 400, message: { zh: `输入有误：${first.zh}`, en: `Invalid input: ${first.en}` }, errors },
    };
  }
  if (forbidden) {
    const f = def.fields[forbidden];
    const rule = f.writableRule ? ` (${f.writableRule})` : '';
    return {
      values,
      refusal: {
        status: 403,
        ...(f.writableRule ? { rule: f.writableRule } : {}),
        message: {
          zh: `您的角色不能修改"${f.label.zh}"${rule}`,
          en: `Your role may not change "${f.label.en}"${rule}`,
        },
        errors: { [forbidden]: { zh: `无权修改${rule}`, en: `Not allowed${rule}` } },
      },
    };
  }
  return { values, refusal: null };
}

/**
 * The body of a workflow action: `comment`, `version`, and the step's params (fields of the
 * definition); anything else is refused.
 */
export function checkActionBody(def: DocumentDefinition, body: unknown, params: readonly string[]): Checked {
  if (body == null) return { values: {}, refusal: null };
  if (typeof body !== 'object' || Array.isArray(body))
    return {
      values: {},
      refusal: { status: 400, message: { zh: '请求内容应为 JSON 对象', en: 'The body must be a JSON object' } },
    };
  const errors: Errors = {};
  const values: DocRecord = {};
  for (const [key, v] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'comment') {
      if (v != null && (typeof v !== 'string' || v.length > 1000 || unstorableText(v)))
        errors.comment = { zh: '意见应为文字，最多1000字', en: 'The comment is text of at most 1000 characters' };
      continue;
    }
    if (key === 'version') {
      if (v != null && !Number.isInteger(v))
        errors.version = { zh: '版本号应为整数', en: 'version must be a whole number' };
      continue;
    }
    if (!params.includes(key) || !Object.hasOwn(def.fields, key)) {
      errors[key] = { zh: `此操作不接受字段 ${key}`, en: `This step takes no field ${key}` };
      continue;
    }
    const f = def.fields[key];
    const checked = checkField(key, { ...f, required: false }, v, errors);
    if (!errors[key]) values[key] = checked;
  }
  const keys = Object.keys(errors);
  if (keys.length)
    return {
      values,
      refusal: {
        status: 400,
        message: { zh: `输入有误：${errors[keys[0]].zh}`, en: `Invalid input: ${errors[keys[0]].en}` },
        errors,
      },
    };
  return { values, refusal: null };
}
