import { SYSTEM_FIELDS, type DocumentDefinition, type FieldDef } from '../../src/domain/definition';
import { isInt32, isIsoDay, isIsoDayOrInstant, unstorableText } from '../../src/domain/input';
import { MAX_YUAN } from '../../src/domain/money';
import { refusal, RefusedError } from './refusal';
import { splitFilterKey } from '../../src/domain/where';
import type { Filter, ListQuery, Scalar } from '../store/types';

/**
 * The ra-data-simple-rest dialect: `sort=["field","ASC"]`, `range=[0,24]`,
 * `filter={"status":"submitted","id":[1,2],"q":"…","total_gte":100,"createdAt_lt":"…"}`. Unknown fields are
 * refused (400), never silently dropped; sorting and ranges only on indexed columns.
 */

const bad = (zh: string, en: string) => new RefusedError(refusal(400, zh, en));
const MAX_PAGE = 1000;

function parseJson(raw: string | null, what: string): unknown {
  if (raw == null || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw bad(`参数 ${what} 不是有效的 JSON`, `Parameter ${what} is not valid JSON`);
  }
}

const SYSTEM_FILTERABLE: Record<string, FieldDef['type']> = {
  id: 'int',
  version: 'int',
  createdAt: 'datetime',
  updatedAt: 'datetime',
  createdBy: 'ref',
  status: 'text',
  code: 'text',
};

function fieldType(def: DocumentDefinition, field: string): FieldDef['type'] | undefined {
  const f = Object.hasOwn(def.fields, field) ? def.fields[field] : undefined;
  if (f && !f.secret) return f.type;
  return Object.hasOwn(SYSTEM_FILTERABLE, field) ? SYSTEM_FILTERABLE[field] : undefined;
}

/**
 * A filter value as its column holds it — or 400 naming the filter: numbers a database integer
 * (or money column) holds, dates that exist (2026-02-30, "1" and year 0 are refused, never shifted),
 * text without NUL or lone surrogates. The same check on every store (src/domain/input.ts).
 */
function checkValue(def: DocumentDefinition, field: string, key: string, v: unknown): Scalar {
  const type = fieldType(def, field);
  if (v === null) return null;
  const invalid = () => bad(`筛选条件 ${key} 的值无效`, `Invalid value for filter ${key}`);
  if (type === 'int' || type === 'ref' || type === 'money') {
    // numbers may come as strings from URL-built filters
    const n = typeof v === 'string' && /^-?\d{1,15}(\.\d{1,2})?$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid();
    if (type === 'money' ? Math.abs(n) > MAX_YUAN : !isInt32(n))
      throw bad(`筛选条件 ${key} 超出范围`, `Filter ${key} is out of range`);
    return n;
  }
  if (type === 'bool') {
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    throw invalid();
  }
  if (typeof v !== 'string' || v.length > 200) throw invalid();
  if (unstorableText(v)) throw bad(`筛选条件 ${key} 含有无效字符`, `Filter ${key} contains an invalid character`);
  if (type === 'date' && !isIsoDay(v))
    throw bad(`筛选条件 ${key} 的日期无效（YYYY-MM-DD）`, `Invalid date for filter ${key} (YYYY-MM-DD)`);
  if (type === 'datetime' && !isIsoDayOrInstant(v))
    throw bad(
      `筛选条件 ${key} 的日期无效（YYYY-MM-DD 或 ISO 时间）`,
      `Invalid date for filter ${key} (YYYY-MM-DD or an ISO date-time)`,
    );
  return v;
}

export function parseFilter(def: DocumentDefinition, raw: unknown): Filter {
  if (raw === undefined) return {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('filter 必须是对象', 'filter must be an object');
  const out: Filter = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'q') {
      if (typeof value !== 'string' || value.length > 100) throw bad('搜索内容无效', 'Invalid search text');
      if (unstorableText(value))
        throw bad('搜索内容 q 含有无效字符', 'The search text q contains an invalid character');
      if (value.trim()) out.q = value.trim();
      continue;
    }
    const { field, op } = splitFilterKey(key, (k) => !!fieldType(def, k));
    if (!fieldType(def, field)) throw bad(`不能按 ${field} 筛选`, `Unknown filter field: ${field}`);
    if (op !== 'eq' && op !== 'neq' && !def.columns.includes(field) && !Object.hasOwn(SYSTEM_FILTERABLE, field))
      throw bad(`不能按 ${field} 做范围筛选`, `No range filter on ${field}`);
    if (Array.isArray(value)) {
      if (value.length > 1000) throw bad('筛选值太多', 'Too many filter values');
      out[key] = value.map((v) => checkValue(def, field, key, v));
    } else out[key] = checkValue(def, field, key, value);
  }
  return out;
}

export function parseListQuery(def: DocumentDefinition, params: URLSearchParams): ListQuery {
  const sortRaw = parseJson(params.get('sort'), 'sort');
  let sort = def.defaultSort;
  if (sortRaw !== undefined) {
    if (!Array.isArray(sortRaw) || typeof sortRaw[0] !== 'string' || !['ASC', 'DESC'].includes(String(sortRaw[1])))
      throw bad('sort 格式应为 ["字段","ASC"]', 'sort must be ["field","ASC"|"DESC"]');
    const field = sortRaw[0];
    const sortable = field === 'id' || field === 'createdAt' || field === 'updatedAt' || def.columns.includes(field);
    if (!sortable) throw bad(`不能按 ${field} 排序`, `Cannot sort by ${field}`);
    sort = { field, order: sortRaw[1] as 'ASC' | 'DESC' };
  }
  const rangeRaw = parseJson(params.get('range'), 'range');
  let range: [number, number] | null = [0, 24];
  if (rangeRaw !== undefined) {
    // rows are counted in database integers: a start past MAX_INT is no page of any list
    if (
      !Array.isArray(rangeRaw) ||
      rangeRaw.length !== 2 ||
      !rangeRaw.every((n) => isInt32(n) && n >= 0) ||
      rangeRaw[1] < rangeRaw[0]
    ) {
      throw bad('range 格式应为 [起, 止]', 'range must be [start, end]');
    }
    if (rangeRaw[1] - rangeRaw[0] >= MAX_PAGE)
      throw bad(`每页最多 ${MAX_PAGE} 条`, `At most ${MAX_PAGE} rows per page`);
    range = [rangeRaw[0], rangeRaw[1]];
  }
  // getMany ({"id":[…]}) asks for exactly those rows
  const filter = parseFilter(def, parseJson(params.get('filter'), 'filter'));
  if (Array.isArray(filter.id) && rangeRaw === undefined) range = [0, Math.max(0, filter.id.length - 1)];
  return { filter, sort, range };
}

export const isSystemField = (f: string) => (SYSTEM_FIELDS as readonly string[]).includes(f);
